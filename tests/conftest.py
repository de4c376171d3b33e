import os
import socket
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from tests.factories import (
    ActionStatusFactory,
    CategoryFactory,
    CategoryTypeFactory,
    OrganizationFactory,
    PersonFactory,
    PlanFactory,
    make_action,
    task,
)
from vahti.access.models import Role

# For tests whose processes share the test database: the PostgreSQL run has a server;
# SQLite's test database lives in one process's memory.
needs_database_server = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="processes sharing the test database need a database server (the run on "
    "PostgreSQL has it; SQLite's test database lives in one process's memory)",
)


@pytest.fixture
def plan(db):
    return PlanFactory(identifier="hnh", name_fi="Hiilineutraali Helsinki 2035", name_en="")


@pytest.fixture
def other_plan(db):
    return PlanFactory(identifier="other", name_fi="Toinen suunnitelma", name_en="")


@pytest.fixture
def status(plan):
    return ActionStatusFactory(plan=plan)


@pytest.fixture
def category(plan):
    return CategoryFactory(type=CategoryTypeFactory(plan=plan), name_fi="Smart & Clean kasvu")


@pytest.fixture
def organization(plan):
    return OrganizationFactory(plan=plan, name_fi="Elinkeino-osasto", abbreviation_fi="Elo")


@pytest.fixture
def person(plan, organization):
    return PersonFactory(
        plan=plan,
        first_name="Mikko",
        last_name="Martikka",
        title_fi="erityissuunnittelija",
        organization=organization,
    )


@pytest.fixture
def english():
    """Messages in English, the language of the source strings."""
    from django.utils import translation

    with translation.override("en"):
        yield


# A plan with someone in every role: see `world`.
def make_user(username: str, email: str | None = None, **extra):
    return get_user_model().objects.create_user(
        username, email or f"{username}@example.invalid", "a-long-test-password", **extra
    )


@dataclass
class World:
    plan: object
    other_plan: object
    action_126: object
    action_127: object
    users: dict


@pytest.fixture
def world(plan, category, organization, status) -> World:
    """Action 126 (organisation unit under a division, contact person Mikko) and 127
    (another organisation, contact person Liisa) in the plan, a second plan, and a user
    for each role."""
    division = OrganizationFactory(plan=plan, name_fi="Kaupunkiympäristön toimiala")
    organization.parent = division
    organization.save()
    elsewhere = OrganizationFactory(plan=plan, name_fi="Kasvatuksen ja koulutuksen toimiala")
    other_plan = PlanFactory(identifier="muu", name_fi="Toinen kaupunki")
    users = {
        name: make_user(name)
        for name in [
            "plan_admin",
            "organization_admin",
            "contact_126",
            "contact_other",
            "viewer",
            "other_plan_admin",
        ]
    }
    Role.objects.create(user=users["plan_admin"], plan=plan, kind="plan_admin")
    Role.objects.create(
        user=users["organization_admin"],
        plan=plan,
        kind="organization_admin",
        organization=division,
    )
    Role.objects.create(user=users["viewer"], plan=plan, kind="viewer")
    Role.objects.create(user=users["other_plan_admin"], plan=other_plan, kind="plan_admin")
    person_126 = PersonFactory(plan=plan, user=users["contact_126"], first_name="Mikko")
    person_other = PersonFactory(plan=plan, user=users["contact_other"], first_name="Liisa")
    action_126 = make_action(
        plan,
        "126",
        name_fi="Elinkeinopolitiikka ja päästövähennykset",
        status=status,
        categories=[category],
        tasks=[task("Yhteistyömalli valmis"), task("Kokeilut käynnissä")],
        responsible_parties=[(organization, "primary")],
        contact_persons=[(person_126, "contact")],
    )
    action_127 = make_action(
        plan,
        "127",
        name_fi="Yhteiskehitysalustat",
        responsible_parties=[(elsewhere, "primary")],
        contact_persons=[(person_other, "contact")],
    )
    return World(plan, other_plan, action_126, action_127, users)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Tests log people in all the time; a deliberately slow hash would only slow them."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def generous_api_rate_limit(settings):
    """Tests make many API requests from one address within a minute; the limit has
    its own test (tests/api/test_read_api.py)."""
    settings.API_RATE_LIMIT = 1_000_000


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: no page, count or version of another."""
    from django.core.cache import cache

    from vahti.core import counters
    from vahti.site.pagecache import local_pages

    cache.clear()
    local_pages.clear()
    counters.reset()


# Redis for the tests that need it: the scale-out test, the tracked numbers.
TEST_REDIS_URL = os.environ.get("VAHTI_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture
def redis_url():
    """Redis's address; a test needing it is skipped where none runs, but fails in CI."""
    address = urlsplit(TEST_REDIS_URL)
    try:
        socket.create_connection((address.hostname, address.port or 6379), timeout=2).close()
    except OSError:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is not reachable at {TEST_REDIS_URL}")
        pytest.skip(f"Redis is not reachable at {TEST_REDIS_URL}")
    return TEST_REDIS_URL


@pytest.fixture
def redis_cache(settings, redis_url):
    """Redis as the cache, with keys of this test's own, deleted afterwards."""
    import redis

    from vahti.core import tracking
    from vahti.site.pagecache import local_pages

    prefix = f"vahti-test-{uuid.uuid4().hex[:12]}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": prefix,
        }
    }
    yield redis_url
    local_pages.clear()
    client = redis.Redis.from_url(redis_url)
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    if keys:
        client.delete(*keys)
    client.close()
    if tracking._default is not None:
        tracking._default.forget()


@pytest.fixture
def uncached(settings):
    """Public pages rendered on every request: for tests that count what a render
    reads (a page from the cache reads nothing; tests/site/test_page_cache.py)."""
    settings.PAGE_CACHE_SECONDS = 0
