"""The Wagtail admin for actions. This is the first cut that proves the model works with
Wagtail's revisions, drafts, locking, preview and inline children; roles, per-plan
choosers and the contact persons' start page come with the editing-side issue."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from vahti.actions.models import Action


def translated(name: str, heading: str) -> MultiFieldPanel:
    """One field per language, primary language first."""
    return MultiFieldPanel(
        [FieldPanel(f"{name}_{code}") for code, _name in settings.LANGUAGES], heading=heading
    )


class ActionViewSet(SnippetViewSet):
    model = Action
    icon = "list-ul"
    menu_label = _("Actions")
    menu_order = 100
    add_to_admin_menu = True
    list_display = ["identifier", "name_fi", "status", "updated_at"]
    list_filter = ["plan", "status", "visibility"]
    search_fields = ["identifier", "name_fi", "name_sv", "name_en"]
    ordering = ["plan", "sort_key"]

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("plan"), FieldPanel("identifier")]),
                    translated("name", _("Name")),
                    translated("lead", _("Lead paragraph")),
                    translated("description", _("Description")),
                    FieldPanel("categories"),
                    MultiFieldPanel(
                        [
                            *[FieldPanel(f"official_name_{c}") for c, _n in settings.LANGUAGES],
                            *[
                                FieldPanel(f"official_description_{c}")
                                for c, _n in settings.LANGUAGES
                            ],
                            *[
                                FieldPanel(f"official_description_source_{c}")
                                for c, _n in settings.LANGUAGES
                            ],
                        ],
                        heading=_("Official description"),
                        classname="collapsed",
                    ),
                ],
                heading=_("Basic information"),
            ),
            ObjectList(
                [
                    FieldPanel("status"),
                    FieldPanel("implementation_phase"),
                    FieldPanel("impact"),
                    FieldPanel("schedules"),
                    FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                    FieldPanel("schedule_continuous"),
                ],
                heading=_("Progress"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "tasks",
                        panels=[
                            translated("name", _("Task")),
                            FieldRowPanel(
                                [
                                    FieldPanel("state"),
                                    FieldPanel("due_at"),
                                    FieldPanel("completed_at"),
                                ]
                            ),
                            translated("comment", _("Comment")),
                        ],
                        heading=_("Tasks"),
                    )
                ],
                heading=_("Tasks"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "responsible_parties",
                        panels=[FieldPanel("organization"), FieldPanel("role")],
                        heading=_("Responsible organisations"),
                    ),
                    InlinePanel(
                        "contact_persons",
                        panels=[FieldPanel("person"), FieldPanel("role")],
                        heading=_("Contact persons"),
                    ),
                ],
                heading=_("Responsibility"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "news_posts",
                        panels=[
                            translated("title", _("Title")),
                            FieldRowPanel([FieldPanel("published_on"), FieldPanel("author")]),
                            translated("body", _("Text")),
                        ],
                        heading=_("News posts"),
                    )
                ],
                heading=_("News"),
            ),
            ObjectList(
                [
                    FieldPanel("visibility"),
                    FieldPanel("related_actions"),
                    FieldPanel("merged_with"),
                    FieldPanel("internal_notes"),
                ],
                heading=_("Internal"),
            ),
        ]
    )


register_snippet(ActionViewSet)
