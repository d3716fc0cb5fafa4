"""Every message exists in Dutch and in English, and every key the code uses exists."""

import re
from pathlib import Path

from escapebox.i18n import LANGUAGES, Translator, catalogue

PACKAGE = Path(__file__).parents[1] / "escapebox"
AREAS = {p.stem for p in (PACKAGE / "locales" / "nl").glob("*.toml")}
KEY = re.compile(r'["\'](@?)(%s)\.([a-z_][a-z_.]*)["\'|]' % "|".join(sorted(AREAS)))


def test_every_language_has_the_same_keys():
    keys = {lang: set(catalogue(lang)) for lang in LANGUAGES}
    for lang in LANGUAGES:
        missing = keys["nl"] - keys[lang]
        extra = keys[lang] - keys["nl"]
        assert not missing and not extra, (lang, sorted(missing), sorted(extra))


def test_placeholders_match_between_languages():
    names = re.compile(r"{(\w+)}")
    for key, dutch in catalogue("nl").items():
        assert set(names.findall(dutch)) == set(names.findall(catalogue("en")[key])), key


FILE_SUFFIXES = (".toml", ".yaml", ".json", ".png", ".svg", ".md", ".csv", ".html")


def used_keys():
    for path in PACKAGE.rglob("*.py"):
        for match in KEY.finditer(path.read_text(encoding="utf-8")):
            key = f"{match.group(2)}.{match.group(3)}"
            if not key.endswith(".") and not key.endswith(FILE_SUFFIXES):
                yield path.name, key


def test_every_key_used_in_the_code_exists():
    known = set(catalogue("nl"))
    prefixes = {k.rsplit(".", 1)[0] + "." for k in known}
    missing = sorted({(f, k) for f, k in used_keys() if k not in known and k + "." not in prefixes
                      and not any(k2.startswith(k + ".") for k2 in known)})
    assert not missing, missing


def test_translator_falls_back_and_formats():
    tr = Translator("en")
    assert tr("schema.missing", field="title") == "'title' is missing; this field is required."
    assert tr("does.not.exist") == "does.not.exist"
    assert Translator("xx").lang == "nl"
