"""Texts of Wagtail's admin that Wagtail's own Finnish (and Swedish) catalogues lack, so
that the admin showed them in English. Listed here, never called, so that ``make
messages`` keeps them in Vahti's catalogues (locale/), which Django reads before
Wagtail's. The msgids must stay exactly Wagtail's (tests/editing/test_admin_language.py
checks the admin pages). The admin's scripts' texts are in locale/*/djangojs.po."""

from django.utils.translation import gettext_noop, ngettext_lazy

WAGTAIL_ADMIN_TEXTS = [
    # Panels, dialogs and listings.
    gettext_noop("Toggle section"),
    gettext_noop("Close dialog"),
    gettext_noop("Sort by '%(label)s' in ascending order."),
    gettext_noop("Sort by '%(label)s' in descending order."),
    gettext_noop("Search all pages…"),
    gettext_noop("No %(model_name)s match your query."),
    gettext_noop("There are no %(model_name)s to display."),
    gettext_noop(
        'There are no %(model_name)s to display. Why not <a href="%(add_url)s">add one</a>?'
    ),
    gettext_noop("(blank)"),
    gettext_noop("Sort item order"),
    gettext_noop("Sort menu order"),
    gettext_noop("More options for '%(title)s'"),
    gettext_noop("Section"),
    gettext_noop("Actions (footer)"),
    gettext_noop("%(field_label)s:"),
    gettext_noop("Edit account avatar"),
    gettext_noop("account"),
    gettext_noop(
        "Keyboard shortcuts are currently disabled; manage your %(account_link)s to enable them."
    ),
    gettext_noop(
        "Keyboard shortcuts are currently enabled; manage your %(account_link)s to disable them."
    ),
    # Editing: validation, side panels, autosave, publishing.
    gettext_noop("There are validation errors, click save to highlight them."),
    gettext_noop("Correct the validation errors to resume preview (saving will highlight errors)"),
    gettext_noop(
        "Preview cannot display due to validation errors. <br /> Click save to highlight "
        "the relevant fields."
    ),
    gettext_noop("Toggle status"),
    gettext_noop("Toggle comments"),
    gettext_noop("Toggle checks"),
    gettext_noop("Toggle preview"),
    gettext_noop("Checks"),
    gettext_noop("Autosave is <span>paused</span>"),
    gettext_noop("Autosave is paused"),
    gettext_noop("'%(object)s' unpublished."),
    gettext_noop("Are you sure you want to unpublish this %(model_name)s?"),
    gettext_noop("One or more references to this %(model_name)s prevent it from being deleted."),
    # Two people editing the same object at once (Wagtail's editing sessions).
    gettext_noop("You saved a new version in another window"),
    gettext_noop("View latest version"),
    gettext_noop("You have unsaved changes in another window"),
    gettext_noop("Currently idle"),
    gettext_noop("Currently viewing"),
    ngettext_lazy(
        "One other user is currently viewing",
        "%(num_user)s other users are currently viewing",
        "num_user",
    ),
    gettext_noop("Proceeding will overwrite the changes you made in that window."),
    gettext_noop("Proceeding will overwrite the changes made by %(user_name)s."),
    gettext_noop("Alternatively, you can view the latest version in a new tab."),
    gettext_noop("A network error occurred"),
    gettext_noop(
        "Troubleshoot your connection to the site before proceeding. Open the editor in a "
        "separate tab to view the last saved version."
    ),
    gettext_noop("Wagtail %(current_version)s editor guide"),
    # The checks side panel of the edit form.
    gettext_noop("Show issue"),
    gettext_noop("Content metrics"),
    gettext_noop("Readability"),
    gettext_noop("This data explained"),
    gettext_noop("How we calculate our metrics"),
    gettext_noop(
        "We extract the main content from the page preview, remove all formatting, and "
        "calculate the number of words."
    ),
    gettext_noop(
        "We calculate reading time from word count, using different reading speeds for "
        "different languages."
    ),
    gettext_noop(
        "We use a readability formula based on length of words and sentences. Long "
        "sentences and words result in a worse readability score."
    ),
]
