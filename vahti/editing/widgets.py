"""Choosers: among a plan's actions without listing them all (a plan may have 15,000, and
a form that offers every one of them as a choice grows with the plan, issue 22), and of
an image that survive a sent value that is no image's id."""

from __future__ import annotations

from django import forms
from django.template.loader import render_to_string
from wagtail.images.widgets import AdminImageChooser
from wagtail.snippets.widgets import AdminSnippetChooser

from vahti.actions.models import Action


class ChosenActionsWidget(forms.Widget):
    """For a choice of several actions: the actions chosen so far as ticked checkboxes
    (untick one to remove it), and Wagtail's action chooser (a searchable, paginated
    list of the actions the editor may see) to add one more. Only the chosen actions
    are read, in one query, so the form costs the same at any plan size.

    Submits the ids of the actions as a multiple choice does, so its field stays a
    ModelMultipleChoiceField (its queryset decides what may be chosen)."""

    template_name = "editing/widgets/chosen_actions.html"
    add_suffix = "-add"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = []  # set by the field: its queryset is what may be chosen
        self.chooser = AdminSnippetChooser(Action)

    @property
    def media(self):
        return self.chooser.media

    def value_from_datadict(self, data, files, name):
        chosen = list(data.getlist(name)) if hasattr(data, "getlist") else data.get(name, [])
        added = data.get(name + self.add_suffix)
        if added and added not in chosen:
            chosen.append(added)
        return chosen

    def value_omitted_from_data(self, data, files, name):
        return False  # no ticked box is a choice too: none

    def chosen_actions(self, value) -> list[Action]:
        ids = [getattr(item, "pk", item) for item in value or []]
        ids = [int(pk) for pk in ids if str(pk).isdigit()]
        # Only the field's own (scoped) choices: never every plan's actions.
        queryset = getattr(self.choices, "queryset", Action.objects.none())
        return list(queryset.filter(pk__in=ids).in_natural_order()) if ids else []

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        id_ = attrs.get("id", f"id_{name}")
        return render_to_string(
            self.template_name,
            {
                "name": name,
                "id": id_,
                "actions": self.chosen_actions(value),
                "chooser": self.chooser.render(
                    name + self.add_suffix, None, {"id": id_ + self.add_suffix}
                ),
            },
        )


class ImageChooser(AdminImageChooser):
    """Wagtail's image chooser, which draws a form sent back with an image id that is
    not a number (``logo=abc``) as no image chosen: the field's own check already names
    the wrong choice, where Wagtail's widget failed reading it again (an error page)."""

    def get_instance(self, value):
        if value is None or isinstance(value, self.model_class):
            return super().get_instance(value)
        try:
            return self.model_class.objects.filter(pk=value).first()
        except (TypeError, ValueError, OverflowError):
            return None
