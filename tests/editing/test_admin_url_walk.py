"""Every admin URL, walked as a second plan's admin, as a contact person of the second
plan and as an admin of both plans working in the second, filled in with the ids of the
marked plan's objects (internal and draft ones included): no answer names or identifies
one of them, and none is a 500.

The URLs come from the resolver, so a new admin screen is walked without anyone adding
it here. A URL parameter the walk cannot fill makes the test fail until it is given a
value below (PARAMETER_VALUES, MODELS_BY_NAMESPACE) or listed in SKIPPED with a reason.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import Collection, Page, Site

from tests.editing.leak_world import MARKER, SEARCH_WORD, build_leak_world, latest_revision_id
from vahti.access import scopes
from vahti.access.models import Role
from vahti.actions.models import Action
from vahti.indicators.models import Indicator
from vahti.plans.models import Plan

pytestmark = pytest.mark.django_db

ADMIN_PREFIX = "/admin/"

# Admin screens whose URLs do not say which model they show; the snippet screens say it
# in their namespace (wagtailsnippets_<app>_<model>, wagtailsnippetchoosers_<app>_<model>).
MODELS_BY_NAMESPACE = {
    "wagtailusers_users": get_user_model(),
    "wagtailusers_groups": Group,
    "wagtailsites": Site,
    "wagtailadmin_collections": Collection,
    "wagtailadmin_api": Page,
    "wagtailadmin_pages": Page,
}

# Vahti's own screens of one object, by URL name.
MODELS_BY_URL_NAME = {
    "vahti_indicator_data": Indicator,
    "vahti_exchange_export": Plan,
}

# Screens of things that belong to no plan (Vahti uses no workflows or settings models;
# images and documents are shared): their ids are filled with one that exists nowhere,
# so that the view still runs (no 500 on an unknown id).
NO_PLAN_NAMESPACES = {
    "wagtailadmin_workflows",
    "wagtailsettings",
    "wagtaildocs_chooser",
    "wagtailimages_chooser",
}

# Parameters that name no object of a plan: filled with a value that exists nowhere, so
# that the view is still run (no 500 on an unknown id).
NOWHERE = 987654321
PARAMETER_VALUES = {
    "image_id": NOWHERE,  # images and documents belong to no plan
    "document_id": NOWHERE,
    "doc_id": NOWHERE,
    "uploaded_file_id": NOWHERE,
    "task_id": NOWHERE,  # Wagtail's workflows: Vahti has none
    "task_state_id": NOWHERE,
    "workflow_state_id": NOWHERE,
    "workflow_pk": NOWHERE,
    "session_id": NOWHERE,
    "collection_id": NOWHERE,
    "filter_spec": "original",
    "action_name": "approve",
    "kind": "due_soon",
    "part": "txt",
    "token": "no-such-import",  # an import's progress, for whoever started it
}

# URLs the walk does not request, and why.
SKIPPED = {
    "wagtailadmin_password_reset_confirm": "a password reset link, not an object's page",
    "wagtailadmin_logout": "would end the walking user's session",
    "wagtailadmin_error_test": "Wagtail's deliberate error, for trying out error reports",
}

# Parameters filled per marked model (see _per_model).
MODEL_PARAMETERS = {
    "app_label",
    "model_name",
    "app_name",
    "content_type_app_name",
    "content_type_model_name",
    "action",
    "object_id",
}

# Unnamed URLs the walk does not request, by route, and why.
SKIPPED_ROUTES = {
    "admin/^.*/$": "Wagtail's catch-all for unknown admin paths (a 404 page)",
}

PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>")


def admin_patterns():
    """(URL name with namespaces, namespace, parameter names) of every admin URL."""

    def walk(resolver, namespaces, route):
        for item in resolver.url_patterns:
            if isinstance(item, URLResolver):
                inner = [*namespaces, item.namespace] if item.namespace else namespaces
                yield from walk(item, inner, route + str(item.pattern))
            elif isinstance(item, URLPattern):
                full = route + str(item.pattern)
                if full.lstrip("^").startswith(ADMIN_PREFIX.lstrip("/")):
                    names = [a or b for a, b in PARAMETER.findall(full)]
                    yield item, namespaces, full, names

    yield from walk(get_resolver(), [], "")


def model_of(namespaces, url_name=None) -> type | None:
    if url_name in MODELS_BY_URL_NAME:
        return MODELS_BY_URL_NAME[url_name]
    for namespace in reversed(namespaces):
        match = re.fullmatch(r"wagtailsnippet(?:s|choosers)_(\w+?)_(\w+)", namespace)
        if match:
            try:
                return apps.get_model(match[1], match[2])
            except LookupError:
                continue
        if namespace in MODELS_BY_NAMESPACE:
            return MODELS_BY_NAMESPACE[namespace]
    return None


def marked_ids(world, model) -> list[int]:
    """The marked objects' ids, the marked plan's first (URLs of one object name it;
    bulk actions name them all, the third plan's too)."""
    if model is Page:
        return [world.page.pk]
    if model is Plan:
        return [world.marked_plan.pk]
    return [obj.pk for obj in [*world.objects.get(model, []), *world.third_objects.get(model, [])]]


def fillings(world, pattern, namespaces, names):
    """The kwargs to reverse the URL with, one dict per URL to request; or a reason why
    the URL cannot be filled."""
    model = model_of(namespaces, pattern.name)
    base = {}
    for name in names:
        if name == "pk" and model is not None:
            ids = marked_ids(world, model)
            base[name] = ids[0] if ids else NOWHERE
        elif name in ("page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk"):
            base[name] = world.page.pk
        elif name in ("pk", "workflow_pk") and NO_PLAN_NAMESPACES & set(namespaces):
            base[name] = NOWHERE
        elif name == "plan_id":
            base[name] = world.marked_plan.pk
        elif name == "action_pk":  # a report's answer for one action
            base[name] = marked_ids(world, Action)[0]
        elif name == "domain_id":  # a host name and prefix serving the marked plan
            base[name] = world.marked_plan.domains.values_list("pk", flat=True).first()
        elif name in ("revision_id", "revision_id_a", "revision_id_b"):
            owner = world.page if "page" in " ".join(names) or model is None else None
            owner = owner or (world.objects.get(model) or [world.page])[0]
            base[name] = latest_revision_id(owner) or NOWHERE
        elif name in PARAMETER_VALUES:
            base[name] = PARAMETER_VALUES[name]
        elif name not in MODEL_PARAMETERS:
            return f"no value for the parameter {name!r}"
    if "model_name" in names or "content_type_model_name" in names:
        return list(_per_model(world, base, names))
    return [base]


def _per_model(world, base, names):
    """URLs that name a model in their path: one per marked model (and, for the bulk
    actions, per registered action)."""
    app_key = "content_type_app_name" if "content_type_app_name" in names else "app_label"
    if "app_name" in names:
        app_key = "app_name"
    model_key = "content_type_model_name" if "content_type_model_name" in names else "model_name"
    for model in [*world.objects, Page]:
        labels = {app_key: model._meta.app_label, model_key: model._meta.model_name}
        if "object_id" in names:
            labels["object_id"] = marked_ids(world, model)[0]
        if "action" in names:
            registered = bulk_action_registry.get_bulk_actions_for_model(
                model._meta.app_label, model._meta.model_name
            )
            for action_class in registered:
                yield {**base, **labels, "action": action_class.action_type, "_model": model}
        else:
            yield {**base, **labels, "_model": model}


def url_for(pattern, namespaces, kwargs, world) -> str:
    kwargs = dict(kwargs)
    model = kwargs.pop("_model", None) or model_of(namespaces, pattern.name)
    name = ":".join([*namespaces, pattern.name])
    path = reverse(name, kwargs=kwargs)
    # Every screen is asked about the marked objects: bulk actions and "chosen multiple"
    # by their ids, listings and choosers by a word of their names.
    query = [("q", SEARCH_WORD)] + [("id", pk) for pk in marked_ids(world, model)]
    return f"{path}?{urlencode(query)}"


def requests_to_make(world):
    urls, unfilled = [], []
    for pattern, namespaces, route, names in admin_patterns():
        if pattern.name in SKIPPED or route in SKIPPED_ROUTES:
            continue
        if pattern.name is None:
            if names or not re.fullmatch(r"[\w/.-]+", route):
                unfilled.append(f"{route}: no name to build its URL with")
            else:
                urls.append(f"/{route}?{urlencode({'q': SEARCH_WORD})}")
            continue
        filled = fillings(world, pattern, namespaces, names)
        if isinstance(filled, str):
            unfilled.append(f"{route}: {filled}")
            continue
        urls.extend(url_for(pattern, namespaces, kwargs, world) for kwargs in filled)
    return urls, unfilled


@pytest.fixture
def leak_world(db):
    return build_leak_world()


# The form for choosing the plan one works in names each of one's plans, the marked one
# included: that is its purpose (vahti.editing.working_plan).
PLAN_SWITCHER = re.compile(r'<form[^>]*class="vahti-working-plan".*?</form>', re.DOTALL)


def two_plan_admin(leak_world):
    """An admin of both plans, working in the second: the marked plan is theirs too, but
    not the one they work in."""
    admin = leak_world.users["other_plan_admin"]
    Role.objects.create(user=admin, plan=leak_world.marked_plan, kind=Role.Kind.PLAN_ADMIN)
    scopes.choose_working_plan(admin, leak_world.other_plan)
    return admin


def third_plan_first(world):
    """The same world with the third plan's objects named first: its objects' own URLs
    are walked too."""
    world.objects, world.third_objects = world.third_objects, world.objects
    world.marked_plan = Plan.objects.get(identifier="qzleak-kolmas")
    return world


WALKERS = [
    "other_plan_admin",
    "other_organization_admin",
    "other_viewer",
    "other_contact_person",
    "two_plan_admin",
    "other_plan_admin@third_plan",
]


@pytest.mark.parametrize("who", WALKERS)
def test_no_admin_url_shows_another_plans_objects(client, leak_world, who):
    if who.endswith("@third_plan"):
        who = who.split("@")[0]
        third_plan_first(leak_world)
    urls, unfilled = requests_to_make(leak_world)
    assert not unfilled, "admin URLs the walk cannot fill in:\n" + "\n".join(unfilled)
    assert len(urls) > 250
    user = two_plan_admin(leak_world) if who == "two_plan_admin" else leak_world.users[who]
    client.force_login(user)
    client.raise_request_exception = False
    failures = []
    for url in urls:
        response = client.get(url)
        if response.status_code >= 500:
            failures.append(f"{response.status_code} {url}")
            continue
        body = b"".join(response) if response.streaming else response.content
        text = PLAN_SWITCHER.sub("", body.decode("utf-8", "replace")).lower()
        if MARKER in text:
            at = text.index(MARKER)
            failures.append(f"{url} shows {text[max(0, at - 80) : at + 40]!r}")
    assert not failures, f"{len(failures)} of {len(urls)} URLs:\n" + "\n".join(failures)


def test_the_walk_sees_the_marked_objects_where_they_may_be_seen(client, leak_world):
    """The same URLs, as the marked plan's own admin: its choosers do name its objects,
    so a leak would not go unnoticed for want of a marker on the page."""
    urls, _unfilled = requests_to_make(leak_world)
    chosen = [url for url in urls if "/snippets/choose/" in url and "/chosen/" in url]
    assert len(chosen) >= 8
    client.force_login(leak_world.objects[get_user_model()][0])
    for url in chosen:
        response = client.get(url)
        assert response.status_code == 200, url
        assert MARKER in response.content.decode().lower(), url
