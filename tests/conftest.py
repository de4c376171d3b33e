import pytest

from tests.factories import (
    ActionStatusFactory,
    CategoryFactory,
    CategoryTypeFactory,
    OrganizationFactory,
    PersonFactory,
    PlanFactory,
)


@pytest.fixture
def plan(db):
    return PlanFactory(identifier="hnh", name_fi="Hiilineutraali Helsinki 2035", name_en="")


@pytest.fixture
def other_plan(db):
    return PlanFactory(identifier="other", name_fi="Toinen suunnitelma", name_en="")


@pytest.fixture
def status(plan):
    return ActionStatusFactory(plan=plan)


@pytest.fixture
def category(plan):
    return CategoryFactory(type=CategoryTypeFactory(plan=plan), name_fi="Smart & Clean kasvu")


@pytest.fixture
def organization(plan):
    return OrganizationFactory(plan=plan, name_fi="Elinkeino-osasto", abbreviation_fi="Elo")


@pytest.fixture
def person(plan, organization):
    return PersonFactory(
        plan=plan,
        first_name="Mikko",
        last_name="Martikka",
        title_fi="erityissuunnittelija",
        organization=organization,
    )


@pytest.fixture
def english():
    """Messages in English, the language of the source strings."""
    from django.utils import translation

    with translation.override("en"):
        yield
