"""Forms for an indicator's data: one value, a CSV pasted or uploaded, the goals. They
only read and check what was typed; the writing is vahti.indicators.services'."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from vahti.indicators import periods
from vahti.indicators.models import DimensionCategory, Indicator, Scenario
from vahti.indicators.value_rows import NOT_A_NUMBER_MESSAGE, ValueRow, parse_number

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
UPLOAD_TOO_LARGE_MESSAGE = _("The file is larger than 5 MB; split it into parts.")
UPLOAD_NOT_TEXT_MESSAGE = _(
    "The file is not a CSV text file: save it from the spreadsheet as “CSV UTF-8”."
)


class PeriodField(forms.CharField):
    """A period written as in a spreadsheet (2023, 2024-05, 17.5.2024), checked against
    the indicator's time resolution."""

    def __init__(self, *args, resolution: str, **kwargs):
        self.resolution = resolution
        super().__init__(*args, **kwargs)

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        try:
            return periods.parse_period(text, self.resolution)
        except periods.PeriodError as error:
            raise ValidationError(str(error)) from None

    def prepare_value(self, value):
        if hasattr(value, "isoformat"):
            return periods.format_period(value, self.resolution)
        return value


class NumberField(forms.CharField):
    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        try:
            return parse_number(text)
        except ValueError:
            raise ValidationError(NOT_A_NUMBER_MESSAGE % {"text": text}) from None


class ValueForm(forms.Form):
    """One value: added, or changed if the period (and category) has one."""

    period = PeriodField(label=_("Period"), resolution=periods.YEAR, max_length=20)
    value = NumberField(label=_("Value"), max_length=40)
    category = forms.ModelChoiceField(
        label=_("Dimension category"),
        queryset=DimensionCategory.objects.none(),
        required=False,
        empty_label=_("— the indicator's own value —"),
    )

    def __init__(self, *args, indicator: Indicator, **kwargs):
        super().__init__(*args, prefix="one", **kwargs)
        self.indicator = indicator
        self.fields["period"].resolution = indicator.time_resolution
        self.fields["period"].help_text = _("E.g. %(example)s") % {
            "example": EXAMPLES[indicator.time_resolution]
        }
        self.fields["category"].queryset = DimensionCategory.objects.filter(
            plan_id=indicator.plan_id
        ).select_related("dimension")

    def row(self) -> ValueRow:
        data = self.cleaned_data
        return ValueRow(data["period"], data["value"], data.get("category"))


EXAMPLES = {periods.YEAR: "2024", periods.MONTH: "2024-05", periods.DAY: "2024-05-17"}


class ValuesUploadForm(forms.Form):
    text = forms.CharField(
        label=_("Paste the values"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
        help_text=_(
            "The first row names the columns: date, value and, for a breakdown, dimension "
            "and category. Columns may be separated by commas, semicolons or tabs (as when "
            "copied from a spreadsheet)."
        ),
    )
    file = forms.FileField(
        label=_("…or upload a CSV file"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv,text/plain"}),
    )
    replace = forms.BooleanField(
        label=_("Replace every value"),
        required=False,
        help_text=_("Values whose period is not in the file are deleted."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="csv", **kwargs)

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload:
            if upload.size > MAX_UPLOAD_BYTES:
                raise ValidationError({"file": UPLOAD_TOO_LARGE_MESSAGE})
            raw = upload.read()
            if b"\0" in raw[:4096]:
                raise ValidationError({"file": UPLOAD_NOT_TEXT_MESSAGE})
            try:
                data["csv_text"] = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                # Excel's plain "CSV" on Windows.
                data["csv_text"] = raw.decode("cp1252", errors="replace")
        elif data.get("text", "").strip():
            data["csv_text"] = data["text"]
        else:
            raise ValidationError(_("Paste the values or choose a file."))
        return data


class GoalForm(forms.Form):
    period = PeriodField(label=_("Goal year"), resolution=periods.YEAR, max_length=20)
    value = NumberField(label=_("Goal"), max_length=40)
    scenario = forms.ModelChoiceField(
        label=_("Scenario"),
        queryset=Scenario.objects.none(),
        required=False,
        empty_label=_("— the plan's goal —"),
    )

    def __init__(self, *args, indicator: Indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].resolution = indicator.time_resolution
        self.fields["period"].label = (
            _("Goal year") if indicator.time_resolution == periods.YEAR else _("Goal period")
        )
        self.fields["scenario"].queryset = Scenario.objects.filter(plan_id=indicator.plan_id)


class BaseGoalFormSet(forms.BaseFormSet):
    def __init__(self, *args, indicator: Indicator, **kwargs):
        self.indicator = indicator
        super().__init__(*args, prefix="goals", **kwargs)

    def get_form_kwargs(self, index):
        return {"indicator": self.indicator}

    def goals(self) -> list[tuple]:
        """(date, value, scenario) of every row that is filled in and not deleted."""
        found = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", {})
            if not data or data.get("DELETE") or data.get("period") is None:
                continue
            found.append((data["period"], data["value"], data.get("scenario")))
        return found

    def clean(self):
        seen = {}
        for index, form in enumerate(self.forms, start=1):
            data = getattr(form, "cleaned_data", {})
            if not data or data.get("DELETE") or data.get("period") is None:
                continue
            if data.get("value") is None:
                form.add_error("value", _("Give the goal's value."))
                continue
            key = (data["period"], data.get("scenario"))
            if key in seen:
                form.add_error(
                    "period",
                    _("Row %(other)d has a goal for the same period and scenario.")
                    % {"other": seen[key]},
                )
            seen.setdefault(key, index)


GoalFormSet = forms.formset_factory(GoalForm, formset=BaseGoalFormSet, extra=2, can_delete=True)
