"""Search over the published plan: stems, languages, what is public, ranking, paging."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from django.db import connection

from tests.factories import make_action, make_indicator, task
from tests.site.conftest import visible_text
from vahti.actions.models import Action
from vahti.actions.services import action_update
from vahti.search.models import SearchEntry
from vahti.search.selectors import search
from vahti.search.services import rebuild_plan

pytestmark = pytest.mark.django_db


def titles(plan, query, language="fi", **options) -> list[str]:
    results = search(plan, language, query, **options)
    return [visible(hit.title) for hit in results.page.object_list] if results.page else []


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def visible(html) -> str:
    return soup(str(html)).get_text()


@pytest.fixture
def cycling(plan):
    return make_action(
        plan,
        "12",
        name_fi="Pyöräily lisääntyy",
        lead_fi="Kaupunki rakentaa baanoja.",
        description_fi="<p>Pyöräilyverkosto kattaa koko kaupungin vuoteen 2030 mennessä.</p>",
        name_sv="Cyklingen ökar",
        name_en="Cycling grows",
        description_en="<p>The cycle network covers the whole city by 2030.</p>",
        tasks=[task("Pyöräpysäköinnin suunnitelma", comment_fi="<p>Asemien pyörähallit.</p>")],
    )


@pytest.mark.parametrize("inflected", ["pyöräilyn", "pyöräilyä", "Pyöräilystä", "PYÖRÄILY"])
def test_finnish_inflected_forms_find_the_basic_form(plan, cycling, inflected):
    # On PostgreSQL the finnish text search configuration stems the words; on SQLite the
    # same Snowball stemmer runs in Python and FTS5 matches the stems.
    assert titles(plan, inflected) == ["12 Pyöräily lisääntyy"]


def test_a_word_finds_the_compounds_it_begins(plan, cycling):
    results = search(plan, "fi", "pyöräily")
    (hit,) = results.page.object_list
    assert "<mark>Pyöräilyverkosto</mark> kattaa" in hit.excerpt
    assert str(hit.title) == "12 <mark>Pyöräily</mark> lisääntyy"


def test_every_word_must_match(plan, cycling):
    make_action(plan, "13", name_fi="Pyöräilyn talvikunnossapito")
    assert set(titles(plan, "pyöräily")) == {
        "12 Pyöräily lisääntyy",
        "13 Pyöräilyn talvikunnossapito",
    }
    assert titles(plan, "pyöräilyn talvella") == ["13 Pyöräilyn talvikunnossapito"]
    assert titles(plan, "pyöräily autot") == []


def test_the_vector_is_stored_and_stemmed_by_the_database(plan, cycling):
    entry = SearchEntry.objects.get(action=cycling, kind="action", language="fi")
    if connection.vendor == "postgresql":
        # The trigger wrote a weighted vector with the Finnish stems.
        assert "'pyöräily':2A" in entry.vector
        assert "'pyöräilyverkosto'" in entry.vector
    else:
        assert "pyöräily" in entry.title_stems.split()
        assert "pyöräilyverkosto" in entry.body_stems.split()


def test_titles_rank_above_bodies(plan, cycling):
    make_action(plan, "2", name_fi="Baanaverkosto", lead_fi="Pyöräily on nopeaa baanoilla.")
    assert titles(plan, "pyöräily", kind="action") == [
        "12 Pyöräily lisääntyy",
        "2 Baanaverkosto",
    ]


def test_identifiers_tasks_and_indicators_are_found(plan, cycling):
    make_indicator(
        plan, "cycling-share", name_fi="Pyöräilyn osuus matkoista", description_fi="<p>%</p>"
    )
    results = search(plan, "fi", "pyöräpysäköinnin")
    (hit,) = results.page.object_list
    assert hit.kind == "task"
    assert hit.url == f"/actions/12/#task-{cycling.tasks.get().pk}"
    assert hit.context == "12 Pyöräily lisääntyy"
    assert titles(plan, "12", kind="action") == ["12 Pyöräily lisääntyy"]
    assert search(plan, "fi", "pyöräily").counts == {"action": 1, "indicator": 1}
    assert titles(plan, "pyöräilyn", kind="indicator") == ["Pyöräilyn osuus matkoista"]
    assert titles(plan, "pyöräilyn osuus")[0] == "Pyöräilyn osuus matkoista"


def test_each_language_searches_its_own_texts_with_its_own_stems(plan, cycling):
    assert titles(plan, "networks", language="en") == ["12 Cycling grows"]
    assert titles(plan, "cyklingen", language="sv") == ["12 Cyklingen ökar"]
    # The Swedish page falls back to the Finnish description, and finds its words too.
    results = search(plan, "sv", "pyöräilyverkosto")
    (hit,) = results.page.object_list
    assert soup(hit.excerpt).select_one("span[lang=fi] mark").get_text() == "Pyöräilyverkosto"
    assert titles(plan, "networks", language="fi") == []


def test_only_what_is_public_and_published_is_found(plan, cycling):
    make_action(plan, "20", name_fi="Sisäinen pyöräilyselvitys", visibility="internal")
    make_action(plan, "21", name_fi="Pyöräilyluonnos", publish=False)
    make_action(plan, "22", name_fi="Pyöräilyn yhdistetty toimenpide", merged_with=cycling)
    make_indicator(plan, "secret", name_fi="Pyöräilyn sisäinen mittari", visibility="internal")
    make_action(plan, "23", name_fi="Muistio", internal_notes="Pyöräilystä puhuttiin.")
    # A draft of a public action is not found, its published text still is.
    action_update(cycling, name_fi="Luonnosnimi kaupunkipyörille", publish=False)
    assert titles(plan, "pyöräily") == ["12 Pyöräily lisääntyy"]
    assert titles(plan, "luonnosnimi") == []


def test_publishing_and_unpublishing_update_the_index(plan, cycling):
    action_update(cycling, name_fi="Kaupunkipyörät")
    assert titles(plan, "kaupunkipyörä") == ["12 Kaupunkipyörät"]
    assert titles(plan, "lisääntyy") == []
    Action.objects.get(pk=cycling.pk).unpublish()
    assert titles(plan, "kaupunkipyörä") == []
    action = Action.objects.get(pk=cycling.pk)
    action.publish(action.latest_revision)
    assert titles(plan, "kaupunkipyörä") == ["12 Kaupunkipyörät"]
    Action.objects.get(pk=cycling.pk).delete()
    assert not SearchEntry.objects.filter(plan=plan).exists()


def test_other_plans_are_not_searched(plan, other_plan, cycling):
    make_action(other_plan, "12", name_fi="Pyöräily toisessa kaupungissa")
    assert titles(plan, "pyöräily") == ["12 Pyöräily lisääntyy"]
    assert titles(other_plan, "pyöräily") == ["12 Pyöräily toisessa kaupungissa"]


@pytest.mark.parametrize(
    "query",
    ['"', "*", "pyör*", 'NEAR(pyöräily "a")', "scope:p1fi", "a:* & !b", "(((", "💥 pyöräily"],
)
def test_query_syntax_is_not_interpreted(plan, cycling, query):
    results = search(plan, "fi", query)
    assert results.total >= 0  # no error from either database's query language


def test_rebuild_writes_the_same_entries(plan, cycling):
    before = sorted(SearchEntry.objects.values_list("kind", "language", "title", "body"))
    assert rebuild_plan(plan) == len(before) == 6  # action and task in fi, sv, en
    after = sorted(SearchEntry.objects.values_list("kind", "language", "title", "body"))
    assert after == before
    assert titles(plan, "pyöräilyn") == ["12 Pyöräily lisääntyy"]


def test_the_index_command_names_a_missing_plan(plan, cycling, capsys):
    SearchEntry.objects.all().delete()
    call_command("update_search_index", plan.identifier)
    assert f"{plan.identifier}: 6 entries" in capsys.readouterr().out
    assert titles(plan, "pyöräilyn") == ["12 Pyöräily lisääntyy"]
    with pytest.raises(CommandError, match="No plan with the identifier: nosuch"):
        call_command("update_search_index", "nosuch")


def test_the_search_page(client, plan, cycling):
    make_action(plan, "13", name_fi="Pyöräilyn <script>alert(1)</script> talvella")
    response = client.get("/search/?q=pyöräilyn")
    page = soup(response.content.decode())
    hits = {hit.select_one("h3 a")["href"]: hit for hit in page.select(".search-hit")}
    assert set(hits) == {"/actions/12/", "/actions/13/"}
    hostile = hits["/actions/13/"]
    assert hostile.select_one("mark").get_text() == "Pyöräilyn"
    assert hostile.select_one("h3").get_text() == "13 Pyöräilyn <script>alert(1)</script> talvella"
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert page.select_one("main input[name=q]")["value"] == "pyöräilyn"
    english = soup(client.get("/en/search/?q=talvella").content.decode())
    assert english.select_one("#results-heading").get_text() == "1 result for “talvella”"


def test_the_search_page_filters_by_kind_and_pages(client, plan):
    for number in range(1, 26):
        make_action(plan, str(number), name_fi=f"Aurinkovoima {number}")
    make_indicator(plan, "solar", name_fi="Aurinkovoiman tuotanto")
    page = soup(client.get("/en/search/?q=aurinkovoima").content.decode())
    assert page.select_one("#results-heading").get_text() == "26 results for “aurinkovoima”"
    kinds = {a.get_text(" ", strip=True): a["href"] for a in page.select(".search-kinds a")}
    assert kinds == {
        "All": "/en/search/?q=aurinkovoima",
        "Actions (25)": "/en/search/?q=aurinkovoima&kind=action",
        "Indicators (1)": "/en/search/?q=aurinkovoima&kind=indicator",
    }
    assert len(page.select(".search-hit")) == 20
    next_page = page.select_one(".pagination a[rel=next]")["href"]
    second = soup(client.get(next_page).content.decode())
    assert len(second.select(".search-hit")) == 6
    assert second.select_one(".search-hits")["start"] == "21"
    only = soup(client.get("/en/search/?q=aurinkovoima&kind=indicator").content.decode())
    assert [a.get_text() for a in only.select(".search-hit h3 a")] == ["Aurinkovoiman tuotanto"]


def test_pages_of_many_equal_matches_follow_one_order_across_their_boundary(plan):
    """Each page is ranked on its own: together they are the one order of all matches,
    equally good ones by kind and in natural order, with every kind counted."""
    for number in range(1, 22):
        make_action(plan, str(number), name_fi="Aurinkovoima")
    make_action(plan, "30", name_fi="Tuulivoima", lead_fi="Aurinkovoima ja tuulivoima.")
    make_indicator(plan, "solar", name_fi="Aurinkovoiman tuotanto")
    everything = titles(plan, "aurinkovoima", page_size=100)
    assert everything[:20] == [f"{number} Aurinkovoima" for number in range(1, 21)]
    assert len(everything) == 23 and everything.index("30 Tuulivoima") > 20
    first, second = (search(plan, "fi", "aurinkovoima", page_number=n) for n in (1, 2))
    assert [visible(hit.title) for hit in [*first.page, *second.page]] == everything
    assert first.counts == second.counts == {"action": 22, "indicator": 1}
    assert (first.total, second.page.number, second.page.start_index()) == (23, 2, 21)
    # A page past the last is the last one.
    assert titles(plan, "aurinkovoima", page_number=99) == everything[20:]
    assert titles(plan, "aurinkovoima", page_number="9" * 30) == everything[20:]
    actions = [title for title in everything if title != "Aurinkovoiman tuotanto"]
    assert titles(plan, "aurinkovoima", kind="action", page_number=2) == actions[20:]
    assert search(plan, "fi", "aurinkovoima", kind="action", page_number=2).total == 22


def test_fallback_text_is_marked_with_its_language(client, plan, cycling):
    page = soup(client.get("/en/search/?q=pyöräpysäköinnin").content.decode())
    link = page.select_one(".search-hit h3 a")
    assert link["lang"] == "fi"
    assert page.html["lang"] == "en"


def lang_of(element) -> str | None:
    """The language an element's text is in: its own ``lang`` or its nearest parent's."""
    while element is not None and not element.get("lang"):
        element = element.parent
    return element.get("lang") if element is not None else None


def test_an_excerpt_mixing_languages_marks_each_part_with_its_own(client, plan):
    # The Swedish page: the lead in Swedish, the description falls back to Finnish.
    make_action(
        plan,
        "30",
        name_fi="Aurinkosähkö",
        name_sv="Solel",
        lead_sv="Staden bygger solpaneler på skolornas tak.",
        description_fi="<p>Aurinkopaneelit asennetaan koulujen katoille vuoteen 2030 mennessä.</p>",
    )
    page = soup(client.get("/sv/search/?q=solpaneler").content.decode())
    excerpt = page.select_one(".search-hit__excerpt")
    assert page.html["lang"] == "sv"
    swedish = excerpt.find(string=lambda text: "Staden bygger" in text)
    finnish = excerpt.find(string=lambda text: "asennetaan koulujen" in text)
    assert swedish is not None and finnish is not None, excerpt
    assert lang_of(swedish.parent) == "sv"
    assert lang_of(finnish.parent) == "fi"
    assert excerpt.select_one("mark").get_text() == "solpaneler"
    # The Finnish words are highlighted with the Finnish stems.
    finnish_page = soup(client.get("/sv/search/?q=aurinkopaneeli").content.decode())
    mark = finnish_page.select_one(".search-hit__excerpt mark")
    assert mark.get_text() == "Aurinkopaneelit" and lang_of(mark) == "fi"


def test_the_header_has_a_search_box(client, plan, cycling):
    page = soup(client.get("/en/actions/").content.decode())
    form = page.select_one("header form[role=search]")
    assert form["action"] == "/en/search/" and form["method"] == "get"
    assert form.select_one("input[type=search]")["name"] == "q"
    label = page.select_one(f"label[for={form.select_one('input')['id']}]")
    assert label.get_text() == "Search actions, tasks and indicators"


def test_an_empty_or_wordless_query_says_what_to_do(client, plan, cycling):
    assert not soup(client.get("/search/").content.decode()).select(".search-results")
    text = visible_text(client.get("/en/search/?q=%22%2A%22").content.decode())
    assert "Type words to search for" in text


def test_unpublishing_in_the_admin_takes_the_action_out_of_search_and_history(
    client, plan, cycling
):
    from tests.conftest import make_user
    from vahti.actions.models import ProgressChange

    client.force_login(make_user("admin", is_superuser=True))
    response = client.post(f"/admin/snippets/actions/action/unpublish/{cycling.pk}/")
    assert response.status_code == 302
    assert titles(plan, "pyöräily") == []
    assert ProgressChange.objects.filter(action=cycling).latest("pk").is_public is False


def test_a_new_language_of_the_plan_is_indexed(plan, cycling):
    plan.other_languages = ["sv"]
    plan.save()
    assert titles(plan, "cycling", language="en") == []
    plan.other_languages = ["sv", "en"]
    plan.save()
    assert titles(plan, "cycling", language="en") == ["12 Cycling grows"]
