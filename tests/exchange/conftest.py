import pytest


@pytest.fixture(autouse=True)
def import_in_the_request(monkeypatch):
    """The admin's import runs in a thread of its own; a test's database is a
    transaction that thread cannot see, so here it runs in the request's."""
    from vahti.exchange import progress

    monkeypatch.setattr(progress, "IN_BACKGROUND", False)
