"""A report's own rules, checked with a clear message and by the database."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import make_action
from vahti.core.db import SAME_PLAN_ERROR_PREFIX
from vahti.reports.models import Report, ReportAnswer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def report(plan, slug="2025", **data):
    data.setdefault("name_fi", "Vuosiraportti 2025")
    data.setdefault("period_start", datetime.date(2025, 1, 1))
    data.setdefault("period_end", datetime.date(2025, 12, 31))
    made = Report(plan=plan, slug=slug, **data)
    made.full_clean()
    made.save()
    return made


def test_a_reports_address_is_unique_in_its_plan_and_its_period_in_order(plan, other_plan):
    report(plan)
    report(other_plan)
    with pytest.raises(ValidationError) as caught:
        report(plan)
    assert caught.value.messages == ["The plan already has a report with this address."]
    with pytest.raises(ValidationError) as caught:
        report(plan, "2026", period_end=datetime.date(2024, 1, 1))
    assert caught.value.messages == ["The period cannot end before it starts."]


def test_an_answer_is_for_an_action_of_the_reports_plan(plan, other_plan):
    round_ = report(plan)
    stranger = make_action(other_plan, "1")
    with pytest.raises(ValidationError) as caught:
        ReportAnswer(report=round_, action=stranger).full_clean()
    assert "action" in caught.value.message_dict
    with pytest.raises(IntegrityError, match=SAME_PLAN_ERROR_PREFIX), transaction.atomic():
        ReportAnswer.objects.create(report=round_, action=stranger)
    ReportAnswer.objects.create(report=round_, action=make_action(plan, "1"))
