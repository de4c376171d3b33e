"""The insight network's boxes: a label fits its box in two lines and always shows a
name, not only an identifier."""

import itertools

import pytest

from vahti.site.insight import LINE_CHARACTERS, label_lines


@pytest.mark.parametrize(
    "label",
    [
        "41 Aurinkosähköjärjestelmien hankinta kaupungin kiinteistöihin",
        "41 Kiinteistöjen energiatehokkuusinvestointien vauhdittaminen",
        "126 Energiatehokkuusvaatimukset",
        "Helsingin kasvihuonekaasupäästöt liikenteestä ja rakennusten lämmityksestä",
        "7 Pyöräily",
    ],
)
def test_a_label_fits_and_shows_a_name(label):
    lines = label_lines(label)
    assert 1 <= len(lines) <= 2
    assert all(len(line) <= LINE_CHARACTERS for line in lines)
    identifier, _, name = label.partition(" ")
    # More than the identifier: the name's first word, whole or begun.
    shown = " ".join(lines).replace("- ", "").replace("…", "")
    assert shown.split(" ", 1)[0] == identifier
    assert name.split()[0].startswith(shown.split(" ")[1][:5]) and len(shown.split(" ")[1]) >= 5
    # A word carried over to the next line is hyphenated.
    for first, second in itertools.pairwise(lines):
        assert first.endswith("-") or f"{first} {second.split()[0].rstrip('…')}" in label
    # What is shown is the label's beginning, with no words left out in between.
    assert label.startswith(shown.rstrip()) or label.replace(" ", "").startswith(
        shown.replace(" ", "")
    )


def test_a_short_label_is_one_line_and_a_long_one_ends_in_an_ellipsis():
    assert label_lines("7 Pyöräily") == ["7 Pyöräily"]
    long = label_lines("41 Aurinkosähköjärjestelmien hankinta kaupungin kiinteistöihin")
    assert long[-1].endswith("…")
