"""The compiled message catalogue: the same messages as the TOML files, and never stale (issue #21)."""

import os
import sys

import pytest

from escapebox import i18n


@pytest.fixture
def locales(tmp_path, monkeypatch):
    """A language folder of our own, a cache folder of our own, and no memory of earlier look-ups."""
    folder = tmp_path / "locales"
    (folder / "nl").mkdir(parents=True)
    (folder / "nl" / "ui.toml").write_text('[app]\ntitle = "Oud"\n', encoding="utf-8")
    (folder / "nl" / "cli.toml").write_text('help = "Hulp"\n', encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALES", folder)
    monkeypatch.setenv("ESCAPEBOX_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ESCAPEBOX_NO_CACHE", raising=False)
    forget()
    yield folder / "nl"
    forget()


def forget():
    """A new start: what the process remembered is gone, the cache folder stays."""
    for cached in (i18n.compiled, i18n.area_messages, i18n.catalogue):
        cached.cache_clear()


def cache_file(tmp_path):
    return tmp_path / "data" / "cache" / "catalogue-nl.messages"


def test_a_start_reads_the_compiled_catalogue_without_tomllib(locales, tmp_path, monkeypatch):
    assert i18n.Translator("nl")("ui.app.title") == "Oud"
    assert cache_file(tmp_path).is_file()
    forget()
    monkeypatch.setitem(sys.modules, "tomllib", None)  # importing it now raises ImportError
    assert i18n.Translator("nl")("ui.app.title") == "Oud"
    assert i18n.Translator("nl")("cli.help") == "Hulp"


def test_a_changed_toml_file_is_read_again(locales, tmp_path):
    assert i18n.Translator("nl")("ui.app.title") == "Oud"
    ui = locales / "ui.toml"
    stat = ui.stat()
    ui.write_text('[app]\ntitle = "Nieuw"\n', encoding="utf-8")  # the same size: the time tells
    os.utime(ui, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    forget()
    assert i18n.Translator("nl")("ui.app.title") == "Nieuw"


def test_an_added_area_is_found(locales):
    assert i18n.Translator("nl")("dev.hint") == "dev.hint"
    (locales / "dev.toml").write_text('hint = "Tip"\n', encoding="utf-8")
    forget()
    assert i18n.Translator("nl")("dev.hint") == "Tip"


def test_a_damaged_compiled_catalogue_is_parsed_again(locales, tmp_path):
    i18n.Translator("nl")("ui.app.title")
    cache_file(tmp_path).write_bytes(b'{"key": "half')
    forget()
    assert i18n.Translator("nl")("ui.app.title") == "Oud"


def test_no_cache_reads_the_toml_files(locales, tmp_path, monkeypatch):
    monkeypatch.setenv("ESCAPEBOX_NO_CACHE", "1")
    assert i18n.Translator("nl")("ui.app.title") == "Oud"
    assert not cache_file(tmp_path).exists()


def test_the_shipped_catalogues_compile_to_the_same_messages(tmp_path, monkeypatch):
    monkeypatch.setenv("ESCAPEBOX_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("ESCAPEBOX_NO_CACHE", raising=False)
    for lang in i18n.LANGUAGES:
        areas = {path.stem for path in (i18n.LOCALES / lang).glob("*.toml")}
        parsed = {area: i18n._parse_area(i18n.LOCALES / lang / f"{area}.toml", area) for area in areas}
        i18n.compiled.cache_clear()
        assert i18n.compiled(lang) == parsed
        i18n.compiled.cache_clear()
        assert i18n.compiled(lang) == parsed  # read back from the file
    i18n.compiled.cache_clear()
    i18n.area_messages.cache_clear()
