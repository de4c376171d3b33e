import pytest
from django.utils import translation

from tests.factories import ActionStatusFactory
from vahti.core.i18n import primary_language

pytestmark = pytest.mark.django_db


def test_reads_the_active_language(plan):
    status = ActionStatusFactory(plan=plan, name_fi="Ajallaan", name_sv="I tid", name_en="On time")
    with translation.override("sv"):
        assert status.name == "I tid"
        assert status.name.lang == "sv"


def test_falls_back_to_the_plans_primary_language_and_says_so(plan):
    status = ActionStatusFactory(plan=plan, name_fi="Ajallaan", name_sv="", name_en="")
    with translation.override("en"):
        assert status.name == "Ajallaan"
        assert status.name.lang == "fi"


def test_fallback_follows_the_plan_not_the_site_default(plan):
    plan.primary_language, plan.other_languages = "en", ["fi"]
    plan.save()
    status = ActionStatusFactory(plan=plan, name_fi="", name_sv="", name_en="On time")
    with translation.override("sv"):
        assert (status.name, status.name.lang) == ("On time", "en")
    with primary_language("en"), translation.override("fi"):
        assert status.name.lang == "en"


def test_setting_the_translated_attribute_is_refused(plan):
    status = ActionStatusFactory(plan=plan)
    with pytest.raises(AttributeError, match="name_fi"):
        status.name = "x"
