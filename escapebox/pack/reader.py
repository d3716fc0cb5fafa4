"""Open a ``.escapebox`` pack as a normal :class:`LoadedScenario`.

Order matters for safety: first the zip's table of contents is checked
(:mod:`escapebox.pack.safety`), then every entry is read into memory in
bounded chunks, counting real bytes and comparing them with the manifest,
then the obfuscated entries are decoded with bounded decompression — and
only when all of that passed is anything written: the images go into a
fresh temporary folder (removed when the program ends), never with
``extractall`` and never outside that folder.  The scenario's typed
answers stay hashes; see :mod:`escapebox.pack.answers`.
"""

from __future__ import annotations

import atexit
import dataclasses
import hashlib
import json
import shutil
import tempfile
import zipfile
import zlib
from pathlib import Path

from escapebox.pack import layout as L
from escapebox.pack.answers import attach_hashes, restore_answers
from escapebox.pack.manifest import Manifest, parse_manifest
from escapebox.pack.obfuscate import InflateError, reveal
from escapebox.pack.safety import check_directory, refuse
from escapebox.scenario.loader import LoadedScenario, build_scenario
from escapebox.scenario.yamlsafe import MAX_FILE_BYTES, parse_yaml

_ZIP_MAGIC = b"PK\x03\x04"
_END_MAGIC = b"PK\x05\x06"
_TAIL_BYTES = 65_536 + 22      # the end record and the longest zip comment


def load_pack(path: Path | str) -> LoadedScenario:
    path = Path(path)
    with _open_zip(path) as archive:
        infos = archive.infolist()
        check_directory(path, infos)
        manifest = parse_manifest(path, _read_manifest(path, archive, infos))
        blobs = _read_entries(path, archive, infos, manifest)
    plain = _decode(path, manifest, blobs)
    loaded = _build(path, manifest, plain)
    assets = {name[len(L.ASSET_PREFIX):]: data for name, data in plain.items() if name.startswith(L.ASSET_PREFIX)}
    return dataclasses.replace(loaded, folder=_extract(path, assets))


# ----- opening ----------------------------------------------------------------------------
def _open_zip(path: Path) -> zipfile.ZipFile:
    if not path.exists():
        raise refuse(path, "not_found")
    if not path.is_file():
        raise refuse(path, "not_a_file_path")
    try:
        if path.stat().st_size > L.MAX_TOTAL_BYTES + L.MAX_MANIFEST_BYTES + 1024 * 1024:
            raise refuse(path, "pack_too_big", limit=L.mib(L.MAX_TOTAL_BYTES))
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, NotImplementedError):
        raise refuse(path, _why_not_a_zip(path)) from None
    except OSError as exc:
        raise refuse(path, "unreadable", reason=exc.strerror or str(exc)) from None


def _why_not_a_zip(path: Path) -> str:
    """Not a zip at all, a zip cut off before its table of contents, or a damaged one."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4)
            handle.seek(max(0, path.stat().st_size - _TAIL_BYTES))
            tail = handle.read()
    except OSError:
        return "not_a_zip"
    if head != _ZIP_MAGIC:
        return "not_a_zip"
    return "damaged_zip" if _END_MAGIC in tail else "truncated"


# ----- reading, in memory and bounded ----------------------------------------------------
def _read_manifest(path: Path, archive: zipfile.ZipFile, infos) -> bytes:
    info = next((i for i in infos if i.filename == L.MANIFEST), None)
    if info is None:
        raise refuse(path, "no_manifest")
    return _read_entry(path, archive, info, L.MAX_MANIFEST_BYTES)


def _read_entries(path: Path, archive: zipfile.ZipFile, infos, manifest: Manifest) -> dict[str, bytes]:
    listed = {entry.name: entry for entry in manifest.entries}
    for info in infos:
        if info.filename != L.MANIFEST and info.filename not in listed:
            raise refuse(path, "unlisted_entry", entry=info.filename)
    by_name = {info.filename: info for info in infos}
    blobs, total = {}, 0
    for name, entry in listed.items():
        if name not in by_name:
            raise refuse(path, "missing_entry", entry=name)
        data = _read_entry(path, archive, by_name[name], L.MAX_ENTRY_BYTES)
        total += len(data)
        if total > L.MAX_TOTAL_BYTES:
            raise refuse(path, "total_too_big", entry=name, limit=L.mib(L.MAX_TOTAL_BYTES))
        if len(data) != entry.size or hashlib.sha256(data).hexdigest() != entry.sha256:
            raise refuse(path, "entry_changed", entry=name)
        blobs[name] = data
    return blobs


def _read_entry(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """Read in chunks, counting real bytes: the sizes in the zip's directory may lie."""
    out = bytearray()
    try:
        with archive.open(info) as handle:
            while chunk := handle.read(L.CHUNK):
                out += chunk
                if len(out) > limit:
                    raise refuse(path, "entry_too_big_real", entry=info.filename, limit=L.mib(limit))
                if L.too_compressed(len(out), info.compress_size):
                    raise refuse(path, "ratio", entry=info.filename, ratio=len(out) // max(info.compress_size, 1),
                                 limit=L.MAX_RATIO)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError):
        raise refuse(path, "entry_damaged", entry=info.filename) from None
    return bytes(out)


def _decode(path: Path, manifest: Manifest, blobs: dict[str, bytes]) -> dict[str, bytes]:
    plain, total = {}, 0
    for name, blob in blobs.items():
        limit = L.MAX_ENTRY_BYTES if name.startswith(L.ASSET_PREFIX) else MAX_FILE_BYTES
        try:
            plain[name] = reveal(blob, manifest.salt, name, limit)
        except InflateError as exc:
            raise _inflate_refusal(path, name, exc, limit, len(blob)) from None
        total += len(plain[name])
        if total > L.MAX_TOTAL_BYTES:
            raise refuse(path, "total_too_big", entry=name, limit=L.mib(L.MAX_TOTAL_BYTES))
    return plain


def _inflate_refusal(path: Path, name: str, exc: InflateError, limit: int, packed: int):
    if exc.reason == "ratio":
        return refuse(path, "ratio", entry=name, ratio=exc.size // max(packed, 1), limit=L.MAX_RATIO)
    if exc.reason == "too_big":
        return refuse(path, "entry_too_big_real", entry=name, limit=L.mib(limit))
    return refuse(path, "entry_damaged", entry=name)


# ----- the scenario, still only in memory -----------------------------------------------
def _build(path: Path, manifest: Manifest, plain: dict[str, bytes]) -> LoadedScenario:
    """The scenario, checked completely before any file is written (its folder is set afterwards)."""
    digest, solutions = _solutions(path, plain[L.SOLUTIONS])
    raw = plain[L.SCENARIO]
    document = parse_yaml(raw, f"{path}/scenario.yaml")
    hashes = restore_answers(document.data, solutions, str(path))
    loaded = build_scenario(document, folder=path.parent, source=path, raw=raw)
    scenario = attach_hashes(loaded.scenario, hashes, manifest.obfuscation.salt, str(path))
    return dataclasses.replace(loaded, scenario=scenario, digest=digest or loaded.digest)


def _solutions(path: Path, raw: bytes) -> tuple[str, dict[str, str]]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise refuse(path, "entry_damaged", entry=L.SOLUTIONS) from None
    solutions = data.get("solutions") if isinstance(data, dict) else None
    digest = data.get("digest") if isinstance(data, dict) else None
    if not isinstance(solutions, dict) or not all(isinstance(v, str) for v in solutions.values()):
        raise refuse(path, "entry_damaged", entry=L.SOLUTIONS)
    return (digest if isinstance(digest, str) else ""), solutions


# ----- writing: only now, only into a fresh temporary folder --------------------------------
def _extract(path: Path, assets: dict[str, bytes]) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="escapebox-pack-")).resolve()
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    try:
        for relative, data in assets.items():
            target = folder.joinpath(*relative.split("/"))
            if folder not in target.resolve().parents:
                raise refuse(path, "parent_name", entry=L.asset_entry(relative))
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "xb") as handle:
                handle.write(data)
    except OSError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise refuse(path, "cannot_extract", reason=exc.strerror or str(exc)) from None
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder
