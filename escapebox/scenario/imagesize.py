"""The size a picture will have once decoded, read the way the decoder reads it.

A header can lie: a GIF whose first header says 16×16 can hold a frame of
40000×40000 (SDL_image allocates the frame, 1.6 GB); a JPEG can hide its real
SOF marker behind a restart marker that a careless reader takes for a
segment with a length; a file that starts like a WebP can hold an SVG drawing
in its first kilobytes, which SDL_image then rasterises at the drawing's own
size.  So each reader below walks the whole file (at most 20 MB, see
``mediacheck.MAX_BYTES``) as the decoder behind ``pygame.image.load`` would
(SDL_image 2.8: libjpeg, libpng, its own GIF and BMP readers, libwebp,
nanosvg), and returns the largest width and height anything in it asks for.
A file these readers cannot walk from start to end is refused, because
then we cannot know what the decoder will find.

Every function takes the file's bytes and returns ``None`` when the bytes are
not its format, a :class:`Size` when they are, or raises ``MediaProblem``.
"""

from __future__ import annotations

import math
import re
import struct
from dataclasses import dataclass

from escapebox.scenario.mediaproblem import MediaProblem

#: libjpeg-turbo spends about 1.3 ms per progressive scan of a 4096×4096 picture, even an
#: empty one: 14 bytes per scan make a 1.4 MB file that takes two minutes to open.
#: Encoders write 10 scans (libjpeg) to about 20 (mozjpeg).
MAX_JPEG_SCANS = 100

#: a drawing has one <svg> element, a few when drawings are nested; following each costs Python
#: time (a 20 MB file of empty <svg/> elements took 7 s), so more than this is refused
MAX_SVG_ELEMENTS = 1000

#: SDL_image looks for "<svg" in the first 4095 bytes (as a C string: up to the first NUL)
#: of any file that no earlier format claimed, and then hands it to nanosvg.
SDL_SVG_SNIFF = 4095


@dataclass(frozen=True)
class Size:
    kind: str               # bmp, gif, jpeg, png, svg, webp
    width: int              # the largest width anything in the file asks for
    height: int
    #: what the first header says, when something later in the file asks for more (a frame, a second SOF)
    header: tuple[int, int] | None = None
    #: what asks for more: "frame" (GIF, APNG, animated WebP), "bitstream" (WebP), "sof" (JPEG)
    inner: str | None = None
    number: int = 0         # which frame or marker (1 = the first)
    has_text: bool = False  # SVG <text>: pygame-ce's SVG loader does not draw it


class _Biggest:
    """Keeps the largest width and height seen, and where the first larger-than-the-header one was."""

    def __init__(self, kind: str, width: int, height: int):
        self.kind = kind
        self.header = (width, height)
        self.width, self.height = width, height
        self.inner: str | None = None
        self.number = 0

    def see(self, width: int, height: int, inner: str, number: int) -> None:
        if (width > self.header[0] or height > self.header[1]) and self.inner is None:
            self.inner, self.number = inner, number
        self.width, self.height = max(self.width, width), max(self.height, height)

    def size(self) -> Size:
        if self.inner is None:
            return Size(self.kind, self.width, self.height)
        return Size(self.kind, self.width, self.height, self.header, self.inner, self.number)


def _broken() -> MediaProblem:
    return MediaProblem("media.broken")


def looks_like_svg_to_sdl(data: bytes) -> bool:
    """What ``IMG_isSVG`` sees: "<svg" in the first 4095 bytes, read as a C string."""
    return b"<svg" in data[:SDL_SVG_SNIFF].split(b"\x00", 1)[0]


# ----- BMP (SDL's own reader: SDL_LoadBMP_RW) ------------------------------------------------
def bmp(data: bytes) -> Size | None:
    if data[:2] != b"BM":
        return None
    if len(data) < 26:
        raise _broken()
    header_size = struct.unpack("<I", data[14:18])[0]
    if header_size == 12:                       # OS/2 BITMAPCOREHEADER: unsigned 16-bit sides
        width, height = struct.unpack("<HH", data[18:22])
    elif header_size >= 16:                     # BITMAPINFOHEADER and later: signed 32-bit
        width, height = struct.unpack("<ii", data[18:26])
        height = abs(height)                    # a negative height means "top row first"
    else:
        raise _broken()
    if width <= 0 or height <= 0:
        raise _broken()
    return Size("bmp", width, height)


# ----- GIF (SDL_image's IMG_gif.c: it allocates the frame, not the logical screen) ----------
def gif(data: bytes) -> Size | None:
    if data[:6] not in (b"GIF87a", b"GIF89a"):
        return None
    if len(data) < 13:
        raise _broken()
    width, height, flags = struct.unpack("<HHB", data[6:11])
    biggest = _Biggest("gif", width, height)
    position = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    frames = 0
    end = len(data)
    while position < end:
        block = data[position]
        if block == 0x3B:                       # trailer
            break
        if block == 0x21:                       # extension: label, then sub-blocks
            position = _gif_sub_blocks(data, position + 2)
        elif block == 0x2C:                     # image descriptor: one frame
            if position + 10 > end:
                break                           # cut off inside the descriptor: the decoder stops too
            frame_w, frame_h, frame_flags = struct.unpack("<HHB", data[position + 5:position + 10])
            frames += 1
            biggest.see(frame_w, frame_h, "frame", frames)
            position += 10 + (3 << ((frame_flags & 7) + 1) if frame_flags & 0x80 else 0)
            position = _gif_sub_blocks(data, position + 1)     # after the LZW minimum code size
        else:
            # SDL_image skips a byte it does not know and looks for the next block; a file
            # whose blocks we cannot follow might hide a frame in that junk
            raise _broken()
    if frames == 0:
        raise _broken()
    return biggest.size()


def _gif_sub_blocks(data: bytes, position: int) -> int:
    end = len(data)
    while position < end:
        length = data[position]
        position += 1 + length
        if length == 0:
            return position
    return end


# ----- JPEG (libjpeg's marker reader) ---------------------------------------------------------
_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_RST = frozenset(range(0xD0, 0xD8))


def jpeg(data: bytes) -> Size | None:
    if data[:2] != b"\xff\xd8":
        return None
    end = len(data)
    position = 2
    biggest: _Biggest | None = None
    sofs = scans = 0
    while position < end:
        if data[position] != 0xFF:
            # libjpeg skips junk between segments (with a warning), SDL's IMG_isJPG does not:
            # we cannot say which reader a player's laptop will use, so we refuse the file
            raise _broken()
        while position < end and data[position] == 0xFF:     # fill bytes
            position += 1
        if position >= end:
            break
        marker = data[position]
        position += 1
        if marker in _RST:                      # restart markers stand alone: no length follows
            continue
        if marker == 0xD9:                      # EOI: libjpeg stops reading here
            break
        if marker in (0x00, 0x01, 0xD8):        # a stuffed zero outside data, TEM, a second SOI
            raise _broken()
        if position + 2 > end:
            raise _broken()
        length = struct.unpack(">H", data[position:position + 2])[0]
        if length < 2 or position + length > end:
            raise _broken()
        if marker in _SOF:
            if length < 8:
                raise _broken()
            height, width = struct.unpack(">HH", data[position + 3:position + 7])
            if width == 0 or height == 0:       # height 0 = "see DNL", which libjpeg refuses
                raise _broken()
            sofs += 1
            if biggest is None:
                biggest = _Biggest("jpeg", width, height)
            else:
                biggest.see(width, height, "sof", sofs)
        position += length
        if marker == 0xDA:                      # SOS: entropy-coded data up to the next real marker
            if biggest is None:
                raise _broken()                 # a scan before any frame header: libjpeg refuses
            scans += 1
            if scans > MAX_JPEG_SCANS:
                raise MediaProblem("media.jpeg_scans", limit=MAX_JPEG_SCANS)
            position = _entropy_coded_end(data, position)
    if biggest is None or scans == 0:
        raise _broken()                         # libjpeg needs a frame header and a scan
    return biggest.size()


#: the end of entropy-coded data: 0xFF followed by something other than 0x00 (a stuffed byte),
#: RST0–7 (restart markers inside the data) or 0xFF (fill); searched in C, not byte by byte
_NEXT_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")


def _entropy_coded_end(data: bytes, position: int) -> int:
    """Where the next marker's 0xFF is; the end of the file when the data is cut off (libjpeg pads it)."""
    found = _NEXT_MARKER.search(data, position)
    return found.start() if found else len(data)


# ----- PNG (libpng: IHDR; APNG frames in fcTL, for decoders that show them) -----------------
def png(data: bytes) -> Size | None:
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    if len(data) < 24 or data[12:16] != b"IHDR":
        raise _broken()
    width, height = struct.unpack(">II", data[16:24])
    biggest = _Biggest("png", width, height)
    position, end, frames = 8, len(data), 0
    while position + 8 <= end:
        length = struct.unpack(">I", data[position:position + 4])[0]
        chunk = data[position + 4:position + 8]
        if length > 0x7FFFFFFF:
            raise _broken()                     # libpng refuses such a length
        if chunk == b"fcTL" and length >= 12 and position + 20 <= end:
            frame_w, frame_h = struct.unpack(">II", data[position + 12:position + 20])
            frames += 1
            biggest.see(frame_w, frame_h, "frame", frames)
        if chunk == b"IEND":
            break
        position += 12 + length
    return biggest.size()


# ----- WebP (libwebp: VP8X canvas, VP8/VP8L bitstreams, ANMF frames) -------------------------
def webp(data: bytes) -> Size | None:
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        return None
    if data[12:16] not in (b"VP8 ", b"VP8L", b"VP8X"):
        raise _broken()                         # what SDL_image's IMG_isWEBP asks for
    end = min(len(data), 8 + struct.unpack("<I", data[4:8])[0])
    sizes: list[tuple[int, int, str, int]] = []
    _webp_chunks(data, 12, end, sizes, 0)
    if not sizes:
        raise _broken()
    width, height, _, _ = sizes[0]
    biggest = _Biggest("webp", width, height)
    for frame_w, frame_h, inner, number in sizes[1:]:
        biggest.see(frame_w, frame_h, inner, number)
    return biggest.size()


def _webp_chunks(data: bytes, position: int, end: int, sizes: list, frames: int) -> int:
    while position + 8 <= end:
        chunk = data[position:position + 4]
        length = struct.unpack("<I", data[position + 4:position + 8])[0]
        body = position + 8
        payload = data[body:min(body + length, end)]
        if chunk == b"VP8X" and len(payload) >= 10:
            sizes.append((1 + int.from_bytes(payload[4:7], "little"),
                          1 + int.from_bytes(payload[7:10], "little"), "canvas", 0))
        elif chunk == b"VP8 " and len(payload) >= 10:
            if payload[3:6] != b"\x9d\x01\x2a":
                raise _broken()
            width, height = struct.unpack("<HH", payload[6:10])
            sizes.append((width & 0x3FFF, height & 0x3FFF, "bitstream", frames))
        elif chunk == b"VP8L" and len(payload) >= 5:
            if payload[0] != 0x2F:
                raise _broken()
            bits = int.from_bytes(payload[1:5], "little")
            sizes.append(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1, "bitstream", frames))
        elif chunk == b"ANMF" and len(payload) >= 16:
            frames += 1
            sizes.append((1 + int.from_bytes(payload[6:9], "little"),
                          1 + int.from_bytes(payload[9:12], "little"), "frame", frames))
            _webp_chunks(data, body + 16, min(body + length, end), sizes, frames)
        elif chunk in (b"VP8 ", b"VP8L", b"VP8X"):
            raise _broken()                     # too short to hold its size
        position = body + length + (length & 1)
    return frames


# ----- SVG (nanosvg, as SDL_image 2.8 calls it: nsvgParse(data, "px", 96)) -------------------
_DPI = 96.0
_UNITS = {"px": 1.0, "pt": _DPI / 72, "pc": _DPI / 6, "mm": _DPI / 25.4, "cm": _DPI / 2.54, "in": _DPI}
_NANOSVG_NUMBER = re.compile(r"[+-]?([0-9]*)(?:\.([0-9]*))?(?:[eE](?![mx])([+-]?[0-9]*))?")


def svg(data: bytes) -> Size | None:
    text = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith((b"<?xml", b"<svg", b"<!--", b"<!DOCTYPE", b"<!doctype")):
        return None
    upper = data.upper()
    if b"<!ENTITY" in upper or (b"<!DOCTYPE" in upper and b"[" in data.split(b"<svg")[0]):
        raise MediaProblem("media.svg_entities")
    source = data.split(b"\x00", 1)[0]                # nanosvg reads up to the first NUL
    width, height, box_w, box_h, most_w, most_h, seen = _nanosvg_sizes(source)
    if not seen:
        raise _broken()
    # nsvg__scaleToViewbox: a missing width or height comes from the viewBox, and when that is
    # missing too, from the bounds of the shapes (which only drawing them would tell)
    width = width if width != 0 else box_w
    height = height if height != 0 else box_h
    if not (math.isfinite(width) and math.isfinite(height)) or width < 0 or height < 0:
        raise _broken()
    if width == 0 or height == 0:
        raise MediaProblem("media.svg_no_size")
    if not (math.isfinite(most_w) and math.isfinite(most_h)):
        raise _broken()
    width, height = max(width, most_w), max(height, most_h)
    return Size("svg", math.ceil(width), math.ceil(height), has_text=b"<text" in data)


#: the only elements whose attributes change the size: <svg ...>, and <defs>/</defs> around them.
#: An element is the text from "<" to the next ">" (nsvg__parseXML), its name runs to white space.
_SIZE_ELEMENT = re.compile(rb"<[ \t\n\v\f\r]*/?(?:svg|defs)(?=[ \t\n\v\f\r>])[^>]*>")


def _nanosvg_sizes(source: bytes) -> tuple[float, float, float, float, float, float, bool]:
    """Follow every <svg> element as nanosvg does: outside <defs>, each sets width, height, viewBox.

    nanosvg keeps the last value it read; the result here is never smaller than that, and
    never smaller than any width or height any <svg> element in the file names (a reader that
    follows nanosvg one detail wrong must not let a bigger drawing through).  The search also
    finds "<svg" inside another element's text, which nanosvg skips: that can only make the
    size larger.
    """
    width = height = box_w = box_h = 0.0
    most_w = most_h = 0.0
    seen, in_defs = 0, False
    for found in _SIZE_ELEMENT.finditer(source):
        name, attributes, opens, closes = _nanosvg_element(found.group()[1:-1].decode("latin-1"))
        if opens and name == "svg":
            seen += 1
            if seen > MAX_SVG_ELEMENTS:
                raise MediaProblem("media.svg_elements", limit=MAX_SVG_ELEMENTS)
            values = _nanosvg_svg_attributes(attributes)
            for key, value in values:
                if key in ("width", "box_w"):
                    most_w = _larger(most_w, value)
                else:
                    most_h = _larger(most_h, value)
            if not in_defs:
                for key, value in values:
                    if key == "width":
                        width = value
                    elif key == "height":
                        height = value
                    elif key == "box_w":
                        box_w = value
                    else:
                        box_h = value
        elif opens and name == "defs":
            in_defs = True
        if closes and name == "defs":
            in_defs = False
    return width, height, box_w, box_h, most_w, most_h, seen > 0


def _larger(most: float, value: float) -> float:
    """The larger of the two; a value that is not a number (nan, inf) wins, so the file is refused."""
    if not math.isfinite(most):
        return most
    return value if not math.isfinite(value) else max(most, value)


def _nanosvg_svg_attributes(attributes: list[tuple[str, str]]) -> list[tuple[str, float]]:
    """nsvg__parseSVG: width, height and the viewBox's width and height, in the order read."""
    values = []
    for key, value in attributes:
        if key == "width":
            values.append(("width", _nanosvg_length(value)))
        elif key == "height":
            values.append(("height", _nanosvg_length(value)))
        elif key == "viewBox":
            numbers, complete = _nanosvg_view_box(value)
            if len(numbers) > 2:
                values.append(("box_w", numbers[2]))
            if len(numbers) > 3:
                values.append(("box_h", numbers[3]))
            if not complete:
                break                           # nanosvg returns from nsvg__parseSVG here
    return values


def _nanosvg_element(element: str) -> tuple[str | None, list[tuple[str, str]], bool, bool]:
    """nsvg__parseElement: the tag name up to white space, then name="value" pairs; start and/or end."""
    s = element.lstrip(" \t\n\v\f\r")
    closes = s[:1] == "/"
    if closes:
        s = s[1:]
    opens = not closes
    if not s or s[0] in "?!":
        return None, [], False, False
    cut = re.search(r"[ \t\n\v\f\r]", s)
    name, rest = (s[:cut.start()], s[cut.start() + 1:]) if cut else (s, "")
    attributes: list[tuple[str, str]] = []
    i, n = 0, len(rest)
    while not closes and i < n and len(attributes) < 126:   # NSVG_XML_MAX_ATTRIBS: 256 strings
        while i < n and rest[i] in " \t\n\v\f\r":
            i += 1
        if i >= n:
            break
        if rest[i] == "/":
            closes = True
            break
        name_start = i
        while i < n and rest[i] not in " \t\n\v\f\r=":
            i += 1
        key = rest[name_start:i]
        i += 1
        while i < n and rest[i] not in "\"'":
            i += 1
        if i >= n:
            break
        quote = rest[i]
        i += 1
        value_start = i
        while i < n and rest[i] != quote:
            i += 1
        attributes.append((key, rest[value_start:i]))
        i += 1
    return name, attributes, opens, closes


def _nanosvg_number(text: str) -> tuple[float, str]:
    """nsvg__parseNumber + nsvg__atof: a number at the very start (no white space skipped), and the rest."""
    found = _NANOSVG_NUMBER.match(text)
    assert found is not None                    # every part of the pattern is optional
    whole, fraction, exponent = found.group(1), found.group(2) or "", found.group(3)
    if not whole and not fraction:
        return 0.0, text[found.end():]
    value = float(f"{whole or '0'}.{fraction or '0'}")
    if text[:1] == "-":
        value = -value
    if exponent not in (None, "", "+", "-"):
        try:
            value *= 10.0 ** int(exponent)
        except OverflowError:
            value = value * math.inf if value else math.nan    # as pow() gives in C: 0 × inf = nan
    return value, text[found.end():]


def _nanosvg_length(text: str) -> float:
    """nsvg__parseCoordinate for <svg width/height>: units, 96 dpi; % of nothing is 0."""
    value, rest = _nanosvg_number(text)
    unit = rest[:2]
    if rest[:1] == "%":
        return 0.0
    if unit in ("em", "ex"):
        # relative to a font size that styles can set anywhere above: we cannot tell the size
        raise MediaProblem("media.svg_units", unit=unit)
    return value * _UNITS.get(unit, 1.0)


def _nanosvg_view_box(text: str) -> tuple[list[float], bool]:
    """The numbers nanosvg reads from a viewBox, and whether it read all four (else it stops the tag)."""
    numbers = []
    s = text
    for index in range(4):
        value, s = _nanosvg_number(s)
        numbers.append(value)
        if index < 3:
            s = s.lstrip(" \t\n\v\f\r%,")
            if not s:
                return numbers, False
    return numbers, True
