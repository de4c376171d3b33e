"""Several plans on one host: the index of its plans and a prefixed plan's action page
(in its brand colour) have zero axe violations and work without scripts; the admin's
“Appearance” screen has none, empty and with an error."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations, describe
from tests.browser.test_editing import ADMIN_AXE_OPTIONS, log_in
from tests.conftest import make_user
from tests.factories import PlanFactory, make_action
from vahti.access.models import Role
from vahti.plans.models import PlanDomain


def two_prefixed_plans():
    helsinki = PlanFactory(identifier="hnh", name_fi="Hiilineutraali Helsinki 2035", name_en="")
    espoo = PlanFactory(
        identifier="espoo",
        primary_language="en",
        other_languages=["fi", "sv"],
        name_fi="",
        name_en="Carbon-neutral Espoo 2030",
        intro_en="<p>How Espoo becomes carbon-neutral by 2030.</p>",
        brand_color="#ffcc00",
    )
    PlanDomain.objects.create(plan=helsinki, hostname="localhost", path_prefix="helsinki")
    PlanDomain.objects.create(plan=espoo, hostname="localhost", path_prefix="espoo")
    make_action(espoo, "7", name_en="Heat pumps for schools")
    return helsinki, espoo


def test_the_index_of_a_hosts_plans_and_a_prefixed_plans_page_are_accessible(
    transactional_db, live_server, browser
):
    two_prefixed_plans()
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    axe = Axe()
    page.goto(f"{live_server.url}/")
    assert page.locator(".plan-index__item").count() == 2
    assert (
        page.locator('.plan-index__item[lang="en"]')
        .inner_text()
        .startswith("Carbon-neutral Espoo 2030")
    )
    page.get_by_role("link", name="Carbon-neutral Espoo 2030").click()
    assert page.url == f"{live_server.url}/espoo/"
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Actions").click()
    assert page.url == f"{live_server.url}/espoo/actions/"
    page.get_by_role("link", name="Heat pumps for schools").first.click()
    assert page.url == f"{live_server.url}/espoo/actions/7/"
    context.close()

    # axe needs scripts: a context with them checks the same pages.
    checked = browser.new_context(locale="en-GB").new_page()
    for path in ("/", "/espoo/actions/7/", "/espoo/sv/actions/7/"):
        checked.goto(f"{live_server.url}{path}")
        violations = axe_violations(axe, checked)
        assert not violations, f"{path}: {describe(violations)}"
    # The brand colour reaches the page through its stylesheet, with dark text on yellow.
    header = checked.locator(".site-header")
    assert header.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 204, 0)"
    assert checked.locator(".site-name").evaluate("e => getComputedStyle(e).color") == (
        "rgb(0, 0, 0)"
    )
    checked.context.close()


def test_the_appearance_screen_is_accessible(transactional_db, live_server, page):
    _helsinki, espoo = two_prefixed_plans()
    admin = make_user("aino", email="aino@example.invalid")
    Role.objects.create(user=admin, plan=espoo, kind=Role.Kind.PLAN_ADMIN)
    log_in(page, live_server.url, "aino@example.invalid", "a-long-test-password")
    page.goto(f"{live_server.url}/admin/plans/appearance/")
    page.wait_for_url(f"{live_server.url}/admin/plans/{espoo.pk}/appearance/")
    axe = Axe()
    violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)
    field = page.locator("#id_brand_color")
    field.fill("keltainen")
    field.press("Enter")  # by keyboard
    page.wait_for_selector(".error-message")
    violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)
    page.locator("#id_brand_color").fill("#1f7a3a")
    page.locator("main button[type=submit]").last.click()
    page.wait_for_selector(".messages .success, .messages li")
    espoo.refresh_from_db()
    assert espoo.brand_color == "#1f7a3a"


def test_the_host_names_screen_is_accessible(transactional_db, live_server, page):
    helsinki, _espoo = two_prefixed_plans()
    make_user("root", email="root@example.invalid", is_superuser=True)
    log_in(page, live_server.url, "root@example.invalid", "a-long-test-password")
    page.goto(f"{live_server.url}/admin/plans/hosts/")
    axe = Axe()
    violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)
    page.locator("#id_plan").select_option(str(helsinki.pk))
    page.locator("#id_hostname").fill("ilmasto.example.fi")
    page.locator("#id_path_prefix").fill("search")
    page.locator("#id_path_prefix").press("Enter")  # by keyboard
    page.wait_for_selector("form .error-message")
    violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)
    page.locator("#id_path_prefix").fill("helsinki")
    page.locator("#id_path_prefix").press("Enter")
    page.wait_for_selector("table.listing >> text=ilmasto.example.fi/helsinki/")
    assert PlanDomain.objects.filter(hostname="ilmasto.example.fi", path_prefix="helsinki").exists()
    # The page with a warning (not in ALLOWED_HOSTS) and a row to remove, once the
    # messages have faded in (axe measures a half-transparent one's contrast wrongly).
    expect(page.locator(".messages > ul")).to_have_css("opacity", "1")
    violations = axe.run(page, options=ADMIN_AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)
