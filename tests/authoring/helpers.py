"""Shared helpers for the authoring tests: a fresh starter folder, packing, reading a pack's entries."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from escapebox.authoring.starter import create_starter
from escapebox.pack.writer import build_pack, write_pack
from escapebox.paths import bundled_scenarios_dir
from escapebox.scenario.loader import load_scenario

FIXED_TIME = datetime(2026, 3, 1, 9, 30, tzinfo=timezone.utc)
#: The trainer's password of the packs the tests make with a trainer view.
PASSWORD = "een zin als trainerswachtwoord"


def make_starter(tmp_path: Path, name: str = "mijn-escapebox") -> Path:
    folder = tmp_path / name
    create_starter(folder)
    return folder


def pack_folder(folder: Path, out: Path, salt: bytes | None = None, password: str | None = None):
    """Pack ``folder`` into ``out`` (with a trainer view if ``password``); returns (original LoadedScenario, Pack)."""
    loaded = load_scenario(folder)
    pack = build_pack(loaded, salt=salt, created=FIXED_TIME, password=password)
    write_pack(pack, out)
    return loaded, pack


def zip_entries(data: bytes) -> dict[str, bytes]:
    """Every entry of a zip, decompressed by zipfile."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def bundled_scenarios() -> list[Path]:
    return sorted(p for p in bundled_scenarios_dir().iterdir() if (p / "scenario.yaml").is_file())
