"""The shared page cache: anonymous pages come from it without a query, and stop coming
from it the moment anything they show is published, in the plan they belong to only;
editors never get a cached page; browsers and CDNs revalidate with an ETag."""

from __future__ import annotations

import datetime
import re

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from tests.conftest import make_user
from tests.factories import make_action
from tests.site.conftest import visible_text
from vahti.actions.services import action_update
from vahti.content.services import add_page, plan_pages
from vahti.plans.models import PlanDomain

pytestmark = pytest.mark.django_db


def without_form_token(content: bytes) -> bytes:
    """The page without its feedback form's token, which is signed afresh, with the
    second it was made, for every response, cached or not."""
    return re.sub(rb'name="token" value="[^"]*"', b'name="token" value=""', content)


def get(client, url, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    response.queries = len(captured)
    return response


@pytest.fixture
def action(plan):
    return make_action(plan, "126", name_fi="Pyöräilyn edistäminen")


def test_an_anonymous_page_is_rendered_once_then_served_without_a_query(client, action):
    first = get(client, "/actions/126/")
    assert first.status_code == 200 and first["X-Vahti-Cache"] == "miss"
    assert first.queries > 5
    second = get(client, "/actions/126/")
    assert second["X-Vahti-Cache"] == "hit" and second.queries == 0
    assert "Pyöräilyn edistäminen" in visible_text(second.content.decode())
    # What a visitor gets from the cache is the page as rendered, with its headers.
    for name in ("Content-Type", "Content-Language", "X-Frame-Options", "ETag"):
        assert second[name] == first[name]
    assert "script-src 'self'" in second["Content-Security-Policy"]
    assert second["Cache-Control"] == "public, no-cache"
    assert not second.cookies


def test_a_published_change_is_shown_at_once(client, plan, action):
    get(client, "/actions/126/")
    get(client, "/actions/")
    action_update(action, name_fi="Pyöräilyn vauhdittaminen")
    for url in ("/actions/126/", "/actions/"):
        page = get(client, url)
        assert page["X-Vahti-Cache"] == "miss", url
        assert "Pyöräilyn vauhdittaminen" in visible_text(page.content.decode()), url
    assert get(client, "/actions/126/")["X-Vahti-Cache"] == "hit"


def test_a_draft_leaves_the_cached_page_as_it_is(client, plan, action):
    get(client, "/actions/126/")
    action_update(action, name_fi="Luonnos", publish=False)
    page = get(client, "/actions/126/")
    assert "Luonnos" not in page.content.decode()


def test_a_published_content_page_and_a_changed_image_are_shown_at_once(client, plan):
    about = add_page(plan_pages(plan), slug="tietoa", heading_fi="Tietoa", show_in_menus=True)
    assert "Tietoa" in visible_text(get(client, "/").content.decode(), "footer")
    about.heading_fi = "Ohjelmasta"
    about.save_revision().publish()
    footer = visible_text(get(client, "/").content.decode(), "footer")
    assert "Ohjelmasta" in footer
    get(client, "/")
    image = get_image_model().objects.create(title="Kuva", file=get_test_image_file())
    assert get(client, "/")["X-Vahti-Cache"] == "miss"
    image.delete()
    assert get(client, "/")["X-Vahti-Cache"] == "miss"


def test_a_change_to_another_plan_leaves_this_plans_pages_cached(
    client, plan, other_plan, action, settings
):
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    PlanDomain.objects.create(plan=other_plan, hostname="other.example")
    other = make_action(other_plan, "9", name_fi="Toisen kaupungin toimenpide")
    get(client, "/actions/126/")
    get(client, "/actions/9/", HTTP_HOST="other.example")
    action_update(other, name_fi="Muutettu")
    assert get(client, "/actions/126/")["X-Vahti-Cache"] == "hit"
    changed = get(client, "/actions/9/", HTTP_HOST="other.example")
    assert changed["X-Vahti-Cache"] == "miss" and "Muutettu" in changed.content.decode()


def test_a_domain_given_to_another_plan_serves_that_plan_at_once(
    client, plan, other_plan, settings
):
    settings.ALLOWED_HOSTS = ["testserver", "city.example"]
    domain = PlanDomain.objects.create(plan=plan, hostname="city.example")
    assert plan.name_fi in get(client, "/", HTTP_HOST="city.example").content.decode()
    domain.plan = other_plan
    domain.save()
    page = get(client, "/", HTTP_HOST="city.example").content.decode()
    assert other_plan.name_fi in page and plan.name_fi not in page


def test_signed_in_editors_never_get_or_leave_cached_pages(client, plan, action):
    editor = make_user("editori")
    client.force_login(editor)
    for _ in range(2):
        page = get(client, "/actions/126/")
        assert page["X-Vahti-Cache"] == "bypass"
        assert "private" in page["Cache-Control"]
    client.logout()
    assert get(client, "/actions/126/")["X-Vahti-Cache"] == "miss"
    # Nor does anyone sending credentials.
    page = get(client, "/actions/126/", HTTP_AUTHORIZATION="Bearer x")
    assert page["X-Vahti-Cache"] == "bypass"


def test_browsers_revalidate_with_the_etag(client, plan, action):
    first = get(client, "/actions/")
    etag = first["ETag"]
    unchanged = get(client, "/actions/", HTTP_IF_NONE_MATCH=etag)
    assert unchanged.status_code == 304 and unchanged.content == b"" and unchanged.queries == 0
    assert unchanged["ETag"] == etag
    action_update(action, name_fi="Uusi nimi")
    changed = get(client, "/actions/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert "Uusi nimi" in changed.content.decode()


def test_a_cdn_may_keep_pages_as_long_as_configured(client, plan, action, settings):
    settings.CDN_MAX_AGE = 30
    assert get(client, "/actions/")["Cache-Control"] == "public, max-age=0, s-maxage=30"
    # Not one with the feedback form: it would give everyone the same time stamp.
    assert get(client, "/actions/126/")["Cache-Control"] == "public, no-cache"


def test_a_new_day_renders_the_page_again(client, plan, action):
    make_action(plan, "127", tasks=[{"name_fi": "Selvitys", "due_at": datetime.date(2026, 3, 1)}])
    with time_machine.travel(datetime.datetime(2026, 2, 28, 21, 0, tzinfo=datetime.UTC)):
        get(client, "/actions/127/")  # 23.00 in Helsinki
        assert get(client, "/actions/127/")["X-Vahti-Cache"] == "hit"
    with time_machine.travel(datetime.datetime(2026, 2, 28, 22, 30, tzinfo=datetime.UTC)):
        assert get(client, "/actions/127/")["X-Vahti-Cache"] == "miss"  # past midnight


def test_what_is_not_a_shared_page_is_not_cached(client, plan, action):
    for url in ("/actions/missing/", "/api/v1/actions/", "/admin/login/"):
        get(client, url)
        assert get(client, url).get("X-Vahti-Cache") in (None, "bypass"), url
    # An htmx partial is kept apart from the full page.
    full = get(client, "/actions/")
    partial = get(client, "/actions/", HTTP_HX_REQUEST="true")
    assert partial["X-Vahti-Cache"] == "miss" and partial.content != full.content
    assert get(client, "/actions/", HTTP_HX_REQUEST="true").content == partial.content


def test_pages_are_answered_when_the_cache_is_down(client, plan, action, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
        }
    }
    page = get(client, "/actions/126/")
    assert page.status_code == 200 and "Pyöräilyn edistäminen" in page.content.decode()


def test_the_cache_can_be_turned_off(client, plan, action, settings):
    settings.PAGE_CACHE_SECONDS = 0
    get(client, "/actions/126/")
    page = get(client, "/actions/126/")
    assert page.queries > 5 and "X-Vahti-Cache" not in page
    assert not cache.get("vahti:route:testserver")


def test_a_head_request_gets_the_headers_from_the_cache_without_the_body(client, action):
    get(client, "/actions/126/")
    head = client.head("/actions/126/")
    assert head["X-Vahti-Cache"] == "hit" and head.content == b""
    assert int(head["Content-Length"]) > 1000


def test_a_moved_content_page_changes_the_footer_at_once(client, plan):
    root = plan_pages(plan)
    first = add_page(root, slug="eka", heading_fi="Ensimmäinen", show_in_menus=True)
    add_page(root, slug="toka", heading_fi="Toinen", show_in_menus=True)
    assert visible_text(get(client, "/").content.decode(), ".footer-nav").startswith("Ensim")
    first.move(root, pos="last-child")
    footer = visible_text(get(client, "/").content.decode(), ".footer-nav")
    assert footer.startswith("Toinen"), footer


def test_a_rebuilt_search_index_is_searched_at_once(client, plan, action):
    from vahti.actions.models import Action
    from vahti.search.services import rebuild_plan

    get(client, "/search/?q=pyöräilyn")
    Action.objects.filter(pk=action.pk).update(name_fi="Kävelyn edistäminen")  # no signal
    rebuild_plan(plan)
    assert "Kävelyn" in get(client, "/search/?q=edistäminen").content.decode()
    assert "Pyöräilyn" not in get(client, "/search/?q=pyöräilyn").content.decode()


def test_an_htmx_history_restore_is_kept_apart_from_a_partial(client, plan, action):
    partial = get(client, "/actions/", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="action-results")
    restore = get(
        client, "/actions/", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="action-results",
        HTTP_HX_HISTORY_RESTORE_REQUEST="true",
    )  # fmt: skip
    assert restore["X-Vahti-Cache"] == "miss" and restore.content != partial.content
    again = get(client, "/actions/", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="action-results")
    assert again.content == partial.content


def test_the_port_in_the_address_is_part_of_the_page(client, plan, action, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    get(client, "/actions/126/", HTTP_HOST="testserver:1")
    assert get(client, "/actions/126/")["X-Vahti-Cache"] == "miss"


def test_deployment_refuses_a_page_cache_in_each_processs_own_memory(settings):
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    settings.PAGE_CACHE_SECONDS = 3600
    with pytest.raises(SystemCheckError, match=r"vahti\.E001"):
        call_command("check", deploy=True, tags=["caches"])
    settings.PAGE_CACHE_SECONDS = 0
    call_command("check", deploy=True, tags=["caches"])


def test_with_redis_a_process_serves_pages_it_keeps_without_asking_redis(
    client, plan, action, redis_cache, monkeypatch
):
    from vahti.core import tracking
    from vahti.plans import changes
    from vahti.site import pagecache

    assert get(client, "/actions/126/")["X-Vahti-Cache"] == "miss"
    assert get(client, "/actions/126/")["X-Vahti-Cache"] == "hit"
    tracked = tracking.for_default_cache()
    asked = tracked.asked

    class Unreachable:
        make_key = staticmethod(cache.make_key)  # names a key; asks nothing

        def __getattr__(self, name):
            raise AssertionError(f"the cache was asked ({name})")

    # Neither the page nor its versions are fetched from Redis: the page is in this
    # process's memory, the versions tracked (Redis would have said if they changed).
    with monkeypatch.context() as patched:
        patched.setattr(pagecache, "cache", Unreachable())
        patched.setattr(changes, "cache", Unreachable())
        for _ in range(20):
            page = get(client, "/actions/126/")
            assert page["X-Vahti-Cache"] == "hit" and page.queries == 0
    assert tracked.asked == asked
    # A change, published here or by another process (tests/scaleout), shows at once.
    action_update(action, name_fi="Pyöräilyn vauhdittaminen")
    page = get(client, "/actions/126/")
    assert page["X-Vahti-Cache"] == "miss"
    assert "Pyöräilyn vauhdittaminen" in visible_text(page.content.decode())
    assert get(client, "/actions/126/")["X-Vahti-Cache"] == "hit"


def test_a_page_dropped_from_the_process_comes_from_redis(client, plan, action, redis_cache):
    from vahti.site.pagecache import local_pages

    first = get(client, "/actions/126/")
    local_pages.clear()  # another process rendered it, or this one forgot it
    page = get(client, "/actions/126/")
    assert page["X-Vahti-Cache"] == "hit"
    assert without_form_token(page.content) == without_form_token(first.content)
    assert len(local_pages) == 1


def test_the_pages_a_process_keeps_are_bounded_by_their_size():
    from vahti.site.pagestore import Entry, LocalPages

    def entry(size):
        return Entry(1, 1, 1, "2026-12-03", "UTC", 200, (), b"x" * size, '"e"')

    pages = LocalPages(max_bytes=10_000)
    for name in "abcd":
        pages.put(name, entry(3_000))
    assert pages.get("a") is None  # the least recently served went first
    pages.get("b")
    pages.put("e", entry(3_000))
    assert pages.get("b") is not None and pages.get("c") is None
    assert pages.size <= 10_000 and len(pages) == 3
    pages.put("huge", entry(20_000))  # never kept
    assert pages.get("huge") is None and len(pages) == 3
