import pytest
from bs4 import BeautifulSoup


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
