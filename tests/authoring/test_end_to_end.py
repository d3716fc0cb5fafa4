"""From blank page to a shared file: new → edit → validate → pack → play --autoplay (a real process)."""

from __future__ import annotations

import os
import subprocess
import sys

from escapebox.cli.password import ENVIRONMENT
from escapebox.pack.reader import load_pack
from tests.authoring.helpers import PASSWORD, zip_entries


def _escapebox(*args, cwd, password: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    env.pop(ENVIRONMENT, None)
    if password:
        env[ENVIRONMENT] = password
    return subprocess.run([sys.executable, "-m", "escapebox", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300, stdin=subprocess.DEVNULL)


def test_new_edit_validate_pack_play(tmp_path):
    assert _escapebox("new", "oefening", cwd=tmp_path).returncode == 0
    yaml = tmp_path / "oefening" / "scenario.yaml"
    text = yaml.read_text(encoding="utf-8")
    text = text.replace('answer: "312"', 'answer: "578"').replace("kluisje nummer 312", "kluisje nummer 578")
    text = text.replace("Morgen begint Sam", "Volgende week begint Sam")
    yaml.write_text(text, encoding="utf-8")

    checked = _escapebox("validate", "--strict", "oefening", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    packed = _escapebox("pack", "oefening", "-o", "oefening.escapebox", cwd=tmp_path, password=PASSWORD)
    assert packed.returncode == 0, packed.stderr
    assert "Met trainerswachtwoord" in packed.stdout

    pack = tmp_path / "oefening.escapebox"
    assert load_pack(pack).scenario.puzzles["kluisje"].check("578").correct
    assert all(b"578" not in data for data in [pack.read_bytes(), *zip_entries(pack.read_bytes()).values()])

    refused = _escapebox("play", "oefening.escapebox", "--autoplay", "--no-save", cwd=tmp_path)
    assert refused.returncode == 1 and "trainerswachtwoord" in refused.stderr, refused.stderr
    played = _escapebox("play", "oefening.escapebox", "--autoplay", "--no-save", cwd=tmp_path, password=PASSWORD)
    assert played.returncode == 0, played.stdout + played.stderr
    assert "klaar" in played.stdout and "Traceback" not in played.stderr
