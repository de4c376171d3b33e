"""The people sheet: people named on actions, by identifier; an email is unique in the
plan (it lets the person log in)."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from vahti.core.upserts import Upserts
from vahti.orgs.models import Organization, Person
from vahti.workbook.imports.rows import SheetRows
from vahti.workbook.report import RowFailed


def import_people(rows: SheetRows) -> None:
    rows.duplicates("people", lambda r: str(r.get("identifier") or ""))
    organizations = {o.identifier: o for o in Organization.objects.filter(plan=rows.plan)}
    people = Upserts(
        Person,
        Person.objects.filter(plan=rows.plan).select_related("organization"),
        key=lambda person: person.identifier,
        unique=[("person_email_unique_in_plan", lambda p: p.email.lower() or None)],
    )

    def one(number, record):
        values = rows.cells("people", number, record)
        data = rows.texts(values, "title")
        for name in ("first_name", "last_name"):
            if name in values:
                data[name] = values[name] or ""
        if "email" in values:
            data["email"] = values["email"] or ""
        if "organisation" in values:
            data["organization"] = rows.find(
                "people", number, "organisation", organizations, values["organisation"]
            )
        lookup = {"plan": rows.plan, "identifier": values["identifier"]}
        rows.check_row()
        try:
            _person, created, changed = people.upsert(values["identifier"], lookup, data)
        except ValidationError as error:
            rows.validation_problems("people", number, error, {"organization": "organisation"})
            raise RowFailed from None
        rows.report.count("people", created=created, changed=changed)

    rows.each_row("people", one)
    people.index_added()
