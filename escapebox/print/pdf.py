"""A minimal PDF writer: one full-page image per A4 page, with its text as an invisible layer.

PDF is plain text objects plus binary streams; for pictures of pages we
need only a catalog, a page tree, and per page a page object, an image
XObject (RGB, Flate-compressed — white paper compresses to almost nothing)
and a content stream that paints the image over the page.  Over the image
goes every line of text once more, in invisible text (render mode 3, as a
scanner's OCR layer does), so a viewer can find, copy and read the text
aloud.  It is set in the viewer's own Helvetica (a standard font: nothing
embedded), WinAnsi-encoded, which holds every Dutch and English letter.
Writing it by hand keeps printing free of extra dependencies.
"""

from __future__ import annotations

import zlib
from pathlib import Path

A4_PT = (595.28, 841.89)


#: A line of a page's text layer: x and baseline y in the page image's pixels, its size in pixels, the text.
TextLine = tuple[float, float, float, str]


def write_pdf(path: Path, pages: list[tuple[int, int, bytes]], title: str = "",
              texts: list[list[TextLine]] | None = None) -> None:
    """``pages``: (width_px, height_px, RGB bytes) each, drawn to fill an A4 page; ``texts``: per page its lines."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")                         # filled in once the page tree number is known
    tree = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for number, (width, height, rgb) in enumerate(pages):
        data = zlib.compress(rgb, 6)
        image = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
                    b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (width, height, len(data))
                    + data + b"\nendstream")
        paint = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % A4_PT
        paint += _text_layer(texts[number] if texts else [], A4_PT[0] / width, A4_PT[1] / height)
        content = add(b"<< /Length %d >>\nstream\n" % len(paint) + paint + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 %d 0 R >> "
                        b"/Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (tree, A4_PT[0], A4_PT[1], image, font, content)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    info = add(b"<< /Title (%s) /Producer (Escapebox) >>" % _pdf_text(title))
    Path(path).write_bytes(_assemble(objects, catalog, info))


def _assemble(objects: list[bytes], root: int, info: int) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, info, xref)
    return bytes(out)


def _text_layer(lines: list[TextLine], scale_x: float, scale_y: float) -> bytes:
    """Invisible text (``3 Tr``) over the image, each line at its baseline; PDF's y runs upwards."""
    if not lines:
        return b""
    out = [b"\nBT 3 Tr"]
    for x, baseline, size, text in lines:
        out.append(b"/F1 %.2f Tf 1 0 0 1 %.2f %.2f Tm (%s) Tj" % (
            size * scale_y, x * scale_x, A4_PT[1] - baseline * scale_y, _win_ansi(text)))
    out.append(b"ET")
    return b"\n".join(out)


def _win_ansi(text: str) -> bytes:
    """A string literal in WinAnsi (cp1252: every Dutch accent, the euro, curly quotes), special characters escaped."""
    raw = text.encode("cp1252", "replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _pdf_text(text: str) -> bytes:
    """A PDF string literal: Latin-1 where possible, special characters escaped."""
    raw = text.encode("latin-1", "replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
