"""Open a ``.escapebox`` pack as a normal :class:`LoadedScenario`.

Order matters for safety: first the zip's table of contents is checked
(:mod:`escapebox.pack.safety`), then every entry is read into memory in
bounded chunks, counting real bytes and comparing them with the manifest,
then the obfuscated entries are decoded with bounded decompression — and
only when all of that passed is anything written: the images go into a
fresh temporary folder (removed when the program ends), never with
``extractall`` and never outside that folder.

Without the trainer's password the scenario's answers stay slow hashes and every
puzzle is sealed (:mod:`escapebox.pack.answers`); with it, the trainer's own file is
decrypted (:mod:`escapebox.pack.kdf`) and read as it was written.  Either way the
scenario's digest is that of the sealed document, so a game started with the
password and resumed without it (or the other way round) is the same scenario.
"""

from __future__ import annotations

import atexit
import dataclasses
import hashlib
import shutil
import tempfile
import zipfile
import zlib
from pathlib import Path

from escapebox.pack import layout as L
from escapebox.pack.answers import attach_seals, take_seals
from escapebox.pack.kdf import WrongPassword, trainer_key, unlock
from escapebox.pack.manifest import Manifest, parse_manifest
from escapebox.pack.obfuscate import InflateError, reveal
from escapebox.pack.safety import check_directory, refuse
from escapebox.scenario.loader import LoadedScenario, build_scenario
from escapebox.scenario.yamlsafe import MAX_FILE_BYTES, parse_yaml

_ZIP_MAGIC = b"PK\x03\x04"
_END_MAGIC = b"PK\x05\x06"
_TAIL_BYTES = 65_536 + 22      # the end record and the longest zip comment


def load_pack(path: Path | str, password: str | None = None) -> LoadedScenario:
    """The pack's scenario: sealed without ``password``, the trainer's own with it (wrong: a message)."""
    path = Path(path)
    with _open_zip(path) as archive:
        infos = archive.infolist()
        check_directory(path, infos)
        manifest = parse_manifest(path, _read_manifest(path, archive, infos))
        if password and not manifest.has_trainer_view:
            raise refuse(path, "password_without_view")
        blobs = _read_entries(path, archive, infos, manifest)
    plain = _decode(path, manifest, blobs)
    loaded = _build(path, manifest, plain, password or None)
    assets = {name[len(L.ASSET_PREFIX):]: data for name, data in plain.items() if name.startswith(L.ASSET_PREFIX)}
    return dataclasses.replace(loaded, folder=_extract(path, assets))


def has_trainer_view(path: Path | str) -> bool:
    """Whether the pack was made with a trainer password (read from its manifest; refused like :func:`load_pack`)."""
    path = Path(path)
    with _open_zip(path) as archive:
        infos = archive.infolist()
        check_directory(path, infos)
        return parse_manifest(path, _read_manifest(path, archive, infos)).has_trainer_view


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
def _build(path: Path, manifest: Manifest, plain: dict[str, bytes], password: str | None) -> LoadedScenario:
    """The scenario, checked completely before any file is written (its folder is set afterwards)."""
    raw = plain[L.SCENARIO]
    document = parse_yaml(raw, f"{path}/scenario.yaml")
    blocks = take_seals(document.data, str(path))
    sealed = build_scenario(document, folder=path.parent, source=path, raw=raw)
    if password is not None:
        original = _trainers_file(path, manifest, plain[L.SOLUTIONS], password)
        loaded = build_scenario(parse_yaml(original, f"{path}/scenario.yaml"), folder=path.parent, source=path,
                                raw=original)
        if set(loaded.scenario.puzzles) != set(sealed.scenario.puzzles):
            raise refuse(path, "wrong_password")
        return dataclasses.replace(loaded, digest=sealed.digest)
    answers = manifest.answers
    scenario = attach_seals(sealed.scenario, blocks, answers.salt_bytes, answers.cost, str(path))
    return dataclasses.replace(sealed, scenario=scenario)


def _trainers_file(path: Path, manifest: Manifest, blob: bytes, password: str) -> bytes:
    """The trainer's scenario file, decrypted; a wrong password (or a changed part) is a message."""
    trainer = manifest.trainer
    assert trainer is not None  # load_pack refused a password for a pack without a trainer view
    key = trainer_key(password, trainer.salt_bytes, trainer.cost)
    try:
        return unlock(blob, key, bound_to=trainer.salt_bytes, limit=MAX_FILE_BYTES)
    except WrongPassword:
        raise refuse(path, "wrong_password") from None


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
