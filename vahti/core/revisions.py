"""What a revision's content says, apart from what changes on every save: for telling
whether two revisions (of an action, of an indicator) differ in what they show."""

from __future__ import annotations

# Keys of a revision's content that change on every save and say nothing of the content.
VOLATILE_KEYS = frozenset(
    {
        "pk",
        "id",
        "action",
        "created_at",
        "updated_at",
        "latest_revision",
        "live_revision",
        "live",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "locked",
        "locked_at",
        "locked_by",
        "draft_title",
        "expired",
        "go_live_at",
        "expire_at",
    }
)


def without_volatile_keys(value):
    """Revision content (or a part of it) without ids, timestamps and publishing state."""
    if isinstance(value, dict):
        return {k: without_volatile_keys(v) for k, v in value.items() if k not in VOLATILE_KEYS}
    if isinstance(value, list):
        return [without_volatile_keys(v) for v in value]
    return value
