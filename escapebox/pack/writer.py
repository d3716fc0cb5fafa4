"""Build a ``.escapebox`` pack from a scenario folder.

The pack holds the scenario with its answers as slow salted hashes
(:mod:`escapebox.pack.answers`), with a password the trainer's own file
encrypted under the trainer's key (:mod:`escapebox.pack.kdf`), and exactly
the files the scenario uses, each entry obfuscated (see
:mod:`escapebox.pack.obfuscate`), plus a plain ``manifest.json`` listing
every entry with its size and SHA-256.  Afterwards the writer searches its
own output for every answer: a chance match in the noise is fixed by a new
salt; an answer in the title or a file name stays, because only the trainer
can change that: ``pack`` and ``validate --pack`` warn about it at the answer
(:func:`escapebox.pack.leaks.readable_answers`).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import secrets
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import yaml

from escapebox import __version__
from escapebox.pack import layout as L
from escapebox.pack import kdf
from escapebox.pack.answers import seal_document
from escapebox.pack.assets import entry_path, read_assets
from escapebox.pack.obfuscate import conceal
from escapebox.pack.leaks import answer_texts, appears_in
from escapebox.scenario.loader import LoadedScenario

ATTEMPTS = 16


@dataclass
class Pack:
    data: bytes
    entries: dict[str, bytes]
    manifest: dict
    manifest_bytes: bytes

    @property
    def has_trainer_view(self) -> bool:
        return self.manifest.get("trainer") is not None


def build_pack(loaded: LoadedScenario, salt: bytes | None = None, created: datetime | None = None,
               password: str | None = None) -> Pack:
    """The pack as bytes; with ``password`` it has a trainer view (the answers, encrypted).

    A fixed ``salt`` and ``created`` make a pack without password reproducible (tests): every
    salt is then derived from it instead of drawn at random (the trainer part's nonce never is).
    """
    assets = read_assets(loaded)
    created = created or datetime.now(timezone.utc).replace(microsecond=0)
    pack = None
    for _attempt in range(1 if salt else ATTEMPTS):
        # every salt is new on a retry: the answers' and the trainer's salts are in the plain manifest too
        trainer = _trainer_part(loaded, password, salt)
        answer_salt = hashlib.sha256(b"answers\0" + salt).digest()[:kdf.SALT_BYTES] if salt else kdf.new_salt()
        sealed = _dump_yaml(seal_document(loaded.document.data, loaded.scenario, answer_salt))
        pack = _build_once(loaded, assets, salt or secrets.token_bytes(16), created, sealed, answer_salt, trainer)
        if not _hidden_in_noise(loaded, pack):
            break
    assert pack is not None
    return pack


def _trainer_part(loaded: LoadedScenario, password: str | None, salt: bytes | None) -> tuple[dict, bytes] | None:
    """The manifest's ``trainer`` block and the encrypted original file, or ``None`` without a password."""
    if not password:
        return None
    key_salt = hashlib.sha256(b"trainer\0" + salt).digest()[:kdf.SALT_BYTES] if salt else kdf.new_salt()
    cost = kdf.TRAINER_COST
    key = kdf.trainer_key(password, key_salt, cost)
    info = {"cipher": L.TRAINER_CIPHER, "n": cost.n, "r": cost.r, "p": cost.p, "salt": key_salt.hex()}
    return info, kdf.lock(loaded.raw, key, bound_to=key_salt)


def write_pack(pack: Pack, output: Path) -> None:
    """Write atomically, so a half-written pack never replaces a good one."""
    output.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(dir=output.parent, prefix=".escapebox-", suffix=".tmp", delete=False)
    try:
        with handle:
            handle.write(pack.data)
        os.replace(handle.name, output)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _build_once(loaded: LoadedScenario, assets: dict[str, bytes], salt: bytes, created: datetime,
                sealed: bytes, answer_salt: bytes, trainer: tuple[dict, bytes] | None) -> Pack:
    plain = {L.SCENARIO: sealed}
    if trainer is not None:
        plain[L.SOLUTIONS] = trainer[1]
    for name, data in assets.items():
        plain[L.asset_entry(entry_path(name))] = data
    entries = {name: conceal(data, salt, name) for name, data in plain.items()}
    manifest = _manifest(loaded, salt, created, entries, answer_salt, trainer[0] if trainer else None)
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
    return Pack(_zip(manifest_bytes, entries, created), entries, manifest, manifest_bytes)


class _PlainDumper(yaml.SafeDumper):
    """Never writes anchors: the hardened reader refuses them."""

    def ignore_aliases(self, data):
        return True


def _dump_yaml(data) -> bytes:
    text = yaml.dump(data, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=100_000)
    return text.encode("utf-8")


def _manifest(loaded: LoadedScenario, salt: bytes, created: datetime, entries: dict[str, bytes],
              answer_salt: bytes, trainer: dict | None) -> dict:
    scenario = loaded.scenario
    cost = kdf.ANSWER_COST
    return {
        "escapebox_pack": L.PACK_FORMAT,
        "escapebox_version": __version__,
        "created": created.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "scenario": {"id": scenario.id, "title": scenario.title, "format": scenario.format},
        "obfuscation": {"method": L.OBFUSCATION, "salt": salt.hex(),
                        "note": "obfuscation against casual peeking, not encryption: the salt is here"},
        "answers": {"kdf": L.ANSWER_KDF, "n": cost.n, "r": cost.r, "p": cost.p, "salt": answer_salt.hex(),
                    "note": "each answer is only a slow salted hash; a short code can still be found by "
                            "trying every value"},
        "trainer": trainer,
        "entries": [{"name": name, "size": len(blob), "sha256": hashlib.sha256(blob).hexdigest()}
                    for name, blob in entries.items()],
    }


def _zip(manifest: bytes, entries: dict[str, bytes], created: datetime) -> bytes:
    buffer = io.BytesIO()
    stamp = created.timetuple()[:6]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, data in [(L.MANIFEST, manifest), *entries.items()]:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def _hidden_in_noise(loaded: LoadedScenario, pack: Pack) -> bool:
    """An answer or near miss readable by chance in the obfuscated bytes: another salt fixes that.

    Only the id, title, date, version and entry names in the manifest stay the same with
    another salt; an answer there is the trainer's to change (a warning, not a retry).
    """
    fixed = _fixed_text(pack.manifest)
    return any(not appears_in(text, fixed)
               and (appears_in(text, pack.data) or any(appears_in(text, blob) for blob in pack.entries.values()))
               for _pid, text in answer_texts(loaded.scenario))


def _fixed_text(manifest: dict) -> bytes:
    parts = [manifest["scenario"]["id"], manifest["scenario"]["title"], manifest["created"],
             manifest["escapebox_version"], *(entry["name"] for entry in manifest["entries"])]
    return "\n".join(parts).encode("utf-8")
