import datetime

import pytest

from tests.factories import (
    ActionStatusFactory,
    CategoryFactory,
    CategoryTypeFactory,
    OrganizationFactory,
    make_action,
    task,
)


@pytest.fixture
def small_plan(plan):
    """A status, a theme, an organisation and action 1 with its task Baana."""
    ActionStatusFactory(plan=plan, identifier="late", name_fi="Myöhässä")
    themes = CategoryTypeFactory(plan=plan, identifier="theme", name_fi="Teema")
    CategoryFactory(plan=plan, type=themes, identifier="liikenne", name_fi="Liikenne")
    OrganizationFactory(plan=plan, identifier="kymp", name_fi="Kaupunkiympäristö")
    make_action(
        plan, "1", name_fi="Pyöräily", tasks=[task("Baana", due=datetime.date(2026, 1, 31))]
    )
    return plan
