from types import SimpleNamespace

from vahti.core.trees import descendants, tree_order, with_ancestors

# 1 ─ 2 ─ 3, 1 ─ 4, 5 alone; 6 and 7 point at each other (a loop the models refuse).
ROWS = [(1, None), (2, 1), (3, 2), (4, 1), (5, None), (6, 7), (7, 6)]


def test_descendants_include_the_root_and_every_level_below():
    assert descendants(ROWS, [2]) == {2, 3}
    assert descendants(ROWS, [1]) == {1, 2, 3, 4}
    assert descendants(ROWS, [5, 2]) == {5, 2, 3}
    assert descendants(ROWS, [6]) == {6, 7}  # a loop ends


def test_with_ancestors_keeps_what_is_used_and_everything_above_it_in_order():
    items = [SimpleNamespace(pk=pk, parent_id=parent) for pk, parent in ROWS[:5]]
    assert [i.pk for i in with_ancestors(items, [3])] == [1, 2, 3]
    assert [i.pk for i in with_ancestors(items, [4, 5])] == [1, 4, 5]
    assert with_ancestors(items, []) == []


def test_tree_order_puts_children_under_their_parent_in_the_rows_order():
    # Given sorted by order: 1 (root), 3 (root), 2 (child of 3), 4 (child of 1), 5 (of 4).
    rows = [(1, None), (3, None), (2, 3), (4, 1), (5, 4)]
    assert tree_order(rows) == [(1, 0), (4, 1), (5, 2), (3, 0), (2, 1)]


def test_tree_order_starts_a_tree_where_the_parent_is_missing_and_cuts_loops():
    assert tree_order([(7, 99), (8, 7)]) == [(7, 0), (8, 1)]
    assert sorted(tree_order([(1, 2), (2, 1)])) == [(1, 0), (2, 1)]
