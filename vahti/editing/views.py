"""Admin views with Vahti's own rules on top of Wagtail's."""

from __future__ import annotations

import functools

from django.contrib.admin.utils import unquote
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.mixins import RevisionsRevertMixin
from wagtail.models import Revision
from wagtail.snippets.views.snippets import EditView, InspectView

from vahti.access import policies
from vahti.actions.selectors import changes_between
from vahti.actions.services import action_write_lock, forget_deleted_children
from vahti.editing.races import LostRaceMixin


class TextInItsLanguage(Component):
    """A value written in one language, marked so: a screen reader reads the Swedish name
    with Swedish pronunciation, as it does in the editor's field (vahti.core.i18n)."""

    def __init__(self, text, language: str):
        self.text = text
        self.language = language

    def render_html(self, parent_context=None):
        return format_html('<span lang="{}">{}</span>', self.language, self.text)


class LanguageMarkingInspectView(InspectView):
    """The inspect view of a snippet, its per-language texts marked with their language
    (Wagtail prints every value in the admin's language)."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        language = getattr(field, "text_language", None)
        if language and value not in (None, "") and not isinstance(value, Component):
            return TextInItsLanguage(value, language)
        return value


class ForgetDeletedChildrenMixin:
    """An action rebuilt from a revision (the latest draft, or an earlier one when
    reverting) may hold tasks or other rows deleted since: they come back as new rows
    instead of failing the form."""

    def get_object(self, queryset=None):
        # Wagtail reads the object in setup() and Django's get() reads it again: once is
        # enough (each read costs a query per kind of child row).
        if queryset is None and getattr(self, "_action_read", None) is not None:
            return self._action_read
        action = super().get_object(queryset)
        forget_deleted_children(action)
        if queryset is None:
            self._action_read = action
        return action


class ConflictCheckedEditView(LostRaceMixin, EditView):
    """Refuses a save based on an older version than the latest one, saying who saved
    what meanwhile; the editor's input stays in the form, and saving again (now based on
    the latest version) replaces it deliberately."""

    @classmethod
    def as_view(cls, **initkwargs):
        """A save (a POST, autosave included) runs whole while it holds the action: the
        action is read, checked against the version the editor loaded and stored in one
        transaction, so of two editors saving at once the later one reads the other's
        version and gets the conflict message instead of replacing it unseen."""
        view = super().as_view(**initkwargs)

        @functools.wraps(view)
        def one_save_at_a_time(request, *args, **kwargs):
            pk = unquote(str(kwargs.get("pk", "")))
            if request.method != "POST" or not (pk.isascii() and pk.isdigit()):
                return view(request, *args, **kwargs)  # a bad id is the view's 404
            with action_write_lock(int(pk)):
                return view(request, *args, **kwargs)

        return one_save_at_a_time

    def get_available_actions(self):
        """Publishing is offered (and done) only where vahti.access allows it for this
        action: in a moderated plan only plan admins publish; the others' saves are
        drafts."""
        actions = super().get_available_actions()
        if "publish" in actions and not policies.can(
            self.request.user, policies.PUBLISH, self.object
        ):
            actions = [action for action in actions if action != "publish"]
        return actions

    def is_valid(self, form):
        if not self.expects_json_response and self.is_out_of_date:
            form.add_error(None, self.conflict_message())
            super().is_valid(form)  # show the form's other errors too
            self.produced_error_message = self.get_error_message()
            return False
        return super().is_valid(form)

    def conflict_message(self) -> str:
        latest = self.latest_revision
        loaded_id = self.request.POST.get("loaded_revision_id", "")
        # Wagtail only compares the posted id with the latest one as text: a value that
        # is no revision's id (tampered with, or cut short) is an unknown version, out of
        # date, whose changes cannot be named.
        loaded = (
            Revision.objects.filter(pk=int(loaded_id), object_id=str(self.object.pk)).first()
            if loaded_id.isascii() and loaded_id.isdigit() and len(loaded_id) < 19
            else None
        )
        changed = changes_between(loaded.content, latest.content) if loaded else []
        who = (
            (latest.user.get_full_name() or latest.user.get_username())
            if latest.user
            else _("Someone")
        )
        when = formats.date_format(timezone.localtime(latest.created_at), "DATETIME_FORMAT")
        what = ", ".join(capfirst(label) for label in changed) or _("the action")
        return _(
            "%(who)s saved a newer version of this action at %(when)s while you were "
            "editing it (changed: %(what)s). Your changes have not been saved; they are "
            "still in the form. Compare them with the newer version in the history, then "
            "save again to replace it."
        ) % {"who": who, "when": when, "what": what}


class ActionEditView(ForgetDeletedChildrenMixin, ConflictCheckedEditView):
    pass


class ActionRevertView(ForgetDeletedChildrenMixin, RevisionsRevertMixin, ConflictCheckedEditView):
    view_name = "revisions_revert"
