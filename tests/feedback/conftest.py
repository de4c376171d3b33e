import pytest
from django.core.cache import cache

from tests.notifications.conftest import town  # noqa: F401 (the plan, people and clock)


@pytest.fixture(autouse=True)
def fresh_counts():
    """Each test starts with no messages counted against its address."""
    cache.clear()
    yield
    cache.clear()
