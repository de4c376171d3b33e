"""Trees stored as (id, parent id) rows: categories and organisations. Pure functions."""

from __future__ import annotations

from collections.abc import Iterable


def descendants(rows: Iterable[tuple[int, int | None]], roots: Iterable[int]) -> set[int]:
    """The roots and every id below them, from (id, parent id) pairs. A loop in the data
    (which the models refuse) would end rather than run forever."""
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in rows:
        children.setdefault(parent_id, []).append(pk)
    found: set[int] = set()
    stack = list(roots)
    while stack:
        pk = stack.pop()
        if pk not in found:
            found.add(pk)
            stack.extend(children.get(pk, []))
    return found


def with_ancestors(items: list, used_ids: Iterable[int]) -> list:
    """The items (categories, organisations, with ``pk`` and ``parent_id``) among
    ``used_ids``, with every item above them, in the items' order: what a filter offers,
    so that every choice finds something."""
    parent = {item.pk: item.parent_id for item in items}
    keep: set[int] = set()
    for pk in set(used_ids):
        while pk is not None and pk not in keep:
            keep.add(pk)
            pk = parent.get(pk)
    return [item for item in items if item.pk in keep]


def tree_order(rows: Iterable[tuple[int, int | None]]) -> list[tuple[int, int]]:
    """(id, depth) of every row, each parent followed by its children, depth first:
    how a tree reads in a listing. Siblings keep the rows' order (give them sorted by
    their ``order``); a row whose parent is not among the rows starts a tree of its own,
    and a loop in the data (which the models refuse) is cut rather than followed."""
    rows = list(rows)
    ids = {pk for pk, _parent in rows}
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in rows:
        children.setdefault(parent_id if parent_id in ids else None, []).append(pk)
    ordered: list[tuple[int, int]] = []
    seen: set[int] = set()

    def visit(pk: int, depth: int) -> None:
        stack = [(pk, depth)]
        while stack:
            pk, depth = stack.pop()
            if pk in seen:
                continue
            seen.add(pk)
            ordered.append((pk, depth))
            stack.extend((child, depth + 1) for child in reversed(children.get(pk, [])))

    for root in children.get(None, []):
        visit(root, 0)
    for pk, _parent in rows:  # rows only reachable through a loop
        visit(pk, 0)
    return ordered
