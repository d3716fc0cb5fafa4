"""Read the bytes of a file a trainer names, within the size limit, or say in their words why not.

Apart from the YAML reader (``escapebox.scenario.yamlsafe``) because a start from the cache of
checked files needs only these bytes: importing the reader (its patterns, its classes) cost
every such start 2.3 ms (docs/performance.md).
"""

from __future__ import annotations

from pathlib import Path

from escapebox.problems import EscapeboxError, Problem

MAX_FILE_BYTES = 1024 * 1024


def read_file_bytes(path: Path, name: str) -> bytes:
    """The bytes of a file a trainer names, or :class:`EscapeboxError` saying why not (never more than the limit)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise fail(name, "yaml.too_big", size=mib(size), limit=mib(MAX_FILE_BYTES))
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise fail(name, "yaml.not_found") from None
    except IsADirectoryError:
        raise fail(name, "yaml.is_directory") from None
    except PermissionError:
        raise fail(name, "yaml.no_permission") from None
    except OSError as exc:
        raise fail(name, "yaml.unreadable", reason=exc.strerror or str(exc)) from None
    return raw


def fail(name: str, code: str, /, **params) -> EscapeboxError:
    line = params.pop("line", None)
    column = params.pop("column", None)
    return EscapeboxError([Problem(code, params, file=name, line=line, column=column)])


def mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
