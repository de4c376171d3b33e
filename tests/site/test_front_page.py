"""The plan's front page: progress by status, the themes with their action counts, the
latest news and the tasks completed lately, all from public actions only."""

import datetime

import pytest
import time_machine

from tests.factories import ActionStatusFactory, CategoryFactory, make_action, task

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def plan_with_news(plan, category):
    transport = CategoryFactory(type=category.type, identifier="transport", name_en="Transport")
    cycling = CategoryFactory(type=category.type, parent=transport, name_en="Cycling")
    walking = CategoryFactory(type=category.type, parent=transport, name_en="Walking")
    status = ActionStatusFactory(plan=plan, name_en="On time")

    def news(title, day):
        return {"published_on": day, "title_en": title, "title_fi": title, "body_fi": "<p>x</p>"}

    def done(name, day):
        return task(name, "completed", due=day, completed=day, name_en=name)

    with time_machine.travel(datetime.datetime(2026, 6, 15, 9, tzinfo=datetime.UTC), tick=False):
        make_action(
            plan,
            "1",
            status=status,
            categories=[cycling, walking],  # one action, counted once for Transport
            news_posts=[news(f"News {n}", datetime.date(2026, n, 1)) for n in (1, 3, 5)],
            tasks=[done("Plan made", datetime.date(2026, 2, 1)), task("Open one")],
        )
        make_action(
            plan,
            "2",
            categories=[transport],
            news_posts=[
                news("News 4", datetime.date(2026, 4, 1)),
                news("News 2", datetime.date(2026, 2, 1)),
                news("News 0", datetime.date(2025, 12, 1)),
                news("Not yet", datetime.date(2026, 12, 1)),
            ],
            tasks=[done("Built", datetime.date(2026, 6, 1))],
        )
        make_action(
            plan,
            "3",
            visibility="internal",
            categories=[category],
            news_posts=[news("Secret", datetime.date(2026, 6, 1))],
            tasks=[done("Secret task", datetime.date(2026, 6, 10))],
        )
    return plan


def items(page, heading_id: str) -> list[str]:
    section = page.select_one(f"#{heading_id}").find_parent("section")
    return [li.a.get_text() for li in section.select("li")]


def test_the_front_page_shows_progress_themes_news_and_completed_tasks(
    client, plan_with_news, soup
):
    with time_machine.travel(datetime.datetime(2026, 6, 15, 9, tzinfo=datetime.UTC)):
        page = soup(client.get("/en/"))
    themes = [" ".join(li.get_text().split()) for li in page.select(".theme-list li")]
    assert themes == ["Transport 2 actions"]
    theme_type = plan_with_news.category_types.get().identifier
    assert page.select_one(".theme-list a")["href"] == f"/en/categories/{theme_type}/transport/"
    # The five latest, newest first; never a future one or an internal action's.
    assert items(page, "news-heading") == ["News 5", "News 4", "News 3", "News 2", "News 1"]
    assert items(page, "completed-heading") == ["Built", "Plan made"]
    first = page.select_one("#news-heading").find_parent("section").select_one("li")
    assert first.a["href"] == "/en/actions/1/#section-news"
    assert "1 Jun 2026" not in first.get_text() and "1 May 2026" in first.get_text()
    assert "Action 1" in first.get_text()


def test_a_plan_without_news_shows_no_empty_sections(client, plan, soup):
    make_action(plan, "1")
    page = soup(client.get("/en/"))
    assert page.select_one("#news-heading") is None
    assert page.select_one("#completed-heading") is None


def test_a_large_plan_shows_the_same_news_read_newest_first(
    client, plan_with_news, other_plan, soup, monkeypatch
):
    """A plan of many actions reads the newest rows of every plan and keeps its own
    (vahti.actions.front_page): the same lists, never another plan's newer rows."""
    from vahti.actions import front_page

    monkeypatch.setattr(front_page, "FEW_ACTIONS", 0)
    make_action(
        other_plan,
        "9",
        news_posts=[
            {"published_on": datetime.date(2026, 6, 10), "title_fi": "Toisen uutinen",
             "body_fi": "<p>x</p>"}
        ],
        tasks=[task("Toisen tehtävä", "completed", due=datetime.date(2026, 6, 12),
                    completed=datetime.date(2026, 6, 12))],
    )  # fmt: skip
    with time_machine.travel(datetime.datetime(2026, 6, 15, 9, tzinfo=datetime.UTC)):
        page = soup(client.get("/en/"))
    assert items(page, "news-heading") == ["News 5", "News 4", "News 3", "News 2", "News 1"]
    assert items(page, "completed-heading") == ["Built", "Plan made"]
