"""Issue #18's acceptance test: a scenario a trainer wrote from docs/authoring.md alone stays valid and playable.

tests/authoring/fresh/boventallig was written from the docs only, in a play-test of 3 December
(tests/authoring/fresh/README.md records every message met on the way).  It uses each puzzle kind,
a conversation, reflections at every moment and an ending per choice.  Keeping it here keeps the
docs' promises tested: if a change makes the documented way of writing a scenario invalid, or a
screen can no longer be played by keys or by mouse alone, this fails.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from escapebox.authoring.checks import all_problems  # noqa: E402
from escapebox.core.autoplayer import autoplay  # noqa: E402
from escapebox.core.clock import ManualClock  # noqa: E402
from escapebox.core.session import GameSession  # noqa: E402
from escapebox.i18n import Translator  # noqa: E402
from escapebox.scenario.index import ScenarioIndex  # noqa: E402
from escapebox.scenario.loader import load_scenario  # noqa: E402
from escapebox.scenario.solver import solve  # noqa: E402

FRESH = Path(__file__).parent / "fresh" / "boventallig"

#: What a game leaves behind whatever its speed (as in tests/ui/test_autoplay.py).
OUTCOME = ("visited", "clues", "inventory", "taken", "hidden_revealed", "opened", "choices", "hints",
           "wrong", "revealed", "reflections", "skipped_reflections", "ended", "ending")


def test_validates_strict_without_a_single_message():
    problems = all_problems(load_scenario(FRESH))
    tr = Translator("nl")
    assert [p.render(tr) for p in problems] == []


def test_uses_every_kind_the_docs_describe():
    scenario = load_scenario(FRESH).scenario
    kinds = {puzzle.kind for puzzle in scenario.puzzles.values()}
    assert kinds == {"code", "word", "choice", "order", "match", "spot", "combine", "meta", "dilemma"}
    assert len(scenario.rooms) >= 3 and len(scenario.endings) == 3


def test_every_choice_of_the_dilemma_has_its_own_ending():
    loaded = load_scenario(FRESH)
    branches = solve(loaded.scenario, ScenarioIndex(loaded.scenario)).branches
    endings = set()
    for branch in range(len(branches)):
        session = GameSession.start(loaded, ManualClock(), group="Autoplay")
        autoplay(session, branch)
        endings.add(session.state.ending)
    assert endings == {"boventallig-blijft", "extra-dienst", "school-belt"}


def _by_commands(loaded, branch: int) -> dict:
    session = GameSession.start(loaded, ManualClock(), group="Autoplay")
    autoplay(session, branch)
    return {name: getattr(session.state, name) for name in OUTCOME} | {"inspected": set(session.state.inspected)}


def _by_screens(loaded, branch: int, mode: str, data_dir) -> tuple[int, str, dict]:
    from escapebox.ui.main import PlayOptions, build_app

    options = PlayOptions(loaded=loaded, autoplay=True, autoplay_input=mode, fast=True, branch=branch, save=False,
                          sound=False, data_dir=data_dir)
    app = build_app(options)
    try:
        code = asyncio.run(app.run())
        played = app.game.session.state
        state = {name: getattr(played, name) for name in OUTCOME} | {"inspected": set(played.inspected)}
    finally:
        app.services.launcher.close()
        app.close()
    pilot = app.autopilot
    finished = pilot.finished() and not pilot.problems
    return (code if finished else code or 1), app.summary or pilot.summary(), state


@pytest.mark.parametrize("mode", ["keys", "mouse"])
def test_plays_every_branch_by_keys_and_by_mouse_alone(mode, tmp_path, monkeypatch):
    monkeypatch.setenv("ESCAPEBOX_DATA_DIR", str(tmp_path / "data"))
    loaded = load_scenario(FRESH)
    branches = len(solve(loaded.scenario, ScenarioIndex(loaded.scenario)).branches)
    for branch in range(branches):
        code, summary, state = _by_screens(loaded, branch, mode, tmp_path)
        assert code == 0 and "result=ok" in summary and f"input={mode}" in summary, summary
        expected = _by_commands(loaded, branch)
        # A lock on an object is reached on screen by opening the object, so the screens may inspect more.
        assert state.pop("inspected") >= expected.pop("inspected"), summary
        assert state == expected, summary


#: Mistakes a trainer made while writing the fresh scenario (README.md there): what was written
#: instead of the right text, and a piece of the line the first message must point at (when it is
#: not the first line of the mistake itself).
MISTAKES = [
    ("tab", "        icon: pushpin", "\ticon: pushpin", None),
    ("quote never closed", "Ik heb niemand.' Wat zeggen jullie?\"", "Ik heb niemand.' Wat zeggen jullie?",
     '    question: "Bram belt'),
    ("curly quotes", '    question: "Bram belt: ', '    question: \u201cBram belt: ', None),
    ("colon missing", "    name: Het kantoor van Bram", "    name Het kantoor van Bram", None),
    ("text opens with a quote", "        text: Het whiteboard is schoongeveegd. Je ziet nog vage vegen.",
     "        text: 'Alweer,' zucht Lotte. Het whiteboard is schoongeveegd.", None),
    ("windows path in double quotes", "    image: images/gang.svg", '    image: "images\\gang.svg"', None),
    ("windows path", "    image: images/gang.svg", "    image: images\\gang.svg", None),
    ("wrong id", "        locked_by: kluisje\n", "        locked_by: kluisj\n", None),
    ("misspelt field", "        hidden_text: >-", "        hidden_txt: >-", None),
    ("exit to an ending", "      - to: gesprek", "      - to: extra-dienst", None),
    ("dutch kind name", "    kind: spot", "    kind: zoekplaat", None),
    ("icon from the docs' example", "        icon: chart", "        icon: whiteboard", None),
    ("' #' in a text", "        text: Tussen de folders hangt het rooster van volgende week.",
     "        text: Tussen de folders hangt het rooster van week #12 van Lotte.", None),
    ("arrow", "      - Je spreekt de teammanager aan", "      - Je spreekt de teammanager aan → daarna Lotte", None),
    ("yes/no", "    decoy: ja", "    decoy: misschien", None),
    ("title gives the code", "    title: Het kluisje van Lotte", "    title: Het kluisje (code 417)", None),
    ("object indented as a room",
     "      postvak:\n        name: Postvak van Bram\n        icon: mailbox\n        text: In het postvak ligt een kaartje"
     " van de school met het nummer van de docent.\n        locked_by: wie-helpt",
     "  postvak:\n    name: Postvak van Bram\n    icon: mailbox\n    text: In het postvak ligt een kaartje"
     " van de school met het nummer van de docent.\n    locked_by: wie-helpt", "    icon: mailbox"),
    ("object field at the room", "    trainer_notes: Groepen vergeten",
     "    hidden_text: Achter de deur hangt een briefje.\n    trainer_notes: Groepen vergeten", None),
    ("option field at the dilemma", "    goals: [boventallig, reflectie]\n    minutes: 4",
     "    goals: [boventallig, reflectie]\n    reflection: eigen-grenzen\n    minutes: 4", "    reflection: eigen"),
    ("leads_to in a later turn", "              feedback: Je lost het probleem op zonder Lotte alleen te laten.",
     "              feedback: Je lost het probleem op zonder Lotte alleen te laten.\n              leads_to: extra-dienst",
     "              leads_to: extra-dienst"),
]

#: libyaml's and pydantic's own English, which must never reach a Dutch trainer.
ENGLISH = ("found ", "expected", "not allowed", "character", "mapping", "scalar", "Input should", "Field required")


@pytest.mark.parametrize("name, right, wrong, marker", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_each_mistake_is_said_in_dutch_at_its_own_line(name, right, wrong, marker, tmp_path):
    import shutil

    from escapebox.problems import EscapeboxError

    folder = tmp_path / "boventallig"
    shutil.copytree(FRESH, folder)
    text = (folder / "scenario.yaml").read_text(encoding="utf-8")
    assert right in text, name
    text = text.replace(right, wrong, 1)
    (folder / "scenario.yaml").write_text(text, encoding="utf-8")
    lines = text.split("\n")
    at = (marker or wrong.split("\n")[0])
    line = next(number for number, written in enumerate(lines, 1) if written.startswith(at))
    try:
        problems = all_problems(load_scenario(folder))
    except EscapeboxError as exc:
        problems = exc.problems
    said = [p.render(Translator("nl")) for p in problems]
    assert problems and problems[0].line == line, said
    assert not [s for s in said if any(word in s for word in ENGLISH)], said
    assert "schema.too_short" not in {p.code for p in problems}, said
