"""The data migrations of stored report snapshots, run on snapshots made by hand in the
format of the time."""

from importlib import import_module

import pytest
from django.apps import apps

from tests.reports.snapshot_data import action_data, completed_report, field
from vahti.reports.models import ReportSnapshot

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]


def rewrite_date_texts():
    module = import_module("vahti.reports.migrations.0003_date_fields_shown_in_their_language")
    module.rewrite_date_texts(apps, None)


def test_date_fields_completed_in_finnish_get_their_english_month_back(client, plan):
    decided = field("decided", "Päätöspäivä", "25.11.2020", kind="date", value="2020-11-25")
    # As completed while Finnish was active: "Mar" is marraskuu's abbreviation.
    decided["display"].update(sv="25.11.2020", en="25 Mar 2020")
    # A snapshot of an older format without the stored date keeps its texts.
    old = field("old", "Vanha", "22.5.2019", kind="date", value=None)
    old["display"].update(en="22 Tou 2019")
    cost = field("cost", "Kustannusarvio", "1 200 €", kind="number", value="1200.0000")
    snapshot = action_data("60", "Latausverkosto", fields=[decided, old, cost])
    completed_report(plan, "2025", [(snapshot, True, None)])
    untouched = completed_report(
        plan, "2024", [(action_data("61", "Pyöräily", fields=[cost]), True, None)]
    )
    before_untouched = untouched.snapshots.get().data
    assert "25 Mar 2020" in client.get("/en/reports/2025/").content.decode()

    rewrite_date_texts()

    fields = ReportSnapshot.objects.get(identifier="60").data["fields"]
    assert fields[0]["display"] == {"fi": "25.11.2020", "sv": "25.11.2020", "en": "25 Nov 2020"}
    assert fields[1]["display"] == {"fi": "22.5.2019", "en": "22 Tou 2019"}
    assert fields[2]["display"] == {"fi": "1 200 €"}
    assert untouched.snapshots.get().data == before_untouched
    english = client.get("/en/reports/2025/").content.decode()
    assert "25 Nov 2020" in english and "25 Mar 2020" not in english
