"""``manifest.json``: the one plain entry of a pack, readable by anyone who unzips it.

It says what the pack is (scenario id and title, pack format, Escapebox
version, when it was made), which salt the obfuscation uses, the salt and
scrypt costs of the answer hashes (``answers``), whether the pack has a
trainer view and how its key is derived (``trainer``, ``null`` without a
password), and every other entry with its size and SHA-256, so a damaged
or tampered pack is noticed before anything is unpacked.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from escapebox.pack import layout as L
from escapebox.pack.kdf import ANSWER_LIMITS, TRAINER_LIMITS, Cost
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


class Scrypt(_Plain):
    n: int = Field(ge=2, le=2 ** 20)
    r: int = Field(ge=1, le=64)
    p: int = Field(ge=1, le=16)
    salt: str = Field(pattern=r"^[0-9a-f]{32,128}$")

    @property
    def cost(self) -> Cost:
        return Cost(self.n, self.r, self.p)

    @property
    def salt_bytes(self) -> bytes:
        return bytes.fromhex(self.salt)


class Answers(Scrypt):
    kdf: Literal["scrypt"]
    note: str = ""


class Trainer(Scrypt):
    cipher: Literal["scrypt+aes-256-gcm"]


class Manifest(_Plain):
    escapebox_pack: int = Field(ge=L.OLDEST_FORMAT)
    escapebox_version: str = Field(max_length=40)
    created: str = Field(max_length=40)
    scenario: ScenarioInfo
    obfuscation: Obfuscation
    answers: Answers
    trainer: Trainer | None = None
    entries: list[EntryInfo] = Field(max_length=L.MAX_ENTRIES)

    @property
    def salt(self) -> bytes:
        return bytes.fromhex(self.obfuscation.salt)

    @property
    def has_trainer_view(self) -> bool:
        return self.trainer is not None

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
    if isinstance(data, dict) and isinstance(data.get("escapebox_pack"), int) \
            and 1 <= data["escapebox_pack"] < L.OLDEST_FORMAT:
        raise refuse(path, "old_pack", found=data["escapebox_pack"])
    try:
        manifest = Manifest.model_validate(data)
    except ValidationError:
        raise refuse(path, "bad_manifest", entry=L.MANIFEST) from None
    if not manifest.answers.cost.within(*ANSWER_LIMITS) or (
            manifest.trainer is not None and not manifest.trainer.cost.within(*TRAINER_LIMITS)):
        raise refuse(path, "bad_cost", entry=L.MANIFEST)
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
    if L.SCENARIO not in names:
        raise refuse(path, "missing_entry", entry=L.SCENARIO)
    if manifest.has_trainer_view != (L.SOLUTIONS in names):
        raise refuse(path, "missing_entry" if manifest.has_trainer_view else "unexpected_entry", entry=L.SOLUTIONS)
