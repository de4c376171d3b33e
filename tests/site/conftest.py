import pytest
from bs4 import BeautifulSoup

from tests.factories import make_action
from vahti.plans.models import PlanDomain

SHARED_HOST = "plans.example"


def visible_text(html: str, selector: str = "main") -> str:
    soup = BeautifulSoup(html, "html.parser")
    root = soup.select_one(selector)
    assert root is not None, f"no {selector} in the page"
    for hidden in root.select(".visually-hidden, [aria-hidden=true]"):
        hidden.decompose()
    return " ".join(root.get_text(" ").split())


@pytest.fixture
def soup():
    return lambda response: BeautifulSoup(response.content.decode(), "html.parser")


# The most SQL queries a public page may issue, whatever the plan's size. The dashboard
# is the heaviest (the filter form's lists, the sorted ids, the rows, three charts, the
# footer's pages).
QUERY_BUDGET = 24


@pytest.fixture
def shared_host(settings, plan, other_plan):
    """``plan`` at the root of SHARED_HOST, ``other_plan`` under /espoo/ (English-first)."""
    settings.ALLOWED_HOSTS = [SHARED_HOST, "testserver", "index.example"]
    other_plan.primary_language = "en"
    other_plan.other_languages = ["fi", "sv"]
    other_plan.name_en = "Climate-neutral Espoo"
    other_plan.save()
    PlanDomain.objects.create(plan=plan, hostname=SHARED_HOST)
    PlanDomain.objects.create(plan=other_plan, hostname=SHARED_HOST, path_prefix="espoo")
    make_action(plan, "126", name_fi="Pyöräilyn edistäminen")
    make_action(other_plan, "7", name_en="Heat pumps for schools")
    return plan, other_plan
