"""Remember checked scenario and theme files, so that a start needs neither the YAML reader nor pydantic.

Reading a scenario with the hardened YAML reader and checking it with
pydantic took two thirds of the time before the first frame
(docs/performance.md).  The result depends only on the file's bytes and on
the code that defines the format, so it is kept under a key made of both:
the SHA-256 of the bytes, the kind of document, and a fingerprint of the
model's source files, Python's version and Escapebox's version.  A changed
file, an updated Escapebox or another Python is simply a miss.

Entries are JSON, not pickle: reading one can only ever build the
scenario's own part classes (:func:`escapebox.scenario.types.is_part`),
never run code.  The cache must never cost a game: an entry that cannot be
read back — truncated by a full disk, written by other code, damaged —
counts as a miss and is checked again and rewritten; a folder that cannot be
written (read only, full) only costs time.  The folder is the user's own
(``0700``), like the saved games; ``ESCAPEBOX_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Callable, TypeVar

from escapebox import paths
from escapebox.scenario.types import Frozen, field_names, is_part

try:  # CPython's own SHA-256 (3.11: _sha256, 3.12 on: _sha2); hashlib would load OpenSSL, 2.9 ms of every start
    from _sha256 import sha256  # type: ignore[import-not-found]  # no stubs for CPython's private modules
except ImportError:  # pragma: no cover - another Python
    try:
        from _sha2 import sha256  # type: ignore[import-not-found]
    except ImportError:
        from hashlib import sha256

#: Above this, OpenSSL's SHA-256 pays for importing it: CPython's own hashes 4.1 ms per MB on this
#: machine, OpenSSL's 0.6 ms, and a start hashes a file twice (cache key, ``LoadedScenario.digest``).
_OPENSSL_FROM = 384 * 1024


def file_digest(raw: bytes) -> str:
    """The SHA-256 of a file's bytes, in hex."""
    if len(raw) < _OPENSSL_FROM:
        return sha256(raw).hexdigest()
    import hashlib
    return hashlib.sha256(raw).hexdigest()


T = TypeVar("T")

#: Entries kept; the least recently used go first (a trainer saving often in ``--dev`` makes many).
MAX_ENTRIES = 64
_PACKAGE = Path(__file__).resolve().parents[1]
#: The packages whose code decides what a checked file becomes.
_MODEL_PACKAGES = ("scenario", "puzzles", "themes")
#: The first item of a JSON array that stands for a tuple; any other first item names a part class.
_TUPLE = ""


def cache_dir() -> Path | None:
    if os.environ.get("ESCAPEBOX_NO_CACHE"):
        return None
    return paths.cache_dir()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Changes whenever the code that builds a checked result may have changed."""
    from escapebox import __version__
    digest = sha256(f"{__version__}|{sys.version}".encode())
    for package in _MODEL_PACKAGES:
        for source in sorted((_PACKAGE / package).glob("*.py")):
            stat = source.stat()
            digest.update(f"{source.name}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def _kinds() -> str:
    """The registered puzzle kinds' classes: a kind added at run time (a test) reads a file differently."""
    from escapebox.puzzles import kind_classes
    return ",".join(_class_key(cls) for cls in kind_classes())


def remembered(kind: str, raw: bytes, check: Callable[[], T]) -> T:
    """``check()``'s result for these bytes, from the cache when it was made before."""
    folder = cache_dir()
    if folder is None:
        return check()
    key, path = _entry(folder, kind, raw)
    found = _read(path, key)
    if found is not None:
        return found[0]
    value = check()
    _write(path, key, value)
    return value


def knows(kind: str, raw: bytes) -> bool:
    """Whether ``remembered`` would find these bytes checked (a damaged entry still counts as known)."""
    folder = cache_dir()
    return folder is not None and _entry(folder, kind, raw)[1].is_file()


def _entry(folder: Path, kind: str, raw: bytes) -> tuple[str, Path]:
    key = sha256("\0".join((kind, code_fingerprint(), _kinds(), file_digest(raw))).encode()).hexdigest()
    return key, folder / f"{kind}-{key[:32]}.json"


def _read(path: Path, key: str) -> tuple | None:
    try:
        stored = path.read_bytes()
    except OSError:
        return None
    try:
        entry = json.loads(stored)
        if entry["key"] != key:
            raise ValueError("another key")
        value = _decode(entry["value"], _part_classes())
    except (ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError):
        _forget(path)  # damaged or foreign: check the file again
        return None
    try:
        os.utime(path)  # recently used: kept when older entries are pruned
    except OSError:
        pass
    return (value,)


def _write(path: Path, key: str, value) -> None:
    try:
        data = json.dumps({"key": key, "value": _encode(value)}, ensure_ascii=False, separators=(",", ":"))
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".new-", suffix=".part")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(data)
            os.replace(temp, path)
        except BaseException:
            _forget(Path(temp))
            raise
        _prune(path.parent)
    except (OSError, TypeError, ValueError):
        pass  # no room or no right to write, or a value we do not store: the next start checks again


def _encode(value):
    """Parts as ``[class, field values…]``, tuples as ``["", items…]``; mappings and scalars as they are."""
    kind = type(value)
    if is_part(value):
        names = field_names(kind)  # type: ignore[arg-type]  # python/mypy#11470
        if len(vars(value)) != len(names):
            raise TypeError(f"{kind.__name__} carries more than its fields")  # e.g. a pack's answer hashes
        return [_class_key(kind), *(_encode(getattr(value, name)) for name in names)]
    if kind is tuple:
        return [_TUPLE, *(_encode(item) for item in value)]
    if kind is dict and all(type(k) is str for k in value):
        return {k: _encode(v) for k, v in value.items()}
    if value is None or kind in (str, int, float, bool):
        return value
    raise TypeError(f"cannot keep a {kind.__name__}")


def _decode(value, classes: dict[str, type]):
    kind = type(value)
    if kind is list:
        tag, *items = value
        if tag == _TUPLE:
            return tuple(_decode(item, classes) for item in items)
        cls = classes[tag]
        made: Frozen = object.__new__(cls)  # already checked when it was stored; frozen, so no __init__ here
        made.__dict__.update(zip(field_names(cls), (_decode(item, classes) for item in items), strict=True))
        return made
    if kind is dict:
        return {k: _decode(v, classes) for k, v in value.items()}
    return value


def _class_key(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


def _part_classes() -> dict[str, type]:
    """Every part class defined so far: the only classes an entry may name."""
    found: dict[str, type] = {}
    todo: list[type] = [Frozen]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if is_part(cls):
            found[_class_key(cls)] = cls
    return found


def _forget(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _prune(folder: Path) -> None:
    entries = []
    for entry in folder.glob("*.json"):
        try:
            entries.append((entry.stat().st_mtime, entry))
        except OSError:
            continue
    for _, entry in sorted(entries)[:-MAX_ENTRIES]:
        _forget(entry)
