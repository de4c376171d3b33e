"""Panels that follow what the form lets the editor change."""

from __future__ import annotations

from wagtail.admin.panels import InlinePanel, Panel


class PermissionedInlinePanel(InlinePanel):
    """An inline panel that disappears when the form has dropped its formset because the
    editor may not change those rows (vahti.editing.forms.ActionAdminForm)."""

    class BoundPanel(InlinePanel.BoundPanel):
        def __init__(self, **kwargs):
            form = kwargs.get("form")
            self.absent = form is not None and kwargs["panel"].relation_name not in getattr(
                form, "formsets", {}
            )
            if self.absent:
                Panel.BoundPanel.__init__(self, **kwargs)
                self.label = self.panel.label
                return
            super().__init__(**kwargs)

        def is_shown(self):
            return not self.absent and super().is_shown()
