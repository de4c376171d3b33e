"""The snapshot test: editing an action after its report is completed leaves the report's
page, its comparison and its downloads as they were."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import ActionStatusFactory, make_action
from tests.reports.snapshot_data import (
    action_data,
    completed_report,
    estimates,
    pdf_text,
    status,
    workbook_rows,
)
from vahti.actions.services import action_update


def main(response) -> str:
    return str(BeautifulSoup(response.content.decode(), "html.parser").select_one("main"))


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]

ADDRESSES = ("/reports/2025/", "/reports/2025/compare/2024/", "/sv/reports/2025/", "/reports/")


def test_editing_an_action_after_completion_changes_nothing_in_the_report(client, plan):
    on_time = ActionStatusFactory(plan=plan, identifier="on_time", name_fi="Aikataulussa")
    late = ActionStatusFactory(plan=plan, identifier="late", name_fi="Myöhässä")
    action = make_action(plan, "1", name_fi="Pyöräilyn edistäminen", status=on_time)
    snapshot = action_data("1", "Pyöräilyn edistäminen", estimates=estimates("12"))
    completed_report(plan, "2024", [(action_data("1", "Pyöräilyn edistäminen"), True, action)])
    completed_report(plan, "2025", [(snapshot, True, action)])

    def everything():
        # The page's main part: the head's brand style sheet is addressed by the plan's
        # last change, which is the site's, not the report's.
        pages = {address: main(client.get(address)) for address in ADDRESSES}
        return (
            pages,
            client.get("/reports/2025.xlsx").content,
            pdf_text(client.get("/reports/2025.pdf").content),
        )

    before = everything()
    assert "Pyöräilyn edistäminen" in before[0]["/reports/2025/"]
    assert workbook_rows(before[1])[1][:4] == ["1", "Pyöräilyn edistäminen", "Liikenne", status(
        "on_time", "Aikataulussa")["name"]["fi"]]  # fmt: skip
    action_update(action, name_fi="Autoilun rajoittaminen", status=late)
    after = everything()
    # The live action did change: its own page says so.
    assert "Autoilun rajoittaminen" in client.get("/actions/1/").content.decode()
    assert after[0] == before[0]
    assert after[1] == before[1]  # the same bytes: no volatile time stamps in the workbook
    assert after[2] == before[2]
    assert "Autoilun" not in after[2] and "Myöhässä" not in after[2]
