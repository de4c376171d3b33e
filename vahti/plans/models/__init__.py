"""A plan, its own lists (statuses, phases, impacts, schedules) and its categories.

Every object in Vahti belongs to exactly one plan; one installation hosts several.
"""

from vahti.plans.models.lists import (
    ActionImpact,
    ActionImplementationPhase,
    ActionSchedule,
    ActionStatus,
    Category,
    CategoryType,
    PlanListItem,
    PlanOwnedQuerySet,
)
from vahti.plans.models.plan import (
    Plan,
    PlanDomain,
    PlanFooterLink,
    identifier_validator,
    language_choices,
    normalise_hostname,
)

__all__ = [
    "ActionImpact",
    "ActionImplementationPhase",
    "ActionSchedule",
    "ActionStatus",
    "Category",
    "CategoryType",
    "Plan",
    "PlanDomain",
    "PlanFooterLink",
    "PlanListItem",
    "PlanOwnedQuerySet",
    "identifier_validator",
    "language_choices",
    "normalise_hostname",
]
