"""The open data page lists every download, feed and the API, and each link works; the
API reference lists every endpoint and field of the OpenAPI document."""

from bs4 import BeautifulSoup

from vahti.api.api import api
from vahti.api.reference import MISSING_PATH_PARAMETER


def test_the_data_page_links_work(client, open_plan):
    response = client.get("/data/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    links = [a["href"] for a in page.select("main a[href]")]
    for expected in [
        "/api/v1/plans/hnh/document.json",
        "/api/v1/plan-document.schema.json",
        "/data/plan.xlsx",
        "/data/actions.csv",
        "/data/values.csv",
        "/actions.csv",
        "/actions.xlsx",
        "/indicators/ghg/values.csv",
        "/feeds/updates.atom",
        "/feeds/tasks.ics",
        "/data/api/",
        "/api/v1/openapi.json",
        "/api/v1/actions/",
    ]:
        assert expected in links
    for link in links:
        assert client.get(link).status_code == 200, link
    # The calendar of one organisation, chosen in a form that works without JavaScript.
    form = page.select_one("form.data-form")
    assert form["action"] == "/feeds/tasks.ics" and form["method"] == "get"
    options = [o["value"] for o in form.select("select[name=organization] option")]
    assert options == ["kymp", "liikenne", "kasko"]
    assert client.get("/feeds/tasks.ics?organization=kymp").status_code == 200
    # Every page's footer leads here.
    footer = BeautifulSoup(client.get("/actions/").content.decode(), "html.parser")
    assert footer.select_one("footer a[href='/data/']").get_text() == "Avoin data"


def test_the_reference_lists_every_endpoint_and_field(client, open_plan):
    response = client.get("/en/data/api/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    document = api.get_openapi_schema()
    headings = {h.get_text(" ", strip=True) for h in page.select("h3")}
    for path, methods in document["paths"].items():
        for method in methods:
            assert f"{method.upper()} {path}" in headings
    action = page.select_one("#model-Action")
    fields = {row.select_one("th code").get_text() for row in action.select("tbody tr")}
    assert fields == set(document["components"]["schemas"]["Action"]["properties"])
    # The field descriptions come from the document, in English: marked as such.
    assert action.select_one("tbody td[lang=en]")
    assert page.select_one("a[href='#model-Task']")


def language_of(node) -> str:
    """The language a screen reader reads a text node in: its nearest ``lang``."""
    return next(parent["lang"] for parent in node.parents if parent.get("lang"))


def test_the_references_types_are_in_the_words_of_their_language(client, open_plan):
    for address, page_lang, words in [
        ("/data/api/", "fi", ["tekstit kielikoodeittain", "lista:", "oletus 1"]),
        ("/sv/data/api/", "sv", ["texter per språkkod", "lista av", "standard 1"]),
    ]:
        page = BeautifulSoup(client.get(address).content.decode(), "html.parser")
        languages = {}
        for node in page.select_one("main").find_all(string=True):
            languages.setdefault(node.strip(), language_of(node))
        for word in words:
            found = [lang for text, lang in languages.items() if word in text]
            assert found and set(found) == {page_lang}, (address, word, found)
        # JSON's words and the models' names are English on every page.
        for word in ["string", "integer", "null", "false", "Plan"]:
            assert languages[word] == "en", (address, word)
        action = page.select_one("#model-Action")
        assert action.select_one("a[href='#model-Task'][lang=en]")
    english = BeautifulSoup(client.get("/en/data/api/").content.decode(), "html.parser")
    # On the English page, JSON's words need no mark of their own.
    assert not english.select("main td span[lang], main td a[lang]")


def test_the_reference_says_how_to_write(client, open_plan):
    page = BeautifulSoup(client.get("/en/data/api/").content.decode(), "html.parser")
    operation = next(
        section
        for section in page.select("section.api-operation")
        if section.h3.get_text(" ", strip=True) == "POST /api/v1/indicators/{identifier}/values/"
    )
    text = operation.get_text(" ", strip=True)
    assert "Needs a plan's API token, sent as Authorization: Bearer vahti_…" in text
    assert operation.select_one("a[href='#model-ValuesIn']")
    assert page.select_one("#model-ValueIn")
    reads = page.select_one("section.api-operation")
    assert "API token" not in reads.get_text()


def test_the_swagger_console_is_gone(client, open_plan):
    """Its page failed 72 accessibility checks and had no language; the reference's own
    forms replace it."""
    assert client.get("/api/v1/console").status_code == 404
    assert "Swagger" not in client.get("/data/").content.decode()


def test_each_reading_endpoint_has_a_form_that_leads_to_its_answer(client, open_plan):
    page = BeautifulSoup(client.get("/data/api/").content.decode(), "html.parser")
    form = page.select_one("#vahti_api_api_action form")
    assert form["method"] == "get"
    labels = {label.get_text(" ", strip=True) for label in form.select("label")}
    assert labels == {"identifier (pakollinen)", "plan"}
    # The path parameter goes into the address, the others into its query.
    answer = client.get(form["action"], {"identifier": "1 a/b", "plan": "hnh", "x": "y"})
    assert answer.status_code == 302
    assert answer["Location"] == "/api/v1/actions/1%20a%2Fb/?plan=hnh"
    assert client.get(form["action"], {"identifier": "1"}, follow=True).status_code in (200, 404)
    # Writes need a token: no form.
    assert page.select_one("#vahti_api_writes_values_post form") is None


def test_a_left_out_part_of_the_address_is_named_beside_its_field(client, open_plan):
    response = client.get("/data/api/try/vahti_api_api_action/", {"plan": "hnh"})
    assert response.status_code == 400
    page = BeautifulSoup(response.content.decode(), "html.parser")
    field = page.select_one("#try-vahti_api_api_action-identifier")
    assert field["aria-invalid"] == "true"
    error = page.select_one(f"#{field['aria-describedby']}")
    assert error.get_text(strip=True) == str(MISSING_PATH_PARAMETER % {"name": "identifier"})
    assert page.select_one("#try-vahti_api_api_action-plan")["value"] == "hnh"
    assert page.select_one("[role=alert] a")["href"] == "#try-vahti_api_api_action-identifier"
    assert client.get("/data/api/try/no_such_thing/").status_code == 404
    assert client.get("/data/api/try/vahti_api_writes_values_post/").status_code == 404


def test_the_api_root_says_where_everything_is(client, open_plan):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    index = response.json()
    assert index["reference"] == "http://testserver/data/api/"
    assert index["openapi"] == "http://testserver/api/v1/openapi.json"
    assert "console" not in index
    assert index["resources"]["plans"] == "http://testserver/api/v1/plans/"
    assert index["resources"]["actions"] == "http://testserver/api/v1/actions/"
    # Every link leads somewhere.
    links = [index["reference"], index["openapi"], *index["resources"].values()]
    for link in links:
        assert client.get(link).status_code == 200, link
