"""Actions of a plan and what hangs off them: tasks, responsible organisations, contact
persons, news posts and the plan's own fields (vahti.actions.models.fields).

Action is a Wagtail snippet with revisions, drafts and locking; its children are
ParentalKey/ParentalManyToMany relations so that a revision stores the whole action,
tasks and relations included, and the editor edits them inline.
"""

from vahti.actions.models.action import (
    IDENTIFIER_TAKEN_MESSAGE,
    PUBLIC_CONDITION,
    Action,
    ActionQuerySet,
)
from vahti.actions.models.fields import (
    ActionField,
    ActionFieldOption,
    ActionFieldQuerySet,
    ActionFieldValue,
)
from vahti.actions.models.parts import (
    ContactPerson,
    NewsPost,
    ProgressChange,
    ResponsibleParty,
    Task,
)

__all__ = [
    "IDENTIFIER_TAKEN_MESSAGE",
    "PUBLIC_CONDITION",
    "Action",
    "ActionField",
    "ActionFieldOption",
    "ActionFieldQuerySet",
    "ActionFieldValue",
    "ActionQuerySet",
    "ContactPerson",
    "NewsPost",
    "ProgressChange",
    "ResponsibleParty",
    "Task",
]
