"""Forms of the public site: filters read from the address (GET), so that a filtered view
can be shared and bookmarked and works without JavaScript."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from vahti.actions.dashboard import Lookups
from vahti.actions.field_values import public_fields
from vahti.actions.filters import ActionFilters, used_choices
from vahti.core.trees import with_ancestors
from vahti.indicators.models import Indicator
from vahti.indicators.selectors import IndicatorFilters
from vahti.orgs.models import Organization
from vahti.plans.models import (
    ActionImpact,
    ActionImplementationPhase,
    ActionSchedule,
    ActionStatus,
)
from vahti.plans.selectors import primary_category_type
from vahti.site import field_filters
from vahti.site.choices import LangSelect, indented


def tree_order(categories):
    """Categories with each one's children right after it."""
    children: dict = {}
    for category in categories:
        children.setdefault(category.parent_id, []).append(category)
    ordered, seen = [], set()

    def walk(parent_id):
        for category in children.get(parent_id, []):
            if category.pk not in seen:
                seen.add(category.pk)
                ordered.append(category)
                walk(category.pk)

    walk(None)
    return ordered


class IndicatorFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    level = forms.ChoiceField(
        label=_("Level"),
        required=False,
        choices=[("", _("All levels")), *Indicator.Level.choices],
    )
    category = forms.ChoiceField(label=_("Theme"), required=False, widget=LangSelect)

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.categories = {}
        for category in tree_order(categories):
            self.categories.setdefault(category.identifier, category)
        self.fields["category"].choices = [("", _("All themes")), *indented(categories)]

    def filters(self) -> IndicatorFilters:
        """The filters that are valid; an invalid one is left out (and the form shows its
        error)."""
        self.is_valid()  # cleaned_data then holds the fields that are valid
        data = self.cleaned_data
        return IndicatorFilters(
            level=data.get("level") or "",
            category=self.categories.get(data.get("category") or ""),
            text=data.get("q") or "",
        )


class ActionFilterForm(forms.Form):
    """The action list's filters. Every choice is the plan's own, named by identifier in
    the address (``?status=late&organization=kymp``)."""

    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    category = forms.ChoiceField(label=_("Theme"), required=False, widget=LangSelect)
    organization = forms.ChoiceField(
        label=_("Responsible organisation"), required=False, widget=LangSelect
    )
    primary = forms.BooleanField(label=_("Primary responsibility only"), required=False)
    status = forms.ChoiceField(label=_("Progress"), required=False, widget=LangSelect)
    phase = forms.ChoiceField(label=_("Phase"), required=False, widget=LangSelect)
    schedule = forms.ChoiceField(label=_("Timeframe"), required=False, widget=LangSelect)
    impact = forms.ChoiceField(label=_("Impact"), required=False, widget=LangSelect)
    late = forms.BooleanField(label=_("Late actions only"), required=False)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        if not plan.derived_lateness:
            del self.fields["late"]
        theme_type = primary_category_type(plan)
        used = used_choices(plan)
        categories = with_ancestors(
            list(theme_type.categories.all()) if theme_type else [], used.category_ids
        )
        organizations = with_ancestors(
            list(Organization.objects.filter(plan=plan)), used.organization_ids
        )
        lists = {
            "category": (categories, _("All themes"), True),
            "organization": (organizations, _("All organisations"), True),
            "status": (list(ActionStatus.objects.filter(plan=plan)), _("Any progress"), False),
            "phase": (
                list(ActionImplementationPhase.objects.filter(plan=plan)),
                _("Any phase"),
                False,
            ),
            "schedule": (list(ActionSchedule.objects.filter(plan=plan)), _("Any timeframe"), False),
            "impact": (list(ActionImpact.objects.filter(plan=plan)), _("Any impact"), False),
        }
        self.theme_type = theme_type
        self.objects = {}
        for name, (items, everything, is_tree) in lists.items():
            self.objects[name] = {item.identifier: item for item in items}
            choices = indented(items) if is_tree else [(i.identifier, i.name) for i in items]
            self.fields[name].choices = [("", everything), *choices]
        # The plan's own public fields, after the common filters.
        self.plan_fields = public_fields(plan)
        self.fields.update(field_filters.form_fields(self.plan_fields))

    def clean(self):
        cleaned = super().clean()
        field_filters.check_ranges(self, self.plan_fields)
        field_filters.check_parameters(self, self.plan_fields)
        return cleaned

    def lookups(self) -> Lookups:
        """The plan's lists as the dashboard needs them, from what the form has read."""
        return Lookups(
            statuses={s.pk: s for s in self.objects["status"].values()},
            phases={p.pk: p for p in self.objects["phase"].values()},
            theme_type=self.theme_type,
            themes={c.pk: c for c in self.objects["category"].values()},
            plan_fields=self.plan_fields,
        )

    def filters(self) -> ActionFilters:
        """The valid filters; an invalid one is left out (the form shows its error, and
        the list shows no rows while there is one)."""
        self.is_valid()
        data = self.cleaned_data
        return ActionFilters(
            text=data.get("q") or "",
            primary_only=bool(data.get("primary")),
            late=bool(data.get("late")),
            fields=field_filters.field_filters(self.plan_fields, data),
            **{
                name: self.objects[name].get(data.get(name) or "")
                for name in ("category", "organization", "status", "phase", "schedule", "impact")
            },
        )


class HistoryDayForm(forms.Form):
    """The day the dashboard's "over time" view shows the plan on (``?on=2025-06-30``)."""

    on = forms.DateField(
        label=_("Progress on"),
        required=False,
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": _("Enter a date as year-month-day, e.g. 2025-06-30.")},
    )

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_on(self):
        day = self.cleaned_data["on"]
        if day and day > self.today:
            raise forms.ValidationError(
                _("The day cannot be in the future: the latest is %(today)s."),
                params={"today": self.today.isoformat()},
            )
        return day

    def day(self):
        """The valid day asked for, else today (the form shows why)."""
        return (self.cleaned_data.get("on") if self.is_valid() else None) or self.today


class FeedbackForm(forms.Form):
    """A resident's feedback: the message only is needed. ``website`` is a trap for
    programs (hidden from people and assistive technology alike); ``token`` is when
    the form was shown (signed)."""

    message = forms.CharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": 4000}),
        required=False,  # checked, with its message, by the service
    )
    name = forms.CharField(
        label=_("Your name (optional)"), required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name", "maxlength": 100}),
    )  # fmt: skip
    email = forms.CharField(
        label=_("Your email address (optional, for an answer)"), required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "maxlength": 254}),
    )  # fmt: skip
    website = forms.CharField(
        label=_("Leave this empty"), required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )  # fmt: skip
    token = forms.CharField(required=False, widget=forms.HiddenInput)
