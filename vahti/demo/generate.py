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

from django.db import transaction
from django.utils import timezone

from vahti.actions.models import Action, ContactPerson, NewsPost, ResponsibleParty, Task
from vahti.core.naturalsort import natural_sort_key
from vahti.orgs.models import Organization, Person
from vahti.plans.models import (
    ActionImpact,
    ActionImplementationPhase,
    ActionStatus,
    Category,
    CategoryType,
    Plan,
)

BATCH = 2000


@transaction.atomic
def generate_plan(identifier: str, size: int, *, seed: int = 2035) -> Plan:
    """A published plan of ``size`` public actions; replaces an earlier one of that name."""
    rng = random.Random(seed)  # noqa: S311  (repeatable test data, not secrets)
    Plan.objects.filter(identifier=identifier).delete()
    plan = Plan.objects.create(
        identifier=identifier,
        name_fi=f"Generoitu suunnitelma ({size})",
        name_en=f"Generated plan ({size})",
        other_languages=["sv", "en"],
        intro_fi="<p>Koneellisesti luotu suunnitelma suorituskykymittauksia varten.</p>",
    )
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
    categories = themes + sub_themes
    root = Organization.objects.create(plan=plan, identifier="city", name_fi="Kaupunki")
    organizations = [root] + [
        Organization.objects.create(
            plan=plan,
            identifier=f"org{n}",
            parent=root,
            name_fi=f"Toimiala {n}",
            abbreviation_fi=f"T{n}",
        )
        for n in range(20)
    ]
    people = Person.objects.bulk_create(
        [
            Person(
                plan=plan,
                first_name=f"Etunimi{n}",
                last_name=f"Sukunimi{n}",
                title_fi="asiantuntija",
                organization=organizations[n % len(organizations)],
            )
            for n in range(max(10, size // 5))
        ]
    )
    now = timezone.now()
    today = timezone.localdate()
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
                status=rng.choice(statuses),
                implementation_phase=rng.choice(phases),
                impact=rng.choice(impacts),
                live=True,
                first_published_at=now,
                last_published_at=now,
                updated_at=now - datetime.timedelta(days=rng.randint(0, 400)),
            )
        )
    Action.objects.bulk_create(actions, batch_size=BATCH)
    through = Action.categories.through
    links, tasks, parties, contacts, news = [], [], [], [], []
    for action in actions:
        # Like a real plan: each action under one theme or sub-theme.
        links.append(through(action_id=action.pk, category_id=rng.choice(categories).pk))
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
        for n in range(6):
            due = today + datetime.timedelta(days=rng.randint(-500, 400))
            state = rng.choice(
                ["completed", "completed", "in_progress", "not_started", "cancelled"]
            )
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
    ResponsibleParty.objects.bulk_create(parties, batch_size=BATCH)
    ContactPerson.objects.bulk_create(contacts, batch_size=BATCH)
    Task.objects.bulk_create(tasks, batch_size=BATCH)
    NewsPost.objects.bulk_create(news, batch_size=BATCH)
    return plan
