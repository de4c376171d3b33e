"""Fill in translations: ``python scripts/translate.py FILE.json`` where the file maps
language code to {msgid: msgstr}, or {msgid: [singular, plural]} for plural messages.
Clears the fuzzy flag of what it fills in and lists what is still untranslated in fi and
sv. Run ``make messages`` afterwards: it rewraps the files the way gettext does, which CI
compares against."""

import json
import sys
from pathlib import Path

import polib

translations = json.loads(Path(sys.argv[1]).read_text("utf-8")) if len(sys.argv) > 1 else {}
for language in ("fi", "sv"):
    path = f"locale/{language}/LC_MESSAGES/django.po"
    catalog = polib.pofile(path)
    given = translations.get(language, {})
    for entry in catalog:
        if entry.msgid in given:
            value = given[entry.msgid]
            if isinstance(value, list):  # plural forms: [one, many]
                entry.msgstr_plural = dict(enumerate(value))
            else:
                entry.msgstr = value
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            entry.previous_msgid = None
            entry.previous_msgid_plural = None
            entry.previous_msgctxt = None
    if given:
        catalog.save(path)
    for entry in catalog:
        if (not entry.msgstr and not any(entry.msgstr_plural.values())) or entry.fuzzy:
            print(f"{language}: untranslated: {entry.msgid!r}")
