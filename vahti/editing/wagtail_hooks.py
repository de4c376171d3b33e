"""The Wagtail admin for actions: revisions, drafts, locking, preview and inline children,
with every read and write checked by vahti.access (see vahti.editing.permissions)."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.models import Page
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import PreviewRevisionView

from vahti.access import policies
from vahti.access.models import Role
from vahti.actions.models import Action
from vahti.editing.estimate_panels import estimates_tab
from vahti.editing.field_form import PlanFieldsPanel, TabsWithPlanFields
from vahti.editing.forms import (
    ActionAdminForm,
    PersonAdminForm,
    RoleAdminForm,
)
from vahti.editing.home import AttentionPanel
from vahti.editing.panels import PermissionedInlinePanel
from vahti.editing.permissions import (
    ActionPermissionPolicy,
    ListingPlanContentPermissionPolicy,
    PlanContentPermissionPolicy,
    guard_action_view,
    guarded_urlpatterns,
)
from vahti.editing.plan_lists import CategoryAdminForm, CategoryDeleteView
from vahti.editing.scoping import (
    ScopedSnippetChooserViewSet,
    ScopedSnippetViewSet,
    WorkingPlanPagePermissionPolicy,
    admin_queryset,
    pages_visible_to,
)
from vahti.editing.trees import TreeListingMixin
from vahti.editing.views import ActionEditView, ActionRevertView
from vahti.editing.viewsets import PlanContentViewSet, translated
from vahti.editing.widgets import ChosenActionsWidget, ImageChooser
from vahti.orgs.models import Person
from vahti.plans.models import Category


class ActionChooserViewSet(ScopedSnippetChooserViewSet):
    """Lists only the actions the editor may see; no creating actions from a chooser."""

    def get_urlpatterns(self):
        patterns = [p for p in super().get_urlpatterns() if p.name != "create"]
        for pattern in patterns:
            if pattern.name == "chosen":
                pattern.callback = guard_action_view(pattern.callback, policies.VIEW)
        return patterns


class DraftView(PreviewRevisionView):
    """A stored revision, as the public page would show it: viewers may look too (the
    revision's action is checked by the URL guard)."""

    permission_required = "view"


class ActionViewSet(ScopedSnippetViewSet):
    model = Action
    chooser_viewset_class = ActionChooserViewSet
    revisions_view_class = DraftView
    edit_view_class = ActionEditView
    revisions_revert_view_class = ActionRevertView
    icon = "list-ul"
    menu_label = _("Actions")
    menu_order = 100
    add_to_admin_menu = True
    list_display = ["identifier", "name_fi", "status", "updated_at"]
    list_filter = ["plan", "status", "visibility"]
    search_fields = ["identifier", "name_fi", "name_sv", "name_en"]
    ordering = ["plan", "sort_key"]
    list_export = ["plan", "identifier", "name_fi", "status", "visibility", "live", "updated_at"]
    # Viewers read an action here, internal notes included; they cannot open the editor.
    inspect_view_enabled = True
    inspect_view_fields = [
        "plan",
        "identifier",
        "name_fi",
        "name_sv",
        "name_en",
        "status",
        "implementation_phase",
        "impact",
        "visibility",
        "internal_notes",
        "updated_at",
    ]
    export_filename = "actions"

    def get_queryset(self, request):
        return policies.actions_viewable_by(request.user).select_related("plan", "status")

    def get_urlpatterns(self):
        return guarded_urlpatterns(super().get_urlpatterns())

    edit_handler = TabsWithPlanFields(
        [
            ObjectList(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("plan"),
                            # Required in a draft too (Wagtail defers the text fields of
                            # drafts): the action's address, its preview and its feed are
                            # made from its identifier.
                            FieldPanel("identifier", required_on_save=True),
                        ]
                    ),
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
            estimates_tab(),
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
                    PermissionedInlinePanel(
                        "responsible_parties",
                        panels=[FieldPanel("organization"), FieldPanel("role")],
                        heading=_("Responsible organisations"),
                    ),
                    PermissionedInlinePanel(
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
                    FieldPanel("related_actions", widget=ChosenActionsWidget),
                    FieldPanel("merged_with"),
                    FieldPanel("internal_notes"),
                ],
                heading=_("Internal"),
            ),
            ObjectList([PlanFieldsPanel()], heading=_("Plan's own fields")),
        ],
        base_form_class=ActionAdminForm,
    )


register_permission_policy(Action, ActionPermissionPolicy(Action))
register_permission_policy(Page, WorkingPlanPagePermissionPolicy(Page))
register_snippet(ActionViewSet)


class CategoryViewSet(TreeListingMixin, PlanContentViewSet):
    """Each category type's categories as a tree (see vahti.editing.trees)."""

    model = Category
    icon = "tag"
    menu_label = _("Categories")
    menu_order = 110
    add_to_admin_menu = True
    list_display = ["name", "identifier", "order", "type", "parent", "plan"]
    list_filter = ["plan", "type"]
    search_fields = ["identifier", "name_fi", "name_sv", "name_en"]
    sibling_order = ["plan", "type__order", "type", "order", "pk"]
    listed_relations = ["parent__plan", "type__plan"]
    delete_view_class = CategoryDeleteView
    delete_template_name = "editing/delete_in_use.html"
    edit_handler = ObjectList(
        [
            FieldPanel("plan"),
            FieldRowPanel([FieldPanel("type"), FieldPanel("parent")]),
            FieldRowPanel([FieldPanel("identifier"), FieldPanel("order"), FieldPanel("color")]),
            translated("name", _("Name")),
            translated("lead", _("Lead paragraph")),
        ],
        base_form_class=CategoryAdminForm,
    )


register_permission_policy(Category, ListingPlanContentPermissionPolicy(Category))
register_snippet(CategoryViewSet)


class PersonViewSet(PlanContentViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    menu_order = 120
    add_to_admin_menu = True
    list_display = ["last_name", "first_name", "title_fi", "organization", "email", "plan"]
    list_filter = ["plan", "organization"]
    search_fields = ["first_name", "last_name", "email"]

    def get_queryset(self, request):
        # Each row shows its organisation.
        return super().get_queryset(request).select_related("organization")

    edit_handler = ObjectList(
        [
            FieldPanel("plan"),
            FieldRowPanel([FieldPanel("first_name"), FieldPanel("last_name")]),
            FieldPanel("identifier"),
            translated("title", _("Title")),
            FieldRowPanel([FieldPanel("organization"), FieldPanel("email")]),
            FieldPanel("photo", widget=ImageChooser),
            MultiFieldPanel(
                [FieldPanel("can_log_in"), FieldPanel("contact_for")],
                heading=_("Access"),
            ),
        ],
        base_form_class=PersonAdminForm,
    )


register_permission_policy(Person, PlanContentPermissionPolicy(Person))
register_snippet(PersonViewSet)


class RoleViewSet(PlanContentViewSet):
    model = Role
    icon = "key"
    menu_label = _("Roles")
    menu_order = 130
    add_to_admin_menu = True
    list_display = ["user", "kind", "organization", "plan"]
    list_filter = ["plan", "kind"]
    search_fields = ["user__username", "user__email", "user__last_name"]
    edit_handler = ObjectList(
        [FieldPanel("plan"), FieldPanel("user"), FieldPanel("kind"), FieldPanel("organization")],
        base_form_class=RoleAdminForm,
    )


register_permission_policy(Role, PlanContentPermissionPolicy(Role))
register_snippet(RoleViewSet)


@hooks.register("insert_editor_js")
def editor_accessibility_js():
    return format_html('<script src="{}" defer></script>', static("editing/admin-a11y.js"))


@hooks.register("insert_global_admin_js")
def start_without_inline_scripts_js():
    """Starts what Wagtail starts with inline scripts: see editing/csp-init.js."""
    return format_html('<script src="{}" defer></script>', static("editing/csp-init.js"))


@hooks.register("construct_help_menu")
def wagtail_guide_said_to_be_english(request, menu_items):
    """Wagtail's editor guide is in English on Wagtail's site: the link says so (its
    Finnish label promised a guide in Finnish). "What's new in Wagtail" is for developers."""
    menu_items[:] = [item for item in menu_items if not item.name.startswith("whats-new")]
    for item in menu_items:
        if item.name == "editor-guide":
            item.label = _("Wagtail's editor guide (in English)")
            item.attrs["hreflang"] = "en"


@hooks.register("construct_homepage_panels")
def attention_first(request, panels):
    panels.insert(0, AttentionPanel())


@hooks.register("construct_main_menu")
def reports_for_superusers_only(request, menu_items):
    """The reports span every plan (see vahti.editing.middleware)."""
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "reports"]


@hooks.register("construct_page_chooser_queryset")
def page_chooser_in_own_plans(pages, request):
    """Wagtail's page chooser shows the whole tree; here only the user's plans' pages."""
    return admin_queryset(request.user, pages)


@hooks.register("construct_explorer_page_queryset")
def explorer_in_working_plan(parent_page, pages, request):
    """The explorer lists the pages of the plan one works in (and of one's plans)."""
    return admin_queryset(request.user, pages)


def _page_of_working_plan(request, page, *args):
    """A page of another plan than the one the user works in is not found."""
    if not pages_visible_to(request.user).filter(pk=page.pk).exists():
        raise Http404


for _hook in (
    "before_edit_page",
    "before_delete_page",
    "before_copy_page",
    "before_unpublish_page",
):
    hooks.register(_hook, _page_of_working_plan)


@hooks.register("before_move_page")
def move_only_what_may_be_moved(request, page, destination):
    """Wagtail's move confirmation page shows any page's title before it checks the
    right to move it."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


# The indicators' admin registers itself on import (its snippets, views and menu items).
from vahti.editing import (  # noqa: E402, F401
    action_fields,
    api_tokens,
    covenant_admin,
    feedback_admin,
    indicator_admin,
    indicator_data_admin,
    log_actions,
    org_admin,
    plan_hosts,
    plan_look,
    plan_setup,
    report_admin,
    working_plan,
)
