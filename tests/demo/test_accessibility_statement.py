"""The demo's accessibility statement says, in each language, what section 15 of the Act
on the Provision of Digital Services (306/2019) asks: how far the site conforms to WCAG
2.1 AA, which content is not accessible and why, how to give feedback, the supervisory
authority and how to reach it, and when the statement was prepared and updated."""

import datetime
import re
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from vahti.demo.loader import load_demo

pytestmark = pytest.mark.django_db
PATH = "/pages/saavutettavuusseloste/"
DAY = r"\d{1,2}\.\d{1,2}\.\d{4}"
# (prefix, the words a reader looks for in that language)
EXPECTED = {
    "fi": {
        "prefix": "",
        "status": ("Saavutettavuuden tila", "WCAG 2.1", "AA", "osittain"),
        "not_accessible": "Sisällöt, jotka eivät ole saavutettavia",
        "why": "Syy:",
        "feedback": "Palaute",
        "authority": ("Valvontaviranomainen", "Traficom", "saavutettavuus@traficom.fi"),
        "dates": rf"laadittu {DAY} ja päivitetty viimeksi {DAY}",
    },
    "sv": {
        "prefix": "/sv",
        "status": ("Tillgänglighetsstatus", "WCAG 2.1", "AA", "delvis"),
        "not_accessible": "Innehåll som inte är tillgängligt",
        "why": "Orsak:",
        "feedback": "Respons",
        "authority": ("Tillsynsmyndighet", "Traficom", "saavutettavuus@traficom.fi"),
        "dates": rf"utarbetats {DAY} och uppdaterats senast {DAY}",
    },
    "en": {
        "prefix": "/en",
        "status": ("Compliance status", "WCAG 2.1", "AA", "partially"),
        "not_accessible": "Content that is not accessible",
        "why": "Reason:",
        "feedback": "Feedback",
        "authority": ("Supervisory authority", "Traficom", "saavutettavuus@traficom.fi"),
        "dates": r"prepared on \d{1,2} \w+ \d{4} and last updated on \d{1,2} \w+ \d{4}",
    },
}


def sections(page: BeautifulSoup) -> dict[str, str]:
    """The statement's text under each h2, by the heading's words."""
    found = {}
    for heading in page.select("main h2"):
        texts = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            texts.append(sibling.get_text(" ", strip=True))
        found[heading.get_text(strip=True)] = " ".join(texts)
    return found


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_accessibility_statement_has_what_the_law_asks(client, language):
    load_demo(today=datetime.date(2026, 11, 28))
    expected = EXPECTED[language]
    url = f"{expected['prefix']}{PATH}"
    response = client.get(url)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    parts = sections(page)
    heading, *words = expected["status"]
    assert all(word in parts[heading] for word in words), parts[heading]
    # Each content that is not accessible is named (h3) with the criteria and why.
    not_accessible = page.find("h2", string=expected["not_accessible"])
    items = []
    for sibling in not_accessible.find_next_siblings():
        if sibling.name == "h2":
            break
        if sibling.name == "h3":
            items.append(sibling.find_next_sibling("p").get_text(" ", strip=True))
    assert len(items) >= 1
    assert all(re.search(r"WCAG \d\.\d\.\d", item) and expected["why"] in item for item in items)
    # Feedback goes to the site's own feedback form, in the same language.
    feedback = page.find("h2", string=expected["feedback"]).find_next_sibling("p")
    form_url = urljoin(url, feedback.find("a")["href"])
    assert form_url == f"{expected['prefix']}/feedback/"
    form = BeautifulSoup(client.get(form_url).content, "html.parser")
    assert form.select_one("form.feedback-form textarea[name=message]")
    heading, *words = expected["authority"]
    assert all(word in parts[heading] for word in words), parts[heading]
    authority = page.find("h2", string=heading).find_next_siblings("p")
    links = [a["href"] for p in authority for a in p.find_all("a")]
    assert "https://www.saavutettavuusvaatimukset.fi/" in links
    assert re.search(expected["dates"], page.select_one("main").get_text(" ", strip=True))
