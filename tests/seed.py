"""The seed page cut into its sections, for tests that compare Vahti's action 126 with the
page of the original site.

The page is kept in the repository (tests/data/) so that a clone tests on its own; where
the workspace's copy (../shared/seed/) is beside the clone, a test checks the two agree."""

from __future__ import annotations

import re
from pathlib import Path

SEED_NAME = "action-126-ilmastovahti.txt"
SEED_PATH = Path(__file__).resolve().parent / "data" / SEED_NAME
WORKSPACE_SEED_PATH = Path(__file__).resolve().parents[2] / "shared" / "seed" / SEED_NAME

# Seed label → id of the element on our page that holds that section. The first section
# (navigation, identifier, name, category, lead, description) has no label of its own.
SECTIONS = [
    (None, ["action-nav", "section-header", "section-description"]),
    ("Virallinen kuvaus", ["section-official"]),
    ("Tehtävät", ["section-tasks"]),
    ("Mittarit", ["section-indicators"]),
    ("Vaikutus", ["section-impact"]),
    ("Eteneminen", ["section-progress"]),
    ("Aikajänne", ["section-schedule"]),
    ("Vastuuorganisaatiot", ["section-organizations"]),
    ("Yhteyshenkilöt", ["section-contacts"]),
    ("Tietoja päivitetty", ["section-updated"]),
]


def normalise(text: str) -> str:
    return " ".join(text.split())


def seed_lines() -> list[str]:
    lines = []
    for raw in SEED_PATH.read_text(encoding="utf-8").splitlines():
        line = normalise(raw.strip().lstrip("•").strip())
        if not line:
            continue
        # On the original page each contact person's portrait has the person's name as
        # its alt text, so the name appears twice in a row in the page's text. Vahti shows
        # initials or a portrait with empty alt (the name is right beside it): once.
        if lines and lines[-1] == line:
            continue
        lines.append(line)
    return lines


def seed_sections() -> list[tuple[str | None, list[str], list[str]]]:
    """[(label, element ids, lines of the section including its label)] in seed order."""
    lines = seed_lines()
    labels = [label for label, _ids in SECTIONS if label]
    result, current = [], []
    ids_for = dict(SECTIONS)
    label = None
    for line in lines:
        starts = next((lab for lab in labels if line == lab or line.startswith(lab + " ")), None)
        if starts and starts not in [r[0] for r in result] and starts != label:
            result.append((label, ids_for[label], current))
            label, current = starts, []
        current.append(line)
    result.append((label, ids_for[label], current))
    return result


def find_in_order(text: str, lines: list[str]) -> list[str]:
    """The lines that cannot be found in ``text`` in the given order."""
    missing, position = [], 0
    for line in lines:
        found = text.find(line, position)
        if found < 0:
            missing.append(line)
        else:
            position = found + len(line)
    return missing


def dates_as_shown(text: str) -> list[str]:
    return re.findall(r"\d{2}\.\d{2}\.\d{4}", text)
