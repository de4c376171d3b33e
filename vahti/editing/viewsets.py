"""Building blocks of the admin's snippet views."""

from __future__ import annotations

from django.conf import settings
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from vahti.access import policies
from vahti.editing.permissions import guarded_urlpatterns
from vahti.editing.scoping import ScopedSnippetChooserViewSet, ScopedSnippetViewSet


def translated(name: str, heading) -> MultiFieldPanel:
    """One field per language, primary language first."""
    return MultiFieldPanel(
        [FieldPanel(f"{name}_{code}") for code, _name in settings.LANGUAGES], heading=heading
    )


class PlanContentViewSet(ScopedSnippetViewSet):
    """A plan's own content: listed for the plans the editor may read, each URL of one
    object guarded by :class:`PlanContentPermissionPolicy`."""

    def get_queryset(self, request):
        return self.model.objects.filter(
            plan__in=policies.plans_readable_by(request.user)
        ).select_related("plan")

    def get_urlpatterns(self):
        return guarded_urlpatterns(super().get_urlpatterns(), guard=self.permission_policy.guard)


class ListedOnlyChooserViewSet(ScopedSnippetChooserViewSet):
    """A snippet's chooser that does not replace the drop-down of every form that picks
    one (Wagtail would make each ``ForeignKey`` to the model a chooser button): the
    action form keeps its status, phase and impact lists, the people their
    organisations."""

    register_widget = False
