"""The insight network drawn as SVG on the server: boxes in columns, curved arrows between
them. Works without JavaScript; the nested list beside it is the text equivalent."""

from __future__ import annotations

import textwrap
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


def _lines(label: str) -> list[str]:
    lines = textwrap.wrap(label, LINE_CHARACTERS, max_lines=2, placeholder="…")
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
                lines=_lines(node.label),
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
