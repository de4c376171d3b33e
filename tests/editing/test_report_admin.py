"""Reports in the admin: plan admins open, edit and complete them; contact persons see
them on the home page and answer for their actions; everyone else is refused."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.editing.conftest import in_english
from vahti.actions.models import ActionField
from vahti.reports.models import Report, ReportSnapshot
from vahti.reports.services import report_complete, report_open

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

LIST = "/admin/snippets/reports/report/"


def url(name, *args):
    return reverse(f"wagtailsnippets_reports_report:{name}", args=args)


def refused(response) -> bool:
    """Wagtail answers a refusal by sending the user to the admin's start page."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def open_report(plan, **data):
    data.setdefault("name_fi", "Vuosiraportti 2025")
    data.setdefault("slug", "2025")
    data.setdefault("period_start", datetime.date(2025, 1, 1))
    data.setdefault("period_end", datetime.date(2025, 12, 31))
    return report_open(plan, **data)


def test_a_plan_admin_opens_a_report_with_the_plans_fields(client, world):
    cost = ActionField.objects.create(
        plan=world.plan, identifier="cost", kind="number", name_fi="Kustannus"
    )
    elsewhere = ActionField.objects.create(
        plan=world.other_plan, identifier="cost", kind="number", name_fi="Muu"
    )
    in_english(client, world, "plan_admin")
    form = client.get(url("add")).content.decode()
    assert "Kustannus" in form and "Muu" not in form
    data = {
        "name_fi": "Vuosiraportti 2025",
        "slug": "2025",
        "period_start": "2025-01-01",
        "period_end": "2025-12-31",
        "deadline": "2024-01-01",
        "asked_fields": [str(elsewhere.pk)],
    }
    refused = client.post(url("add"), data)
    assert refused.status_code == 200
    text = refused.content.decode()
    assert "The answers cannot be due before the period starts." in text
    assert not Report.objects.exists()
    data.update(deadline="2026-02-28", asked_fields=[str(cost.pk)])
    assert client.post(url("add"), data).status_code == 302
    report = Report.objects.get()
    assert report.plan == world.plan and list(report.asked_fields.all()) == [cost]
    listing = client.get(LIST).content.decode()
    assert "Vuosiraportti 2025" in listing and "0 of 2" in listing


def test_completing_asks_first_and_then_the_report_is_read_only(client, world):
    report = open_report(world.plan)
    in_english(client, world, "plan_admin")
    confirm = client.get(url("complete", report.pk)).content.decode()
    assert "freezes every action of the plan" in confirm
    assert "cannot be undone" in confirm
    assert not ReportSnapshot.objects.exists()
    response = client.post(url("complete", report.pk))
    assert response.status_code == 302
    assert ReportSnapshot.objects.filter(report=report).count() == 2
    edit = client.get(url("edit", report.pk), follow=True)
    assert "A completed report cannot be changed or deleted." in edit.content.decode()
    assert client.post(url("edit", report.pk), {"name_fi": "Uusi"}).status_code == 302
    assert client.post(url("delete", report.pk)).status_code == 302
    report.refresh_from_db()
    assert report.name_fi == "Vuosiraportti 2025"
    again = client.post(url("complete", report.pk), follow=True).content.decode()
    assert "has been completed: it can no longer be changed" in again
    answer = client.post(url("answer", report.pk, world.action_126.pk), {"commentary_fi": "x"})
    assert answer.status_code == 302 and not report.answers.exists()


def test_completing_names_the_answered_actions_whose_answers_are_not_published(client, world):
    """The snapshot is of the published actions (a reviewer found answers saved as drafts
    missing from it without a word): the confirmation names them first."""
    from vahti.actions.services import action_update
    from vahti.reports.services import report_answer

    report = open_report(world.plan)
    action_update(world.action_126, name_fi="Luonnos", publish=False)
    report_answer(report, world.action_126, commentary={"fi": "<p>Vastaus</p>"})
    in_english(client, world, "plan_admin")
    confirm = client.get(url("complete", report.pk)).content.decode()
    assert "These answered actions have changes that are not published." in confirm
    assert url_edit(world.action_126.pk) in confirm
    action_update(world.action_126, name_fi="Julkaistu")
    confirm = client.get(url("complete", report.pk)).content.decode()
    assert "not published" not in confirm


def url_edit(pk) -> str:
    return reverse("wagtailsnippets_actions_action:edit", args=[pk])


def test_contact_persons_see_their_unanswered_actions_and_answer(client, world):
    cost = ActionField.objects.create(
        plan=world.plan, identifier="cost", kind="number", name_fi="Kustannus", unit_fi="€"
    )
    report = open_report(world.plan, asked_fields=[cost], asks_estimates=True)
    in_english(client, world, "contact_126")
    home = client.get("/admin/").content.decode()
    answer_url = url("answer", report.pk, world.action_126.pk)
    assert "Vuosiraportti 2025" in home and answer_url in home
    assert url("answer", report.pk, world.action_127.pk) not in home
    page = client.get(answer_url).content.decode()
    assert "Progress commentary (Finnish)" in page and "Kustannus (€)" in page
    assert "On time" in page  # the action's current status
    response = client.post(
        answer_url,
        {
            "commentary_fi": '{"blocks":[{"key":"a","text":"Edistyi hyvin.","type":"unstyled",'
            '"depth":0,"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
            f"field_{cost.pk}": "1200.5",
            "emission_reduction_estimate": "120",
            "estimate_year": "2030",
        },
    )
    assert response.status_code == 302, re.findall(
        r'class="error-message"[^>]*>([^<]*)', response.content.decode()
    )
    world.action_126.refresh_from_db()
    assert world.action_126.field_values.get().number == Decimal("1200.5")
    assert world.action_126.emission_reduction_estimate == Decimal("120")
    assert report.answers.get().commentary_fi == "<p>Edistyi hyvin.</p>"
    assert answer_url not in client.get("/admin/").content.decode()
    report_complete(report)
    data = ReportSnapshot.objects.get(report=report, identifier="126").data
    assert data["commentary"]["fi"] == "<p>Edistyi hyvin.</p>"
    assert data["fields"][0]["value"] == "1200.5000"
    assert data["estimates"]["emission_reduction"] == "120.00"


def test_an_answer_takes_numbers_as_finnish_writes_them(client, world):
    cost = ActionField.objects.create(
        plan=world.plan, identifier="cost", kind="number", name_fi="Kustannus", unit_fi="€"
    )
    report = open_report(world.plan, asked_fields=[cost], asks_estimates=True)
    client.force_login(world.users["contact_126"])  # reads the admin in Finnish
    response = client.post(
        url("answer", report.pk, world.action_126.pk),
        {
            f"field_{cost.pk}": "1\u00a0200,5",
            "emission_reduction_estimate": "120,25",
            "estimate_year": "2030",
        },
    )
    assert response.status_code == 302, re.findall(
        r'class="error-message"[^>]*>([^<]*)', response.content.decode()
    )
    world.action_126.refresh_from_db()
    assert world.action_126.field_values.get().number == Decimal("1200.5")
    assert world.action_126.emission_reduction_estimate == Decimal("120.25")


EMPTY_EDITOR = (
    '{"blocks":[{"key":"a","text":"  ","type":"unstyled","depth":0,"inlineStyleRanges":[],'
    '"entityRanges":[]}],"entityMap":{}}'
)


def test_an_answer_with_nothing_in_it_is_refused_and_the_form_kept(client, world):
    """A tester saved an empty answer: it said it was saved and the action counted as
    answered."""
    cost = ActionField.objects.create(
        plan=world.plan, identifier="cost", kind="number", name_fi="Kustannus", unit_fi="€"
    )
    report = open_report(world.plan, asked_fields=[cost], asks_estimates=True)
    revisions = world.action_126.revisions.count()
    in_english(client, world, "contact_126")
    answer_url = url("answer", report.pk, world.action_126.pk)
    response = client.post(
        answer_url,
        {"commentary_fi": EMPTY_EDITOR, "commentary_sv": "", f"field_{cost.pk}": "",
         "emission_reduction_estimate": "", "estimate_year": ""},
    )  # fmt: skip
    assert response.status_code == 200
    page = response.content.decode()
    errors = re.findall(r'class="error-message"[^>]*>([^<]*)', page)
    assert errors == [
        "The answer is empty: write a progress commentary or fill in at least one of the "
        "asked fields or estimates."
    ]
    assert "was saved" not in page and f'name="field_{cost.pk}"' in page
    assert not report.answers.exists()
    assert world.action_126.revisions.count() == revisions
    assert answer_url in client.get("/admin/").content.decode()  # still waiting
    # A commentary alone, or a field alone, is an answer.
    response = client.post(answer_url, {f"field_{cost.pk}": "0"})
    assert response.status_code == 302 and report.answers.exists()


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("contact_other", "refused"),
        ("viewer", "refused"),
        ("organization_admin", "refused"),
        ("other_plan_admin", "not found"),
        ("plan_admin", "answered"),
        ("contact_126", "answered"),
    ],
)
def test_only_contact_persons_and_plan_admins_answer(client, world, who, expected):
    report = open_report(world.plan)
    in_english(client, world, who)
    answer_url = url("answer", report.pk, world.action_126.pk)
    shown = client.get(answer_url)
    posted = client.post(answer_url, {"commentary_fi": "Kirjoitettu"})
    if expected == "answered":
        assert shown.status_code == 200 and posted.status_code == 302
    elif expected == "not found":
        assert shown.status_code == posted.status_code == 404
    else:
        assert refused(shown) and refused(posted)
    assert report.answers.exists() == (expected == "answered")


def test_other_plans_reports_are_not_found_and_screens_are_for_plan_admins(client, world):
    report = open_report(world.plan)
    in_english(client, world, "other_plan_admin")
    for name in ("edit", "answers", "complete", "delete"):
        assert client.get(url(name, report.pk)).status_code == 404, name
    in_english(client, world, "contact_126")
    assert refused(client.get(url("complete", report.pk)))
    assert refused(client.post(url("complete", report.pk)))
    in_english(client, world, "viewer")
    assert client.get(url("answers", report.pk)).status_code == 200
    assert refused(client.post(url("complete", report.pk)))
    report.refresh_from_db()
    assert not report.is_completed


def test_the_answers_and_the_home_page_read_as_many_queries_for_many_actions(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import make_action
    from vahti.reports.services import report_answer

    report = open_report(world.plan)

    def queries(base, more):
        for number in range(more):
            action = make_action(world.plan, str(base + number))
            if number % 2:
                report_answer(report, action, commentary={"fi": "Vastattu"})
        counts = []
        for who, path in (
            ("plan_admin", url("answers", report.pk)),
            ("plan_admin", "/admin/"),
            ("contact_126", "/admin/"),
        ):
            in_english(client, world, who)
            client.get(path)  # the session and the caches settle
            with CaptureQueriesContext(connection) as captured:
                assert client.get(path).status_code == 200
            counts.append(len(captured))
        return counts

    few = queries(200, 3)
    assert queries(300, 30) == few


def test_an_answer_that_changes_an_action_someone_else_locked_is_refused(client, world):
    """A tester's contact person changed and published an action the admin had locked,
    which the action's editor refuses."""
    cost = ActionField.objects.create(
        plan=world.plan, identifier="cost", kind="number", name_fi="Kustannus", unit_fi="€"
    )
    report = open_report(world.plan, asked_fields=[cost])
    admin = world.users["plan_admin"]
    admin.first_name, admin.last_name = "Olivia", "Ylläpitäjä"
    admin.save()
    in_english(client, world, "plan_admin")
    client.post(reverse("wagtailsnippets_actions_action:lock", args=[world.action_126.pk]))
    world.action_126.refresh_from_db()
    assert world.action_126.locked
    revisions = world.action_126.revisions.count()
    in_english(client, world, "contact_126")
    answer_url = url("answer", report.pk, world.action_126.pk)
    locked = "Action 126 is locked by Olivia Ylläpitäjä: it cannot be changed until it is unlocked."
    page = client.get(answer_url).content.decode()
    assert locked + " While it is locked, only the progress commentary" in page
    response = client.post(answer_url, {"commentary_fi": "Edistyi.", f"field_{cost.pk}": "1200"})
    assert response.status_code == 200
    page = response.content.decode()
    assert re.findall(r'class="error-message"[^>]*>([^<]*)', page) == [locked]
    assert "was saved" not in page and 'value="1200"' in page  # the input is kept
    assert not world.action_126.field_values.exists()
    assert world.action_126.revisions.count() == revisions
    assert not report.answers.exists()  # nothing half-written
    # The commentary alone is the report's, not the action's: it is taken.
    assert client.post(answer_url, {"commentary_fi": "Edistyi."}).status_code == 302
    assert report.answers.get().commentary_fi == "<p>Edistyi.</p>"
    # Whoever holds the lock changes the action as in its editor.
    in_english(client, world, "plan_admin")
    assert client.post(answer_url, {f"field_{cost.pk}": "1200"}).status_code == 302
    assert world.action_126.field_values.get().number == Decimal("1200")
