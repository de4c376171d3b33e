from django.urls import path

from vahti.site import views

app_name = "site"

urlpatterns = [
    path("", views.plan_front_page, name="front-page"),
    path("actions/", views.action_list, name="action-list"),
    path("actions/<str:identifier>/", views.action_detail, name="action-detail"),
]
