"""Checks for the shared assets in ``assets/`` (fonts, icons, sounds, credits).

Runs headless: SDL's dummy video and audio drivers are selected before pygame
is imported.
"""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import re  # noqa: E402
import struct  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import wave  # noqa: E402
from pathlib import Path  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402
import yaml  # noqa: E402

ASSETS = Path(__file__).resolve().parents[1] / "assets"
FONTS = ASSETS / "fonts"
ICONS = ASSETS / "icons"
SOUNDS = ASSETS / "sounds"
CREDITS = ASSETS / "CREDITS.md"

FONT_FILES = [
    "AtkinsonHyperlegible-Regular.ttf",
    "AtkinsonHyperlegible-Bold.ttf",
    "AtkinsonHyperlegible-Italic.ttf",
    "AtkinsonHyperlegible-BoldItalic.ttf",
]
SOUND_FILES = ["success.wav", "wrong.wav", "hint.wav", "found.wav", "tick.wav"]

# Characters Dutch texts need beyond ASCII (plus a few capitals and
# common loan-word accents).
DUTCH_CHARS = "ëïéèóöüáàêç" "ËÏÉÖÜ" "‘’“”–—…€"
DUTCH_SAMPLE = (
    "Zoë’s ‘ideeën’ over “privé” – één café — coöperatie, reünie, "
    "naïef, crème, Curaçao… € 12,50 ÉÉN ÏÖÜË"
)


# ---------------------------------------------------------------- helpers


def cmap_codepoints(path):
    """Return the set of code points that the font maps to a real glyph.

    Reads the TrueType/OpenType ``cmap`` table (formats 4 and 12) directly.
    Needed because ``pygame.font.Font.metrics`` in pygame-ce 2.5 returns the
    metrics of the .notdef box for missing characters instead of ``None``.
    """
    data = Path(path).read_bytes()
    num_tables = struct.unpack(">H", data[4:6])[0]
    offsets = {}
    for i in range(num_tables):
        tag, _checksum, off, _length = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        offsets[tag] = off
    base = offsets[b"cmap"]
    n_sub = struct.unpack(">H", data[base + 2 : base + 4])[0]
    cps = set()
    for i in range(n_sub):
        _pid, _eid, off = struct.unpack(">HHI", data[base + 4 + 8 * i : base + 12 + 8 * i])
        sub = base + off
        fmt = struct.unpack(">H", data[sub : sub + 2])[0]
        if fmt == 4:
            segx2 = struct.unpack(">H", data[sub + 6 : sub + 8])[0]
            seg = segx2 // 2
            ends = struct.unpack(">%dH" % seg, data[sub + 14 : sub + 14 + segx2])
            starts = struct.unpack(">%dH" % seg, data[sub + 16 + segx2 : sub + 16 + 2 * segx2])
            deltas = struct.unpack(">%dh" % seg, data[sub + 16 + 2 * segx2 : sub + 16 + 3 * segx2])
            roff_pos = sub + 16 + 3 * segx2
            roffs = struct.unpack(">%dH" % seg, data[roff_pos : roff_pos + segx2])
            for k in range(seg):
                for c in range(starts[k], ends[k] + 1):
                    if c == 0xFFFF:
                        continue
                    if roffs[k] == 0:
                        glyph = (c + deltas[k]) & 0xFFFF
                    else:
                        p = roff_pos + 2 * k + roffs[k] + 2 * (c - starts[k])
                        glyph = struct.unpack(">H", data[p : p + 2])[0]
                        if glyph:
                            glyph = (glyph + deltas[k]) & 0xFFFF
                    if glyph:
                        cps.add(c)
        elif fmt == 12:
            n_groups = struct.unpack(">I", data[sub + 12 : sub + 16])[0]
            for k in range(n_groups):
                start, end, _g = struct.unpack(">III", data[sub + 16 + 12 * k : sub + 28 + 12 * k])
                cps.update(range(start, end + 1))
    return cps


def load_index():
    with open(ICONS / "index.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def pg():
    pygame.init()
    yield pygame


@pytest.fixture(scope="module")
def mixer(pg):
    pygame.mixer.init()
    yield pygame.mixer
    pygame.mixer.quit()


@pytest.fixture(scope="module")
def index():
    return load_index()


# ---------------------------------------------------------------- fonts


@pytest.mark.parametrize("name", FONT_FILES)
def test_font_opens_and_renders_dutch(pg, name):
    path = FONTS / name
    assert path.is_file(), f"missing font {path}"
    font = pygame.font.Font(str(path), 28)
    surf = font.render(DUTCH_SAMPLE, True, (0, 0, 0))
    assert surf.get_width() > 200 and surf.get_height() > 10
    metrics = font.metrics(DUTCH_SAMPLE)
    assert all(m is not None for m in metrics)
    assert font.get_ascent() > 0


@pytest.mark.parametrize("name", FONT_FILES)
def test_font_has_every_dutch_glyph(name):
    cps = cmap_codepoints(FONTS / name)
    missing = [ch for ch in DUTCH_CHARS + DUTCH_SAMPLE if ord(ch) not in cps]
    assert not missing, f"{name} lacks glyphs for {sorted(set(missing))!r}"
    # Sanity check of the cmap reader itself: a CJK character is not in the font.
    assert 0x6F22 not in cps


def test_font_licence_present():
    text = (FONTS / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in text
    assert "Braille Institute" in text


# ---------------------------------------------------------------- icons


def test_icon_index_is_consistent(index):
    icons = index["icons"]
    assert len(icons) >= 60
    for icon_id, entry in icons.items():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", icon_id), icon_id
        assert entry["file"] == f"{icon_id}.svg"
        assert re.fullmatch(r"[0-9A-F]+(-[0-9A-F]+)*", entry["codepoint"]), entry
        assert entry["description"] and entry["author"]
        assert (ICONS / entry["file"]).is_file(), f"missing icon file {entry['file']}"


def test_icons_load_as_non_empty_surfaces(pg, index):
    has_sized = hasattr(pygame.image, "load_sized_svg")
    for icon_id, entry in index["icons"].items():
        path = str(ICONS / entry["file"])
        surf = pygame.image.load(path)
        assert surf.get_width() > 0 and surf.get_height() > 0, icon_id
        assert pygame.mask.from_surface(surf).count() > 0, f"{icon_id} is fully transparent"
        if has_sized:
            big = pygame.image.load_sized_svg(path, (128, 128))
            assert max(big.get_size()) == 128 and min(big.get_size()) > 0, icon_id
            assert pygame.mask.from_surface(big).count() > 0, icon_id


# ---------------------------------------------------------------- sounds


@pytest.mark.parametrize("name", SOUND_FILES)
def test_sound_format(name):
    with wave.open(str(SOUNDS / name), "rb") as w:
        assert w.getnchannels() == 1
        assert w.getsampwidth() == 2
        assert w.getframerate() == 22050
        frames = w.readframes(w.getnframes())
    samples = struct.unpack("<%dh" % (len(frames) // 2), frames)
    assert len(samples) > 0
    peak = max(abs(s) for s in samples)
    assert 0.4 * 32768 < peak < 0.6 * 32768, "peak should be about -6 dBFS"
    # fades: the file starts and ends (near) silent, so no clicks
    assert abs(samples[0]) < 200 and abs(samples[-1]) < 200


@pytest.mark.parametrize("name", SOUND_FILES)
def test_sound_loads_in_mixer(mixer, name):
    sound = pygame.mixer.Sound(str(SOUNDS / name))
    assert sound.get_length() > 0


def test_sounds_are_reproducible_from_script(tmp_path):
    subprocess.run(
        [sys.executable, str(SOUNDS / "make_sounds.py"), str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for name in SOUND_FILES:
        assert (tmp_path / name).read_bytes() == (SOUNDS / name).read_bytes(), (
            f"{name} differs from what make_sounds.py generates; re-run the script"
        )


# ---------------------------------------------------------------- credits


def test_every_asset_file_is_credited(index):
    credits = CREDITS.read_text(encoding="utf-8")
    indexed = {entry["file"] for entry in index["icons"].values()}
    unlisted = []
    for folder in (FONTS, ICONS, SOUNDS):
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            rel = path.relative_to(ASSETS).as_posix()
            if folder == ICONS and path.parent == ICONS and path.name in indexed:
                continue
            if f"`{rel}`" in credits:
                continue
            unlisted.append(rel)
    assert not unlisted, f"files not listed in CREDITS.md or icons/index.yaml: {unlisted}"


def test_index_lists_no_extra_files(index):
    on_disk = {p.name for p in ICONS.glob("*.svg")}
    indexed = {entry["file"] for entry in index["icons"].values()}
    assert indexed == on_disk
