"""Build one hostile or broken ``.escapebox`` archive per attack, to prove the reader refuses each.

Run at test time (``make_all(folder)``) or by hand
(``python tests/hostile_archives/make_archives.py OUT_FOLDER``).  Python's
``zipfile`` refuses to write most of these lies, so archives are written
byte by byte with :func:`raw_zip`: any name, any declared size, any file
type bits.  Each archive comes with the message key the reader must give.
The large ones are zip bombs: a few kilobytes on disk.
"""

from __future__ import annotations

import hashlib
import io
import json
import stat
import struct
import sys
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import yaml

from escapebox.pack import layout as L
from escapebox.pack.obfuscate import conceal, reveal
from escapebox.pack.writer import build_pack
from escapebox.scenario.loader import load_scenario_text

MB = 1024 * 1024
SALT = bytes(range(16))
REGULAR = (stat.S_IFREG | 0o644) << 16

TINY_SCENARIO = """\
format: 1
id: klein
title: Klein
summary: Een heel klein scenario.
duration: 5
start: kamer
rooms:
  kamer:
    name: Kamer
    text: Een kamer met een kast.
    objects:
      kast:
        name: Kast
        text: De kast is open.
        locked_by: slot
puzzles:
  slot:
    kind: code
    title: Slot
    question: Welke code?
    answer: "4711"
    hints: [Denk aan eau de cologne.]
    leads_to: uit
endings:
  uit:
    title: Klaar
    text: Het is gelukt.
"""


@dataclass
class RawEntry:
    """One zip entry exactly as written: ``data`` is what is stored (compressed for method 8)."""

    name: str
    data: bytes
    method: int = zipfile.ZIP_STORED
    size: int | None = None          # declared uncompressed size (default: the truth)
    crc: int | None = None
    external_attr: int = REGULAR
    flags: int = 0
    plain: bytes | None = None       # uncompressed bytes, for the CRC of deflated entries


def raw_zip(entries: list[RawEntry]) -> bytes:
    out, central = io.BytesIO(), []
    for entry in entries:
        name = entry.name.encode("utf-8")
        plain = entry.plain if entry.plain is not None else entry.data
        crc = entry.crc if entry.crc is not None else zlib.crc32(plain)
        size = entry.size if entry.size is not None else len(plain)
        flags = entry.flags | 0x800
        offset = out.tell()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, flags, entry.method, 0, 0x5B21,
                              crc, len(entry.data), size, len(name), 0))
        out.write(name + entry.data)
        central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", (3 << 8) | 20, 20, flags, entry.method, 0,
                                   0x5B21, crc, len(entry.data), size, len(name), 0, 0, 0, 0,
                                   entry.external_attr, offset) + name)
    start = out.tell()
    for record in central:
        out.write(record)
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(central), len(central),
                          out.tell() - start, start, 0))
    return out.getvalue()


def deflated(plain: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(plain) + packer.flush()


def good_pack() -> tuple[bytes, dict[str, bytes], dict]:
    loaded = load_scenario_text(TINY_SCENARIO, name="klein.yaml")
    pack = build_pack(loaded, salt=SALT, created=datetime(2026, 1, 1, tzinfo=timezone.utc))
    return pack.data, pack.entries, pack.manifest


def _with_manifest(manifest: dict, entries: dict[str, bytes], extra: list[RawEntry] = ()) -> bytes:
    raw = [RawEntry(L.MANIFEST, json.dumps(manifest).encode())]
    raw += [RawEntry(name, data) for name, data in entries.items()]
    return raw_zip(raw + list(extra))


def _listed(manifest: dict, entries: dict[str, bytes], name: str, blob: bytes, raw: RawEntry | None = None) -> bytes:
    """A pack whose manifest honestly lists one more entry (so only its content is hostile)."""
    manifest = json.loads(json.dumps(manifest))
    manifest["entries"].append(_listing(name, blob))
    if raw is None:
        return _with_manifest(manifest, {**entries, name: blob})
    return _with_manifest(manifest, entries, [raw])


def _replaced(manifest: dict, entries: dict[str, bytes], name: str, blob: bytes) -> bytes:
    manifest = json.loads(json.dumps(manifest))
    manifest["entries"] = [_listing(name, blob) if e["name"] == name else e for e in manifest["entries"]]
    return _with_manifest(manifest, {**entries, name: blob})


def _listing(name: str, blob: bytes) -> dict:
    return {"name": name, "size": len(blob), "sha256": hashlib.sha256(blob).hexdigest()}


def archives() -> dict[str, tuple[bytes, str]]:
    """Archive name → (bytes, expected message key; without a dot it is under ``authoring.pack.``)."""
    data, entries, manifest = good_pack()
    tiny = [RawEntry(L.MANIFEST, b"{}")]
    changed = dict(entries)
    changed[L.SCENARIO] = bytes(b ^ 1 for b in entries[L.SCENARIO])
    bad_crc = zlib.crc32(b"x" * 1000) ^ 0xFFFF
    return {
        "not-a-zip": (b"Dit is geen zip-bestand, maar gewoon tekst.\n" * 20, "not_a_zip"),
        "truncated": (data[: len(data) // 2], "truncated"),
        "empty-file": (b"", "not_a_zip"),
        "unsupported-version": (_patched_version(data), "damaged_zip"),
        "no-manifest": (raw_zip([RawEntry(L.SCENARIO, entries[L.SCENARIO])]), "no_manifest"),
        "absolute-path": (raw_zip(tiny + [RawEntry("/tmp/escapebox-evil.txt", b"boo")]), "absolute_name"),
        "dot-dot": (raw_zip(tiny + [RawEntry("assets/../../escapebox-evil.txt", b"boo")]), "parent_name"),
        "backslash": (raw_zip(tiny + [RawEntry("assets\\..\\evil.txt", b"boo")]), "backslash_name"),
        "drive-letter": (raw_zip(tiny + [RawEntry("C:/Windows/evil.txt", b"boo")]), "drive_name"),
        "windows-device": (raw_zip(tiny + [RawEntry("assets/con.svg", b"x")]), "windows_name"),
        "windows-device-two-extensions": (raw_zip(tiny + [RawEntry("assets/Com1.tar.gz", b"x")]), "windows_name"),
        "windows-console": (raw_zip(tiny + [RawEntry("assets/CONIN$", b"x")]), "windows_name"),
        "windows-console-out": (raw_zip(tiny + [RawEntry("assets/conout$.png", b"x")]), "windows_name"),
        "windows-lpt-superscript": (raw_zip(tiny + [RawEntry("assets/LPT\u00b9.svg", b"x")]), "windows_name"),
        "windows-device-space": (raw_zip(tiny + [RawEntry("assets/NUL .txt", b"x")]), "windows_name"),
        "windows-trailing-dot": (raw_zip(tiny + [RawEntry("assets/plaatje.", b"x")]), "windows_name"),
        "windows-trailing-space": (raw_zip(tiny + [RawEntry("assets/map /a.svg", b"x")]), "windows_name"),
        "windows-forbidden-sign": (raw_zip(tiny + [RawEntry("assets/wat?.svg", b"x")]), "windows_name"),
        "bidi-override": (raw_zip(tiny + [RawEntry("assets/foto\u202egnp.exe", b"x")]), "bidi_name"),
        "bidi-isolate": (raw_zip(tiny + [RawEntry("assets/\u2067a.svg", b"x")]), "bidi_name"),
        "bidi-mark": (raw_zip(tiny + [RawEntry("assets/a\u200f.svg", b"x")]), "bidi_name"),
        "control-character": (raw_zip(tiny + [RawEntry("assets/a\nb.svg", b"x")]), "bad_name"),
        "symlink": (raw_zip(tiny + [RawEntry("assets/link.svg", b"/etc/passwd",
                                             external_attr=(stat.S_IFLNK | 0o777) << 16)]), "symlink"),
        "directory": (raw_zip(tiny + [RawEntry("assets/", b"", external_attr=(stat.S_IFDIR | 0o755) << 16)]),
                      "not_a_file"),
        "duplicate-name": (raw_zip(tiny + [RawEntry("assets/a.svg", b"1"), RawEntry("assets/a.svg", b"2")]),
                           "duplicate"),
        "duplicate-case": (raw_zip(tiny + [RawEntry("assets/A.svg", b"1"), RawEntry("assets/a.svg", b"2")]),
                           "duplicate"),
        "too-many-entries": (raw_zip([RawEntry(f"assets/{n}.svg", b"") for n in range(L.MAX_ENTRIES + 1)]),
                             "too_many_entries"),
        "declared-too-big": (raw_zip(tiny + [RawEntry("assets/big.png", b"x", size=25 * MB)]), "entry_too_big"),
        "declared-total-too-big": (raw_zip(tiny + [RawEntry(f"assets/{n}.png", b"x", size=19 * MB)
                                                   for n in range(6)]), "total_too_big"),
        "real-too-big-scenario": (_replaced(manifest, entries, L.SCENARIO, conceal(_compressible(2 * MB), SALT,
                                                                                  L.SCENARIO)), "entry_too_big_real"),
        "real-too-big-asset": (_listed(manifest, entries, "assets/big.png",
                                       conceal(_compressible(21 * MB), SALT, "assets/big.png")), "entry_too_big_real"),
        "zip-bomb-ratio": (raw_zip(tiny + [RawEntry("assets/bomb.png", deflated(bytes(5 * MB)),
                                                    method=zipfile.ZIP_DEFLATED, plain=bytes(5 * MB))]), "ratio"),
        "size-lie": (_listed(manifest, entries, "assets/lie.png", bytes(1000),
                             RawEntry("assets/lie.png", deflated(bytes(3 * MB)), method=zipfile.ZIP_DEFLATED,
                                      plain=bytes(1000), size=1000)), "entry_damaged"),
        "bad-crc": (raw_zip([RawEntry(L.MANIFEST, b"x" * 1000, crc=bad_crc)]), "entry_damaged"),
        "encrypted": (raw_zip(tiny + [RawEntry("assets/secret.png", b"x", flags=0x1)]), "encrypted"),
        "manifest-not-json": (raw_zip([RawEntry(L.MANIFEST, b"{niet: json")]), "bad_manifest"),
        "unlisted-entry": (_with_manifest(manifest, entries, [RawEntry("assets/extra.svg", b"<svg/>")]),
                           "unlisted_entry"),
        "changed-entry": (_with_manifest(manifest, changed), "entry_changed"),
        "inner-bomb-ratio": (_listed(manifest, entries, "assets/inner.png",
                                     conceal(bytes(5 * MB), SALT, "assets/inner.png")), "ratio"),
        "answers-tampered": (_replaced(manifest, entries, L.SCENARIO, _sealed(entries, lambda block: block.update(
            opens=["1234"]))), "damaged_answers"),
        "answers-removed": (_replaced(manifest, entries, L.SCENARIO, _sealed(entries, None)), "damaged_answers"),
        "answers-feedback-not-text": (_replaced(manifest, entries, L.SCENARIO, _sealed(entries, lambda block: block.update(
            feedback={"0" * 64: ["geen", "tekst"]}))), "damaged_answers"),
        "old-pack-format": (_with_manifest({**manifest, "escapebox_pack": 1}, entries), "old_pack"),
        "answer-cost-too-high": (_with_manifest(_with(manifest, "answers", n=2 ** 20), entries), "bad_cost"),
        "answer-cost-not-a-power-of-two": (_with_manifest(_with(manifest, "answers", n=3 * 2 ** 12), entries),
                                           "bad_cost"),
        "answer-cost-absurd": (_with_manifest(_with(manifest, "answers", n=2 ** 40), entries), "bad_manifest"),
        "trainer-part-missing": (_with_manifest({**manifest, "trainer": {"cipher": L.TRAINER_CIPHER, "n": 2 ** 17,
                                                                      "r": 8, "p": 1, "salt": "00" * 16}}, entries),
                                 "missing_entry"),
        "scenario-yaml-alias": (_replaced(manifest, entries, L.SCENARIO,
                                          conceal(b"a: &x [1]\nb: *x\n", SALT, L.SCENARIO)), "yaml.anchor"),
        "unexpected-entry": (_listed(manifest, entries, "autorun.inf", b"x"), "unexpected_entry"),
    }


def _with(manifest: dict, block: str, **changes) -> dict:
    return {**manifest, block: {**manifest[block], **changes}}


def _sealed(entries: dict[str, bytes], change) -> bytes:
    """The pack's scenario entry with the lock's ``sealed`` block changed (or, for ``None``, removed)."""
    data = yaml.safe_load(reveal(entries[L.SCENARIO], SALT, L.SCENARIO, L.MAX_ENTRY_BYTES))
    entry = data["puzzles"]["slot"]
    if change is None:
        del entry["sealed"]
    else:
        change(entry["sealed"])
    return conceal(yaml.safe_dump(data, allow_unicode=True).encode(), SALT, L.SCENARIO)


def _patched_version(data: bytes) -> bytes:
    """A pack whose directory asks for a zip version nobody implements (Python raises NotImplementedError)."""
    at = data.index(b"PK\x01\x02") + 6
    return data[:at] + struct.pack("<H", 99) + data[at + 2:]


def _compressible(size: int) -> bytes:
    """Data that shrinks about 50 times: big when unpacked, yet no zip-bomb ratio."""
    block = 4096
    return b"".join(hashlib.sha512(n.to_bytes(4, "big")).digest() + bytes(block - 64)
                    for n in range(size // block + 1))[:size]


def make_all(folder: Path) -> dict[str, tuple[Path, str]]:
    folder.mkdir(parents=True, exist_ok=True)
    made = {}
    for name, (data, code) in archives().items():
        path = folder / f"{name}{L.SUFFIX}"
        path.write_bytes(data)
        made[name] = (path, code)
    return made


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile")
    for path, code in make_all(target).values():
        print(f"{path}  ->  {code}")
