"""Every string of the interface is translated into Finnish and Swedish (English is the
language of the source strings), with the same placeholders."""

import re
from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_catalog_is_complete(language):
    catalog = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert len(catalog) > 100
    assert [e.msgid for e in catalog.untranslated_entries()] == []
    assert [e.msgid for e in catalog.fuzzy_entries()] == []


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_translations_keep_their_placeholders(language):
    catalog = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    for entry in catalog:
        expected = sorted(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for translation in translations:
            assert sorted(PLACEHOLDER.findall(translation)) == expected, entry.msgid


def test_english_catalog_exists_for_every_source_string():
    english = polib.pofile(str(LOCALE / "en" / "LC_MESSAGES" / "django.po"))
    finnish = polib.pofile(str(LOCALE / "fi" / "LC_MESSAGES" / "django.po"))
    assert {(e.msgctxt, e.msgid) for e in english} == {(e.msgctxt, e.msgid) for e in finnish}
