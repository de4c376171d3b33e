"""Database triggers that keep every reference inside one plan.

A plan's action may only use that plan's statuses, categories, organisations and people.
Django cannot express "the category's plan equals the action's plan" as a constraint
(it spans two tables), so model validation reports it with a friendly message and these
triggers make sure no write path – raw SQL, ``bulk_create``, a many-to-many ``add()`` –
can store it anyway. SQLite and PostgreSQL each get their own dialect.
"""

from __future__ import annotations

from django.db.migrations.operations.base import Operation

SAME_PLAN_ERROR_PREFIX = "same-plan check failed"


class SamePlanTrigger(Operation):
    """``SamePlanTrigger("actions_action", {"status_id": "plans_actionstatus"})``

    On every insert and update of ``table``, each listed foreign-key column must point to
    a row (in the given table, which has a ``plan_id``) of the same plan as the row itself.
    The row's own plan is its ``plan_id`` column, or, with ``plan_via=(column, table)``,
    the plan of the row that ``column`` points to (for tables without a plan column, such
    as a many-to-many table).
    """

    reversible = True
    reduces_to_sql = True

    def __init__(
        self, table: str, references: dict[str, str], plan_via: tuple[str, str] | None = None
    ):
        self.table = table
        self.references = dict(references)
        self.plan_via = tuple(plan_via) if plan_via else None

    def deconstruct(self):
        kwargs = {"plan_via": self.plan_via} if self.plan_via else {}
        return (self.__class__.__qualname__, [self.table, self.references], kwargs)

    def _row_plan(self) -> str:
        if self.plan_via is None:
            return "NEW.plan_id"
        column, table = self.plan_via
        return f"(SELECT plan_id FROM {table} WHERE id = NEW.{column})"

    def state_forwards(self, app_label, state):
        pass

    @property
    def name(self) -> str:
        return f"{self.table}_same_plan"

    def describe(self):
        return f"Same-plan trigger on {self.table} ({', '.join(self.references)})"

    @property
    def migration_name_fragment(self):
        return f"same_plan_{self.table}"

    def _message(self, column: str, target: str) -> str:
        return (
            f"{SAME_PLAN_ERROR_PREFIX}: {self.table}.{column} "
            f"refers to a {target} row of another plan"
        )

    def _sqlite(self) -> list[str]:
        statements = []
        for column, target in self.references.items():
            condition = (
                f"NEW.{column} IS NOT NULL AND "
                f"(SELECT plan_id FROM {target} WHERE id = NEW.{column}) IS NOT {self._row_plan()}"
            )
            message = self._message(column, target).replace("'", "''")
            for event in ("INSERT", f"UPDATE OF {column}"):
                suffix = "ins" if event == "INSERT" else "upd"
                statements.append(
                    f"CREATE TRIGGER {self.name}_{column}_{suffix} BEFORE {event} ON {self.table} "
                    f"FOR EACH ROW WHEN {condition} "
                    f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
                )
        return statements

    def trigger_names(self, vendor: str) -> list[str]:
        if vendor == "postgresql":
            return [self.name]
        return [
            f"{self.name}_{column}_{suffix}"
            for column in self.references
            for suffix in ("ins", "upd")
        ]

    def _sqlite_reverse(self) -> list[str]:
        return [f"DROP TRIGGER IF EXISTS {name}" for name in self.trigger_names("sqlite")]

    def _postgresql(self) -> list[str]:
        checks = []
        for column, target in self.references.items():
            message = self._message(column, target).replace("'", "''")
            checks.append(
                f"  IF NEW.{column} IS NOT NULL AND "
                f"(SELECT plan_id FROM {target} WHERE id = NEW.{column}) "
                f"IS DISTINCT FROM {self._row_plan()} THEN\n"
                f"    RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = '{message}';\n"
                f"  END IF;"
            )
        body = "\n".join(checks)
        return [
            f"CREATE OR REPLACE FUNCTION {self.name}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            f"BEGIN\n{body}\n  RETURN NEW;\nEND $$",
            f"CREATE TRIGGER {self.name} BEFORE INSERT OR UPDATE ON {self.table} "
            f"FOR EACH ROW EXECUTE FUNCTION {self.name}()",
        ]

    def _postgresql_reverse(self) -> list[str]:
        return [
            f"DROP TRIGGER IF EXISTS {self.name} ON {self.table}",
            f"DROP FUNCTION IF EXISTS {self.name}()",
        ]

    def _run(self, schema_editor, statements_for):
        vendor = schema_editor.connection.vendor
        if vendor not in ("sqlite", "postgresql"):
            raise NotImplementedError(
                f"Vahti's same-plan triggers support sqlite and postgresql, not {vendor}."
            )
        for statement in statements_for(vendor):
            schema_editor.execute(statement, params=None)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        self._run(schema_editor, lambda v: self._sqlite() if v == "sqlite" else self._postgresql())

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        self._run(
            schema_editor,
            lambda v: self._sqlite_reverse() if v == "sqlite" else self._postgresql_reverse(),
        )
