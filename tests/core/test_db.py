"""The same-plan triggers exist after every migration, on both databases, and survive
SQLite's table rebuilds."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.loader import MigrationLoader

from tests.factories import OrganizationFactory, PersonFactory, PlanFactory
from vahti.core.db import SAME_PLAN_ERROR_PREFIX, SamePlanTrigger
from vahti.orgs.models import Person


def expected_triggers() -> set[str]:
    loader = MigrationLoader(connection)
    names = set()
    for migration in loader.disk_migrations.values():
        for operation in migration.operations:
            if isinstance(operation, SamePlanTrigger):
                names |= set(operation.trigger_names(connection.vendor))
    return names


def existing_triggers() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        else:
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.django_db
def test_every_same_plan_trigger_exists_after_the_migrations():
    expected = expected_triggers()
    assert len(expected) >= 10
    assert expected <= existing_triggers()


@pytest.mark.django_db(transaction=True)
def test_altering_a_column_keeps_the_triggers_on_its_table_and_on_others():
    """SQLite rebuilds the table to alter a column (vahti.core.sqlite keeps the
    triggers through it); PostgreSQL alters it in place."""
    before = existing_triggers()
    old = Person._meta.get_field("last_name")
    name, _path, args, kwargs = old.deconstruct()
    wider = type(old)(*args, **{**kwargs, "max_length": old.max_length + 1})
    wider.set_attributes_from_name(name)
    wider.model = Person
    with connection.schema_editor() as editor:
        editor.alter_field(Person, old, wider)
    try:
        assert existing_triggers() == before
        person = PersonFactory(plan=PlanFactory(), organization=None)
        person.organization = OrganizationFactory(plan=PlanFactory())
        with pytest.raises(IntegrityError, match=SAME_PLAN_ERROR_PREFIX), transaction.atomic():
            person.save()
    finally:
        with connection.schema_editor() as editor:
            editor.alter_field(Person, wider, old)
    assert existing_triggers() == before
