"""Exactly the files a scenario uses: the ones its fields name, nothing else in the folder.

Fields that name files carry the :class:`AssetPath` marker, so walking the
model finds room, object, clue, item, puzzle (spot) and ending images
without a list to keep up to date.  Icons may also name an image file in
the scenario folder instead of a shared icon; those go in too.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from escapebox.pack.layout import MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_TOTAL_BYTES, asset_entry, mib
from escapebox.pack.safety import check_name
from escapebox.problems import EscapeboxError, Problem
from escapebox.scenario.assets import IMAGE_SUFFIXES, shared_icons
from escapebox.scenario.loader import LoadedScenario
from escapebox.scenario.types import AssetPath
from escapebox.scenario.walk import walk

RESERVED_ENTRIES = 3  # manifest, scenario, solutions


def used_files(loaded: LoadedScenario) -> list[str]:
    """Relative names (as written in the scenario) of every file it uses, sorted, once each."""
    names = {value for _path, marker, value in walk(loaded.scenario) if isinstance(marker, AssetPath)}
    names |= set(_icon_files(loaded.scenario))
    return sorted(names)


def _icon_files(scenario):
    icons = [obj.icon for room in scenario.rooms.values() for obj in room.objects.values()]
    icons += [item.icon for item in scenario.items.values()]
    for icon in icons:
        if icon and icon not in shared_icons() and icon.lower().endswith(IMAGE_SUFFIXES):
            yield icon


def read_assets(loaded: LoadedScenario) -> dict[str, bytes]:
    """The bytes of every used file; refuses missing files and sizes a pack may not hold."""
    files = used_files(loaded)
    if len(files) + RESERVED_ENTRIES > MAX_ENTRIES:
        raise _refuse(loaded, "authoring.pack.too_many_files", count=len(files), limit=MAX_ENTRIES)
    contents, total = {}, 0
    for name in files:
        data = _read_one(loaded, name)
        total += len(data)
        if total > MAX_TOTAL_BYTES:
            raise _refuse(loaded, "authoring.pack.files_too_big", limit=mib(MAX_TOTAL_BYTES))
        contents[name] = data
    return contents


def entry_path(name: str) -> str:
    """The name inside the pack: forward slashes, no ``./`` (the reader accepts nothing else)."""
    return str(PurePosixPath(name.replace("\\", "/")))


def _read_one(loaded: LoadedScenario, name: str) -> bytes:
    try:
        check_name(Path(loaded.file), asset_entry(entry_path(name)))
    except EscapeboxError as refused:
        code = {"authoring.pack.windows_name": "authoring.pack.windows_file_name",
                "authoring.pack.bidi_name": "authoring.pack.bidi_file_name"}.get(refused.problems[0].code,
                                                                                 "authoring.pack.bad_file_name")
        raise _refuse(loaded, code, file=refused.problems[0].params.get("entry", name)[len("assets/"):]) from None
    folder = loaded.folder.resolve()
    path = (loaded.folder / name).resolve()
    if folder not in path.parents or not path.is_file():
        raise _refuse(loaded, "authoring.pack.missing_file", file=name)
    if path.stat().st_size > MAX_ENTRY_BYTES:
        raise _refuse(loaded, "authoring.pack.file_too_big", file=name, size=mib(path.stat().st_size),
                      limit=mib(MAX_ENTRY_BYTES))
    return path.read_bytes()


def _refuse(loaded: LoadedScenario, code: str, **params) -> EscapeboxError:
    return EscapeboxError([Problem(code, params, file=loaded.file)])
