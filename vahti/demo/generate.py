"""Generate a large synthetic plan fast, for benchmarks and query-count tests.

Rows are written with ``bulk_create`` in one transaction instead of through the action
services: creating 15,000 actions one revision at a time would take longer than the
benchmark itself. The data has the shape of a real plan (themes with sub-themes, several
organisations and contact persons per action, done, open, late and cancelled tasks, news
posts and mentions of other actions), so pages do the same work as on a real plan.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from vahti.actions.models import (
    Action,
    ContactPerson,
    NewsPost,
    ProgressChange,
    ResponsibleParty,
    Task,
)
from vahti.core.naturalsort import natural_sort_key
from vahti.core.planner import analyze_after_bulk_write
from vahti.orgs.models import Organization, Person
from vahti.plans.models import (
    ActionImpact,
    ActionImplementationPhase,
    ActionSchedule,
    ActionStatus,
    Category,
    CategoryType,
    Plan,
)
from vahti.search.services import rebuild_plan

BATCH = 2000


@dataclass
class _Lists:
    """A generated plan's lists, which the actions pick from."""

    statuses: list
    phases: list
    impacts: list
    categories: list
    schedules: list


@transaction.atomic
def generate_plan(identifier: str, size: int, *, seed: int = 2035) -> Plan:
    """A published plan of ``size`` actions (one in fifty merged into another, the rest
    public); replaces an earlier one of that name."""
    rng = random.Random(seed)  # noqa: S311  (repeatable test data, not secrets)
    Plan.objects.filter(identifier=identifier).delete()
    plan = Plan.objects.create(
        identifier=identifier,
        name_fi=f"Generoitu suunnitelma ({size})",
        name_en=f"Generated plan ({size})",
        other_languages=["sv", "en"],
        intro_fi="<p>Koneellisesti luotu suunnitelma suorituskykymittauksia varten.</p>",
    )
    lists = _lists_create(plan)
    photo = _portrait(identifier)
    organizations = _organizations_create(plan)
    people = _people_create(plan, organizations, size, photo)
    now = timezone.now()
    today = timezone.localdate()
    actions = _actions_create(plan, size, rng, lists, now)
    news = _action_children_create(actions, rng, lists, organizations, people, today)
    _progress_create(plan, actions, lists, random.Random(seed + 1), now)  # noqa: S311
    NewsPost.objects.bulk_create(news, batch_size=BATCH)
    rebuild_plan(plan)  # bulk rows bypass publishing, which indexes one action at a time
    analyze_after_bulk_write()
    return plan


def _lists_create(plan: Plan) -> _Lists:
    statuses = ActionStatus.objects.bulk_create(
        [
            ActionStatus(
                plan=plan,
                identifier=ident,
                name_fi=fi,
                name_en=en,
                sentiment=sentiment,
                is_completed=done,
                order=order,
            )
            for order, (ident, fi, en, sentiment, done) in enumerate(
                [
                    ("not_started", "Ei aloitettu", "Not started", "neutral", False),
                    ("on_time", "Ajallaan", "On time", "positive", False),
                    ("late", "Myöhässä", "Late", "negative", False),
                    ("completed", "Valmis", "Completed", "positive", True),
                ]
            )
        ]
    )
    phases = ActionImplementationPhase.objects.bulk_create(
        [
            ActionImplementationPhase(plan=plan, identifier=f"phase{n}", name_fi=name, order=n)
            for n, name in enumerate(["Ei aloitettu", "Käynnistysvaihe", "Toteutus", "Valmis"])
        ]
    )
    impacts = ActionImpact.objects.bulk_create(
        [
            ActionImpact(
                plan=plan, identifier=f"impact{n}", name_fi=name, order=n, is_estimate=n > 0
            )
            for n, name in enumerate(["Ei ole arvioitu", "Pieni", "Kohtalainen", "Merkittävä"])
        ]
    )
    return _Lists(statuses, phases, impacts, _categories_create(plan), _schedules_create(plan))


def _categories_create(plan: Plan) -> list[Category]:
    """Eight themes with three sub-themes each."""
    theme_type = CategoryType.objects.create(
        plan=plan, identifier="theme", name_fi="Teema", is_primary=True
    )
    themes = [
        Category.objects.create(
            plan=plan, type=theme_type, identifier=f"t{n}", name_fi=f"Teema {n}", order=n
        )
        for n in range(8)
    ]
    sub_themes = [
        Category.objects.create(
            plan=plan,
            type=theme_type,
            parent=theme,
            identifier=f"t{n}-{m}",
            name_fi=f"Alateema {n}.{m}",
            order=m,
        )
        for n, theme in enumerate(themes)
        for m in range(3)
    ]
    return themes + sub_themes


def _schedules_create(plan: Plan) -> list[ActionSchedule]:
    return ActionSchedule.objects.bulk_create(
        [
            ActionSchedule(
                plan=plan,
                identifier=f"s{start}",
                name_fi=f"{start}–{start + 4}",
                begins_at=datetime.date(start, 1, 1),
                ends_at=datetime.date(start + 4, 12, 31),
                order=n,
            )
            for n, start in enumerate([2020, 2025, 2030])
        ]
    )


def _organizations_create(plan: Plan) -> list[Organization]:
    root = Organization.objects.create(plan=plan, identifier="city", name_fi="Kaupunki")
    return [root] + [
        Organization.objects.create(
            plan=plan,
            identifier=f"org{n}",
            parent=root,
            name_fi=f"Toimiala {n}",
            abbreviation_fi=f"T{n}",
        )
        for n in range(20)
    ]


def _people_create(plan: Plan, organizations: list, size: int, photo) -> list[Person]:
    return Person.objects.bulk_create(
        [
            Person(
                plan=plan,
                identifier=f"etunimi{n}-sukunimi{n}",
                first_name=f"Etunimi{n}",
                last_name=f"Sukunimi{n}",
                email=f"etunimi{n}.sukunimi{n}@example.invalid",
                title_fi="asiantuntija",
                organization=organizations[n % len(organizations)],
                photo=photo if n % 3 == 0 else None,
            )
            for n in range(max(10, size // 5))
        ]
    )


def _actions_create(plan: Plan, size: int, rng, lists: _Lists, now) -> list[Action]:
    """The published actions, one in fifty merged into the one before it."""
    actions = []
    for number in range(1, size + 1):
        identifier = str(number)
        actions.append(
            Action(
                plan=plan,
                identifier=identifier,
                sort_key=natural_sort_key(identifier),
                name_fi=f"Toimenpide {number}: päästöjen vähentäminen",
                lead_fi="Toimenpiteen tiivis kuvaus, joka kertoo mitä tehdään ja miksi.",
                description_fi=(
                    f"<p>Toimenpide täydentää toimenpiteitä {max(1, number - 1)} ja "
                    f"{number + 1 if number < size else 1}.</p><p>"
                    + "Kuvausta, joka on tavallisen toimenpiteen mittainen. " * 8
                    + "</p>"
                ),
                status=rng.choice(lists.statuses),
                implementation_phase=rng.choice(lists.phases),
                impact=rng.choice(lists.impacts),
                live=True,
                first_published_at=now,
                last_published_at=now,
                updated_at=now - datetime.timedelta(days=rng.randint(0, 400)),
            )
        )
    Action.objects.bulk_create(actions, batch_size=BATCH)
    # One action in fifty has been merged into the one before it (7 into 6, 57 into 56, …).
    merged = [a for a in actions if int(a.identifier) % 50 == 7]
    by_identifier = {a.identifier: a for a in actions}
    for action in merged:
        action.merged_with = by_identifier[str(int(action.identifier) - 1)]
    Action.objects.bulk_update(merged, ["merged_with"], batch_size=BATCH)
    return actions


def _action_children_create(actions, rng, lists: _Lists, organizations, people, today) -> list:
    """Each action's theme, timeframe, related actions, organisations, contact persons
    and tasks, written; its news posts returned, to be written last."""
    through = Action.categories.through
    schedule_links = Action.schedules.through
    related_links = Action.related_actions.through
    links, timeframes, related, tasks, parties, contacts, news = [], [], [], [], [], [], []
    for action in actions:
        # Like a real plan: each action under one theme or sub-theme.
        links.append(through(action_id=action.pk, category_id=rng.choice(lists.categories).pk))
        timeframes.append(
            schedule_links(action_id=action.pk, actionschedule_id=rng.choice(lists.schedules).pk)
        )
        for other in rng.sample(actions, min(2, len(actions))):
            if other.pk != action.pk:
                related.append(related_links(from_action_id=action.pk, to_action_id=other.pk))
        for n, organization in enumerate(rng.sample(organizations, 2)):
            parties.append(
                ResponsibleParty(
                    action=action,
                    organization=organization,
                    role="primary" if n == 0 else "collaborator",
                    sort_order=n,
                )
            )
        for n, person in enumerate(rng.sample(people, 2)):
            contacts.append(ContactPerson(action=action, person=person, sort_order=n))
        tasks += _tasks(action, rng, today)
        if action.pk % 3 == 0:
            news.append(
                NewsPost(
                    action=action,
                    title_fi="Ajankohtaista",
                    body_fi="<p>Toimenpide eteni suunnitellusti.</p>",
                    published_on=today - datetime.timedelta(days=30),
                )
            )
    through.objects.bulk_create(links, batch_size=BATCH)
    schedule_links.objects.bulk_create(timeframes, batch_size=BATCH)
    related_links.objects.bulk_create(related, batch_size=BATCH, ignore_conflicts=True)
    ResponsibleParty.objects.bulk_create(parties, batch_size=BATCH)
    ContactPerson.objects.bulk_create(contacts, batch_size=BATCH)
    Task.objects.bulk_create(tasks, batch_size=BATCH)
    return news


def _tasks(action: Action, rng, today: datetime.date) -> list[Task]:
    """Six tasks: done, open, late and cancelled ones."""
    tasks = []
    for n in range(6):
        due = today + datetime.timedelta(days=rng.randint(-500, 400))
        state = rng.choice(["completed", "completed", "in_progress", "not_started", "cancelled"])
        tasks.append(
            Task(
                action=action,
                name_fi=f"Tehtävä {n + 1}",
                state=state,
                due_at=due,
                completed_at=due if state == "completed" else None,
                sort_order=n,
                comment_fi="<p>Tehtävän tarkempi kuvaus ja tilanne.</p>" if n % 2 else "",
            )
        )
    return tasks


def _progress_create(plan: Plan, actions: list, lists: _Lists, past, now) -> None:
    """Each action's publications so far: an earlier status a year or two back, then the
    present one (``past``: a random generator of its own, so the rest of the plan stays
    as it was)."""
    changes = []
    for action in actions:
        first = now - datetime.timedelta(days=past.randint(400, 900))
        changes.append(
            ProgressChange(
                plan=plan,
                action=action,
                changed_at=first,
                status=past.choice(lists.statuses),
                implementation_phase=past.choice(lists.phases),
                is_public=True,
            )
        )
        changes.append(
            ProgressChange(
                plan=plan,
                action=action,
                changed_at=max(action.updated_at, first + datetime.timedelta(days=1)),
                status=action.status,
                implementation_phase=action.implementation_phase,
                is_public=not action.merged_with_id,
            )
        )
    ProgressChange.objects.bulk_create(changes, batch_size=BATCH)


def _portrait(name: str):
    """A small generated picture for the contact persons' photos (one per plan, so each
    plan's pages make their own thumbnails)."""
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PillowImage
    from wagtail.images import get_image_model

    buffer = BytesIO()
    PillowImage.new("RGB", (240, 240), (31, 122, 58)).save(buffer, "PNG")
    image_model = get_image_model()
    image_model.objects.filter(title=f"generated-{name}").delete()
    return image_model.objects.create(
        title=f"generated-{name}", file=ImageFile(buffer, name=f"generated-{name}.png")
    )
