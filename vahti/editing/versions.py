"""Two editors of the same object without revisions (an indicator, a category, an
organisation, a plan's settings…): both load the edit form, both save. Without a check
the later save replaces the earlier one unseen. Actions keep revisions and are checked
against them (vahti.editing.views.ConflictCheckedEditView); every other model the admin
edits has none (only Action is a RevisionMixin), so the form carries its own version
token instead.

The token is a fingerprint of what the form showed: a short hash of each field's stored
value and of each inline list's stored rows, with the moment the form was loaded, signed.
A fingerprint rather than an ``updated_at`` or a counter: it needs no column on the dozen
models that lack one, and it sees a change made by any path (the importer, the API, a
service that updates rows in bulk), yet not a change to something the form does not show
(which the save would not replace anyway). It also names what changed.

A save is checked and stored while it holds the object's row (vahti.core.services
.row_write_lock), so of two saves at once the later one reads the other's values and is
refused, its input kept; the form it gets back carries a token of the newer version, so
saving it again replaces that version deliberately.
"""

from __future__ import annotations

import datetime
import functools
import json

from django.contrib.admin.utils import unquote
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.crypto import salted_hmac
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry
from wagtail.snippets.views.snippets import EditView

from vahti.core.services import row_write_lock
from vahti.editing.races import LostRaceMixin

# The hidden input that carries the token (beside Wagtail's loaded_revision_id).
VERSION_FIELD = "loaded_version"
SALT = "vahti.editing.versions"


def _plain(value):
    """``value`` as JSON can hold it: an object by its id, a list item by item."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple | models.QuerySet):
        return [_plain(item) for item in value]
    if isinstance(value, set | frozenset):
        return sorted((_plain(item) for item in value), key=str)
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


def _digest(value) -> str:
    text = json.dumps(_plain(value), sort_keys=True, default=str)
    # Keyed: the page shows the digests, which must not let a reader test guesses of
    # the values they stand for.
    return salted_hmac(SALT, text).hexdigest()[:12]


def fingerprint(form) -> dict[str, str]:
    """A hash of each field's value as the form got it from the stored object, and of
    each inline list's stored rows (``formset:<name>``). Costs no query: the form has
    read all of it to be shown or checked."""
    prints = {
        name: _digest(form.get_initial_for_field(field, name))
        for name, field in form.fields.items()
    }
    for name, formset in getattr(form, "formsets", {}).items():
        rows = [
            {f.attname: f.value_from_object(row) for f in row._meta.concrete_fields}
            for row in formset.get_queryset()
        ]
        prints[f"formset:{name}"] = _digest(rows)
    return prints


def read_token(token: str) -> dict | None:
    """What the form was loaded with (its moment and fingerprint); None for a token
    that was not made here."""
    try:
        loaded = signing.loads(token, salt=SALT)
        return {
            "at": datetime.datetime.fromisoformat(loaded["at"]),
            "prints": dict(loaded["prints"]),
        }
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


class VersionCheckedMixin:
    """For an edit view of a model without revisions: a save based on an older version
    than the stored one is refused, naming who saved what and when; the editor's input
    stays in the form, and saving again replaces the newer version."""

    @classmethod
    def as_view(cls, **initkwargs):
        """A save runs whole while it holds the object's row: read, checked against the
        token and stored in one transaction (see the module's docstring)."""
        view = super().as_view(**initkwargs)
        model = initkwargs.get("model") or cls.model

        @functools.wraps(view)
        def one_save_at_a_time(request, *args, **kwargs):
            if request.method != "POST" or model is None:
                return view(request, *args, **kwargs)
            try:
                pk = model._meta.pk.to_python(unquote(str(kwargs.get("pk", ""))))
            except ValidationError:
                return view(request, *args, **kwargs)  # a bad id is the view's 404
            with row_write_lock(model, pk):
                return view(request, *args, **kwargs)

        return one_save_at_a_time

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Of the stored version: on a refused save, the newer one the editor was told of.
        context["loaded_version"] = signing.dumps(
            {"at": timezone.now().isoformat(), "prints": self.stored_version(self.form)},
            salt=SALT,
            compress=True,
        )
        context["loaded_version_field"] = VERSION_FIELD
        return context

    def is_valid(self, form):
        changed = self.changed_meanwhile(form)
        if changed is None:
            return super().is_valid(form)
        form.add_error(None, self.conflict_message(form, changed))
        super().is_valid(form)  # show the form's other errors too
        self.produced_error_code = "validation_error"
        self.produced_error_message = self.get_error_message()
        return False

    def stored_version(self, form) -> dict[str, str]:
        """The fingerprint of the stored object, taken before the form is checked: a
        checked form has written the editor's input into its rows' objects."""
        if getattr(self, "_stored_version", None) is None:
            self._stored_version = fingerprint(form)
        return self._stored_version

    @cached_property
    def loaded(self) -> dict | None:
        return read_token(self.request.POST.get(VERSION_FIELD, ""))

    def changed_meanwhile(self, form) -> list[str] | None:
        """The names of what was saved since the editor loaded the form (a list, empty
        when it cannot be told what), or None when nothing was. A form sent without a
        token (not from this admin's page) is not checked, as Wagtail does not check a
        save without its ``loaded_revision_id``."""
        if not self.request.POST.get(VERSION_FIELD):
            return None
        if self.loaded is None:
            return []
        now, then = self.stored_version(form), self.loaded["prints"]
        changed = [name for name in now if then.get(name, now[name]) != now[name]]
        return changed or None

    def conflict_message(self, form, changed: list[str]) -> str:
        if self.loaded is None:
            return _(
                "This form could not be compared with the saved version (it arrived "
                "incomplete). Your changes have not been saved; they are still in the "
                "form. Check them, then save again."
            )
        what = ", ".join(self._label(form, name) for name in changed)
        entry = (
            ModelLogEntry.objects.for_instance(self.object)
            .filter(timestamp__gt=self.loaded["at"])
            .select_related("user")
            .order_by("-timestamp", "-pk")
            .first()
        )
        if entry is None:
            return _(
                "Someone saved a newer version of this while you were editing it "
                "(changed: %(what)s). Your changes have not been saved; they are still in "
                "the form. Compare them with the newer version (open this page in a new "
                "tab), then save again to replace it."
            ) % {"what": what}
        who = (
            (entry.user.get_full_name() or entry.user.get_username())
            if entry.user
            else _("Someone")
        )
        when = formats.date_format(timezone.localtime(entry.timestamp), "DATETIME_FORMAT")
        return _(
            "%(who)s saved a newer version of this at %(when)s while you were editing it "
            "(changed: %(what)s). Your changes have not been saved; they are still in the "
            "form. Compare them with the newer version (open this page in a new tab), then "
            "save again to replace it."
        ) % {"who": who, "when": when, "what": what}

    def _label(self, form, name: str) -> str:
        if name.startswith("formset:"):
            relation = self.object._meta.get_field(name.removeprefix("formset:"))
            return str(capfirst(relation.related_model._meta.verbose_name_plural))
        return str(capfirst(form.fields[name].label or name))


class VersionCheckedEditView(VersionCheckedMixin, LostRaceMixin, EditView):
    pass
