"""Saves that lost a race. Two saves may both pass the form's checks before either is
stored: a second click, two editors, or Wagtail's autosave of a new object still on its
way when the editor publishes. The database's unique constraints (or the model's checks,
run again as it is stored) then refuse the later one; that refusal is the form's error
on the field it concerns, with the editor's input kept, never an error page."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from wagtail.snippets.views.snippets import CreateView


class LostRaceMixin:
    def form_valid(self, form):
        try:
            # Its own savepoint: a refused save leaves nothing behind (the revision
            # Wagtail stored before publishing failed), and on PostgreSQL the
            # transaction stays usable for checking the form again.
            with transaction.atomic():
                return super().form_valid(form)
        except (IntegrityError, ValidationError):
            # Refused by the database's constraints, or by the model's checks run again
            # on saving (Wagtail's revisions do): checked again now, the form sees what
            # the other save stored and names it. A failure the form's checks cannot
            # explain is not a lost race: raised.
            retry = self.get_form()
            if retry.is_valid():
                raise
        self.produced_error_code = "validation_error"
        self.produced_error_message = self.get_error_message()
        return self.form_invalid(retry)


class RaceSafeCreateView(LostRaceMixin, CreateView):
    pass
