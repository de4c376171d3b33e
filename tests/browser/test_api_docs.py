"""The API's interactive console works under the site's Content-Security-Policy: its
scripts and styles come from our own static files (django-ninja's Swagger UI), none
inline. (Swagger UI itself has known accessibility faults, e.g. buttons nested in
buttons; the reference at /data/api/, checked with the other public pages, is the
accessible documentation, and the console is offered beside it.)"""


def test_the_docs_list_every_endpoint_and_try_one(demo, page):
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    response = page.goto(f"{demo.url}/api/v1/console")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    operations = page.locator(".opblock")
    operations.first.wait_for()
    from vahti.api.api import api

    document = api.get_openapi_schema()
    assert operations.count() == sum(len(methods) for methods in document["paths"].values())
    assert page.get_by_text("/api/v1/actions/", exact=True).first.is_visible()
    # Try the action list from the docs: the answer is the real one.
    page.locator("#operations-default-vahti_api_api_actions").click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    page.locator(".response-col_status").filter(has_text="200").first.wait_for()
    assert not problems, problems
