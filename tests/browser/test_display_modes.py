"""What people who set their own colours or use a narrow phone see: forced colours
(Windows' contrast themes) and a 320 px wide screen (WCAG 1.4.10 reflow)."""

import pytest

# The colour a system colour keyword resolves to in this browser's forced palette.
SYSTEM_COLOUR = """keyword => {
  const probe = document.createElement('span');
  probe.style.color = keyword;
  document.body.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}"""


@pytest.fixture
def forced(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    page = context.new_page()
    page.emulate_media(forced_colors="active")
    yield page
    context.close()


@pytest.mark.parametrize("path", ["/", "/actions/", "/indicators/", "/insight/", "/search/?q=a"])
def test_buttons_keep_a_border_in_forced_colours(demo, forced, path):
    forced.goto(f"{demo.url}{path}")
    assert forced.evaluate("matchMedia('(forced-colors: active)').matches")
    borders = forced.eval_on_selector_all(
        "main .button, main button, header button",
        """elements => elements.map(e => {
          const style = getComputedStyle(e);
          return [e.textContent.trim(), style.borderTopStyle, parseFloat(style.borderTopWidth)];
        })""",
    )
    assert borders, "no buttons on the page"
    borderless = [name for name, style, width in borders if style == "none" or width < 1]
    assert borderless == []


def test_insight_labels_use_system_colours(demo, forced):
    forced.goto(f"{demo.url}/insight/")
    text = forced.evaluate(SYSTEM_COLOUR, "CanvasText")
    fills = forced.eval_on_selector_all(
        ".network text", "elements => [...new Set(elements.map(e => getComputedStyle(e).fill))]"
    )
    assert fills == [text]
    boxes = forced.eval_on_selector_all(
        ".network .node rect",
        "elements => [...new Set(elements.map(e => getComputedStyle(e).fill))]",
    )
    assert boxes == [forced.evaluate(SYSTEM_COLOUR, "Canvas")]


def test_chart_labels_use_system_colours(demo, forced):
    forced.goto(f"{demo.url}/indicators/ghg-total/")
    forced.wait_for_selector(".chart--drawn canvas")
    text = forced.evaluate(SYSTEM_COLOUR, "CanvasText")
    colours = forced.evaluate(
        """() => {
          const chart = Chart.getChart(document.querySelector('canvas[data-chart]'));
          const scales = chart.options.scales;
          return {
            ticks: [scales.x.ticks.color, scales.y.ticks.color],
            title: scales.y.title.color,
            legend: chart.legend.options.labels.color,
          };
        }"""
    )
    assert colours == {"ticks": [text, text], "title": text, "legend": text}
    # Without forced colours the chart keeps its own palette.
    forced.emulate_media(forced_colors="none")
    forced.reload()
    forced.wait_for_selector(".chart--drawn canvas")
    legend = forced.evaluate(
        "Chart.getChart(document.querySelector('canvas[data-chart]')).legend.options.labels.color"
    )
    assert legend != text


@pytest.mark.parametrize(
    "path",
    [
        "/actions/",
        "/actions/?view=dashboard",
        "/en/actions/?view=dashboard",  # “Implementation” in the table by phase
        "/northbay/actions/?view=dashboard",
        "/indicators/",
        "/insight/",
        "/actions/126/",
        "/estimates/",
        "/reports/",
        "/reports/2025/",
    ],
)
def test_nothing_is_wider_than_a_320_pixel_screen(demo, browser, path):
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="fi-FI")
    page = context.new_page()
    page.goto(f"{demo.url}{path}")
    too_wide = page.evaluate(
        r"""() => [...document.querySelectorAll('main *')]
          .filter(e => !e.closest('.table-scroll, .insight__drawing, svg'))
          .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
          .map(e => {
            const box = e.getBoundingClientRect();
            const text = e.textContent.replace(/\s+/g, ' ').trim().slice(0, 40);
            return `${e.tagName} ${e.className}: ${box.width}px to ${box.right}px: ${text}`;
          })"""
    )
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert too_wide == [], "\n".join(too_wide)
    assert overflow <= 0


def test_the_action_page_prints_without_the_feedback_form(demo, page):
    page.goto(f"{demo.url}/actions/126/")
    assert page.locator("#feedback form").is_visible()
    page.emulate_media(media="print")
    assert not page.locator("#feedback").is_visible()
    assert page.locator("h1").is_visible()


def test_the_indicator_table_prints_whole(demo, page):
    page.goto(f"{demo.url}/indicators/ghg-total/")
    box = "#values-table"
    page.emulate_media(media="print")
    cut = page.eval_on_selector(
        box,
        """table => {
          const box = table.closest('.table-scroll');
          return [box.scrollHeight - box.clientHeight, box.scrollWidth - box.clientWidth];
        }""",
    )
    assert cut == [0, 0]
    rows = page.locator(f"{box} tbody tr")
    assert rows.count() > 10 and rows.last.is_visible()


@pytest.mark.parametrize("javascript", [True, False], ids=["drawn", "not-drawn"])
def test_the_chart_caption_speaks_of_the_drawing_only_when_drawn(demo, browser, javascript):
    context = browser.new_context(java_script_enabled=javascript, locale="fi-FI")
    page = context.new_page()
    page.goto(f"{demo.url}/indicators/ghg-total/")
    if javascript:
        page.wait_for_selector(".chart--drawn canvas")
    dashed = page.get_by_text("Katkoviiva näyttää")
    assert dashed.count() == 1
    assert dashed.is_visible() is javascript
    # The summary of the values stays, drawn or not.
    assert page.locator("#chart-caption").get_by_text("Arvot").is_visible()
    context.close()


@pytest.mark.parametrize("path", ["/indicators/ghg-total/", "/actions/?view=history"])
def test_a_tables_title_is_not_cut_by_its_scroll_box_on_a_phone(demo, browser, path):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="fi-FI")
    page = context.new_page()
    page.goto(f"{demo.url}{path}")
    titles = page.eval_on_selector_all(
        ".table-scroll caption",
        """captions => captions.map(caption => {
          const text = caption.textContent.trim();
          // Where the title is read: the caption itself or a visible title for it.
          const shown = [...document.querySelectorAll('main *')].filter(e =>
            e.textContent.trim() === text && e.children.length === 0
            && e.getBoundingClientRect().width > 1 && getComputedStyle(e).visibility !== 'hidden'
            && !e.closest('.visually-hidden'));
          const fits = shown.filter(e => {
            const box = e.getBoundingClientRect();
            return box.left >= 0 && box.right <= window.innerWidth;
          });
          return [text, shown.length, fits.length];
        })""",
    )
    context.close()
    assert titles, "no table on the page"
    assert [(text, fits) for text, shown, fits in titles] == [
        (text, shown) for text, shown, _fits in titles
    ]
    # The values' and the quarters' tables have a visible title (the goals' table has a
    # heading above it instead).
    assert titles[0][1] >= 1, titles
