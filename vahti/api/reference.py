"""The API's reference as a page of the site (``/data/api/``), read from the OpenAPI
document: every endpoint with its parameters and answers, and every object with its
fields. Server-rendered, so it works without JavaScript and with every assistive
technology. Each reading endpoint has a form to try it: ``/data/api/try/<operation>/``
fills its address in and sends the browser to the answer. (It replaces Swagger UI's
console, which failed dozens of accessibility checks and had no page language.)"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from urllib.parse import quote

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.html import escape, format_html
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from vahti.api.api import api
from vahti.core.i18n import active_language

# Models that describe parameters, not answers: shown with their endpoint instead.
PARAMETER_MODELS = {"ActionParams", "PlanParam", "CategoryParams", "NewsParams", "PageParams"}


@dataclass
class Field:
    name: str
    type: SafeString
    required: bool
    description: SafeString
    location: str = "query"  # or "path": where a parameter goes in the address
    kind: str = "string"  # the JSON type, for the form's input
    value: str = ""  # as the form to try the endpoint sent it, when it comes back
    error: str = ""


# Shown when a form to try an endpoint leaves out a part of its address.
MISSING_PATH_PARAMETER = gettext_lazy("Fill in %(name)s: it is part of the address.")


@dataclass
class Operation:
    anchor: str
    method: str
    path: str
    summary: str
    description: SafeString
    parameters: list[Field] = field(default_factory=list)
    body: SafeString | None = None  # the type of the JSON body, for writes
    needs_token: bool = False
    responses: list[tuple[str, str, SafeString]] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)  # of its form, by parameter

    @property
    def can_be_tried(self) -> bool:
        """Reads can be tried from the page; writes need a token."""
        return self.method == "GET" and not self.needs_token


@dataclass
class Model:
    name: str
    description: SafeString
    fields: list[Field]


def text(value: str | None) -> SafeString:
    """Plain text from the document with `code` marked, escaped."""
    escaped = str(escape((value or "").strip()))
    escaped = re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped)
    paragraphs = [part.replace("\n", " ") for part in re.split(r"\n\s*\n", escaped) if part]
    return mark_safe("".join(f"<p>{part}</p>" for part in paragraphs))  # noqa: S308 (escaped above)


def english(words: str, link: str = "") -> SafeString:
    """JSON's own words (``string``, ``null``, a model's name), escaped: English whatever
    the page's language, so marked as English on a Finnish or Swedish page, where the
    words around them ("lista: …", "oletus 1") are the page's. ``link``: an anchor to
    make them a link to."""
    lang = format_html(' lang="{}"', "en") if active_language() != "en" else ""
    if link:
        return format_html('<a href="#{}"{}>{}</a>', link, lang, words)
    return format_html("<span{}>{}</span>", lang, words) if lang else escape(words)


def type_label(schema: dict) -> SafeString:
    """The schema's type in words for the reference's tables: the translated words in
    the page's language, JSON's names marked as English (see :func:`english`)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return english(name, link=f"model-{name}")
    if "anyOf" in schema:
        options = [option for option in schema["anyOf"] if option.get("type") != "null"]
        label = " | ".join(type_label(option) for option in options)
        nullable = len(options) < len(schema["anyOf"])
        return mark_safe(label + (" | " + english("null") if nullable else ""))  # noqa: S308 (parts escaped)
    kind = schema.get("type", "any")
    if kind == "array":
        template = escape(_("list of %(type)s"))
        return mark_safe(template % {"type": type_label(schema.get("items", {}))})  # noqa: S308
    if kind == "object" and "additionalProperties" in schema:
        return escape(_("texts by language code"))
    if schema.get("format") in ("date", "date-time"):
        return english(f"{kind} ({schema['format']})")
    limits = []
    if "minimum" in schema:
        limits.append(escape(f"≥ {schema['minimum']}"))
    if "maximum" in schema:
        limits.append(escape(f"≤ {schema['maximum']}"))
    if "default" in schema:
        limits.append(escape(_("default %(value)s")) % {"value": _default(schema["default"])})
    suffix = f" ({', '.join(limits)})" if limits else ""
    return mark_safe(english(kind) + suffix)  # noqa: S308 (parts escaped)


def _default(value) -> SafeString:
    """A default as JSON writes it (``false``, ``""``), not as Python does; a number
    reads the same in every language, a word of JSON is English."""
    written = json.dumps(value, ensure_ascii=False)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return escape(written)
    return english(written)


def build_reference(document: dict) -> tuple[list[Operation], list[Model]]:
    operations = []
    for route, methods in document["paths"].items():
        for method, operation in methods.items():
            item = Operation(
                anchor=operation["operationId"],
                method=method.upper(),
                path=route,
                summary=operation.get("summary", ""),
                description=text(operation.get("description")),
                needs_token=bool(operation.get("security")),
            )
            if "requestBody" in operation:
                content = operation["requestBody"].get("content", {})
                item.body = type_label(content.get("application/json", {}).get("schema", {}))
            for parameter in operation.get("parameters", []):
                item.parameters.append(
                    Field(
                        name=parameter["name"],
                        type=type_label(parameter.get("schema", {})),
                        required=parameter.get("required", False),
                        description=text(parameter.get("description")),
                        location=parameter.get("in", "query"),
                        kind=parameter.get("schema", {}).get("type", "string"),
                    )
                )
            for status, answer in operation.get("responses", {}).items():
                content = answer.get("content", {})
                if "application/json" in content or not content:
                    body = type_label(content.get("application/json", {}).get("schema", {}))
                else:  # a file
                    body = mark_safe(f"<code>{escape(next(iter(content)))}</code>")  # noqa: S308
                item.responses.append((status, answer.get("description", ""), body))
            operations.append(item)
    models = []
    for name, schema in sorted(document.get("components", {}).get("schemas", {}).items()):
        if name in PARAMETER_MODELS:
            continue
        required = set(schema.get("required", []))
        models.append(
            Model(
                name=name,
                description=text(schema.get("description")),
                fields=[
                    Field(
                        name=prop,
                        type=type_label(value),
                        required=prop in required,
                        description=text(value.get("description")),
                    )
                    for prop, value in schema.get("properties", {}).items()
                ],
            )
        )
    return operations, models


def filled_in(operation: Operation, values) -> tuple[str, dict[str, str]]:
    """The address an operation's form asks for, and the path parameters it left out,
    each with its message. Parameters the operation does not declare are dropped."""
    missing = {}

    def path_value(match: re.Match) -> str:
        value = values.get(match[1], "").strip()
        if not value:
            missing[match[1]] = str(MISSING_PATH_PARAMETER % {"name": match[1]})
        return quote(value, safe="")

    address = re.sub(r"\{(\w+)\}", path_value, operation.path)
    query = {
        parameter.name: values[parameter.name].strip()
        for parameter in operation.parameters
        if parameter.location == "query" and values.get(parameter.name, "").strip()
    }
    return address + (f"?{urlencode(query)}" if query else ""), missing


def _render_reference(request, errors: dict | None = None, status: int = 200):
    plan = getattr(request, "plan", None)
    if plan is None:
        raise Http404("No plan is published on this site yet.")
    document = api.get_openapi_schema()
    operations, models = build_reference(document)
    for operation in operations:
        operation.errors = (errors or {}).get(operation.anchor, {})
        for parameter in operation.parameters if operation.errors else []:
            parameter.value = request.GET.get(parameter.name, "")
            parameter.error = operation.errors.get(parameter.name, "")
    return render(
        request,
        "api/reference.html",
        {
            "plan": plan,
            "nav": "data",
            "document": document,
            "description": text(document["info"].get("description")),
            "operations": operations,
            "models": models,
            "openapi_url": reverse("api-v1:openapi-json"),
        },
        status=status,
    )


@require_safe
def reference(request):
    return _render_reference(request)


@require_safe
def try_operation(request, anchor: str):
    """Sends the browser to the answer of the operation its form filled in; a left-out
    part of the address is named on the reference page, beside the form."""
    operations, _models = build_reference(api.get_openapi_schema())
    operation = next((op for op in operations if op.anchor == anchor and op.can_be_tried), None)
    if operation is None:
        raise Http404("No such endpoint to try.")
    address, missing = filled_in(operation, request.GET)
    if missing:
        return _render_reference(request, {anchor: missing}, status=400)
    return HttpResponseRedirect(address)


app_name = "api-pages"
urlpatterns = [
    path("data/api/", reference, name="reference"),
    path("data/api/try/<slug:anchor>/", try_operation, name="try"),
]
