"""The insight network: actions and indicators joined by their causal links, laid out in
columns from the actions on the left through operational and tactical indicators to the
strategic ones on the right. Pure functions on plain values; no database.

The same network is also given as nested lists (each indicator with what affects it,
recursively), the equivalent for keyboard and screen-reader users.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

COLUMNS = ("action", "operational", "tactical", "strategic")


@dataclass(eq=False)
class Node:
    key: str  # "action:12" / "indicator:ghg-total"
    kind: str  # one of COLUMNS
    label: str
    url: str
    lang: str | None = None
    identifier: str = ""
    # Set by layout():
    column: int = 0
    row: int = 0


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    effect: str  # increases / decreases / part_of
    confidence: str = ""


@dataclass
class Network:
    nodes: dict[str, Node]
    edges: list[Edge]
    incoming: dict[str, list[Edge]] = field(default_factory=dict)
    outgoing: dict[str, list[Edge]] = field(default_factory=dict)

    def __post_init__(self):
        self.incoming, self.outgoing = {}, {}
        for edge in self.edges:
            self.incoming.setdefault(edge.target, []).append(edge)
            self.outgoing.setdefault(edge.source, []).append(edge)


def build(nodes: Iterable[Node], edges: Iterable[Edge]) -> Network:
    by_key = {node.key: node for node in nodes}
    kept = [e for e in edges if e.source in by_key and e.target in by_key and e.source != e.target]
    return Network(by_key, list(dict.fromkeys(kept)))


def neighbourhood(network: Network, key: str) -> Network:
    """The node with everything that leads to it and everything it leads to."""
    if key not in network.nodes:
        return Network({}, [])

    def reach(start: str, step) -> set[str]:
        seen, todo = {start}, [start]
        while todo:
            for other in step(todo.pop()):
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        return seen

    upstream = reach(key, lambda k: [e.source for e in network.incoming.get(k, [])])
    downstream = reach(key, lambda k: [e.target for e in network.outgoing.get(k, [])])
    keep = upstream | downstream
    return build(
        [network.nodes[k] for k in network.nodes if k in keep],
        [e for e in network.edges if e.source in keep and e.target in keep],
    )


def without_isolated_actions(network: Network) -> Network:
    """Actions are shown only where they are linked to an indicator."""
    linked = {e.source for e in network.edges} | {e.target for e in network.edges}
    return build(
        [n for n in network.nodes.values() if n.kind != "action" or n.key in linked],
        network.edges,
    )


def layout(network: Network, sweeps: int = 4) -> list[list[Node]]:
    """Columns of nodes, ordered within each column to keep lines from crossing: each
    node moves towards the mean position of its neighbours (the barycentre heuristic),
    sweeping right and left a few times. Sets each node's ``column`` and ``row``."""
    columns: list[list[Node]] = [[] for _ in COLUMNS]
    for node in network.nodes.values():
        node.column = COLUMNS.index(node.kind)
        columns[node.column].append(node)
    for column in columns:
        column.sort(key=lambda n: n.label.lower())
        for index, node in enumerate(column):
            node.row = index

    def neighbours(node: Node) -> list[Node]:
        keys = [e.source for e in network.incoming.get(node.key, [])]
        keys += [e.target for e in network.outgoing.get(node.key, [])]
        return [network.nodes[k] for k in keys]

    def reorder(column: list[Node]) -> None:
        def barycentre(node: Node) -> float:
            around = neighbours(node)
            return sum(n.row for n in around) / len(around) if around else node.row

        column.sort(key=lambda n: (barycentre(n), n.row))
        for index, node in enumerate(column):
            node.row = index

    order = list(range(len(columns)))
    for sweep in range(sweeps):
        for index in order if sweep % 2 == 0 else reversed(order):
            reorder(columns[index])
    return columns


@dataclass
class TreeItem:
    node: Node
    edge: Edge | None  # how this node affects its parent in the tree
    children: list[TreeItem]
    repeated: bool = False  # shown in full elsewhere in the list


def as_tree(network: Network) -> list[TreeItem]:
    """Nested lists: the nodes that affect nothing further (usually the strategic
    indicators) at the top, under each what affects it, recursively. A node reached a
    second time is named but not expanded again (``repeated``), and a loop ends there."""
    expanded: set[str] = set()

    def item(key: str, edge: Edge | None, path: tuple[str, ...]) -> TreeItem:
        node = network.nodes[key]
        if key in expanded or key in path:
            return TreeItem(node, edge, [], repeated=True)
        expanded.add(key)
        causes = sorted(
            network.incoming.get(key, []),
            key=lambda e: (
                COLUMNS.index(network.nodes[e.source].kind) * -1,
                network.nodes[e.source].label.lower(),
            ),
        )
        return TreeItem(node, edge, [item(e.source, e, (*path, key)) for e in causes])

    tops = [
        n for n in network.nodes.values() if not network.outgoing.get(n.key) and n.kind != "action"
    ]
    tops.sort(key=lambda n: (-COLUMNS.index(n.kind), n.label.lower()))
    tree = [item(n.key, None, ()) for n in tops]
    # What is left (only in loops, or actions linked to nothing shown) comes last.
    for node in sorted(
        network.nodes.values(), key=lambda n: (-COLUMNS.index(n.kind), n.label.lower())
    ):
        if node.key not in expanded and node.kind != "action":
            tree.append(item(node.key, None, ()))
    return tree


def nodes_in(columns: Sequence[Sequence[Node]]) -> int:
    return sum(len(column) for column in columns)
