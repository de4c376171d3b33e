import pytest

from vahti.core.naturalsort import natural_sort_key


def ordered(*identifiers):
    return sorted(identifiers, key=natural_sort_key)


def test_numbers_sort_by_value():
    assert ordered("126", "10", "9", "1") == ["1", "9", "10", "126"]


def test_dotted_identifiers():
    assert ordered("L10.1", "L3.10", "L3.2") == ["L3.2", "L3.10", "L10.1"]


def test_case_and_leading_zeros_do_not_matter():
    assert natural_sort_key("cl3") == natural_sort_key("CL3")
    assert natural_sort_key("007") == natural_sort_key("7")


@pytest.mark.parametrize("identifier", ["a9645", "126a", "1.2.3", "x", "99999999999999999"])
def test_keys_are_strings_that_keep_order_with_neighbours(identifier):
    assert isinstance(natural_sort_key(identifier), str)
    assert ordered("99999999999999999", "100") == ["100", "99999999999999999"]
