"""``manifest.json``: the one plain entry of a pack, readable by anyone who unzips it.

It says what the pack is (scenario id and title, pack format, Escapebox
version, when it was made), which salt the obfuscation uses, and every
other entry with its size and SHA-256, so a damaged or tampered pack is
noticed before anything is unpacked.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from escapebox.pack import layout as L
from escapebox.pack.safety import check_name, refuse


class _Plain(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class EntryInfo(_Plain):
    name: str = Field(min_length=1, max_length=L.MAX_NAME_CHARS)
    size: int = Field(ge=0, le=L.MAX_ENTRY_BYTES)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class ScenarioInfo(_Plain):
    id: str = Field(max_length=40)
    title: str = Field(max_length=200)
    format: int


class Obfuscation(_Plain):
    method: Literal["zlib+xor-shake256"]
    salt: str = Field(pattern=r"^[0-9a-f]{16,128}$")
    note: str = ""


class Manifest(_Plain):
    escapebox_pack: int = Field(ge=1)
    escapebox_version: str = Field(max_length=40)
    created: str = Field(max_length=40)
    scenario: ScenarioInfo
    obfuscation: Obfuscation
    entries: list[EntryInfo] = Field(max_length=L.MAX_ENTRIES)

    @property
    def salt(self) -> bytes:
        return bytes.fromhex(self.obfuscation.salt)

    def entry(self, name: str) -> EntryInfo | None:
        return next((e for e in self.entries if e.name == name), None)


def parse_manifest(path: Path, raw: bytes) -> Manifest:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise refuse(path, "bad_manifest", entry=L.MANIFEST) from None
    if isinstance(data, dict) and isinstance(data.get("escapebox_pack"), int) \
            and data["escapebox_pack"] > L.PACK_FORMAT:
        raise refuse(path, "newer_pack", found=data["escapebox_pack"], known=L.PACK_FORMAT)
    try:
        manifest = Manifest.model_validate(data)
    except ValidationError:
        raise refuse(path, "bad_manifest", entry=L.MANIFEST) from None
    _check_entries(path, manifest)
    return manifest


def _check_entries(path: Path, manifest: Manifest) -> None:
    names = [e.name for e in manifest.entries]
    for name in names:
        check_name(path, name)
        if name not in (L.SCENARIO, L.SOLUTIONS) and not re.match(r"^assets/.", name):
            raise refuse(path, "unexpected_entry", entry=name)
    if len(set(names)) != len(names):
        raise refuse(path, "bad_manifest", entry=L.MANIFEST)
    for required in (L.SCENARIO, L.SOLUTIONS):
        if required not in names:
            raise refuse(path, "missing_entry", entry=required)
