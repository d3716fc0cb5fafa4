"""``pack`` and ``validate --pack`` say the same warnings, each with file:line:column (issue #18).

The fresh-author test found ``pack`` counting "5 waarschuwingen" while printing 4 with a
position: the fifth, an answer "readable in the pack", had none, and was a near miss found
inside the word "stagiair" of the title.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from escapebox.cli import main

CASE = Path(__file__).parents[1] / "golden" / "broken" / "pack_answer_readable.yaml"
POSITION = re.compile(r"^\S+\.yaml:\d+:\d+: ")


def _scenario(tmp_path: Path) -> Path:
    folder = tmp_path / "kapot"
    (folder / "images").mkdir(parents=True)
    shutil.copy(CASE, folder / "scenario.yaml")
    shutil.copy(CASE.parent / "images" / "zorgplan.png", folder / "images" / "zorgplan.png")
    return folder


def test_pack_prints_every_warning_it_counts_with_its_position(tmp_path, capsys):
    folder = _scenario(tmp_path)
    assert main(["pack", str(folder), "-o", str(tmp_path / "kapot.escapebox")]) == 0
    said = capsys.readouterr()
    warnings = said.err.splitlines()
    assert len(warnings) == 2 and all(POSITION.match(line) for line in warnings)
    assert "2 waarschuwingen" in said.out
    assert not any("'stag'" in line for line in warnings)


def test_validate_pack_says_what_pack_says(tmp_path, capsys):
    folder = _scenario(tmp_path)
    main(["pack", str(folder), "-o", str(tmp_path / "kapot.escapebox")])
    packed = capsys.readouterr().err.splitlines()
    main(["validate", "--pack", str(folder)])
    validated = capsys.readouterr().out.splitlines()
    assert validated[:-1] == packed
