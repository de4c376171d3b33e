"""The dashboard of a filtered set of actions: how many are in each status and phase,
how recently they were updated, and one row per action for a sortable table and for
the CSV and Excel downloads (which hold exactly the rows the table shows).

Timeliness of updates follows the plan's two intervals: an action published within
``Plan.update_target_days`` is up to date, within ``Plan.stale_after_days`` acceptable,
after that stale. Days are counted in the plan's time zone, as the admin counts them.

Everything is read in a fixed number of queries whatever the number of actions: the
rows come from ``values()`` and the through tables, not from model instances.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass
from urllib.parse import quote

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vahti.actions import history
from vahti.actions.lateness import late_condition
from vahti.actions.models import Action, ResponsibleParty, Task
from vahti.core.i18n import (
    TranslatedStr,
    active_language,
    column_name,
    language_codes,
    pick_translation,
)
from vahti.orgs.models import Organization
from vahti.plans.changes import kept_for_version
from vahti.plans.models import (
    ActionImplementationPhase,
    ActionStatus,
    Category,
    CategoryType,
    Plan,
)


@dataclass(frozen=True)
class Lookups:
    """The plan's lists the dashboard names things from, read once per request (the
    filter form has read them already)."""

    statuses: dict[int, ActionStatus]
    phases: dict[int, ActionImplementationPhase]
    theme_type: CategoryType | None
    themes: dict[int, Category]


def _in_order(items: dict) -> list:
    return sorted(items.values(), key=lambda item: (item.order, item.pk))


class Timeliness:
    RECENT = "recent"
    ACCEPTABLE = "acceptable"
    STALE = "stale"
    ORDER = (RECENT, ACCEPTABLE, STALE)
    LABELS = {
        RECENT: _("Up to date"),
        ACCEPTABLE: _("Acceptable"),
        STALE: _("Stale"),
    }
    # Colours for the chart: each at least 3:1 against white (WCAG 1.4.11).
    COLOURS = {RECENT: "#0a5c36", ACCEPTABLE: "#8a6d00", STALE: "#b3261e"}


def timeliness(days_since_update: int, plan: Plan) -> str:
    if days_since_update <= plan.update_target:
        return Timeliness.RECENT
    if days_since_update <= plan.stale_after_days:
        return Timeliness.ACCEPTABLE
    return Timeliness.STALE


@dataclass(frozen=True, slots=True)
class DashboardRow:
    pk: int
    identifier: str
    sort_key: str
    url: str
    name: TranslatedStr
    category: Category | None  # the first theme
    organization: Organization | None  # the first primarily responsible
    status: ActionStatus | None
    phase: ActionImplementationPhase | None
    open_tasks: int
    late_tasks: int
    updated: datetime.date
    days_since_update: int
    timeliness: str

    @property
    def timeliness_label(self) -> str:
        return str(Timeliness.LABELS[self.timeliness])


@dataclass(frozen=True)
class Share:
    """One part of a distribution: what (a status, a phase, a timeliness), how many, the
    share of all in whole percent, and where its segment lies on a bar 1,000 wide."""

    key: str
    label: str
    lang: str | None  # of the label, when a fallback in another language than the page's
    colour: str
    count: int
    percent: int
    start: float
    width: float


def _shares(items: list[tuple[str, str, str | None, str, int]], total: int) -> list[Share]:
    shares, start = [], 0.0
    for key, label, lang, colour, count in items:
        if not count:
            continue
        width = 1000 * count / total
        shares.append(
            Share(key, label, lang, colour, count, round(100 * count / total), start, width)
        )
        start += width
    return shares


# Colours for phases that have none of their own, in order; each 3:1 against white.
PHASE_PALETTE = ["#0a4f8a", "#00727d", "#6a3d9a", "#9c4f1f", "#555b5e", "#8a6d00", "#0a5c36"]
NO_VALUE_COLOUR = "#6b6b6b"


# Finnish and Swedish put å, ä and ö after z, in that order, and ü with y; code points
# would put ä before å.
_NORDIC = str.maketrans({"å": "z\U0010fff1", "ä": "z\U0010fff2", "ö": "z\U0010fff3", "ü": "y"})


def _sort_text(text) -> str:
    return str(text or "").casefold().translate(_NORDIC)


SORT_COLUMNS = (
    "identifier",
    "name",
    "category",
    "organization",
    "status",
    "phase",
    "open_tasks",
    "late_tasks",
    "updated",
)
DEFAULT_SORT = "identifier"


def parse_sort(value: str | None) -> tuple[str, bool]:
    """``"-updated"`` → ("updated", descending). Unknown columns sort by identifier."""
    value = (value or "").strip()
    descending = value.startswith("-")
    column = value.removeprefix("-")
    if column not in SORT_COLUMNS:
        return DEFAULT_SORT, False
    return column, descending


def _first_theme(lookups: Lookups, actions: QuerySet[Action]) -> dict[int, int]:
    """Each action's first theme, by the themes' order."""
    if lookups.theme_type is None:
        return {}
    first: dict[int, int] = {}
    for action_id, category_id in (
        Action.categories.through.objects.filter(
            action__in=actions, category__type=lookups.theme_type
        )
        .order_by("category__order", "category_id")
        .values_list("action_id", "category_id")
    ):
        first.setdefault(action_id, category_id)
    return first


def _first_primary_organization(actions: QuerySet[Action]) -> tuple[dict[int, int], dict]:
    """Each action's first primarily responsible organisation, and those by id."""
    first: dict[int, int] = {}
    for action_id, organization_id in (
        ResponsibleParty.objects.filter(action__in=actions, role=ResponsibleParty.Role.PRIMARY)
        .order_by("sort_order", "pk")
        .values_list("action_id", "organization_id")
    ):
        first.setdefault(action_id, organization_id)
    organizations = (
        {o.pk: o for o in Organization.objects.filter(pk__in=set(first.values()))} if first else {}
    )
    return first, organizations


def _task_counts(actions: QuerySet[Action], today: datetime.date) -> dict[int, tuple[int, int]]:
    """(open, late) tasks of each action that has open tasks."""
    return {
        row["action_id"]: (row["open"], row["late"])
        for row in Task.objects.filter(action__in=actions, state__in=Task.OPEN_STATES)
        .values("action_id")
        .annotate(open=Count("id"), late=Count("id", filter=Q(due_at__lt=today)))
        .order_by()
    }


def sorted_ids(
    plan: Plan,
    actions: QuerySet[Action],
    today: datetime.date,
    sort: str | None,
    lookups: Lookups,
) -> list[int]:
    """The ids of ``actions`` in the order the table shows them: by the column ``sort``
    names (``-`` first for descending), ties in identifier order, a missing value
    last. The page and the downloads both take their order from here. Reads only what
    the column needs: 1 to 4 queries."""
    column, descending = parse_sort(sort)
    ordered = actions.in_natural_order()
    if column == "identifier":
        ids = list(ordered.values_list("pk", flat=True))
        return ids[::-1] if descending else ids
    if column == "name":
        language, primary = active_language(), plan.primary_language
        name_columns = [column_name("name", code) for code in language_codes()]
        keyed = [
            (
                row[0],
                _sort_text(
                    pick_translation(
                        {
                            c.rsplit("_", 1)[1]: v
                            for c, v in zip(name_columns, row[1:], strict=True)
                        },
                        language,
                        primary,
                    )
                ),
            )
            for row in ordered.values_list("pk", *name_columns)
        ]
    elif column in ("status", "phase"):
        items, field = (
            (lookups.statuses, "status_id")
            if column == "status"
            else (lookups.phases, "implementation_phase_id")
        )
        order = {item.pk: (item.order, item.pk) for item in items.values()}
        keyed = [
            (pk, (value not in order, order.get(value, (0, 0))))
            for pk, value in ordered.values_list("pk", field)
        ]
    elif column == "updated":
        keyed = list(ordered.values_list("pk", "updated_at"))
    elif column in ("open_tasks", "late_tasks"):
        counts = _task_counts(actions, today)
        index = 0 if column == "open_tasks" else 1
        keyed = [(pk, counts.get(pk, (0, 0))[index]) for pk in ordered.values_list("pk", flat=True)]
    else:
        first, items = (
            (_first_theme(lookups, actions), lookups.themes) if column == "category"
            else _first_primary_organization(actions)
        )  # fmt: skip

        def name_of(pk):
            item = items.get(first.get(pk))
            return (item is None, _sort_text(item.name) if item else "")

        keyed = [(pk, name_of(pk)) for pk in ordered.values_list("pk", flat=True)]
    if descending and column in ("name", "category", "organization", "status", "phase"):
        # A missing value stays last the other way round too.
        present = [item for item in keyed if not _missing(item[1])]
        missing = [item for item in keyed if _missing(item[1])]
        present.sort(key=lambda item: item[1], reverse=True)
        keyed = present + missing
    else:
        keyed.sort(key=lambda item: item[1], reverse=descending)
    return [pk for pk, _key in keyed]


def _missing(key) -> bool:
    return isinstance(key, tuple) and key[0] is True


def dashboard_rows(
    plan: Plan,
    actions: QuerySet[Action],
    today: datetime.date,
    order: list[int],
    lookups: Lookups,
) -> list[DashboardRow]:
    """The rows of ``actions`` (public actions of ``plan``: all filtered ones for a
    download, one page of them for the table) in the order of ``order``, the ids from
    :func:`sorted_ids`. 5 queries."""
    language, primary = active_language(), plan.primary_language
    statuses, phases, themes = lookups.statuses, lookups.phases, lookups.themes
    first_theme = _first_theme(lookups, actions)
    first_organization, organizations = _first_primary_organization(actions)
    tasks = _task_counts(actions, today)
    name_columns = [column_name("name", code) for code in language_codes()]
    url_pattern = reverse("site:action-detail", kwargs={"identifier": "IDENTIFIER"})
    position = {pk: index for index, pk in enumerate(order)}
    rows = []
    for row in actions.order_by().values(
        "id",
        "identifier",
        "sort_key",
        "status_id",
        "implementation_phase_id",
        "updated_at",
        *name_columns,
    ):
        if row["id"] not in position:
            continue
        updated = row["updated_at"].astimezone(plan.tzinfo).date()
        days = (today - updated).days
        open_tasks, late_tasks = tasks.get(row["id"], (0, 0))
        rows.append(
            DashboardRow(
                pk=row["id"],
                identifier=row["identifier"],
                sort_key=row["sort_key"],
                url=url_pattern.replace("IDENTIFIER", quote(row["identifier"], safe="")),
                name=pick_translation(
                    {column.rsplit("_", 1)[1]: row[column] for column in name_columns},
                    language,
                    primary,
                ),
                category=themes.get(first_theme.get(row["id"])),
                organization=organizations.get(first_organization.get(row["id"])),
                status=statuses.get(row["status_id"]),
                phase=phases.get(row["implementation_phase_id"]),
                open_tasks=open_tasks,
                late_tasks=late_tasks,
                updated=updated,
                days_since_update=days,
                timeliness=timeliness(days, plan),
            )
        )
    rows.sort(key=lambda row: position[row.pk])
    return rows


@dataclass(frozen=True)
class Distributions:
    total: int
    by_status: list[Share]
    by_phase: list[Share]
    by_timeliness: list[Share]
    late_tasks: int
    actions_with_late_tasks: int
    late_actions: int  # late by the plan's derived lateness (vahti.actions.lateness)


def _lang_of(text) -> str | None:
    lang = getattr(text, "lang", None)
    return lang if lang and lang != active_language() else None


def _status_items(counts: Counter, lookups: Lookups) -> list[tuple]:
    """(key, label, lang, colour, count) of each status in the plan's order, then of
    "no progress given"."""
    items = [
        (s.identifier, str(s.name), _lang_of(s.name), s.color, counts[s.pk])
        for s in _in_order(lookups.statuses)
    ]
    items.append(("", str(_("No progress given")), None, NO_VALUE_COLOUR, counts[None]))
    return items


@dataclass(frozen=True)
class QuarterRow:
    label: str
    end: datetime.datetime
    total: int
    shares: list[Share]
    counts: list[int]  # in the order of ``OverTime.columns``


@dataclass(frozen=True)
class OverTime:
    """The plan's progress on a past day and quarter by quarter up to now."""

    day: datetime.date
    total: int
    by_status: list[Share]
    columns: list[tuple]  # (key, label, lang, colour) of every status, then "none"
    quarters: list[QuarterRow]


def over_time(
    plan: Plan, actions: QuerySet[Action], day: datetime.date, lookups: Lookups
) -> OverTime:
    """``actions`` counted by the status each had published at the end of ``day``, and
    at the end of each quarter: 2 queries (see :mod:`vahti.actions.history`)."""
    end_of_day = _local_midnight(day + datetime.timedelta(days=1), plan)
    now = timezone.now()
    ends = history.quarter_ends(plan, history.first_change(actions), now)
    # The day and every quarter's end in one pass over the rows.
    *quarter_counts, counts = history.counts_at(
        actions, [end for _label, end in ends] + [min(end_of_day, now)]
    )
    items = _status_items(counts, lookups)
    total = sum(counts.values())
    columns = [item[:4] for item in _status_items(Counter(), lookups)]
    quarter_rows = []
    for (label, end), quarter in zip(ends, quarter_counts, strict=True):
        quarter_items = _status_items(quarter, lookups)
        quarter_total = sum(quarter.values())
        quarter_rows.append(
            QuarterRow(
                label,
                end,
                quarter_total,
                _shares(quarter_items, quarter_total) if quarter_total else [],
                [item[4] for item in quarter_items],
            )
        )
    return OverTime(day, total, _shares(items, total) if total else [], columns, quarter_rows)


def _local_midnight(day: datetime.date, plan: Plan) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min).replace(tzinfo=plan.tzinfo)


@dataclass(frozen=True)
class Counts:
    """What :class:`Distributions` are drawn from: plain numbers, the same in every
    language, so that the whole plan's can be kept per data version."""

    statuses: Counter
    phases: Counter
    ages: Counter
    late_actions: int
    late_tasks: int
    actions_with_late_tasks: int


def distributions(
    plan: Plan,
    actions: QuerySet[Action],
    today: datetime.date,
    lookups: Lookups,
    *,
    whole_plan: bool = False,
) -> Distributions:
    """Counts and shares of ``actions`` by status (in the plan's order), by phase and by
    timeliness of updates, and their late tasks: counted by the database, 2 queries.
    ``whole_plan``: ``actions`` are all the plan's public ones, whose counts are kept per
    data version and day (no query while the plan's data stays the same)."""
    if whole_plan:
        counts = kept_for_version(
            plan, f"dashboard-counts:{today.isoformat()}", lambda: _counts(plan, actions, today)
        )
    else:
        counts = _counts(plan, actions, today)
    total = sum(counts.statuses.values())
    by_status = _status_items(counts.statuses, lookups)
    by_phase = [
        (
            p.identifier,
            str(p.name),
            _lang_of(p.name),
            p.color or PHASE_PALETTE[index % len(PHASE_PALETTE)],
            counts.phases[p.pk],
        )
        for index, p in enumerate(_in_order(lookups.phases))
    ]
    by_phase.append(("", str(_("No phase given")), None, NO_VALUE_COLOUR, counts.phases[None]))
    by_timeliness = [
        (key, str(Timeliness.LABELS[key]), None, Timeliness.COLOURS[key], counts.ages[key])
        for key in Timeliness.ORDER
    ]
    return Distributions(
        total=total,
        by_status=_shares(by_status, total),
        by_phase=_shares(by_phase, total),
        by_timeliness=_shares(by_timeliness, total),
        late_tasks=counts.late_tasks,
        actions_with_late_tasks=counts.actions_with_late_tasks,
        late_actions=counts.late_actions,
    )


def _counts(plan: Plan, actions: QuerySet[Action], today: datetime.date) -> Counts:
    """``actions`` counted by status, phase and timeliness, and their late tasks. 2
    queries."""
    # Within the target: published on or after the local midnight that many days ago.
    recent_from = _local_midnight(today - datetime.timedelta(days=plan.update_target), plan)
    acceptable_from = _local_midnight(today - datetime.timedelta(days=plan.stale_after_days), plan)
    status_counts: Counter = Counter()
    phase_counts: Counter = Counter()
    ages: Counter = Counter()
    late_actions = 0
    for status_id, phase_id, count, recent, acceptable, late_count in (
        actions.order_by()
        .values_list("status", "implementation_phase")
        .annotate(
            n=Count("id"),
            recent=Count("id", filter=Q(updated_at__gte=recent_from)),
            acceptable=Count(
                "id", filter=Q(updated_at__lt=recent_from, updated_at__gte=acceptable_from)
            ),
            late=Count("id", filter=late_condition(plan, today)),
        )
    ):
        late_actions += late_count
        status_counts[status_id] += count
        phase_counts[phase_id] += count
        ages[Timeliness.RECENT] += recent
        ages[Timeliness.ACCEPTABLE] += acceptable
        ages[Timeliness.STALE] += count - recent - acceptable
    late = Task.objects.filter(
        action__in=actions, state__in=Task.OPEN_STATES, due_at__lt=today
    ).aggregate(tasks=Count("id"), actions=Count("action", distinct=True))
    return Counts(
        statuses=status_counts,
        phases=phase_counts,
        ages=ages,
        late_actions=late_actions,
        late_tasks=late["tasks"],
        actions_with_late_tasks=late["actions"],
    )
