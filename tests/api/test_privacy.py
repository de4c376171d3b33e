"""Nothing that is not public leaves through the API, a download or a feed: no draft,
internal note, internal or unpublished action or indicator, nor a person's e-mail."""

import io
import json
import zipfile

import pytest

from tests.api.conftest import SECRETS
from vahti.api.api import api
from vahti.workbook.sheets import PUBLIC_SHEETS

# Every download and feed of the site, beside every API endpoint.
DOWNLOADS = [
    "/actions.csv",
    "/actions.xlsx",
    "/actions.csv?view=dashboard",
    "/feeds/updates.atom",
    "/feeds/actions/1.atom",
    "/feeds/actions/2.atom",
    "/feeds/tasks.ics",
    "/feeds/tasks.ics?organization=kymp",
    "/indicators/ghg/values.csv",
    "/data/plan.xlsx",
    "/data/actions.csv",
    "/data/tasks.csv",
    "/data/indicators.csv",
    "/data/goals.csv",
    "/data/values.csv",
]


def api_urls() -> list[str]:
    """Every API endpoint that reads, with each path parameter filled with every
    identifier the plan has, public or not (those not public must be 404). The writes
    (tests/api/test_write_api.py) answer only with counts and problems."""
    sheets = [{"sheet": sheet} for sheet in PUBLIC_SHEETS]
    fills = {
        "/api/v1/plans/{identifier}/": [{"identifier": "hnh"}],
        "/api/v1/plans/{identifier}/document.json": [{"identifier": "hnh"}],
        "/api/v1/plans/{identifier}/plan.xlsx": [{"identifier": "hnh"}],
        "/api/v1/plans/{identifier}/{sheet}.csv": [{"identifier": "hnh", **s} for s in sheets],
        "/api/v1/actions/{identifier}/": [{"identifier": i} for i in ["1", "2", "3", "4"]],
        "/api/v1/indicators/{identifier}/": [{"identifier": i} for i in ["ghg", "secret"]],
    }
    urls = []
    for path, operations in api.get_openapi_schema()["paths"].items():
        if "get" not in operations:
            continue
        if "{" in path:
            assert path in fills, f"test_privacy does not know how to fill {path}"
            urls += [path.format(**values) for values in fills[path]]
        else:
            urls.append(path)
    return [*urls, "/api/v1/news/?action=1", "/api/v1/actions/?q=SISÄINEN"]


def readable(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content.startswith(b"PK"):  # a workbook: its sheets' XML
        with zipfile.ZipFile(io.BytesIO(content)) as workbook:
            return " ".join(workbook.read(name).decode() for name in workbook.namelist())
    return content.decode()


@pytest.mark.parametrize("language", ["", "/sv", "/en"])
def test_no_secret_leaves_through_downloads_and_feeds(client, open_plan, language):
    for url in DOWNLOADS:
        response = client.get(language + url)
        assert response.status_code == 200, url
        text = readable(response)
        for kind, secret in SECRETS.items():
            assert secret not in text, f"the {kind} is in {language + url}"


def test_no_secret_leaves_through_the_api(client, open_plan):
    seen = 0
    for url in api_urls():
        response = client.get(url)
        assert response.status_code in (200, 404), url
        seen += response.status_code == 200
        if response["Content-Type"].startswith("application/json"):
            # As the data reads, not as JSON escapes it ("\u00e4").
            text = json.dumps(json.loads(readable(response)), ensure_ascii=False)
        else:
            text = readable(response)
        for kind, secret in SECRETS.items():
            assert secret not in text, f"the {kind} is in {url}"
    assert seen >= 18
    assert client.get("/api/v1/actions/3/").status_code == 404
    assert client.get("/api/v1/actions/4/").status_code == 404
    assert client.get("/api/v1/indicators/secret/").status_code == 404
