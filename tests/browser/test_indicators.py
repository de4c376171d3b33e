"""Charts drawn in a browser: the same numbers as the table, no script errors, and the
pages still say everything without JavaScript."""

import pytest

from tests.site.conftest import visible_text


def drawn_chart(page, url):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.wait_for_selector(".chart--drawn canvas")
    return errors


def test_the_indicator_chart_draws_the_tables_numbers(demo, page):
    errors = drawn_chart(page, f"{demo.url}/indicators/ghg-total/")
    assert errors == []
    table = page.eval_on_selector_all(
        "#values-table tbody tr",
        """rows => rows.map(r => [
            r.dataset.date,
            ...[...r.cells].slice(1).map(c => c.dataset.value ? parseFloat(c.dataset.value) : null),
        ])""",
    )
    datasets = page.evaluate(
        """() => {
          const chart = Chart.getChart(document.querySelector('canvas[data-chart]'));
          return chart.data.datasets.map(d => ({label: d.label, points: d.data.map(p => p.y)}));
        }"""
    )
    labels = [d["label"] for d in datasets]
    assert labels[0] == "Helsingin kasvihuonekaasupäästöt"
    assert labels[1:6] == ["Kaukolämpö", "Sähkö", "Liikenne", "Erillislämmitys", "Muut"]
    assert labels[6:] == ["Tavoite", "Kehityssuunta"]
    assert datasets[0]["points"] == [row[1] for row in table]
    assert datasets[3]["points"] == [row[4] for row in table if row[4] is not None]
    assert datasets[6]["points"] == [1400, 700]  # the plan's goals, not the scenario's


def test_small_charts_are_drawn_on_the_list_and_the_action_page(demo, page):
    assert drawn_chart(page, f"{demo.url}/indicators/") == []
    assert page.locator(".chart--drawn").count() == 9
    assert drawn_chart(page, f"{demo.url}/actions/40/") == []
    assert page.locator(".chart--drawn").count() == 1


@pytest.mark.parametrize("path", ["/indicators/ghg-total/", "/insight/", "/actions/40/"])
def test_indicator_pages_say_everything_without_javascript(demo, browser, path):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{demo.url}{path}")
    text = visible_text(page.content())
    context.close()
    if path == "/indicators/ghg-total/":
        assert "2024 1 550 620 155 527 46 202" in text  # the table, open
        assert "Nykyisellä vauhdilla" in text
    elif path == "/insight/":
        assert "Helsingin kasvihuonekaasupäästöt (strateginen mittari)" in text
    else:
        assert "Rakennettu baanaverkko" in text and "valmis" in text
