"""validate --pack does not count sources and trainer notes as text a pack shows (issue #18).

Needs the one-line change in escapebox/scenario/guessable.py (``_ANSWER_KEYS``): a pack keeps those
only in the trainer's part, so an answer written in a trainer note cannot be found by unpacking.
"""

from escapebox.scenario.loader import load_scenario
from tests.authoring.helpers import bundled_scenarios

FOLDER = next(p for p in bundled_scenarios() if p.name == "voorbeeld-compleet")



def test_validate_pack_never_points_at_a_trainer_note_as_readable_text(tmp_path):
    """A pack keeps trainer notes in the trainer's part only: an answer in one is not found by unpacking."""
    import shutil
    from escapebox.authoring.checks import all_problems
    folder = tmp_path / "voorbeeld-compleet"
    shutil.copytree(FOLDER, folder)
    yaml_file = folder / "scenario.yaml"
    lines = yaml_file.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(n for n, line in enumerate(lines) if line.startswith("trainer_notes: >-"))
    lines[start:start + 3] = ["trainer_notes: Het wachtwoord is WelkomDaan.\n"]   # the note's three lines
    yaml_file.write_text("".join(lines), encoding="utf-8")
    loaded = load_scenario(folder)
    assert "WelkomDaan" in loaded.scenario.trainer_notes
    wheres = [p.params["where"] for p in all_problems(loaded, for_pack=True) if p.code == "validate.pack.answer_in_text"]
    assert wheres and not any("trainer_notes" in where or "sources" in where for where in wheres), wheres
