"""Small text is looked for in every picture a group reads, not only in clue pictures (issue #16).

student-met-rugzak's team-app chat is the spot puzzle's picture, no clue: its names of the days and
its times were 30 px on a beamer, under the 33 px the lint asks, and no warning said so.
"""

import shutil
from pathlib import Path

from escapebox.scenario.loader import load_scenario
from escapebox.scenario.readability import picture_text_problems

REPO = Path(__file__).resolve().parents[1]
RUGZAK = REPO / "scenarios" / "student-met-rugzak"


def old_team_app() -> bytes:
    """The chat as it was: its 33-unit times and day names at their old 30 units (the outlines' scale)."""
    drawing = (RUGZAK / "images" / "team-app.svg").read_text(encoding="utf-8")
    assert "matrix(0.03300 " in drawing
    return drawing.replace("matrix(0.03300 0 0 -0.03300 ", "matrix(0.03000 0 0 -0.03000 ").encode("utf-8")


def copy_of_rugzak(tmp_path: Path) -> Path:
    folder = tmp_path / "rugzak"
    shutil.copytree(RUGZAK, folder)
    return folder


def test_a_puzzle_picture_with_small_text_is_named(tmp_path):
    folder = copy_of_rugzak(tmp_path)
    (folder / "images" / "team-app.svg").write_bytes(old_team_app())
    [(code, path, params)] = picture_text_problems(load_scenario(folder))
    assert code == "validate.svg_small_text" and path == ("puzzles", "team-app", "image")
    assert params["file"] == "images/team-app.svg" and params["px"] == 30


def test_an_object_picture_is_checked_and_a_shared_drawing_named_once(tmp_path):
    folder = copy_of_rugzak(tmp_path)
    (folder / "images" / "klein.svg").write_bytes(old_team_app())
    loaded = load_scenario(folder)
    tablet = loaded.scenario.rooms["teampost"].objects["tablet"]
    object.__setattr__(tablet, "image", "images/klein.svg")
    object.__setattr__(loaded.scenario.items[next(iter(loaded.scenario.items))], "image", "images/klein.svg")
    found = picture_text_problems(loaded)
    assert [path for _code, path, _params in found] == [("rooms", "teampost", "objects", "tablet", "image")]
