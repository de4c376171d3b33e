"""Opening, answering and completing a report; the snapshot that later edits never
change."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    ActionStatusFactory,
    CategoryFactory,
    CategoryTypeFactory,
    OrganizationFactory,
    PersonFactory,
    PhaseFactory,
    make_action,
    make_indicator,
    task,
)
from vahti.actions.models import ActionField, ActionFieldOption
from vahti.actions.services import action_update
from vahti.indicators.services import indicator_upsert
from vahti.reports.models import Report, ReportSnapshot
from vahti.reports.selectors import unanswered_for, with_answer_counts
from vahti.reports.services import (
    report_answer,
    report_complete,
    report_open,
    report_update,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def open_report(plan, **data):
    data.setdefault("name_fi", "Vuosiraportti 2025")
    data.setdefault("slug", "2025")
    data.setdefault("period_start", datetime.date(2025, 1, 1))
    data.setdefault("period_end", datetime.date(2025, 12, 31))
    return report_open(plan, **data)


def field(plan, identifier, kind, **data):
    made = ActionField(plan=plan, identifier=identifier, kind=kind, **data)
    made.name_fi = data.pop("name_fi", identifier.capitalize())
    made.save()
    return made


def test_opening_a_report_checks_its_name_period_deadline_and_fields(plan, other_plan):
    with pytest.raises(ValidationError) as caught:
        report_open(
            plan,
            slug="2025",
            period_start=datetime.date(2025, 1, 1),
            period_end=datetime.date(2024, 12, 31),
            deadline=datetime.date(2024, 6, 1),
            asked_fields=[field(other_plan, "cost", "number")],
        )
    errors = caught.value.message_dict
    assert set(errors) >= {"name_fi", "deadline", "asked_fields", "__all__"}
    assert "The answers cannot be due before the period starts." in errors["deadline"]
    assert "The period cannot end before it starts." in errors["__all__"]
    cost = field(plan, "cost", "number")
    report = open_report(plan, asked_fields=[cost], deadline=datetime.date(2026, 2, 28))
    assert list(report.asked_fields.all()) == [cost]
    with pytest.raises(ValidationError, match="already has a report with this address"):
        open_report(plan)


def test_an_answer_saves_the_commentary_and_the_asked_fields_on_the_action(plan, person):
    cost = field(plan, "cost", "number", unit_fi="€")
    sector = field(plan, "sector", "choice")
    kept = field(plan, "kept", "text")
    energy = ActionFieldOption.objects.create(field=sector, identifier="energy", name_fi="Energia")
    action = make_action(
        plan,
        "1",
        field_values=[{"field": kept, "text_fi": "Ennallaan"}, {"field": cost, "number": 5}],
    )
    revisions = action.revisions.count()
    report = open_report(plan, asked_fields=[cost, sector], asks_estimates=True)
    report_answer(
        report,
        action,
        commentary={"fi": "<p>Edistyi hyvin.</p>", "sv": "<p>Framsteg.</p>"},
        field_values=[
            {"field": cost, "number": Decimal("1200.5")},
            {"field": sector, "option": energy},
        ],
        estimates={"emission_reduction_estimate": Decimal("120"), "estimate_year": 2030},
    )
    action.refresh_from_db()
    values = {v.field.identifier: v.value for v in action.field_values.all()}
    assert values == {"kept": "Ennallaan", "cost": Decimal("1200.5"), "sector": energy}
    assert action.emission_reduction_estimate == Decimal("120")
    assert action.revisions.count() == revisions + 1
    assert action.live and not action.has_unpublished_changes
    answer = report.answers.get()
    assert answer.commentary_fi == "<p>Edistyi hyvin.</p>"
    # A field the report does not ask is refused, and so are estimates it does not ask.
    with pytest.raises(ValidationError, match="does not ask the field"):
        report_answer(report, action, field_values=[{"field": kept, "text_fi": "x"}])
    report_update(report, asks_estimates=False)
    with pytest.raises(ValidationError, match="does not ask the estimated effects"):
        report_answer(report, action, estimates={"estimate_year": 2031})


def test_an_answer_with_no_commentary_and_nothing_filled_is_refused(plan):
    cost = field(plan, "cost", "number")
    action = make_action(plan, "1")
    report = open_report(plan, asked_fields=[cost], asks_estimates=True)
    revisions = action.revisions.count()
    empty = {
        "commentary": {"fi": "<p> </p>", "sv": "", "en": "<p>&nbsp;</p>"},
        "field_values": [{"field": cost, "number": None}],
        "estimates": {"emission_reduction_estimate": None, "estimate_method_fi": ""},
    }
    for given in ({}, empty):
        with pytest.raises(ValidationError) as caught:
            report_answer(report, action, **given)
        assert caught.value.messages == [
            "The answer is empty: write a progress commentary or fill in at least one of "
            "the asked fields or estimates."
        ]
    assert not report.answers.exists() and action.revisions.count() == revisions
    # Any one of them is enough.
    estimate = {"emission_reduction_estimate": Decimal("5"), "estimate_year": 2030}
    report_answer(report, action, **{**empty, "estimates": estimate})
    assert report.answers.count() == 1


def test_an_answer_that_only_sends_back_the_actions_values_is_refused(plan):
    """The form shows the action's current values: sent back untouched, without a
    commentary, they say nothing (a reviewer's finding); a commentary or a change does."""
    cost = field(plan, "cost", "number")
    action = make_action(
        plan, "1", field_values=[{"field": cost, "number": Decimal("100")}],
        emission_reduction_estimate=Decimal("5"), estimate_year=2030,
    )  # fmt: skip
    report = open_report(plan, asked_fields=[cost], asks_estimates=True)
    revisions = action.revisions.count()
    same = {
        "field_values": [{"field": cost, "number": Decimal("100")}],
        "estimates": {"emission_reduction_estimate": Decimal("5"), "estimate_year": 2030},
    }
    with pytest.raises(ValidationError) as caught:
        report_answer(report, action, **same)
    assert caught.value.messages == [
        "The answer says nothing new: write a progress commentary (for example that the "
        "values shown still hold) or change a value."
    ]
    assert not report.answers.exists() and action.revisions.count() == revisions
    report_answer(report, action, commentary={"fi": "<p>Ennallaan.</p>"}, **same)
    assert report.answers.count() == 1 and action.revisions.count() == revisions
    other = make_action(plan, "2", field_values=[{"field": cost, "number": Decimal("1")}])
    report_answer(report, other, field_values=[{"field": cost, "number": Decimal("2")}])
    assert report.answers.count() == 2


def test_a_completed_report_is_neither_answered_changed_nor_completed_again(plan):
    action = make_action(plan, "1")
    report = open_report(plan)
    report_complete(report)
    report.refresh_from_db()
    assert report.is_completed and report.completed_at
    message = "The report “Vuosiraportti 2025” has been completed: it can no longer be changed."
    for attempt in (
        lambda: report_answer(report, action, commentary={"fi": "Myöhässä"}),
        lambda: report_update(report, name_fi="Uusi nimi"),
        lambda: report_complete(report),
    ):
        with pytest.raises(ValidationError) as caught:
            attempt()
        assert caught.value.messages == [message]
    assert ReportSnapshot.objects.filter(report=report).count() == 1


def a_full_plan(plan, person, count):
    status = ActionStatusFactory(plan=plan, identifier="on_time", color="#00aa00")
    phase = PhaseFactory(plan=plan, identifier="implementation")
    theme = CategoryFactory(type=CategoryTypeFactory(plan=plan, identifier="theme"))
    cost = field(plan, "cost", "number", unit_fi="€", is_public=False)
    make_indicator(plan, "ghg", values=[(2024, 10), (2025, 8)])
    actions = [
        make_action(
            plan,
            str(number),
            status=status,
            implementation_phase=phase,
            categories=[theme],
            tasks=[task("Tehtävä", due=datetime.date(2025, 6, 1))],
            responsible_parties=[(person.organization, "primary")],
            contact_persons=[(person, "contact")],
            field_values=[{"field": cost, "number": Decimal(number)}],
        )
        for number in range(count, 0, -1)
    ]
    indicator_upsert(plan, "ghg", action_links=[(a, "decreases", False) for a in actions])
    return actions


def test_completing_freezes_every_action_in_order_and_later_edits_change_nothing(plan, person):
    actions = a_full_plan(plan, person, 10)
    merged = make_action(plan, "99")
    action_update(merged, merged_with=actions[0])
    internal = make_action(plan, "50", visibility="internal")
    report = open_report(plan)
    report_answer(report, actions[-1], commentary={"fi": "<p>Hyvin menee.</p>"})
    report_complete(report)
    snapshots = list(ReportSnapshot.objects.filter(report=report))
    assert [s.identifier for s in snapshots] == [*map(str, range(1, 11)), "50"]
    assert [s.position for s in snapshots] == list(range(1, 12))
    assert [s.is_public for s in snapshots][-2:] == [True, False]
    first = snapshots[0].data
    assert first["commentary"] == {"fi": "<p>Hyvin menee.</p>"}
    assert first["status"]["identifier"] == "on_time"
    assert first["phase"]["identifier"] == "implementation"
    assert first["categories"][0]["type"] == "theme"
    assert first["responsible"][0]["role"] == "primary"
    assert first["tasks"][0]["due_at"] == "2025-06-01"
    assert first["fields"][0]["value"] == "1.0000"
    assert first["fields"][0]["is_public"] is False
    assert first["fields"][0]["display"]["fi"] == "1 €"
    assert first["indicators"][0]["latest"] == {"date": "2025-12-31", "value": 8.0}
    assert internal.pk == snapshots[-1].action_id
    before = [s.data for s in snapshots]
    # Edits after completion: status, name, field value and tasks.
    other = ActionStatusFactory(plan=plan, identifier="late")
    action_update(
        actions[-1],
        status=other,
        name_fi="Uusi nimi",
        tasks=[task("Uusi tehtävä")],
        field_values=[{"field": ActionField.objects.get(identifier="cost"), "number": 77}],
    )
    assert [s.data for s in ReportSnapshot.objects.filter(report=report)] == before


def test_completing_reads_a_fixed_number_of_queries_whatever_the_number_of_actions(
    plan, person, other_plan
):
    def queries(the_plan, the_person, count):
        a_full_plan(the_plan, the_person, count)
        report = open_report(the_plan)
        with CaptureQueriesContext(connection) as captured:
            report_complete(report)
        assert report.snapshots.count() == count
        return len(captured)

    other_person = PersonFactory(plan=other_plan, organization=OrganizationFactory(plan=other_plan))
    assert queries(plan, person, 10) == queries(other_plan, other_person, 50)


def test_a_contact_persons_unanswered_actions_and_the_answer_counts(world):
    plan, user = world.plan, world.users["contact_126"]
    report = open_report(plan)
    later = open_report(plan, slug="2026", name_fi="Vuosiraportti 2026")
    report_answer(report, world.action_126, commentary={"fi": "Valmis"})
    waiting = unanswered_for(user, plan)
    assert [(w.report, [a.identifier for a in w.actions]) for w in waiting] == [(later, ["126"])]
    counts = {r.slug: r.answered for r in with_answer_counts(Report.objects.filter(plan=plan))}
    assert counts == {"2025": 1, "2026": 0}
