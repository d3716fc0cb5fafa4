"""Look at image and sound files before anyone decodes them.

A 334-byte PNG can claim 65535×65535 pixels and make a decoder allocate
16 GB; a 2 kB GIF can say 16×16 in its first header and 40000×40000 in its
frame; an SVG can carry an entity bomb.  :mod:`escapebox.scenario.imagesize`
walks the whole picture (at most 20 MB) the way the decoder will and finds
the largest size anything in it asks for; here that size is held against
the limits, and what would be too large, or is not what it claims to be, is
refused.  The screens call this before loading and show a placeholder when
it says no; the validator reports it; :mod:`escapebox.scenario.picturebudget`
adds up what one room shows.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from escapebox.scenario import imagesize
from escapebox.scenario.mediaproblem import MediaProblem

__all__ = ["MediaInfo", "MediaProblem", "inspect_image", "inspect_sound"]

MAX_BYTES = 20 * 1024 * 1024
#: the longest side of a picture: 4096×4096 is 64 MB once decoded (4 bytes a pixel), and a
#: 4K beamer shows 3840×2160
MAX_SIDE = 4096
HEADER_BYTES = 64 * 1024
#: SVG pictures are first drawn this small, just to learn their proportions (``ui/images.py``);
#: after that only at the size they are shown at
SVG_PROBE = 480
#: the names the game decodes; for some other endings (``.tga``) SDL_image picks its reader
#: by the name alone, whatever the bytes say
IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp")

_READERS = (imagesize.bmp, imagesize.gif, imagesize.jpeg, imagesize.png, imagesize.webp, imagesize.svg)


@dataclass(frozen=True)
class MediaInfo:
    kind: str           # png, jpeg, gif, webp, bmp, svg, wav, ogg, mp3
    width: int = 0
    height: int = 0
    has_text: bool = False  # SVG <text> is not drawn by pygame-ce's SVG loader

    @property
    def pixels(self) -> int:
        """How many pixels the game decodes and keeps for this picture (an SVG: its probe)."""
        if self.kind == "svg":
            scale = min(1.0, SVG_PROBE / max(1, self.width), SVG_PROBE / max(1, self.height))
            return max(1, round(self.width * scale)) * max(1, round(self.height * scale))
        return self.width * self.height


def inspect_image(path: Path) -> MediaInfo:
    path = Path(path)
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        raise MediaProblem("media.image_suffix", file_name=path.name)
    data = _read_all(path)
    for reader in _READERS:
        size = reader(data)
        if size is not None:
            break
    else:
        raise MediaProblem("media.unknown_image")
    if size.kind != "svg" and imagesize.looks_like_svg_to_sdl(data):
        # SDL_image would hand it to its SVG reader, at the drawing's own size (WebP is tried after SVG)
        raise MediaProblem("media.svg_inside", kind=size.kind.upper())
    if size.width > MAX_SIDE or size.height > MAX_SIDE:
        raise _too_large(size)
    if size.width <= 0 or size.height <= 0:
        raise MediaProblem("media.broken")
    return MediaInfo(size.kind, size.width, size.height, has_text=size.has_text)


def _too_large(size: imagesize.Size) -> MediaProblem:
    if size.kind == "svg":
        return MediaProblem("media.svg_too_large", width=size.width, height=size.height, limit=MAX_SIDE)
    if size.header is not None and size.header[0] <= MAX_SIDE and size.header[1] <= MAX_SIDE:
        code = "media.frame_too_large" if size.inner == "frame" else "media.inner_too_large"
        return MediaProblem(code, header_width=size.header[0], header_height=size.header[1], number=size.number,
                            width=size.width, height=size.height, limit=MAX_SIDE)
    return MediaProblem("media.image_too_large", width=size.width, height=size.height, limit=MAX_SIDE)


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
    return _read(path, HEADER_BYTES)


def _read_all(path: Path) -> bytes:
    data = _read(path, MAX_BYTES + 1)
    if len(data) > MAX_BYTES:                   # it grew after we looked at its size
        raise _too_big(len(data))
    return data


def _read(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size == 0:
            raise MediaProblem("media.empty")
        if size > MAX_BYTES:
            raise _too_big(size)
        with path.open("rb") as handle:
            data = handle.read(limit)
    except FileNotFoundError:
        raise MediaProblem("media.missing") from None
    except OSError as exc:
        raise MediaProblem("media.unreadable", reason=exc.strerror or str(exc)) from None
    if not data:
        raise MediaProblem("media.empty")
    return data


def _too_big(size: int) -> MediaProblem:
    return MediaProblem("media.file_too_big", size=f"{size / 1048576:.0f} MB", limit="20 MB")


def _wav_data_length(head: bytes) -> int:
    position = 12
    while position + 8 <= len(head):
        chunk, length = head[position:position + 4], struct.unpack("<I", head[position + 4:position + 8])[0]
        if chunk == b"data":
            return length
        position += 8 + length + (length & 1)
    return -1
