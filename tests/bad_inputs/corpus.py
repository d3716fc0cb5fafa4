"""The bad-input corpus: for every kind of file Escapebox reads, the nastiest versions.

Files are made at test time (a 50 MB file does not belong in git).  Each
case is ``(name, bytes)``; ``write_corpus(folder)`` writes them all, in a
layout the CLI commands under test expect.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

GOOD_HEAD = "format: 1\nid: kapot\ntitle: Kapot\nsummary: Test.\nduration: 5\nstart: hal\n"
GOOD_TAIL = "rooms:\n  hal: {name: Hal, text: Hier.}\nendings:\n  uit: {title: Uit, text: Klaar.}\n"


def scenario_cases() -> list[tuple[str, bytes]]:
    good = (GOOD_HEAD + GOOD_TAIL).encode()
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8))
    return [
        ("empty", b""),
        ("junk", bytes(range(256)) * 40),
        ("utf16", (GOOD_HEAD + GOOD_TAIL).encode("utf-16")),
        ("latin1", (GOOD_HEAD.replace("Kapot", "Café") + GOOD_TAIL).encode("latin-1")),
        ("bom_then_broken", b"\xef\xbb\xbf" + good.replace(b"title: Kapot", b"title: [Kapot")),
        ("truncated", good[: len(good) // 2]),
        ("huge", b"a: " + b"x" * (50 * 1024 * 1024)),
        ("alias_bomb", bomb.encode()),
        ("nested_brackets", b"a: " + b"[" * 100_000),
        ("nul", good.replace(b"Hier.", b"Hi\x00er.")),
        ("control", good.replace(b"Hier.", b"Hi\x1ber.")),
        ("bidi", good.replace(b"Hier.", "Hi\u202eer.".encode())),
        ("emoji_id", good.replace(b"start: hal", "start: 🙂".encode())),
        ("long_string", good.replace(b"Hier.", b"x" * 100_000)),
        ("wrong_types", b"format: [1]\nid: {a: b}\ntitle: [x]\nsummary: {}\nduration: lang\nstart: []\n"
                        b"rooms: [1, 2]\nendings: tekst\npuzzles: 5\n"),
    ]


def session_cases() -> list[tuple[str, bytes]]:
    valid_shape = {"format": "escapebox-session", "version": 1, "id": "x",
                   "session": {"scenario_id": "s", "scenario_title": "t"}, "events": [], "drafts": {}}
    return [
        ("empty", b""),
        ("junk", bytes(range(256)) * 40),
        ("utf16", json.dumps(valid_shape).encode("utf-16")),
        ("latin1", json.dumps({**valid_shape, "id": "café"}, ensure_ascii=False).encode("latin-1")),
        ("truncated", json.dumps(valid_shape).encode()[:40]),
        ("huge", b'{"format": "' + b"x" * (50 * 1024 * 1024) + b'"}'),
        ("nested_brackets", b"[" * 100_000),
        ("nul", json.dumps(valid_shape).encode().replace(b'"s"', b'"s\x00"')),
        ("wrong_types", json.dumps({**valid_shape, "events": "geen lijst", "session": [1]}).encode()),
        ("bad_event", json.dumps({**valid_shape, "events": [{"type": "Onbekend", "at": "gisteren"}]}).encode()),
        ("long_string", json.dumps({**valid_shape, "session": {"scenario_id": "x" * 100_000}}).encode()),
    ]


def pack_cases() -> list[tuple[str, bytes]]:
    def archive(entries: dict[str, bytes]) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as zf:
            for name, data in entries.items():
                zf.writestr(name, data)
        return buffer.getvalue()
    return [
        ("empty", b""),
        ("junk", bytes(range(256)) * 40),
        ("truncated", archive({"manifest.json": b"{}", "scenario.yaml": b"x" * 1000})[:300]),
        ("no_manifest", archive({"scenario.yaml": (GOOD_HEAD + GOOD_TAIL).encode()})),
        ("bad_manifest", archive({"manifest.json": b"[" * 100_000})),
        ("huge", b"PK" + b"\x00" * (50 * 1024 * 1024)),
    ]


def media_cases() -> list[tuple[str, str, bytes]]:
    png_header = b"\x89PNG\r\n\x1a\n" + (13).to_bytes(4, "big") + b"IHDR"
    return [
        ("png_bomb", "images/a.png", png_header + (65535).to_bytes(4, "big") * 2 + b"\x08\x06\x00\x00\x00" + b"\x00" * 300),
        ("png_truncated", "images/a.png", png_header[:10]),
        ("svg_entities", "images/a.svg", b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aa">]><svg>&a;</svg>'),
        ("image_empty", "images/a.png", b""),
        ("image_junk", "images/a.png", bytes(range(256)) * 4),
        ("image_huge", "images/a.png", png_header + b"\x00" * (21 * 1024 * 1024)),
    ]


def wav(frames: bytes) -> bytes:
    """A PCM WAV (mono, 8 kHz, 16 bit) around ``frames``."""
    fmt = b"fmt " + (16).to_bytes(4, "little") + b"\x01\x00\x01\x00" + (8000).to_bytes(4, "little") \
        + (16000).to_bytes(4, "little") + b"\x02\x00\x10\x00"
    data = b"data" + len(frames).to_bytes(4, "little") + frames
    return b"RIFF" + (4 + len(fmt) + len(data)).to_bytes(4, "little") + b"WAVE" + fmt + data


def sound_cases() -> list[tuple[str, str, bytes]]:
    """Sound files the UI must refuse before the mixer decodes them (``ui/audio.py``); code expected."""
    good = wav(b"\x00\x01" * 800)
    return [
        ("wav_zero_length", "media.empty_sound", wav(b"")),
        ("zero_bytes", "media.empty", b""),
        ("wav_header_cut", "media.broken", good[:30]),
        ("wav_junk", "media.unknown_sound", bytes(range(256)) * 4),
        ("ogg_fake", "media.broken", b"OggS" + bytes(range(256)) * 2),
        ("wav_huge", "media.file_too_big", good[:44] + b"\x00" * (21 * 1024 * 1024)),
    ]


def media_scenario(asset: str) -> bytes:
    return (GOOD_HEAD + f"rooms:\n  hal: {{name: Hal, text: Hier., image: {asset}, image_alt: Beeld.}}\n"
            "endings:\n  uit: {title: Uit, text: Klaar.}\n").encode()


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def theme_cases() -> list[tuple[str, bytes]]:
    good = b"theme_format: 1\nname: Test\nbased_on: default\ncolours:\n  text: '#132A2E'\n"
    return [
        ("empty", b""),
        ("junk", bytes(range(256)) * 40),
        ("utf16", good.decode().encode("utf-16")),
        ("latin1", good.replace(b"Test", "Café".encode("latin-1"))),
        ("truncated", good[:30]),
        ("huge", b"theme_format: 1\nname: " + b"x" * (50 * 1024 * 1024)),
        ("alias_bomb", b"theme_format: 1\nname: &a Test\ncolours: *a\n"),
        ("nested_brackets", b"theme_format: 1\ncolours: " + b"[" * 100_000),
        ("nul", good.replace(b"Test", b"Te\x00st")),
        ("bidi", good.replace(b"Test", "Te\u202est".encode())),
        ("long_string", good.replace(b"Test", b"x" * 100_000)),
        ("wrong_types", b"theme_format: [1]\nname: {a: b}\ncolours: 5\n"),
        ("low_contrast", good.replace(b"'#132A2E'", b"'#DDDDDD'")),
        ("font_escapes", good + b"fonts:\n  regular: ../../../etc/passwd\n"),
    ]

# ----- damaged saves (issue 15) ------------------------------------------------------------------
# A save with two games, "Goed" and "Kapot", and one kind of damage done to it with SQL: a value of
# the wrong kind, an event that is no event, a table gone, a step the rules refuse.

SAVE_DAMAGE = {
    "version_drie": ["UPDATE meta SET value='drie' WHERE key='schema_version'"],
    "clock_abc": ["UPDATE sessions SET clock='abc' WHERE id=:bad"],
    "event_row_list": ["UPDATE events SET data='[1,2]' WHERE session_id=:bad AND seq=2"],
    "event_at_x": ["UPDATE events SET data=json_set(data, '$.at', 'x') WHERE session_id=:bad AND seq=3"],
    "event_not_json": ["UPDATE events SET data='{kapot' WHERE session_id=:bad AND seq=3"],
    "event_unknown_type": ["UPDATE events SET data='{\"type\": \"Vliegen\"}' WHERE session_id=:bad AND seq=3"],
    "event_gap": ["DELETE FROM events WHERE session_id=:bad AND seq=2"],
    "events_table_dropped": ["DROP TABLE events"],
    "group_name_blob": ["UPDATE sessions SET group_name=x'00ff' WHERE id=:bad"],
    "answer_forged": ["UPDATE events SET type='LockOpened', data=json_set(json_remove(data, '$.feedback'),"
                      " '$.type', 'LockOpened', '$.skipped', json('false')) WHERE session_id=:bad AND type='WrongAnswer'"],
}


def save_cases() -> list[tuple[str, list[str]]]:
    return list(SAVE_DAMAGE.items())


def write_save(folder: Path, statements: list[str]) -> tuple[str, str]:
    """A sessions.sqlite3 in ``folder`` with two games, then damaged; returns (good id, bad id)."""
    import sqlite3

    from escapebox.core import commands as C
    from escapebox.core.clock import ManualClock
    from escapebox.core.session import GameSession
    from escapebox.core.store import SessionStore
    from escapebox.scenario.loader import load_scenario

    loaded = load_scenario(Path(__file__).parents[1] / "fixtures" / "alles")
    store = SessionStore(folder)
    ids = []
    for group in ("Goed", "Kapot"):
        session = GameSession.start(loaded, ManualClock(), store=store, group=group)
        session.apply(C.TryAnswer("kastcode", "1234"))
        session.apply(C.TryAnswer("deurwoord", "zorg"))
        session.apply(C.EnterRoom("kamer"))
        session.apply(C.AnswerReflection("binnen", "4"))
        session.close()
        ids.append(session.session_id)
    store.close()
    db = sqlite3.connect(folder / "sessions.sqlite3")
    for statement in statements:
        db.execute(statement, {"bad": ids[1]} if ":bad" in statement else {})
    db.commit()
    db.close()
    return ids[0], ids[1]
