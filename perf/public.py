"""The bench's public page budgets (issue 22): the action list's HTML bounded at any plan
size and its uncached render within a few action pages'; the front page, the dashboard
and search uncached within 2× from the smallest generated plan to the largest; the
uncached action page within 50 ms at 15,000 actions. It reads the figures the page table
noted (``perf.common.FIGURES``), so it runs after the pages are measured."""

from __future__ import annotations

from perf.common import FIGURES, budget, print_head

# At most 150 KB of HTML and 3× the uncached action page at the largest plan.
LIST_HTML_BUDGET_KB = 150.0
LIST_TIME_BUDGET_RATIO = 3.0
# The uncached time of these pages at most 2× from the smallest plan to the largest.
GROWING_PAGES = ("front page", "dashboard", "search")
GROWTH_BUDGET_RATIO = 2.0
# The uncached action page: its median at most 50 ms at 15,000 actions.
ACTION_PAGE_BUDGET_MS = 50.0
ACTION_PAGE_BUDGET_ACTIONS = 15000

ROW = "{:>8} {:>12} {:>12} {:>12} {:>8}"


def bench_public(plans) -> bool:
    """The action list against the action page at each generated plan's size, and the
    public pages' growth and time budgets."""
    within = _list_budgets()
    within &= _page_budgets()
    return within


def _page_budgets() -> bool:
    """The front page, dashboard and search growth, and the action page's time."""
    within = True
    for page in GROWING_PAGES:
        figures = sorted(FIGURES.get(f"{page}, uncached", {}).items())
        if len(figures) < 2:
            within &= budget(f"{page} uncached growth, at most {GROWTH_BUDGET_RATIO:.0f}×", None)
            continue
        (small, (first, _unit)), (large, (last, _unit)) = figures[0], figures[-1]
        ratio = last / first if first else float("inf")
        within &= budget(
            f"{page} uncached {first:.1f} → {last:.1f} ms, {ratio:.2f}× from {small} to "
            f"{large} actions, at most {GROWTH_BUDGET_RATIO:.0f}×",
            ratio <= GROWTH_BUDGET_RATIO,
        )
    page = FIGURES.get("action page, uncached", {}).get(ACTION_PAGE_BUDGET_ACTIONS)
    within &= budget(
        f"action page uncached {'-' if page is None else f'{page[0]:.1f}'} ms at "
        f"{ACTION_PAGE_BUDGET_ACTIONS} actions, at most {ACTION_PAGE_BUDGET_MS:.0f} ms",
        None if page is None else page[0] <= ACTION_PAGE_BUDGET_MS,
    )
    return within


def _list_budgets() -> bool:
    """The action list against the action page at each generated plan's size."""
    html = FIGURES.get("action list, HTML", {})
    list_ms = FIGURES.get("action list, uncached", {})
    page_ms = FIGURES.get("action page, uncached", {})
    sizes = sorted(set(html) & set(list_ms) & set(page_ms))
    print_head(
        ROW.format("actions", "list KB", "list ms", "page ms", "ratio"),
        "",
        "public action list, uncached, against the uncached action page",
    )
    for size in sizes:
        ratio = list_ms[size][0] / page_ms[size][0] if page_ms[size][0] else 0.0
        print(
            ROW.format(
                size, f"{html[size][0]:.1f}", f"{list_ms[size][0]:.1f}",
                f"{page_ms[size][0]:.1f}", f"{ratio:.2f}×",
            )
        )  # fmt: skip
    if not sizes:
        within = budget("action list HTML and time at the largest plan", None)
        return within
    largest = sizes[-1]
    kilobytes = html[largest][0]
    ratio = list_ms[largest][0] / page_ms[largest][0] if page_ms[largest][0] else float("inf")
    within = budget(
        f"action list HTML {kilobytes:.1f} KB at {largest} actions, at most "
        f"{LIST_HTML_BUDGET_KB:.0f} KB",
        kilobytes <= LIST_HTML_BUDGET_KB,
    )
    within &= budget(
        f"action list uncached {ratio:.2f}× the action page at {largest} actions, at most "
        f"{LIST_TIME_BUDGET_RATIO:.0f}×",
        ratio <= LIST_TIME_BUDGET_RATIO,
    )
    return within
