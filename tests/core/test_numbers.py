"""Numbers typed as each language writes them (vahti.core.numbers)."""

from decimal import Decimal

import pytest
from django import forms
from django.utils import translation

from vahti.core.numbers import TypedDecimalField, number_typed


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("1,000,000", "1000000"),  # as the English pages print 42,000,000 €
        ("1,234.5", "1234.5"),
        ("-12,500", "-12500"),
        ("999", "999"),
        ("1 000.5", "1000.5"),
    ],
)
def test_english_digit_grouping_is_read(typed, read):
    assert number_typed(typed, "en") == read


@pytest.mark.parametrize("typed", ["0,5", "1,5", "1,23", "1,0000", "12,34,567", ",500", "1,000,5"])
def test_an_english_comma_that_is_not_strict_grouping_is_left_for_the_error(typed):
    """Such a comma could be a decimal comma: it is not guessed away."""
    assert number_typed(typed, "en") == typed


def test_the_grouping_commas_are_english_only():
    assert number_typed("1,000", "fi") == "1.000"  # a Finnish decimal comma: 1.0
    assert number_typed("1,000,000", "sv") == "1.000,000"  # not Swedish: refused


def test_the_english_field_takes_grouped_numbers_and_names_an_ambiguous_comma():
    field = TypedDecimalField(
        max_digits=20, decimal_places=4, error_messages={"invalid": "Enter a number."}
    )
    with translation.override("en"):
        assert field.clean("1,000,000") == Decimal("1000000")
        with pytest.raises(forms.ValidationError, match=r"Enter a number\."):
            field.clean("0,5")
    with translation.override("fi"):
        assert field.clean("0,5") == Decimal("0.5")
