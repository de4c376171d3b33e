"""Texts of Wagtail's admin that Wagtail's own Finnish (and Swedish) catalogues lack, so
that the admin showed them in English. Listed here, never called, so that ``make
messages`` keeps them in Vahti's catalogues (locale/), which Django reads before
Wagtail's. The msgids must stay exactly Wagtail's (tests/editing/test_admin_language.py
checks the admin pages). The admin's scripts' texts are in locale/*/djangojs.po.

Some texts Wagtail's Finnish does translate, but wrongly: Finnish inflects a noun by its
place in the sentence, and Wagtail puts the model's name (always in the nominative) where
another case is needed ("Toimenpide ei voitu tallentaa"). Those are phrased here so that
the name stands apart ("Tallentaminen ei onnistunut (toimenpide)")."""

from django.utils.translation import gettext_noop, ngettext_lazy, pgettext_lazy

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
    # Every form with errors; a save refused because someone else holds the lock.
    gettext_noop("Go to the first error"),
    gettext_noop("The %(model_name)s could not be saved as it is locked"),
    gettext_noop("The %(model_name)s could not be saved due to errors."),
    gettext_noop("The %(model_name)s could not be created due to errors."),
    gettext_noop("%(model_name)s '%(object)s' updated."),
    gettext_noop("%(model_name)s '%(object)s' created."),
    # The status side panel of the edit and add forms, and the usage panel.
    gettext_noop("To be created by %(user)s"),
    gettext_noop("Anyone can edit this %(model_name)s"),
    gettext_noop("Anyone can edit this %(model_name)s – lock it to prevent others from editing"),
    ngettext_lazy(
        "This %(model_name)s is referenced %(usage_count)s time.",
        "This %(model_name)s is referenced %(usage_count)s times.",
        "usage_count",
    ),
    # Deleting: one object, or several at once (bulk actions).
    gettext_noop("Are you sure you want to delete this %(model_name)s?"),
    gettext_noop("Are you sure you want to delete this %(snippet_type_name)s?"),
    gettext_noop("Are you sure you want to delete %(count)s %(snippet_type_name)s?"),
    gettext_noop("You don't have permission to delete this %(snippet_type_name)s"),
    ngettext_lazy(
        "%(count)d %(model_name)s deleted.", "%(count)d %(model_name)s deleted.", "count"
    ),
    # Counters: listings of pages, of an object's uses, of a page's history.
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s across entire site."
    ),
    gettext_noop(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s in "
        "'<span class=\"w-title-ellipsis\">%(title)s</span>'."
    ),
    gettext_noop("Search in '<span class=\"w-title-ellipsis\">%(title)s</span>'"),
    gettext_noop("No results in '<span class=\"w-title-ellipsis\">%(title)s</span>'."),
    gettext_noop("item"),
    gettext_noop("items"),
    gettext_noop("page log entry"),
    gettext_noop("page log entries"),
    gettext_noop("Unpublish selected pages"),
    # The header's buttons (templates/wagtailadmin/shared/headers/_actions.html): not
    # Vahti's "Actions", the climate actions.
    pgettext_lazy("header buttons", "Actions"),
    # The keyboard shortcuts dialog ("?").
    gettext_noop("Application"),
    gettext_noop("Show keyboard shortcuts"),
    gettext_noop("Toggle minimap"),
    gettext_noop("Close modal dialogs (like this one)"),
    gettext_noop("Add or show comments"),
    gettext_noop("Text editing"),
    # Selecting rows of a listing for a bulk action (the admin's settings for its scripts).
    gettext_noop("1 snippet selected"),
    gettext_noop("%(objects)s snippets selected"),
    gettext_noop("All %(objects)s snippets on this screen selected"),
    gettext_noop("All snippets in listing selected"),
    gettext_noop("1 item selected"),
    gettext_noop("%(objects)s items selected"),
    gettext_noop("All %(objects)s items on this screen selected"),
    gettext_noop("All items in listing selected"),
    # The page explorer: its filters, its status panel, its bulk actions, the history.
    gettext_noop("Date updated"),
    gettext_noop("Edited by"),
    gettext_noop("Has child pages"),
    gettext_noop("Is commenting action"),
    gettext_noop("Once live anyone can view"),
    gettext_noop(
        "There is no site record for this location. Pages created here will not be "
        "accessible at any URL."
    ),
    ngettext_lazy(
        "%(num_child_objects)d child page",
        "%(num_child_objects)d child pages",
        "num_child_objects",
    ),
]
