"""The importer's rows written from what it read when a sheet began (vahti.core.upserts)."""

import pytest

from vahti.core.upserts import Upserts
from vahti.orgs.models import Organization

pytestmark = pytest.mark.django_db


def test_a_changed_row_keeps_what_an_editor_changed_meanwhile_in_other_columns(plan, organization):
    rows = Upserts(Organization, Organization.objects.filter(plan=plan), key=lambda o: o.pk)
    # An editor, while the import runs: a column the workbook does not set.
    Organization.objects.filter(pk=organization.pk).update(abbreviation_fi="Uusi lyhenne")
    _row, created, changed = rows.upsert(organization.pk, {}, {"name_fi": "Uusi nimi"})
    assert (created, changed) == (False, True)
    organization.refresh_from_db()
    assert organization.name_fi == "Uusi nimi"
    assert organization.abbreviation_fi == "Uusi lyhenne"


def test_a_refused_change_leaves_the_row_read_as_stored(plan, organization):
    rows = Upserts(Organization, Organization.objects.filter(plan=plan), key=lambda o: o.pk)
    with pytest.raises(Exception):  # noqa: B017, PT011  (whichever validation says no)
        rows.upsert(organization.pk, {}, {"name_fi": ""})
    assert rows.get(organization.pk).name_fi == "Elinkeino-osasto"
