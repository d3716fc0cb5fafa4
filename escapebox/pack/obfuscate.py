"""Hide pack entries from casual peeking: zlib, then XOR with a keystream.

The keystream is SHAKE-256 over the pack's salt and the entry's name, so
no two entries (and no two packs) share one; a few padding bytes (also
chosen by the salt) make even the sizes differ from pack to pack, so no
number in the manifest stays the same.  This is obfuscation, not
encryption: the salt travels in the manifest.  Its only job is that a
player who opens the pack in a zip tool or a text editor sees noise
instead of answers, hints and feedback.

Decompression is bounded and counts real bytes, because the data inside
a pack may have been crafted by someone else.
"""

from __future__ import annotations

import hashlib
import zlib

from escapebox.pack.layout import CHUNK, too_compressed

_DOMAIN = b"escapebox-pack-v1\0"


class InflateError(Exception):
    """The hidden data is damaged, too big or too compressed; ``reason`` says which."""

    def __init__(self, reason: str, size: int = 0):
        super().__init__(reason)
        self.reason = reason
        self.size = size


def keystream(salt: bytes, label: str, length: int) -> bytes:
    return hashlib.shake_256(_DOMAIN + salt + b"\0" + label.encode("utf-8")).digest(length)


def xor(data: bytes, stream: bytes) -> bytes:
    """XOR of two equally long byte strings (big integers make this fast in pure Python)."""
    if not data:
        return b""
    mixed = int.from_bytes(data, "big") ^ int.from_bytes(stream, "big")
    return mixed.to_bytes(len(data), "big")


MAX_PAD = 16


def conceal(plain: bytes, salt: bytes, label: str) -> bytes:
    pad = hashlib.shake_256(_DOMAIN + b"pad\0" + salt + label.encode("utf-8")).digest(1)[0] % MAX_PAD
    packed = bytes([pad]) + bytes(pad) + zlib.compress(plain, 9)
    return xor(packed, keystream(salt, label, len(packed)))


def reveal(blob: bytes, salt: bytes, label: str, limit: int) -> bytes:
    """Undo :func:`conceal`, refusing more than ``limit`` bytes or a zip-bomb ratio."""
    packed = xor(blob, keystream(salt, label, len(blob)))
    if not packed or packed[0] >= MAX_PAD:
        raise InflateError("damaged")
    return inflate_bounded(packed[1 + packed[0]:], limit)


def inflate_bounded(packed: bytes, limit: int) -> bytes:
    inflater = zlib.decompressobj()
    out = bytearray()
    try:
        for start in range(0, len(packed), CHUNK):
            pending = packed[start:start + CHUNK]
            while pending:
                out += inflater.decompress(pending, CHUNK)
                _check_growth(len(out), len(packed), limit)
                pending = inflater.unconsumed_tail
        out += inflater.flush()
    except zlib.error:
        raise InflateError("damaged") from None
    _check_growth(len(out), len(packed), limit)
    if not inflater.eof or inflater.unused_data:
        raise InflateError("damaged")
    return bytes(out)


def _check_growth(size: int, packed: int, limit: int) -> None:
    if size > limit:
        raise InflateError("too_big", size)
    if too_compressed(size, packed):
        raise InflateError("ratio", size)
