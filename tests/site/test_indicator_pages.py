"""The public indicator pages: the list with its filters, one indicator with its chart
data, table and CSV, action pages with their indicators, and the insight network."""

import csv
import io

import pytest

from tests.factories import CategoryFactory, make_action, make_indicator
from tests.site.conftest import visible_text
from vahti.indicators.models import ActionIndicator, Indicator, IndicatorRelation

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicators(plan, category):
    transport = CategoryFactory(type=category.type, name_fi="Liikenne", name_en="Transport")
    cycling = CategoryFactory(
        type=category.type, parent=transport, name_fi="Pyöräily", name_en="Cycling"
    )
    baana_action = make_action(plan, "40", name_fi="Baanaverkko", name_en="Cycle highways")
    ghg = make_indicator(
        plan,
        "ghg",
        name_fi="Kasvihuonekaasupäästöt",
        name_en="Greenhouse gas emissions",
        level="strategic",
        unit_fi="kt CO₂e",
        decimals=0,
        values=[(2019, 2280), (2020, 2050), (2021, 2130), (2022, 1900), (2023, 1680)],
        goals=[(2030, 1400), (2035, 700)],
    )
    share = make_indicator(
        plan,
        "share",
        name_fi="Kestävien kulkutapojen osuus",
        name_en="Share of sustainable modes",
        level="tactical",
        unit_fi="%",
        values=[(2021, 79.0), (2022, 78.6), (2023, 79.2)],
        goals=[(2030, 85)],
        categories=[transport],
    )
    baana = make_indicator(
        plan,
        "baana-km",
        name_fi="Baanaverkko",
        name_en="Cycle highway network",
        level="operational",
        unit_fi="km",
        decimals=0,
        values=[(2019, 8), (2020, 11), (2021, 15), (2022, 20), (2023, 26)],
        goals=[(2035, 130)],
        categories=[cycling],
        action_links=[(baana_action, "increases", True)],
        effect_links=[(share, "increases", "medium")],
    )
    IndicatorRelation.objects.create(cause=share, effect_indicator=ghg, effect="decreases")
    hidden = make_indicator(plan, "hidden", name_fi="Sisäinen mittari", visibility="internal")
    return {"ghg": ghg, "share": share, "baana": baana, "hidden": hidden, "action": baana_action}


def names_listed(client, query="") -> list[str]:
    html = client.get(f"/en/indicators/{query}").content.decode()
    from bs4 import BeautifulSoup

    return [
        a.get_text(strip=True)
        for a in BeautifulSoup(html, "html.parser").select(".indicator-card__name a")
    ]


def test_the_list_shows_each_public_indicator_with_value_goal_and_progress(client, indicators):
    response = client.get("/en/indicators/")
    text = visible_text(response.content.decode())
    assert names_listed(client) == [
        "Greenhouse gas emissions",
        "Share of sustainable modes",
        "Cycle highway network",
    ]
    assert "Internal" not in text and "Sisäinen" not in text
    assert "Latest value 1,680 kt CO₂e (2023) Goal 1,400 kt CO₂e (2030) Progress On track" in text
    assert "79.2 % (2023) Goal 85.0 % (2030) Progress Off track" in text


def test_the_list_is_filtered_by_level_theme_and_text(client, indicators, category):
    assert names_listed(client, "?level=tactical") == ["Share of sustainable modes"]
    transport = indicators["share"].categories.get()
    # A theme includes the themes below it.
    assert names_listed(client, f"?category={transport.identifier}") == [
        "Share of sustainable modes",
        "Cycle highway network",
    ]
    assert names_listed(client, "?q=baana") == ["Cycle highway network"]
    assert names_listed(client, "?q=hidden") == []


def test_a_bad_filter_is_named_and_left_out(client, indicators):
    response = client.get("/en/indicators/?level=everything")
    text = visible_text(response.content.decode())
    assert "Some filters could not be used: Level: Select a valid choice." in text
    assert len(names_listed(client, "?level=everything")) == 3


def test_the_indicator_page_shows_its_values_goals_links_and_method(client, indicators):
    response = client.get("/en/indicators/baana-km/")
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    assert "Cycle highway network" in text
    assert "Latest value 26 km (2023) Goal 130 km (2035) Progress Off track" in text
    # Least squares through 8, 11, 15, 20, 26: 4.5 km a year, 130 km some 25 years
    # after the mean of 16 km at the end of 2021.
    assert (
        "At the current pace (5 km a year) the goal would be reached in 2047, after the "
        "goal year 2035."
    ) in text
    assert "40 Cycle highways (increases it; measures the action's progress)" in text
    assert "Affects Share of sustainable modes (increases; confidence medium)" in text
    assert "How progress is assessed" in text


def test_the_table_holds_the_numbers_the_chart_draws(client, indicators, soup):
    page = soup(client.get("/en/indicators/ghg/"))
    canvas = page.select_one("canvas[data-chart]")
    import json

    config = json.loads(canvas["data-chart"])
    table = page.select_one(f"#{config['table']}")
    rows = [
        (tr["data-date"], float(tr.select_one("td")["data-value"]))
        for tr in table.select("tbody tr")
    ]
    assert rows == [
        ("2019-12-31", 2280.0),
        ("2020-12-31", 2050.0),
        ("2021-12-31", 2130.0),
        ("2022-12-31", 1900.0),
        ("2023-12-31", 1680.0),
    ]
    goals = [
        (tr["data-date"], float(tr.select_one("td")["data-value"]))
        for tr in page.select(f"#{config['goals']} tbody tr")
    ]
    assert goals == [("2030-12-31", 1400.0), ("2035-12-31", 700.0)]
    # The chart's text alternative says what it shows.
    assert (
        canvas["aria-label"]
        == "Values 2019–2023, from 2,280 to 1,680 kt CO₂e. Goal 700 kt CO₂e by 2035."
    )


def test_the_values_download_as_csv(client, indicators):
    response = client.get("/indicators/ghg/values.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="ghg.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["date", "dimension", "category", "value"]
    assert rows[1:3] == [["2019", "", "", "2280"], ["2020", "", "", "2050"]]


def test_internal_and_unknown_indicators_are_not_found(client, indicators):
    assert client.get("/indicators/hidden/").status_code == 404
    assert client.get("/indicators/hidden/values.csv").status_code == 404
    assert client.get("/indicators/nothing/").status_code == 404
    assert client.get("/indicators/GHG/")["Location"] == "/indicators/ghg/"


def test_the_action_page_lists_its_indicators_with_the_actions_completion(client, indicators):
    text = visible_text(client.get("/en/actions/40/").content.decode())
    assert "Indicators Cycle highway network Latest value 26 km (2023)" in text
    # (26 − 8) / (130 − 8) of the way from the first value to the goal.
    assert "The action is 15% complete, measured by this indicator" in text
    other = make_action(indicators["ghg"].plan, "41")
    assert "No indicators have been linked to this action yet." in visible_text(
        client.get(f"/en/actions/{other.identifier}/").content.decode()
    )


def test_charts_load_their_scripts_only_where_there_is_a_chart(client, indicators, soup):
    def scripts(url):
        return [s["src"] for s in soup(client.get(url)).select("script[src]")]

    assert any("chart.umd.min.js" in src for src in scripts("/indicators/ghg/"))
    assert any("chart.umd.min.js" in src for src in scripts("/actions/40/"))
    assert not any("chart" in src for src in scripts("/actions/"))
    assert scripts("/insight/") == []


def test_the_insight_network_draws_and_lists_the_links(client, indicators):
    html = client.get("/en/insight/").content.decode()
    text = visible_text(html)
    # Nested list: the strategic indicator, what affects it, down to the action.
    assert (
        "Greenhouse gas emissions (strategic indicator) decreases: Share of sustainable "
        "modes (tactical indicator) increases: Cycle highway network (operational indicator) "
        "increases: 40 Cycle highways"
    ) in text
    assert html.count('class="edge edge--') == 3
    assert "Sisäinen" not in html


def test_the_insight_network_narrows_to_one_indicators_neighbourhood(client, indicators, plan):
    unrelated = make_indicator(plan, "unrelated", name_fi="Erillinen", level="tactical")
    other_action = make_action(plan, "50", name_fi="Muu toimenpide")
    ActionIndicator.objects.create(indicator=unrelated, action=other_action)
    whole = visible_text(client.get("/insight/").content.decode())
    assert "Erillinen" in whole
    narrowed = visible_text(
        client.get("/insight/?indicator=share").content.decode(), ".network-list"
    )
    assert "Erillinen" not in narrowed and "Muu toimenpide" not in narrowed
    assert "Kasvihuonekaasupäästöt" in narrowed and "Baanaverkko" in narrowed
    unknown = visible_text(client.get("/en/insight/?indicator=nothing").content.decode())
    assert "There is no published indicator “nothing”; the whole network is shown." in unknown


def test_an_indicator_is_unique_by_identifier_in_its_plan(plan, other_plan, english):
    from django.core.exceptions import ValidationError

    make_indicator(plan, "ghg")
    with pytest.raises(ValidationError) as caught:
        Indicator(plan=plan, identifier="GHG", name_fi="Toinen", unit_fi="kt").full_clean()
    assert caught.value.message_dict["identifier"] == [
        "The plan already has an indicator with this identifier."
    ]
    make_indicator(other_plan, "ghg")  # another plan may use it


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("", "Nykyisellä vauhdilla (0,4 prosenttiyksikköä vuodessa)"),
        ("/sv", "I nuvarande takt (0,4 procentenheter per år)"),
        ("/en", "At the current pace (0.4 percentage points a year)"),
    ],
)
def test_a_share_changes_by_percentage_points(client, plan, prefix, expected):
    make_indicator(
        plan,
        "sustainable-share",
        name_fi="Kestävien kulkutapojen osuus",
        unit_fi="%",
        decimals=1,
        values=[(2019, 60.0), (2020, 60.4), (2021, 60.8), (2022, 61.2), (2023, 61.6)],
        goals=[(2035, 75.0)],
    )
    text = visible_text(client.get(f"{prefix}/indicators/sustainable-share/").content.decode())
    assert expected in text
    assert "0,4 % vuodessa" not in text and "0.4 % a year" not in text
    # The values themselves stay percentages.
    assert "61,6 %" in text or "61.6 %" in text
