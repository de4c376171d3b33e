import datetime

import pytest
import time_machine
from django.utils import translation

from tests.factories import ActionStatusFactory, make_action, task
from tests.site.conftest import visible_text
from vahti.actions.action_page import action_neighbours
from vahti.actions.services import action_update

pytestmark = pytest.mark.django_db


def test_shows_the_action_with_its_labels_in_finnish(
    client, plan, status, category, organization, person
):
    make_action(
        plan,
        "126",
        name_fi="Elinkeinopolitiikka ja päästövähennykset",
        status=status,
        categories=[category],
        lead_fi="Lyhyt kuvaus.",
        responsible_parties=[(organization, "primary")],
        contact_persons=[(person, "contact")],
    )
    response = client.get("/actions/126/")
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    for label in [
        "Toimenpiteet",
        "Edellinen",
        "Seuraava",
        "Virallinen kuvaus",
        "Tehtävät",
        "Mitä on tehty?",
        "Mitä on tehtävä?",
        "Mittarit",
        "Vaikutus",
        "Eteneminen",
        "Aikajänne",
        "Vastuuorganisaatiot",
        "Yhteyshenkilöt",
        "Tietoja päivitetty",
    ]:
        assert label in text
    assert "126 Elinkeinopolitiikka ja päästövähennykset" in text
    assert "Smart & Clean kasvu" in text
    assert "Elo" in text and "Mikko Martikka erityissuunnittelija Elinkeino-osasto" in text


def test_empty_sections_say_so_in_words(client, plan):
    make_action(plan, "1")
    text = visible_text(client.get("/actions/1/").content.decode())
    assert "Mittarit Toimenpiteelle ei ole vielä liitetty mittareita." in text
    assert "Aikajänne Aikajännettä ei ole määritelty." in text


@time_machine.travel(datetime.datetime(2026, 11, 28, 12, tzinfo=datetime.UTC))
def test_tasks_are_split_into_done_and_todo_in_their_order(client, plan):
    make_action(
        plan,
        "1",
        tasks=[
            task("Vanha valmis", "completed", datetime.date(2019, 1, 1), datetime.date(2019, 1, 5)),
            task("Uusi valmis", "completed", datetime.date(2020, 1, 1), datetime.date(2020, 2, 1)),
            task("Myöhästynyt", "in_progress", datetime.date(2026, 1, 31)),
            task("Tuleva", "not_started", datetime.date(2027, 3, 1)),
            task(
                "Hylätty",
                "cancelled",
                datetime.date(2025, 1, 1),
                datetime.date(2025, 2, 2),
                comment_fi="<p>Ei enää tarpeen.</p>",
            ),
        ],
    )
    text = visible_text(client.get("/actions/1/").content.decode())
    done = text.index("Mitä on tehty?")
    todo = text.index("Mitä on tehtävä?")
    assert (
        done < text.index("01.02.2020 Uusi valmis") < text.index("05.01.2019 Vanha valmis") < todo
    )
    assert todo < text.index("31.01.2026 Myöhässä Myöhästynyt") < text.index("01.03.2027 Tuleva")
    assert "Perutut tehtävät Peruttu 02.02.2025 Hylätty Ei enää tarpeen." in text


def test_previous_and_next_follow_natural_order(client, plan, soup):
    for identifier in ["126", "10", "9"]:
        make_action(plan, identifier)
    page = soup(client.get("/actions/10/"))
    assert page.select_one("a[rel=prev]")["href"] == "/actions/9/"
    assert page.select_one("a[rel=next]")["href"] == "/actions/126/"
    first = soup(client.get("/actions/9/"))
    assert first.select_one("a[rel=prev]") is None


def test_previous_and_next_are_the_nearest_whatever_else_the_page_links(client, plan, soup):
    """The page's links are read together; its neighbours stay the nearest public
    actions, not a related, mentioned or merged one further off or in between."""
    for identifier in ["1", "3", "4", "01", "7", "8"]:
        make_action(plan, identifier)
    merged = make_action(plan, "5", name_fi="Yhdistetty viisi")
    page_action = make_action(
        plan,
        "6",
        description_fi="<p>Katso toimenpide 1.</p>",
        related_actions=list(plan.actions.filter(identifier__in=["3", "8"])),
    )
    action_update(merged, merged_with=page_action)
    page = soup(client.get("/actions/6/"))
    assert page.select_one("a[rel=prev]")["href"] == "/actions/4/"
    assert page.select_one("a[rel=next]")["href"] == "/actions/7/"
    assert [a["href"] for a in page.select("#section-related a")] == [
        "/actions/3/",
        "/actions/8/",
    ]
    merged_list = page.select("#section-merged li")
    assert [li.get_text(" ", strip=True) for li in merged_list] == ["5 Yhdistetty viisi"]
    assert [a["href"] for a in page.select(".rich-text a.mention")] == ["/actions/1/"]
    # "1" and "01" share a sort key: the one made first comes first.
    assert soup(client.get("/actions/1/")).select_one("a[rel=next]")["href"] == "/actions/01/"
    assert soup(client.get("/actions/01/")).select_one("a[rel=prev]")["href"] == "/actions/1/"
    assert soup(client.get("/actions/3/")).select_one("a[rel=prev]")["href"] == "/actions/01/"
    # The editors' preview finds the same neighbours its own way.
    for action in plan.actions.public():
        page = soup(client.get(f"/actions/{action.identifier}/"))
        found = action_neighbours(action)
        for rel, other in (("prev", found.previous), ("next", found.next)):
            link = page.select_one(f"a[rel={rel}]")
            assert (link and link["href"]) == (other and f"/actions/{other.identifier}/")


def test_mentions_of_other_actions_become_links(client, plan, soup):
    make_action(plan, "128", name_fi="Yhteiskehitysalustat")
    make_action(
        plan, "126", description_fi="<p>Kts. myös toimenpiteen 128 ja toimenpiteen 999.</p>"
    )
    page = soup(client.get("/actions/126/"))
    links = [a["href"] for a in page.select(".rich-text a.mention")]
    assert links == ["/actions/128/"]


def test_mentions_match_identifiers_in_any_case(client, plan, soup):
    make_action(plan, "Ab3.2", name_fi="Kirjaintunnus")
    make_action(plan, "1", description_fi="<p>Katso toimenpide aB3.2.</p>")
    page = soup(client.get("/actions/1/"))
    assert [a["href"] for a in page.select(".rich-text a.mention")] == ["/actions/Ab3.2/"]


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("sv", ["Åtgärder", "Föregående", "Nästa", "Uppgifter", "Kontaktpersoner"]),
        ("en", ["Actions", "Previous", "Next", "Tasks", "Contact persons"]),
    ],
)
def test_other_languages_have_their_labels_and_mark_finnish_fallback(
    client, plan, soup, language, labels
):
    make_action(
        plan,
        "126",
        name_fi="Elinkeinopolitiikka",
        name_en="Business policy",
        lead_fi="Vain suomeksi.",
    )
    response = client.get(f"/{language}/actions/126/")
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == language
    text = visible_text(response.content.decode())
    for label in labels:
        assert label in text
    lead = page.select_one(".action__lead")
    assert lead.get_text() == "Vain suomeksi." and lead["lang"] == "fi"
    name = page.select_one(".action__name")
    if language == "en":
        assert name.get_text() == "Business policy" and not name.has_attr("lang")
    else:
        assert name.get_text() == "Elinkeinopolitiikka" and name["lang"] == "fi"


def test_language_switch_and_hreflang_point_to_the_same_page(client, plan, soup):
    make_action(plan, "126")
    page = soup(client.get("/en/actions/126/"))
    switch = {a["lang"]: a["href"] for a in page.select(".language-switch a")}
    assert switch == {"fi": "/actions/126/", "sv": "/sv/actions/126/", "en": "/en/actions/126/"}
    alternates = {
        link["hreflang"]: link["href"] for link in page.select("link[rel=alternate][hreflang]")
    }
    assert alternates["fi"].endswith("/actions/126/") and alternates["sv"].endswith(
        "/sv/actions/126/"
    )


@pytest.mark.parametrize("setup", ["unknown", "internal", "unpublished"])
def test_hidden_actions_are_not_found_in_the_plans_style(client, plan, setup):
    if setup == "internal":
        make_action(plan, "5", visibility="internal")
    elif setup == "unpublished":
        make_action(plan, "5", publish=False)
    response = client.get("/actions/5/")
    assert response.status_code == 404
    text = visible_text(response.content.decode(), "body")
    assert "Sivua ei löytynyt" in text and plan.name_fi in text


def test_a_draft_does_not_change_the_public_page(client, plan):
    action = make_action(plan, "1", name_fi="Julkaistu nimi")
    action_update(action, name_fi="Luonnoksen nimi", publish=False)
    text = visible_text(client.get("/actions/1/").content.decode())
    assert "Julkaistu nimi" in text and "Luonnoksen nimi" not in text


def test_updated_date_is_the_publication_date_in_the_plans_time_zone(client, plan):
    # 23:30 UTC on 2 February is already 3 February in Helsinki.
    make_action(plan, "1", updated_at=datetime.datetime(2020, 2, 2, 23, 30, tzinfo=datetime.UTC))
    assert "Tietoja päivitetty 03.02.2020" in visible_text(
        client.get("/actions/1/").content.decode()
    )


@time_machine.travel(datetime.datetime(2026, 11, 28, 9, tzinfo=datetime.UTC), tick=False)
def test_publishing_a_draft_the_way_the_admin_does_sets_the_updated_date(client, plan):
    action = make_action(
        plan, "1", updated_at=datetime.datetime(2020, 2, 2, 12, tzinfo=datetime.UTC)
    )
    action_update(action, name_fi="Uusi nimi", publish=False)
    text = visible_text(client.get("/actions/1/").content.decode())
    assert "Tietoja päivitetty 02.02.2020" in text

    action.refresh_from_db()
    action.latest_revision.publish()  # what the admin's Publish button calls

    text = visible_text(client.get("/actions/1/").content.decode())
    assert "Uusi nimi" in text and "Tietoja päivitetty 28.11.2026" in text


def test_merged_action_leads_to_the_one_it_was_merged_into(client, plan):
    target = make_action(plan, "60")
    old = make_action(plan, "59", name_fi="Vanha toimenpide")
    action_update(old, merged_with=target)
    response = client.get("/actions/59/")
    # Temporary: a merge can be undone, and browsers would remember a permanent one.
    assert response.status_code == 302 and response["Location"] == "/actions/60/"
    text = visible_text(client.get("/actions/60/").content.decode())
    assert "Yhdistetyt toimenpiteet" in text and "59 Vanha toimenpide" in text


def test_language_the_plan_does_not_publish_is_not_found(client, plan):
    plan.other_languages = ["en"]
    plan.save()
    make_action(plan, "1")
    assert client.get("/sv/actions/1/").status_code == 404
    assert client.get("/en/actions/1/").status_code == 200


def test_status_of_the_action_is_shown(client, plan):
    make_action(
        plan, "1", status=ActionStatusFactory(plan=plan, name_fi="Myöhässä", sentiment="negative")
    )
    with translation.override("fi"):
        text = visible_text(client.get("/actions/1/").content.decode())
    assert "Eteneminen Myöhässä" in text


def test_navigation_marks_where_the_reader_is(client, plan, soup):
    make_action(plan, "1")
    listing = soup(client.get("/actions/"))
    assert listing.select_one(".main-nav a")["aria-current"] == "page"
    action = soup(client.get("/actions/1/"))
    assert action.select_one(".main-nav a")["aria-current"] == "true"


def test_not_found_page_is_not_indexed_and_its_language_switch_leads_home(client, plan, soup):
    page = soup(client.get("/sv/actions/nope/"))
    assert page.select_one("meta[name=robots]")["content"] == "noindex"
    assert page.select("link[hreflang]") == []
    switch = {a["hreflang"]: a["href"] for a in page.select(".language-switch a")}
    assert switch == {"fi": "/", "sv": "/sv/", "en": "/en/"}


def test_abbreviated_organisations_are_spelled_out_for_screen_readers(
    client, plan, organization, soup
):
    make_action(plan, "1", responsible_parties=[(organization, "primary")])
    item = soup(client.get("/actions/1/")).select_one("#section-organizations li")
    assert item.select_one("abbr").get_text() == "Elo"
    assert item.select_one(".visually-hidden").get_text() == " (Elinkeino-osasto)"


def test_an_abbreviations_title_and_text_each_carry_their_own_language(
    client, plan, organization, soup
):
    organization.name_en = "Economic Development Division"
    organization.save()
    make_action(plan, "1", responsible_parties=[(organization, "primary")])

    def abbr(url):
        return soup(client.get(url)).select_one("#section-organizations li abbr")

    english = abbr("/en/actions/1/")
    # The English name is read as English, the Finnish abbreviation as Finnish.
    assert english["title"] == "Economic Development Division" and not english.get("lang")
    assert english.span["lang"] == "fi" and english.span.get_text() == "Elo"
    # In Swedish, both fall back to Finnish: the whole element is Finnish.
    swedish = abbr("/sv/actions/1/")
    assert swedish["title"] == "Elinkeino-osasto" and swedish["lang"] == "fi"
    assert swedish.select("span") == []
    finnish = abbr("/actions/1/")
    assert finnish["title"] == "Elinkeino-osasto" and not finnish.get("lang")
    assert finnish.select("span") == []
