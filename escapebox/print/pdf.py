"""A minimal PDF writer: one full-page image per A4 page, nothing else.

PDF is plain text objects plus binary streams; for pictures of pages we
need only a catalog, a page tree, and per page a page object, an image
XObject (RGB, Flate-compressed — white paper compresses to almost nothing)
and a three-operator content stream that paints the image over the page.
Writing it by hand keeps printing free of extra dependencies.
"""

from __future__ import annotations

import zlib
from pathlib import Path

A4_PT = (595.28, 841.89)


def write_pdf(path: Path, pages: list[tuple[int, int, bytes]], title: str = "") -> None:
    """``pages``: (width_px, height_px, RGB bytes) each, drawn to fill an A4 page."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")                         # filled in once the page tree number is known
    tree = add(b"")
    kids = []
    for width, height, rgb in pages:
        data = zlib.compress(rgb, 6)
        image = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
                    b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (width, height, len(data))
                    + data + b"\nendstream")
        paint = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % A4_PT
        content = add(b"<< /Length %d >>\nstream\n" % len(paint) + paint + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 %d 0 R >> >> "
                        b"/Contents %d 0 R >>" % (tree, A4_PT[0], A4_PT[1], image, content)))
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


def _pdf_text(text: str) -> bytes:
    """A PDF string literal: Latin-1 where possible, special characters escaped."""
    raw = text.encode("latin-1", "replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
