"""The bad-input corpus: for every kind of file Escapebox reads, the nastiest versions.

Files are made at test time (a 50 MB file does not belong in git).  Each
case is ``(name, bytes)``; ``write_corpus(folder)`` writes them all, in a
layout the CLI commands under test expect.
"""

from __future__ import annotations

import io
import json
import struct
import zipfile
import zlib
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
        ("windows_device_name", archive({"manifest.json": b"{}", "assets/CON.png": b"x"})),
        ("windows_console_name", archive({"manifest.json": b"{}", "assets/conin$": b"x"})),
        ("windows_trailing_dot", archive({"manifest.json": b"{}", "assets/beeld.png.": b"x"})),
        ("bidi_name", archive({"manifest.json": b"{}", "assets/foto\u202egnp.exe": b"x"})),
        ("old_format", archive({"manifest.json": b'{"escapebox_pack": 1}', "scenario.bin": b"x"})),
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
    ] + [(name, asset, data) for name, asset, _, data in lying_pictures()]


# ----- pictures that lie about their size (issue 15) -------------------------------------------
# Small builders, so no attack file is committed: each makes the bytes a decoder would read.

def gif(frames: list[tuple[int, int]], screen=(16, 16), junk: bytes = b"") -> bytes:
    """A GIF89a with a two-colour table and one frame per (width, height); ``junk`` before the last frame."""
    out = b"GIF89a" + struct.pack("<HHBBB", *screen, 0x80, 0, 0) + b"\x00\x00\x00\xff\xff\xff"
    for number, (width, height) in enumerate(frames):
        if junk and number == len(frames) - 1:
            out += junk
        out += b"\x21\xf9\x04\x00\x00\x00\x00\x00"                 # graphic control extension
        out += b"\x2c" + struct.pack("<HHHHB", 0, 0, width, height, 0)
        out += b"\x02" + (b"\xff" + b"\x00" * 255) * 8 + b"\x00"       # LZW code size, 2 kB of data
    return out + b"\x3b"


def _segment(marker: int, payload: bytes) -> bytes:
    return b"\xff" + bytes([marker]) + struct.pack(">H", len(payload) + 2) + payload


def jpeg(width: int, height: int, *, scans: int = 1, progressive: bool = False, data: bytes = b"\x00" * 64,
         sof_first: bool = False) -> bytes:
    """A grey JPEG libjpeg decodes: one component, one-code Huffman tables (every block is flat)."""
    dqt = _segment(0xDB, b"\x00" + b"\x01" * 64)
    sof = _segment(0xC2 if progressive else 0xC0, b"\x08" + struct.pack(">HH", height, width) + b"\x01\x01\x11\x00")
    dht = _segment(0xC4, b"\x00\x01" + b"\x00" * 15 + b"\x00") + _segment(0xC4, b"\x10\x01" + b"\x00" * 15 + b"\x00")
    spectral = b"\x00\x00\x00" if progressive else b"\x00\x3f\x00"   # progressive: DC scans, again and again
    sos = _segment(0xDA, b"\x01\x01\x00" + spectral)
    tables = sof + dqt + dht if sof_first else dqt + sof + dht
    return b"\xff\xd8" + tables + (sos + data) * scans + b"\xff\xd9"


def jpeg_hidden_sof(width: int = 20000, height: int = 20000) -> bytes:
    """The real SOF right behind an RST0 marker, which has no length; a fake 16×16 SOF at 64 kB.

    A reader that takes RST0 for a segment reads its "length" from the next marker (0xFFC0 =
    65472), jumps over the whole real picture and finds the fake; libjpeg reads the real one.
    The 64 kB are zeros after the end of the real picture: 3 kB once packed.
    """
    real = jpeg(width, height, data=b"\x00" * 2000, sof_first=True)[2:]
    head = b"\xff\xd8\xff\xd0" + real
    fake = _segment(0xC0, b"\x08" + struct.pack(">HH", 16, 16) + b"\x01\x01\x11\x00")
    return head + b"\x00" * (4 + 0xFFC0 - len(head)) + fake + b"\xff\xd9"


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int, frames: list[tuple[int, int]] = ()) -> bytes:
    """A PNG header (IHDR), an fcTL chunk per APNG frame, one grey row of data per line, IEND."""
    out = b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
    if frames:
        out += _png_chunk(b"acTL", struct.pack(">II", len(frames), 0))
    for number, (frame_w, frame_h) in enumerate(frames):
        out += _png_chunk(b"fcTL", struct.pack(">IIIIIHHBB", number, frame_w, frame_h, 0, 0, 1, 10, 0, 0))
    rows = zlib.compress(b"\x00" * (width + 1) * min(height, 64))
    return out + _png_chunk(b"IDAT", rows) + _png_chunk(b"IEND", b"")


def _riff(chunks: bytes) -> bytes:
    return b"RIFF" + struct.pack("<I", 4 + len(chunks)) + b"WEBP" + chunks


def _webp_chunk(kind: bytes, data: bytes) -> bytes:
    return kind + struct.pack("<I", len(data)) + data + (b"\x00" if len(data) & 1 else b"")


def _vp8l(width: int, height: int) -> bytes:
    return _webp_chunk(b"VP8L", b"\x2f" + ((width - 1) | (height - 1) << 14).to_bytes(4, "little") + b"\x00" * 8)


#: the smallest lossless WebP there is: one transparent pixel (a VP8L bitstream libwebp decodes)
ONE_PIXEL_VP8L = _webp_chunk(b"VP8L", b"\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07")


def webp_canvas(canvas: tuple[int, int], bitstream: bytes = ONE_PIXEL_VP8L) -> bytes:
    """An extended WebP: the VP8X canvas (which SDL_image allocates), then the picture itself."""
    flags = b"\x10\x00\x00\x00"                                     # alpha
    size = (canvas[0] - 1).to_bytes(3, "little") + (canvas[1] - 1).to_bytes(3, "little")
    return _riff(_webp_chunk(b"VP8X", flags + size) + bitstream)


def webp_animated(canvas=(16, 16), frame=(40000, 40000)) -> bytes:
    flags = b"\x02\x00\x00\x00"                                     # animation
    size = (canvas[0] - 1).to_bytes(3, "little") + (canvas[1] - 1).to_bytes(3, "little")
    anmf = b"\x00" * 6 + (frame[0] - 1).to_bytes(3, "little") + (frame[1] - 1).to_bytes(3, "little") + b"\x00" * 4
    return _riff(_webp_chunk(b"VP8X", flags + size) + _webp_chunk(b"ANIM", b"\x00" * 6)
                 + _webp_chunk(b"ANMF", anmf + _vp8l(16, 16)))


def webp_with_svg(width: int = 30000, height: int = 30000) -> bytes:
    """A 16×16 WebP header with no NUL before an SVG drawing: SDL_image tries SVG before WebP."""
    drawing = f'<svg width="{width}" height="{height}"><rect width="10" height="10"/></svg>'.encode()
    bits = ((16 - 1) | (16 - 1) << 14 | 1 << 28).to_bytes(4, "little")   # alpha bit: no NUL byte
    return b"RIFF" + b"\x01\x01\x01\x01" + b"WEBPVP8L" + b"\x01\x01\x01\x01" + b"\x2f" + bits + drawing


def bmp(width: int, height: int) -> bytes:
    """A 24-bit BMP header; a negative height means the rows are stored top first."""
    info = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, 0, 2835, 2835, 0, 0)
    return b"BM" + struct.pack("<IHHI", 14 + len(info) + 64, 0, 0, 14 + len(info)) + info + b"\x00" * 64


def svg(root: str, inner: str = "") -> bytes:
    return (f'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" {root}>'
            f'{inner}<rect width="10" height="10"/></svg>\n').encode()


def lying_pictures() -> list[tuple[str, str, str, bytes]]:
    """Pictures whose first header looks small: (name, file, the message key validate must give, bytes)."""
    return [
        ("gif_frame_40000", "images/a.gif", "media.frame_too_large", gif([(40000, 40000)])),
        ("gif_second_frame", "images/a.gif", "media.frame_too_large", gif([(16, 16), (16, 30000)])),
        ("gif_junk_then_frame", "images/a.gif", "media.broken", gif([(16, 16), (40000, 40000)], junk=b"\x99")),
        ("jpeg_sof_behind_rst0", "images/a.jpg", "media.image_too_large", jpeg_hidden_sof()),
        ("jpeg_two_sofs", "images/a.jpg", "media.inner_too_large",
         jpeg(16, 16)[:-2] + _segment(0xC0, b"\x08" + struct.pack(">HH", 30000, 30000) + b"\x01\x01\x11\x00")
         + b"\xff\xd9"),
        ("jpeg_10000_scans", "images/a.jpg", "media.jpeg_scans", jpeg(64, 64, scans=10000, progressive=True, data=b"")),
        ("png_apng_frame", "images/a.png", "media.frame_too_large", png(16, 16, frames=[(16, 16), (40000, 40000)])),
        ("webp_canvas", "images/a.webp", "media.image_too_large", webp_canvas((40000, 40000))),
        ("webp_animated_frame", "images/a.webp", "media.frame_too_large", webp_animated()),
        ("webp_with_svg_inside", "images/a.webp", "media.svg_inside", webp_with_svg()),
        ("bmp_negative_height", "images/a.bmp", "media.image_too_large", bmp(30000, -30000)),
        ("svg_inches", "images/a.svg", "media.svg_too_large", svg('width="100in" height="100in"')),
        ("svg_exponent", "images/a.svg", "media.svg_too_large", svg('width="4e4" height="4e4"')),
        ("svg_nested_svg", "images/a.svg", "media.svg_too_large",
         svg('width="16" height="16"', '<svg width="40000" height="40000"/>')),
        ("svg_em", "images/a.svg", "media.svg_units", svg('width="100em" height="100em"')),
        ("svg_no_size", "images/a.svg", "media.svg_no_size", svg("")),
        ("svg_1001_svg_elements", "images/a.svg", "media.svg_elements",
         svg('viewBox="0 0 16 16"', '<svg width="1" height="1"> </svg>' * 1001)),
        ("png_named_tga", "images/a.tga", "media.image_suffix", png(16, 16)),
    ]


def honest_pictures() -> list[tuple[str, str, bytes]]:
    """The same formats, not lying: each must pass the checks (and decode, where SDL_image can)."""
    return [
        ("gif_two_frames", "images/a.gif", gif([(16, 16), (8, 8)])),
        ("jpeg_restart_markers", "images/a.jpg", jpeg(64, 64, data=b"\x00" * 8 + b"\xff\xd0" + b"\x00" * 8
                                                      + b"\xff\x00" + b"\x00" * 8)),
        ("jpeg_progressive_10_scans", "images/a.jpg", jpeg(64, 64, scans=10, progressive=True)),
        ("png_plain", "images/a.png", png(16, 16)),
        ("png_apng_small_frames", "images/a.png", png(16, 16, frames=[(16, 16), (8, 8)])),
        ("webp_lossless", "images/a.webp", _riff(ONE_PIXEL_VP8L)),
        ("webp_extended", "images/a.webp", webp_canvas((1, 1))),
        ("bmp_top_down", "images/a.bmp", bmp(4, -4)),
        ("svg_millimetres", "images/a.svg", svg('width="210mm" height="297mm"')),
        ("svg_view_box", "images/a.svg", svg('viewBox="0 0 1600 900"')),
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


def playable_scenario(asset: str) -> bytes:
    """A scenario that validates ("in orde") with ``asset`` as its one room's picture (drawn, with a hotspot)."""
    return (GOOD_HEAD + "rooms:\n"
            f"  hal:\n    name: Hal\n    text: Hier.\n    image: {asset}\n    image_alt: Beeld.\n"
            "    objects:\n      kast: {name: Kast, text: Dicht., locked_by: slot, area: [10, 10, 30, 30]}\n"
            "puzzles:\n  slot: {kind: word, title: Slot, question: Wachtwoord?, answer: open, hints: [Denk.], "
            "leads_to: uit}\n"
            "endings:\n  uit: {title: Uit, text: Klaar.}\n").encode()


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
