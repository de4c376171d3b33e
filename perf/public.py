"""The bench's public action list budget (issue 22): the list's HTML bounded at any plan
size and its uncached render within a few action pages'. It reads the figures the page
table noted (``perf.common.FIGURES``), so it runs after the pages are measured."""

from __future__ import annotations

from perf.common import FIGURES, budget

# At most 150 KB of HTML and 3× the uncached action page at the largest plan.
LIST_HTML_BUDGET_KB = 150.0
LIST_TIME_BUDGET_RATIO = 3.0

ROW = "{:>8} {:>12} {:>12} {:>12} {:>8}"


def bench_public(plans) -> bool:
    """The action list against the action page at each generated plan's size."""
    html = FIGURES.get("action list, HTML", {})
    list_ms = FIGURES.get("action list, uncached", {})
    page_ms = FIGURES.get("action page, uncached", {})
    sizes = sorted(set(html) & set(list_ms) & set(page_ms))
    print()
    print("public action list, uncached, against the uncached action page")
    header = ROW.format("actions", "list KB", "list ms", "page ms", "ratio")
    print(header)
    print("-" * len(header))
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
