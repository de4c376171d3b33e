"""Listings of trees (categories, organisations): each parent followed by its children,
indented under it, siblings in their order."""

from __future__ import annotations

from django.db.models import Case, IntegerField, Value, When
from wagtail.admin.ui.tables import TitleColumn

from vahti.core.trees import tree_order
from vahti.editing.scoping import ScopedIndexView


class TreeTitleColumn(TitleColumn):
    """The title, indented by its depth in the tree (the indent is hidden from screen
    readers: the listing's parent column says where the row belongs)."""

    cell_template_name = "editing/tree_title_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        depth = getattr(instance, "tree_depth", 0) or 0
        context["indent"] = "— " * depth
        return context


class TreeIndexView(ScopedIndexView):
    def _get_title_column(self, *args, **kwargs):
        kwargs["column_class"] = TreeTitleColumn
        return super()._get_title_column(*args, **kwargs)


def in_tree_order(queryset, sibling_order: list[str]):
    """``queryset`` annotated with ``tree_position`` and ``tree_depth``, by one query of
    the rows' ids and parents (sorted by ``sibling_order``)."""
    rows = queryset.order_by(*sibling_order).values_list("pk", "parent_id")
    ordered = tree_order(rows)
    if not ordered:
        return queryset.annotate(
            tree_position=Value(0, output_field=IntegerField()),
            tree_depth=Value(0, output_field=IntegerField()),
        )
    return queryset.annotate(
        tree_position=Case(
            *[When(pk=pk, then=Value(i)) for i, (pk, _depth) in enumerate(ordered)],
            default=Value(len(ordered)),
            output_field=IntegerField(),
        ),
        tree_depth=Case(
            *[When(pk=pk, then=Value(depth)) for pk, depth in ordered if depth],
            default=Value(0),
            output_field=IntegerField(),
        ),
    )


class TreeListingMixin:
    """For a :class:`~vahti.editing.viewsets.PlanContentViewSet` of a tree: its listing
    in tree order. ``sibling_order``: how the siblings are sorted (and the trees)."""

    index_view_class = TreeIndexView
    sibling_order: list[str] = ["plan", "order", "pk"]
    ordering = ["tree_position"]
    # The rows' relations the listing shows (one query, not one per row).
    listed_relations: list[str] = ["parent__plan"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related(*self.listed_relations)
        return in_tree_order(queryset, self.sibling_order)
