"""A pack checks typed answers with the same normalisation as the folder: pasted-in soft
hyphens and ligatures in the trainer's answers, full-width digits and spaces in what is typed."""

from __future__ import annotations

import shutil

from escapebox.pack.reader import load_pack
from escapebox.paths import bundled_scenarios_dir
from escapebox.puzzles.base import TextAnswerPuzzle
from escapebox.puzzles.code import CodePuzzle
from escapebox.scenario.validator import validate
from tests.authoring.helpers import pack_folder


def test_normalised_answers_survive_a_pack_round_trip(tmp_path):
    folder = tmp_path / "tutorial"
    shutil.copytree(bundled_scenarios_dir() / "tutorial", folder)
    scenario = folder / "scenario.yaml"
    text = scenario.read_text(encoding="utf-8")
    assert "    answer: samen\n" in text
    # as pasted from Word: a soft hyphen, a ligature ĳ and a curly apostrophe
    text = text.replace("    answer: samen\n", "    answer: [sa\u00admen, \u0133sbeer, \"zo\u2019n\"]\n")
    scenario.write_text(text, encoding="utf-8")
    original, _pack = pack_folder(folder, tmp_path / "t.escapebox")
    assert "validate.invisible_char" in {p.code for p in validate(original)}
    again = load_pack(tmp_path / "t.escapebox").scenario
    codes = [pid for pid, p in original.scenario.puzzles.items() if isinstance(p, CodePuzzle)]
    for pid, puzzle in original.scenario.puzzles.items():
        if isinstance(puzzle, TextAnswerPuzzle):
            hashed = again.puzzles[pid]
            assert hashed.sealed
            for typed in ("SAMEN", "ijsbeer", "IJsbeer", "zo'n", puzzle.answer[0], "fout"):
                assert hashed.check(typed).correct == puzzle.check(typed).correct, (pid, typed)
    assert again.puzzles["wachtwoord"].check("samen").correct
    assert again.puzzles["wachtwoord"].check("ijsbeer").correct
    assert codes
    for pid in codes:
        solution = original.scenario.puzzles[pid].answer[0]
        wide = "".join(chr(ord(d) + 0xFEE0) for d in solution)  # full-width digits
        spaced = " ".join(solution)
        assert again.puzzles[pid].check(wide).correct and again.puzzles[pid].check(spaced).correct, pid
