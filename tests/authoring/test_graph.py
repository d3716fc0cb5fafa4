"""``escapebox graph`` writes a readable SVG (valid XML) and a PNG pygame can load."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from escapebox.authoring.graph.draw import draw
from escapebox.cli import main
from escapebox.i18n import Translator
from escapebox.scenario.loader import load_scenario
from tests.authoring.helpers import bundled_scenarios, make_starter, pack_folder

SVG = "{http://www.w3.org/2000/svg}"


def _texts(path) -> str:
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    return "\n".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))


def test_svg_shows_rooms_locks_needs_and_endings(tmp_path):
    folder = make_starter(tmp_path)
    out = tmp_path / "verloop.svg"
    assert main(["graph", str(folder), "-o", str(out)]) == 0
    text = _texts(out)
    for words in ("De teampost", "De huiskamer", "Alles klaar voor Sam!", "cijferslot", "dilemma",
                  "nodig: Rooster van Sam", "vind: Rooster van Sam", "keuze 1:", "Deur naar de huiskamer"):
        assert words in text, words


def test_png_loads_in_pygame(tmp_path):
    folder = make_starter(tmp_path)
    out = tmp_path / "verloop.png"
    assert main(["graph", str(folder), "-o", str(out)]) == 0
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame
    image = pygame.image.load(str(out))
    assert image.get_width() > 800 and image.get_height() > 300


@pytest.mark.parametrize("folder", bundled_scenarios(), ids=lambda p: p.name)
def test_every_bundled_scenario_draws(folder, tmp_path):
    out = tmp_path / "flow.svg"
    draw(load_scenario(folder).scenario, out, Translator("nl"))
    assert _texts(out)


def test_graph_of_a_pack_and_in_english(tmp_path):
    out = tmp_path / "p.escapebox"
    pack_folder(make_starter(tmp_path), out)
    assert main(["--lang", "en", "graph", str(out), "-o", str(tmp_path / "flow.svg")]) == 0
    assert "code" in _texts(tmp_path / "flow.svg") and "lock" in _texts(tmp_path / "flow.svg")


def test_bad_suffix_is_refused(tmp_path, capsys):
    assert main(["graph", str(make_starter(tmp_path)), "-o", str(tmp_path / "flow.jpg")]) == 1
    assert ".svg" in capsys.readouterr().err


def test_svg_and_packs_do_not_import_pygame(tmp_path):
    code = ("import sys; from escapebox.authoring.graph.draw import draw; import escapebox.pack.reader, "
            "escapebox.pack.writer, escapebox.cli.graph_cmd, escapebox.cli.pack_cmd, escapebox.cli.new_cmd; "
            "assert 'pygame' not in sys.modules, 'pygame imported'")
    subprocess.run([sys.executable, "-c", code], check=True)
