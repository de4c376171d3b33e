from django.urls import path, re_path

from vahti.site import (
    feeds,
    views,
    views_actions,
    views_estimates,
    views_indicators,
    views_reports,
)

app_name = "site"

urlpatterns = [
    path("", views.plan_front_page, name="front-page"),
    path("actions/", views_actions.action_list, name="action-list"),
    re_path(r"^actions\.(?P<format>csv|xlsx)$", views_actions.action_export, name="action-export"),
    path("actions/<str:identifier>/", views.action_detail, name="action-detail"),
    path("actions/<str:identifier>/feedback/", views.feedback, name="action-feedback"),
    path("feedback/", views.feedback, name="feedback"),
    path(
        # <path:>: a category's or organisation's identifier may hold a "/".
        "categories/<str:type_identifier>/<path:identifier>/",
        views.category_detail,
        name="category-detail",
    ),
    path("organizations/<path:identifier>/", views.organization_detail, name="organization-detail"),
    path("indicators/", views_indicators.indicator_list, name="indicator-list"),
    path(
        "indicators/<str:identifier>/",
        views_indicators.indicator_detail,
        name="indicator-detail",
    ),
    path("reports/", views_reports.report_list, name="report-list"),
    re_path(r"^reports/(?P<slug>[-\w]+)\.xlsx$", views_reports.report_xlsx, name="report-xlsx"),
    re_path(r"^reports/(?P<slug>[-\w]+)\.pdf$", views_reports.report_pdf, name="report-pdf"),
    path("reports/<str:slug>/", views_reports.report_detail, name="report-detail"),
    path("reports/<str:slug>/compare/", views_reports.report_compare, name="report-compare"),
    path(
        "reports/<str:slug>/compare/<str:other>/",
        views_reports.report_compare,
        name="report-compare-with",
    ),
    path("insight/", views_indicators.insight, name="insight"),
    path("estimates/", views_estimates.estimates, name="estimates"),
    path("search/", views.search, name="search"),
    path("data/", views.data_page, name="data"),
    path("feeds/updates.atom", feeds.PlanUpdatesFeed(), name="feed-updates"),
    re_path(
        r"^feeds/actions/(?P<identifier>[^/]+)\.atom$",
        feeds.PlanUpdatesFeed(),
        name="feed-action-updates",
    ),
    re_path(
        r"^feeds/categories/(?P<type_identifier>[^/]+)/(?P<identifier>.+)\.atom$",
        feeds.CategoryUpdatesFeed(),
        name="feed-category-updates",
    ),
    path("feeds/tasks.ics", feeds.task_calendar, name="feed-tasks"),
    # <str:>: Wagtail allows slugs in any alphabet ("päästöt").
    path("pages/<str:slug>/", views.content_page, name="content-page"),
    path(
        "indicators/<str:identifier>/values.csv",
        views_indicators.indicator_values_csv,
        name="indicator-values-csv",
    ),
]
