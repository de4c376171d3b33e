from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "vahti.core"
    label = "core"
    verbose_name = "Vahti core"
