"""The lists a new plan starts from, so that it is usable at once: statuses, phases, an
ordered impact scale, schedules and a theme category type. Texts in every language the
installation offers; the plan shows those of its own languages. A city changes them
afterwards like any list of its plan."""

from __future__ import annotations

import datetime

STATUSES = [
    {
        "identifier": "not_started",
        "name": {"fi": "Ei aloitettu", "sv": "Inte påbörjad", "en": "Not started"},
        "is_completed": False,
        "color": "#6b6b6b",
        "sentiment": "neutral",
    },
    {
        "identifier": "on_time",
        "name": {"fi": "Ajallaan", "sv": "Enligt tidsplan", "en": "On time"},
        "is_completed": False,
        "color": "#1f7a3a",
        "sentiment": "positive",
    },
    {
        "identifier": "late",
        "name": {"fi": "Myöhässä", "sv": "Försenad", "en": "Late"},
        "is_completed": False,
        "color": "#b3261e",
        "sentiment": "negative",
    },
    {
        "identifier": "completed",
        "name": {"fi": "Valmis", "sv": "Slutförd", "en": "Completed"},
        "is_completed": True,
        "color": "#0b5394",
        "sentiment": "positive",
    },
    {
        "identifier": "cancelled",
        "name": {"fi": "Peruttu", "sv": "Avbruten", "en": "Cancelled"},
        "is_completed": False,
        "color": "#4d4d4d",
        "sentiment": "neutral",
    },
]

PHASES = [
    {
        "identifier": "not_started",
        "name": {"fi": "Ei aloitettu", "sv": "Inte påbörjad", "en": "Not started"},
        "color": "",
    },
    {
        "identifier": "planning",
        "name": {"fi": "Käynnistysvaihe", "sv": "Startskede", "en": "Planning"},
        "color": "#8a5a00",
    },
    {
        "identifier": "implementation",
        "name": {"fi": "Toteutus", "sv": "Genomförande", "en": "Implementation"},
        "color": "#1f7a3a",
    },
    {
        "identifier": "completed",
        "name": {"fi": "Valmis", "sv": "Slutförd", "en": "Completed"},
        "color": "#0b5394",
    },
    {
        "identifier": "continuous",
        "name": {"fi": "Jatkuva toiminta", "sv": "Fortlöpande verksamhet", "en": "Ongoing"},
        "color": "#5b3f8c",
    },
]

# In order, smallest first: the site sorts and filters by this order.
IMPACTS = [
    {
        "identifier": "not_estimated",
        "name": {"fi": "Ei ole arvioitu", "sv": "Inte bedömd", "en": "Not estimated"},
        "is_estimate": False,
    },
    {
        "identifier": "small",
        "name": {"fi": "Pieni", "sv": "Liten", "en": "Small"},
        "is_estimate": True,
    },
    {
        "identifier": "moderate",
        "name": {"fi": "Kohtalainen", "sv": "Måttlig", "en": "Moderate"},
        "is_estimate": True,
    },
    {
        "identifier": "significant",
        "name": {"fi": "Merkittävä", "sv": "Betydande", "en": "Significant"},
        "is_estimate": True,
    },
    {
        "identifier": "very_significant",
        "name": {"fi": "Hyvin merkittävä", "sv": "Mycket betydande", "en": "Very significant"},
        "is_estimate": True,
    },
]

CATEGORY_TYPES = [
    {
        "identifier": "theme",
        "name": {"fi": "Teema", "sv": "Tema", "en": "Theme"},
        "is_primary": True,
    },
]


def schedules(today: datetime.date) -> list[dict]:
    """Three timeframes from the year the plan is created: two of three years, then one of
    four (e.g. 2026–2028, 2029–2031, 2032–2035)."""
    spans = [(0, 2), (3, 5), (6, 9)]
    found = []
    for first, last in spans:
        begins, ends = today.year + first, today.year + last
        label = f"{begins}–{ends}"
        found.append(
            {
                "identifier": f"{begins}-{ends}",
                "name": {"fi": label, "sv": label, "en": label},
                "begins_at": datetime.date(begins, 1, 1),
                "ends_at": datetime.date(ends, 12, 31),
            }
        )
    return found
