"""``/api/v1/`` itself: where the reference, the OpenAPI document and each list are, so
that the API's root address leads somewhere instead of a 404."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from pydantic import BaseModel

from vahti.api.base import TITLE, VERSION, ApiRouter

router = ApiRouter("index")

# The lists a client starts from, by the url_name of their endpoint.
RESOURCES = ["plans", "actions", "categories", "organizations", "indicators", "news"]


class ApiIndex(BaseModel):
    name: str
    version: str
    reference: str
    openapi: str
    resources: dict[str, str]


@router.get("/", response=ApiIndex, url_name="index", summary="Where everything is")
def index(request):
    """The API's reference (with a form to try each read), its OpenAPI document and
    its lists."""
    absolute = request.build_absolute_uri
    # The API answers in English; the reference is a page of the plan, in its language.
    plan = getattr(request, "plan", None)
    with translation.override(plan.primary_language if plan else settings.LANGUAGE_CODE):
        reference = absolute(reverse("api-pages:reference"))
    return {
        "name": TITLE,
        "version": VERSION,
        "reference": reference,
        "openapi": absolute(reverse("api-v1:openapi-json")),
        "resources": {name: absolute(reverse(f"api-v1:{name}")) for name in RESOURCES},
    }
