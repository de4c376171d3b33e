"""Translatable text fields: one column per language in the same row.

``name = TranslatedField(models.CharField(max_length=200))`` on a model adds the columns
``name_fi``, ``name_sv`` and ``name_en`` (one per ``settings.LANGUAGES``) and makes
``obj.name`` read the active language, falling back to the plan's primary language, then
to any language that has a text. The value read is a :class:`TranslatedStr`, a ``str``
that also knows which language it is in, so templates can mark fallback text with the
right ``lang`` attribute (``{% tr obj.name %}``, ``{% lang_attr obj.name %}``).

We keep translations in columns rather than in a JSON blob or a side table so that each
language can be searched with its own stemming, indexed and constrained like any column,
and so Wagtail's revisions and forms see plain fields.
"""

from __future__ import annotations

import copy
import types
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

_primary_language: ContextVar[str | None] = ContextVar("vahti_primary_language", default=None)
# Where a request spans a plan's objects without one language set for it (the admin):
# each plan's primary language by plan id, read once (see plan_languages_remembered).
_plan_languages: ContextVar[dict[int, str] | None] = ContextVar(
    "vahti_plan_languages", default=None
)


# How dates are written, by language: the seed page writes 03.02.2020; Finland-Swedish
# does the same. (The public site's dates, and texts such as the reasons an action is
# late, which the API gives too.)
DATE_FORMATS = {"fi": "d.m.Y", "sv": "d.m.Y", "en": "j M Y"}


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def column_name(field_name: str, language: str) -> str:
    return f"{field_name}_{language}"


@contextmanager
def primary_language(language: str | None) -> Iterator[None]:
    """Make ``language`` the fallback for translated fields read inside the block.

    The public site sets this to the request's plan's primary language; commands that
    render text for one plan (e-mails, exports) do the same.
    """
    token = _primary_language.set(language)
    try:
        yield
    finally:
        _primary_language.reset(token)


@contextmanager
def plan_languages_remembered() -> Iterator[None]:
    """Inside the block, an object of a plan reads its plan's primary language from
    one query for all plans rather than once per object: a list of 1,500 actions would
    otherwise load their plan 1,500 times for their labels."""
    token = _plan_languages.set({})
    try:
        yield
    finally:
        _plan_languages.reset(token)


def forget_plan_language(plan_id: int) -> None:
    """A plan's primary language changed: read it again when next asked."""
    remembered = _plan_languages.get()
    if remembered is not None:
        remembered.pop(plan_id, None)


def current_primary_language() -> str:
    return _primary_language.get() or settings.LANGUAGE_CODE


def active_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


class TranslatedStr(str):
    """A text together with the language it is written in."""

    lang: str | None

    def __new__(cls, value: str, lang: str | None):
        obj = super().__new__(cls, value)
        obj.lang = lang
        return obj


def fallback_order(requested: str, primary: str) -> list[str]:
    order = [requested, primary, settings.LANGUAGE_CODE, *language_codes()]
    return list(dict.fromkeys(order))


def pick_translation(texts: dict[str, str], language: str, primary: str) -> TranslatedStr:
    """The text for ``language`` from ``{"fi": …, "sv": …}``, with the same fallback as a
    translated field: for rows read with ``values()`` instead of as model instances."""
    for lang in fallback_order(language, primary):
        if texts.get(lang):
            return TranslatedStr(texts[lang], lang)
    return TranslatedStr("", None)


class TranslatedDescriptor:
    def __init__(self, name: str):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return self.in_language(instance, active_language())

    def in_language(self, instance, language: str) -> TranslatedStr:
        primary = instance.translation_primary_language()
        for lang in fallback_order(language, primary):
            value = getattr(instance, column_name(self.name, lang), None)
            if value:
                return TranslatedStr(value, lang)
        return TranslatedStr("", None)

    def columns(self) -> list[str]:
        return [column_name(self.name, code) for code in language_codes()]

    def __set__(self, instance, value):
        raise AttributeError(
            f"Set {self.name}_<language> (e.g. {self.name}_fi), not {self.name}: "
            "a translated field has one column per language."
        )


def _formfield_in_its_language(column, **kwargs):
    """The column's form field, its input marked with the language of its text, so that
    screen readers read it, and spelling is checked, in that language."""
    field = type(column).formfield(column, **kwargs)
    if field is not None:
        field.widget.attrs.setdefault("lang", column.text_language)
    return field


class TranslatedField:
    """Adds one column per language and a reading descriptor; see the module docstring.

    ``required=True`` means the text must exist in the plan's primary language (checked
    by :meth:`TranslatableMixin.clean`), the other languages are optional.
    """

    def __init__(self, field, *, required: bool = True):
        self.field = field
        self.required = required

    def contribute_to_class(self, cls, name: str) -> None:
        base_verbose = self.field.verbose_name or name.replace("_", " ")
        for code, language_name in settings.LANGUAGES:
            column = copy.deepcopy(self.field)
            column.blank = True
            # Lazy, so the admin shows the label in the editor's language, not the one
            # active when the models were imported.
            column.verbose_name = format_lazy("{} ({})", base_verbose, language_name)
            column.text_language = code
            # A bound method, so that a copy of the column (Django copies fields) uses
            # its own language.
            column.formfield = types.MethodType(_formfield_in_its_language, column)
            cls.add_to_class(column_name(name, code), column)
        translated = dict(getattr(cls, "_translated_fields", {}))
        translated[name] = self
        cls._translated_fields = translated
        descriptor = TranslatedDescriptor(name)
        # The admin's listings name a column of ``name`` by this (Django's label_for_field).
        descriptor.short_description = base_verbose
        setattr(cls, name, descriptor)


class TranslatableMixin:
    """For models with :class:`TranslatedField` attributes."""

    _translated_fields: dict[str, TranslatedField] = {}

    def get_plan(self):
        """The plan this object belongs to (None for objects above plans)."""
        return None

    def translation_primary_language(self) -> str:
        # Inside a request the site has set the plan's language: no query needed.
        language = _primary_language.get()
        if language:
            return language
        remembered = _plan_languages.get()
        plan_id = getattr(self, "plan_id", None)
        if remembered is not None and plan_id is not None:
            if plan_id not in remembered:
                # Every plan's at once: a list of several plans' rows costs one query.
                plans = type(self)._meta.get_field("plan").related_model
                remembered.update(plans.objects.values_list("pk", "primary_language"))
            return remembered.get(plan_id, settings.LANGUAGE_CODE)
        plan = self.get_plan()
        return plan.primary_language if plan is not None else settings.LANGUAGE_CODE

    def clean_translations(self) -> None:
        plan = self.get_plan()
        primary = plan.primary_language if plan is not None else settings.LANGUAGE_CODE
        errors = {}
        for name, field in self._translated_fields.items():
            column = column_name(name, primary)
            if field.required and not getattr(self, column, None):
                errors[column] = ValidationError(
                    _("This text is required in the plan's primary language."),
                    code="required_in_primary_language",
                )
        if errors:
            raise ValidationError(errors)
