"""Look at image and sound files before anyone decodes them.

A 334-byte PNG can claim 65535×65535 pixels and make a decoder allocate
16 GB; an SVG can carry an entity bomb.  We read only the header (at most a
few kilobytes) to learn the format and the size, and refuse what would be
too large or is not what it claims to be.  The screens call this before
loading and show a placeholder when it says no; the validator reports it.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024
MAX_SIDE = 4096
HEADER_BYTES = 64 * 1024


@dataclass(frozen=True)
class MediaInfo:
    kind: str           # png, jpeg, gif, webp, svg, wav, ogg
    width: int = 0
    height: int = 0
    has_text: bool = False  # SVG <text> is not drawn by pygame-ce's SVG loader


class MediaProblem(Exception):
    """``code`` is a message key (``media.*``); params fill it in."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


def inspect_image(path: Path) -> MediaInfo:
    head = _read_head(path)
    for probe in (_png, _jpeg, _gif, _webp, _svg):
        info = probe(head)
        if info is not None:
            if info.width > MAX_SIDE or info.height > MAX_SIDE:
                raise MediaProblem("media.image_too_large", width=info.width, height=info.height, limit=MAX_SIDE)
            if info.kind != "svg" and (info.width <= 0 or info.height <= 0):
                raise MediaProblem("media.broken")
            return info
    raise MediaProblem("media.unknown_image")


def inspect_sound(path: Path) -> MediaInfo:
    head = _read_head(path)
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        if _wav_data_length(head) == 0:
            raise MediaProblem("media.empty_sound")
        return MediaInfo("wav")
    if head[:4] == b"OggS":
        return MediaInfo("ogg")
    if head[:3] == b"ID3" or head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return MediaInfo("mp3")
    raise MediaProblem("media.unknown_sound")


def _read_head(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size == 0:
            raise MediaProblem("media.empty")
        if size > MAX_BYTES:
            raise MediaProblem("media.file_too_big", size=f"{size / 1048576:.0f} MB", limit="20 MB")
        with path.open("rb") as handle:
            return handle.read(HEADER_BYTES)
    except FileNotFoundError:
        raise MediaProblem("media.missing") from None
    except OSError as exc:
        raise MediaProblem("media.unreadable", reason=exc.strerror or str(exc)) from None


def _png(head: bytes) -> MediaInfo | None:
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    if len(head) < 24 or head[12:16] != b"IHDR":
        raise MediaProblem("media.broken")
    width, height = struct.unpack(">II", head[16:24])
    return MediaInfo("png", width, height)


def _gif(head: bytes) -> MediaInfo | None:
    if head[:6] not in (b"GIF87a", b"GIF89a"):
        return None
    if len(head) < 10:
        raise MediaProblem("media.broken")
    width, height = struct.unpack("<HH", head[6:10])
    return MediaInfo("gif", width, height)


def _webp(head: bytes) -> MediaInfo | None:
    if head[:4] != b"RIFF" or head[8:12] != b"WEBP":
        return None
    chunk = head[12:16]
    if chunk == b"VP8X" and len(head) >= 30:
        width = 1 + int.from_bytes(head[24:27], "little")
        height = 1 + int.from_bytes(head[27:30], "little")
    elif chunk == b"VP8 " and len(head) >= 30:
        width, height = (v & 0x3FFF for v in struct.unpack("<HH", head[26:30]))
    elif chunk == b"VP8L" and len(head) >= 25:
        bits = int.from_bytes(head[21:25], "little")
        width, height = (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    else:
        raise MediaProblem("media.broken")
    return MediaInfo("webp", width, height)


def _jpeg(head: bytes) -> MediaInfo | None:
    if head[:2] != b"\xff\xd8":
        return None
    position = 2
    while position + 9 < len(head):
        if head[position] != 0xFF:
            raise MediaProblem("media.broken")
        marker = head[position + 1]
        length = struct.unpack(">H", head[position + 2:position + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", head[position + 5:position + 9])
            return MediaInfo("jpeg", width, height)
        position += 2 + length
    raise MediaProblem("media.broken")


_SVG_ROOT = re.compile(rb"<svg\b[^>]*>", re.IGNORECASE | re.DOTALL)
_NUMBER = rb"\s*=\s*[\"']\s*([0-9.]+)"


def _svg(head: bytes) -> MediaInfo | None:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not (text.startswith(b"<?xml") or text.startswith(b"<svg") or text.startswith(b"<!--")
            or text.startswith(b"<!DOCTYPE")):
        return None
    if b"<!ENTITY" in head.upper() or b"<!DOCTYPE" in head.upper() and b"[" in head.split(b"<svg")[0]:
        raise MediaProblem("media.svg_entities")
    root = _SVG_ROOT.search(head)
    if root is None:
        raise MediaProblem("media.broken")
    width, height = _svg_size(root.group())
    return MediaInfo("svg", width, height, has_text=b"<text" in head)


def _svg_size(tag: bytes) -> tuple[int, int]:
    sizes = []
    for name in (rb"width", rb"height"):
        found = re.search(rb"\s" + name + _NUMBER, tag)
        sizes.append(int(float(found.group(1))) if found else 0)
    if not all(sizes):
        box = re.search(rb"viewBox\s*=\s*[\"']\s*[-0-9.]+[\s,]+[-0-9.]+[\s,]+([0-9.]+)[\s,]+([0-9.]+)", tag)
        if box:
            sizes = [int(float(box.group(1))), int(float(box.group(2)))]
    return sizes[0], sizes[1]


def _wav_data_length(head: bytes) -> int:
    position = 12
    while position + 8 <= len(head):
        chunk, length = head[position:position + 4], struct.unpack("<I", head[position + 4:position + 8])[0]
        if chunk == b"data":
            return length
        position += 8 + length + (length & 1)
    return -1
