"""Action 126 of the demo plan shows every text of the original page, section by section,
in the original order and with the original Finnish labels."""

import datetime

import pytest
from bs4 import BeautifulSoup

from tests.seed import (
    SECTIONS,
    SEED_PATH,
    WORKSPACE_SEED_PATH,
    find_in_order,
    normalise,
    seed_sections,
)
from vahti.demo.loader import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(client):
    load_demo(today=datetime.date(2026, 11, 28))
    response = client.get("/actions/126/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    # What a sighted reader sees: text hidden for screen-reader users only is left out.
    for hidden in soup.select(".visually-hidden"):
        hidden.decompose()
    return soup


def section_text(soup, ids):
    parts = []
    for element_id in ids:
        element = soup.find(id=element_id) or soup.select_one(f".{element_id}")
        assert element is not None, f"no #{element_id} on the page"
        parts.append(normalise(element.get_text(" ")))
    return " ".join(parts)


def test_every_section_of_the_seed_is_on_the_page_in_order(page):
    for label, ids, lines in seed_sections():
        text = section_text(page, ids)
        assert find_in_order(text, lines) == [], f"section {label or '(top)'}: {text}"


def test_sections_come_in_the_seed_order(page):
    elements = [page.find(id=ids[0]) or page.select_one(f".{ids[0]}") for _label, ids in SECTIONS]
    positions = [element.sourceline * 10_000 + element.sourcepos for element in elements]
    assert positions == sorted(positions)


def test_seed_is_cut_into_all_its_sections():
    labels = [label for label, _ids, _lines in seed_sections()]
    assert labels == [label for label, _ids in SECTIONS]


def test_empty_sections_of_126_say_so_in_words(page):
    assert section_text(page, ["section-indicators"]) == (
        "Mittarit Toimenpiteelle ei ole vielä liitetty mittareita."
    )
    assert section_text(page, ["section-schedule"]) == "Aikajänne Aikajännettä ei ole määritelty."


def test_mentions_of_128_link_to_its_page(page):
    links = {a["href"] for a in page.select("a.mention")}
    assert links == {"/actions/128/", "/actions/127/"}


@pytest.mark.parametrize(
    ("prefix", "labels"),
    [
        (
            "/sv",
            [
                "Åtgärder",
                "Föregående",
                "Nästa",
                "Officiell beskrivning",
                "Uppgifter",
                "Vad har gjorts?",
                "Vad ska göras?",
                "Indikatorer",
                "Verkan",
                "Framskridande",
                "Tidsram",
                "Ansvariga organisationer",
                "Kontaktpersoner",
                "Uppgifterna uppdaterade 03.02.2020",
            ],
        ),
        (
            "/en",
            [
                "Actions",
                "Previous",
                "Next",
                "Official description",
                "Tasks",
                "What has been done?",
                "What needs to be done?",
                "Indicators",
                "Impact",
                "Progress",
                "Timeframe",
                "Responsible organisations",
                "Contact persons",
                "Updated 3 Feb 2020",
            ],
        ),
    ],
)
def test_126_in_swedish_and_english_falls_back_to_finnish_marked_as_such(client, prefix, labels):
    load_demo(today=datetime.date(2026, 11, 28))
    response = client.get(f"{prefix}/actions/126/")
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.html["lang"] == prefix[1:]
    text = normalise(soup.select_one("main").get_text(" "))
    assert find_in_order(text, labels) == []
    # The description and the tasks exist only in Finnish: shown, and marked lang="fi".
    description = soup.select_one("#section-description .rich-text")
    assert description["lang"] == "fi"
    assert description.get_text().startswith("Kehitystyön taustana")
    for task_name in soup.select(".task__name"):
        assert task_name["lang"] == "fi"
    # The name has translations: no lang of its own, it is in the page's language.
    assert not soup.select_one(".action__name").has_attr("lang")


@pytest.mark.skipif(not WORKSPACE_SEED_PATH.exists(), reason="no workspace beside this clone")
def test_the_kept_seed_is_the_workspace_seed():
    assert SEED_PATH.read_bytes() == WORKSPACE_SEED_PATH.read_bytes()


def test_126_stays_on_time_as_set_and_also_says_it_is_late_and_why(page, client):
    """Its contact person last set “Ajallaan”; a task was due six years ago and the
    action has not been updated since 2020: the page says so beside the status, and the
    list's late filter finds it."""
    assert section_text(page, ["section-progress"]) == (
        "Eteneminen Ajallaan Myöhässä Tehtävä ”Elinkeinopolitiikka, yritysmyönteisyys ja "
        "kokeilualustatoiminta ohjauskeinoina S&C-liiketoiminnan tukemisessa” oli määrä tehdä "
        "31.05.2020 mennessä Tietoja ei ole päivitetty 03.02.2020 jälkeen"
    )
    assert page.select_one("#section-progress .status").get_text(strip=True) == "Ajallaan"
    late = BeautifulSoup(client.get("/actions/?late=on").content.decode(), "html.parser")
    assert late.select_one('#action-results a[href="/actions/126/"]') is not None
    on_time = BeautifulSoup(client.get("/actions/?status=on_time").content.decode(), "html.parser")
    assert on_time.select_one('#action-results a[href="/actions/126/"]') is not None
