"""What a pack looks like and how big it may be — shared by the writer and the reader.

The limits protect a trainer's laptop from a hostile or damaged file: a
zip bomb, a path that escapes the temporary folder, a flood of entries.
The writer respects them too, so every pack we make can be opened.
"""

from __future__ import annotations

PACK_FORMAT = 2
#: Packs of format 1 hid their answers only from casual peeking; they are refused (docs/authoring.md).
OLDEST_FORMAT = 2

MANIFEST = "manifest.json"
SCENARIO = "scenario.bin"
SOLUTIONS = "solutions.bin"
ASSET_PREFIX = "assets/"
SUFFIX = ".escapebox"

MAX_ENTRIES = 500
MAX_ENTRY_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 100 * 1024 * 1024
MAX_RATIO = 100
RATIO_FROM_BYTES = 1024 * 1024
MAX_MANIFEST_BYTES = 256 * 1024
MAX_NAME_CHARS = 320          # 'assets/' + the 300 characters a scenario may use
CHUNK = 64 * 1024

OBFUSCATION = "zlib+xor-shake256"
ANSWER_KDF = "scrypt"
TRAINER_CIPHER = "scrypt+aes-256-gcm"


def asset_entry(relative: str) -> str:
    """Zip entry name for an asset written as ``relative`` in the scenario."""
    return ASSET_PREFIX + relative


def too_compressed(real: int, packed: int) -> bool:
    """The zip-bomb rule: over 1 MB and more than 100 times its packed size."""
    return real > RATIO_FROM_BYTES and real > MAX_RATIO * max(packed, 1)


def mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def size_text(size: int) -> str:
    """A pack's size for people: kB below one megabyte."""
    return mib(size) if size >= 1024 * 1024 else f"{max(1, round(size / 1024))} kB"
