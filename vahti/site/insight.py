"""The insight network drawn as SVG on the server: boxes in columns, curved arrows between
them. Works without JavaScript; the nested list beside it is the text equivalent."""

from __future__ import annotations

from dataclasses import dataclass

from vahti.core.i18n import active_language
from vahti.indicators.network import COLUMNS, Network, Node, layout

COLUMN_WIDTH = 250
NODE_WIDTH = 200
NODE_HEIGHT = 48
ROW_HEIGHT = 64
TOP = 36
LINE_CHARACTERS = 25


@dataclass
class Box:
    node: Node
    x: int
    y: int
    lines: list[str]
    lang: str | None

    @property
    def text_x(self) -> int:
        return self.x + 8

    @property
    def css_class(self) -> str:
        return f"node node--{self.node.kind}"


@dataclass
class Arrow:
    path: str
    effect: str


@dataclass
class Drawing:
    width: int
    height: int
    headers: list[tuple[int, str]]
    boxes: list[Box]
    arrows: list[Arrow]


# A word longer than this is hyphenated to fill a line rather than moved to the next
# (Finnish compounds: "41 Aurinkosähköjärjestelmien" would leave "41" alone on a line).
LONG_WORD = 12


def label_lines(label: str, width: int = LINE_CHARACTERS, max_lines: int = 2) -> list[str]:
    """The label in lines of at most ``width`` characters, at most ``max_lines`` of them,
    the last ending in "…" when the label goes on. Long words are hyphenated to fill a
    line, so an identifier never stands alone ("41…") with its name cut away."""
    lines, current = [], ""
    for word in label.split():
        while word:
            joined = f"{current} {word}" if current else word
            if len(joined) <= width:
                current, word = joined, ""
                continue
            room = width - len(current) - (2 if current else 1)  # a space, a hyphen
            long_word = len(word) > LONG_WORD and room >= 4 and len(word) - room >= 3
            if not current or long_word:
                lines.append(f"{current} {word[:room]}-" if current else f"{word[:room]}-")
                current, word = "", word[room:]
            else:
                lines.append(current)
                current = ""
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        last = lines[max_lines - 1].removesuffix("-")
        lines = [*lines[: max_lines - 1], last[: width - 1].rstrip() + "…"]
    return lines or [""]


def drawing(network: Network, column_labels: dict[str, str]) -> Drawing:
    columns = layout(network)
    used = [index for index, column in enumerate(columns) if column]
    position = {index: order for order, index in enumerate(used)}
    language = active_language()
    boxes: dict[str, Box] = {}
    for index in used:
        for node in columns[index]:
            boxes[node.key] = Box(
                node=node,
                x=position[index] * COLUMN_WIDTH + 4,
                y=TOP + node.row * ROW_HEIGHT,
                lines=label_lines(node.label),
                lang=node.lang if node.lang and node.lang != language else None,
            )
    arrows = []
    for edge in network.edges:
        source, target = boxes[edge.source], boxes[edge.target]
        x1, y1 = source.x + NODE_WIDTH, source.y + NODE_HEIGHT // 2
        x2, y2 = target.x - 6, target.y + NODE_HEIGHT // 2
        if target.x <= source.x:  # within a column or backwards: loop round the right
            x2 = target.x + NODE_WIDTH + 6
            bend = 60
            path = f"M{x1},{y1} C{x1 + bend},{y1} {x2 + bend},{y2} {x2},{y2}"
        else:
            middle = (x1 + x2) // 2
            path = f"M{x1},{y1} C{middle},{y1} {middle},{y2} {x2},{y2}"
        arrows.append(Arrow(path, edge.effect))
    rows = max((len(columns[index]) for index in used), default=0)
    headers = [
        (position[index] * COLUMN_WIDTH + 4, column_labels[COLUMNS[index]]) for index in used
    ]
    return Drawing(
        width=max(1, len(used)) * COLUMN_WIDTH,
        height=TOP + rows * ROW_HEIGHT,
        headers=headers,
        boxes=list(boxes.values()),
        arrows=arrows,
    )
