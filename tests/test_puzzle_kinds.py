"""Adding a puzzle kind takes what CONTRIBUTING.md says, and nothing more.

Two kinds exist only in this file: ``dial`` (a lock: turn a dial the right
number of clicks) and ``poll`` (a choice where every option opens, like a
dilemma).  Each has its model, check, solution and lint, and a screen; the
test adds them to the registry (``escapebox.puzzles.KINDS``, as a contributor
adds a line there) and then uses Escapebox as a trainer and a group would:
the scenario is checked and validated, the solver, the walkthrough and the
auto-player finish it, the cards are printed, a pack is made and opened, the
report compares two groups, and the real screens play it to its end.  No
other module of Escapebox knows these kinds: if one had to, this test would
fail, and that place belongs in CONTRIBUTING.md.

The kinds' texts are literal Dutch here; a real kind's messages go in
``escapebox/locales/{nl,en}/*.toml`` (see the guide).
"""

from __future__ import annotations

import asyncio
import os
import re
from pathlib import Path
from typing import Annotated, Any, Literal

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

import escapebox.puzzles as kinds_registry  # noqa: E402
from escapebox.core.autoplayer import autoplay  # noqa: E402
from escapebox.core.clock import ManualClock  # noqa: E402
from escapebox.core.session import GameSession  # noqa: E402
from escapebox.debrief import build_debrief  # noqa: E402
from escapebox.i18n import LANGUAGES, Translator, catalogue  # noqa: E402
from escapebox.problems import EscapeboxError, Severity  # noqa: E402
from escapebox.puzzles.base import Finding, PuzzleBase, Verdict, index_list  # noqa: E402
from escapebox.puzzles.dilemma import DilemmaOption  # noqa: E402
from escapebox.scenario.types import between, length, part  # noqa: E402
from escapebox.ui.screens.puzzles import screen_classes  # noqa: E402
from escapebox.ui.screens.puzzles.base import PuzzleScreen  # noqa: E402
from escapebox.ui.widgets import Button  # noqa: E402

# ----------------------------------------------------------------- the kinds (escapebox/puzzles/<kind>.py)


@part
class DialPuzzle(PuzzleBase):
    """``dial``: turn a dial the right number of clicks; the answer is a whole number."""

    kind: Literal["dial"]
    clicks: Annotated[int, between(1, 20)]

    def check(self, answer: Any) -> Verdict:
        if isinstance(answer, int) and not isinstance(answer, bool) and answer == self.clicks:
            return Verdict(True, self.solved_text)
        return self.wrong()

    def solution(self) -> int:
        return self.clicks

    def describe_solution(self) -> str:
        return f"{self.clicks} klikken"

    def describe_answer(self, answer: Any) -> str:
        return f"{answer} klikken"

    def card_lines(self, tr, scenario_id: str, puzzle_id: str) -> list[str]:
        return ["Draai aan de knop: ( ) ( ) ( ) ( )"]

    def lint(self) -> list[Finding]:
        if self.clicks > 12:  # a real kind writes its own message; this test borrows one
            return [Finding("validate.puzzle.code_lengths_differ", ("clicks",), warning=True)]
        return []


@part
class PollPuzzle(PuzzleBase):
    """``poll``: the group votes; every option opens the lock and the vote is compared in the report."""

    kind: Literal["poll"]
    options: Annotated[tuple[DilemmaOption, ...], length(2, 4)]

    always_opens = True

    def check(self, answer: Any) -> Verdict:
        chosen = index_list(answer)
        if not chosen or len(chosen) != 1 or not 0 <= chosen[0] < len(self.options):
            return Verdict(False, None)
        return Verdict(True, self.options[chosen[0]].feedback or self.solved_text, option=chosen[0])

    def solution(self) -> list[int]:
        return [0]

    def solutions(self) -> list[Any]:
        return [[i] for i in range(len(self.options))]

    def describe_solution(self) -> str:
        return " | ".join(o.text for o in self.options)

    def describe_answer(self, answer: Any) -> str:
        chosen = index_list(answer) or []
        return " + ".join(self.options[i].text for i in chosen if 0 <= i < len(self.options))

    def card_lines(self, tr, scenario_id: str, puzzle_id: str) -> list[str]:
        return [f"☐ {option.text}" for option in self.options]


# ----------------------------------------------------------------- their screens (escapebox/ui/screens/puzzles/<kind>.py)


class DialScreen(PuzzleScreen):
    puzzle_kind = "dial"
    clicks = 0

    def build_answer(self, area: pygame.Rect) -> list:
        turn = Button(f"Klik ({self.clicks})", self.turn, key="turn")
        turn.rect = pygame.Rect(area.left, area.top, 400, 120)
        return [turn]

    def turn(self) -> None:
        self.clicks += 1
        self.layout()
        self.focus.focus_key("turn")
        self.app.invalidate()

    def wants_enter(self, widget) -> bool:
        return super().wants_enter(widget) or widget.key == "turn"

    def answer(self):
        return self.clicks

    def autoplay_answer(self, answer) -> list | None:
        return self.keys_to("turn", press="space") if self.clicks < answer else self.keys_to("submit")


class PollScreen(PuzzleScreen):
    puzzle_kind = "poll"
    submit_label = "ui.puzzle.choose"
    picked: int | None = None

    def build_answer(self, area: pygame.Rect) -> list:
        buttons = []
        for n, option in enumerate(self.puzzle.options):
            button = Button(option.text, lambda n=n: self.pick(n), key=f"option:{n}", selected=n == self.picked)
            button.rect = pygame.Rect(area.left, area.top + n * 140, 800, 120)
            buttons.append(button)
        return buttons

    def pick(self, n: int) -> None:
        self.picked = n
        self.layout()
        self.app.invalidate()

    def can_submit(self) -> bool:
        return self.picked is not None

    def answer(self):
        return [self.picked]

    def autoplay_answer(self, answer) -> list | None:
        if self.picked != answer[0]:
            return self.keys_to(f"option:{answer[0]}", press="space")
        return self.keys_to("submit")


# ----------------------------------------------------------------- a scenario that uses them

SCENARIO = """\
format: 1
id: nieuwe-soorten
title: Nieuwe soorten
summary: Een draaiknop en een stemming.
duration: 10
goals:
  samen: Je beslist samen.
start: hal
rooms:
  hal:
    name: De hal
    text: Een kluis met een draaiknop, en een bord waarop je kunt stemmen.
    objects:
      kluis:
        name: Kluis
        text: In de kluis ligt een briefje.
        locked_by: draai
        reveals: [briefje]
      bord:
        name: Stembord
        text: De stemming is gesloten.
        locked_by: stemming
clues:
  briefje:
    title: Briefje
    text: Stem samen over de pauze.
puzzles:
  draai:
    kind: dial
    title: De draaiknop
    question: Hoe vaak klikt de knop?
    clicks: 3
    hints: [Tel de strepen op de kluis.]
    goals: [samen]
  stemming:
    kind: poll
    title: De stemming
    question: Wanneer nemen we pauze?
    hints: [Lees het briefje.]
    needs: [briefje]
    goals: [samen]
    options:
      - text: Nu meteen
        feedback: Jullie kiezen voor rust.
        leads_to: rust
      - text: Na de overdracht
        feedback: Jullie maken het werk eerst af.
        leads_to: werk
endings:
  rust:
    title: Rust
    text: Eerst pauze.
  werk:
    title: Werk
    text: Eerst de overdracht.
"""


@pytest.fixture
def new_kinds(monkeypatch):
    """The registry with the two kinds added, as a contributor adds a line to KINDS; undone after the test."""
    monkeypatch.setattr(kinds_registry, "KINDS", kinds_registry.KINDS + (DialPuzzle, PollPuzzle))


@pytest.fixture
def folder(tmp_path, new_kinds) -> Path:
    place = tmp_path / "nieuwe-soorten"
    place.mkdir()
    (place / "scenario.yaml").write_text(SCENARIO, encoding="utf-8")
    return place


def loaded_from(folder: Path, text: str = SCENARIO):
    from escapebox.scenario.loader import load_scenario
    (folder / "scenario.yaml").write_text(text, encoding="utf-8")
    return load_scenario(folder)


# ----------------------------------------------------------------- the checks


def test_an_unregistered_kind_is_a_trainers_error(tmp_path):
    (tmp_path / "scenario.yaml").write_text(SCENARIO, encoding="utf-8")
    from escapebox.scenario.loader import load_scenario
    with pytest.raises(EscapeboxError) as caught:
        load_scenario(tmp_path)
    assert {p.code for p in caught.value.problems} == {"schema.union_tag_invalid"}


def test_registered_kinds_are_read_checked_and_validated(folder):
    from escapebox.authoring.checks import all_problems
    loaded = loaded_from(folder)
    assert isinstance(loaded.scenario.puzzles["draai"], DialPuzzle)
    assert isinstance(loaded.scenario.puzzles["stemming"], PollPuzzle)
    assert "dial" in kinds_registry.puzzle_kinds() and "poll" in kinds_registry.puzzle_kinds()
    assert all_problems(loaded) == []

    # the kind's own fields are checked by the format's rules…
    with pytest.raises(EscapeboxError) as caught:
        loaded_from(folder, SCENARIO.replace("clicks: 3", "clicks: 50"))
    assert [(p.code, p.path) for p in caught.value.problems] == [("schema.less_than_equal", "puzzles.draai.clicks")]
    # …a typo in the kind offers the new kinds too…
    with pytest.raises(EscapeboxError) as caught:
        loaded_from(folder, SCENARIO.replace("kind: dial", "kind: dail"))
    problem = caught.value.problems[0]
    assert problem.code == "schema.union_tag_invalid" and "dial" in problem.params["expected"]
    assert "dial" in problem.message(Translator("nl"))
    # …and its lint runs in the validator, with the place in the file
    warned = loaded_from(folder, SCENARIO.replace("clicks: 3", "clicks: 15"))
    found = [p for p in all_problems(warned) if p.path == "puzzles.draai.clicks"]
    assert [p.severity for p in found] == [Severity.WARNING] and found[0].line == SCENARIO.splitlines().index(
        "    clicks: 3") + 1


def test_the_solver_walkthrough_and_auto_player_finish_every_branch(folder, capsys):
    from escapebox.cli import main
    from escapebox.scenario.solver import solve
    loaded = loaded_from(folder)
    solution = solve(loaded.scenario, loaded.index)
    assert solution.solvable and sorted(b.ending for b in solution.branches) == ["rust", "werk"]
    for branch in range(len(solution.branches)):
        result = autoplay(GameSession.start(loaded, clock=ManualClock(), store=None, group="test"), branch)
        assert result.finished and not result.refused, result
    assert main(["walkthrough", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "3 klikken" in out and "Nu meteen" in out and "Na de overdracht" in out


def test_the_cards_and_the_answer_sheet_ask_the_kind(folder):
    from escapebox.print.cards import answer_sheet, build_cards
    loaded = loaded_from(folder)
    tr = Translator("nl")
    cards = {c.title: c for c in build_cards(loaded, tr) if c.kind == "puzzle"}
    assert cards["De draaiknop"].paragraphs == ["Hoe vaak klikt de knop?", "Draai aan de knop: ( ) ( ) ( ) ( )"]
    assert cards["De stemming"].paragraphs[1:] == ["☐ Nu meteen", "☐ Na de overdracht"]
    sheet = dict(answer_sheet(loaded, tr))
    assert any("3 klikken" in line for line in sheet["De draaiknop"])


def test_the_cli_prints_and_packs_it(folder, tmp_path):
    from escapebox.cli import main
    from escapebox.pack.open import open_scenario
    assert main(["print", str(folder), "-o", str(tmp_path / "kaarten.pdf")]) == 0
    assert (tmp_path / "kaarten.pdf").read_bytes().startswith(b"%PDF")
    assert main(["pack", str(folder), "-o", str(tmp_path / "doos.escapebox")]) == 0
    packed = open_scenario(tmp_path / "doos.escapebox")
    assert packed.scenario.puzzles["draai"].check(3).correct


def test_the_report_compares_the_groups(folder):
    from escapebox.report.compare import compare
    from escapebox.report.html import render_html
    from escapebox.report.markdown import render_markdown
    from escapebox.report.sources import ReportSession
    loaded = loaded_from(folder)
    sessions = []
    for branch, group in enumerate(("Groep Rust", "Groep Werk")):
        session = GameSession.start(loaded, clock=ManualClock(), store=None, group=group)
        assert autoplay(session, branch).finished
        debrief = build_debrief(loaded.scenario, session.state.events)
        sessions.append(ReportSession(group, group, "store", loaded.scenario, debrief))
    comparison = compare(sessions)
    dial = next(row for row in comparison.puzzles if row.id == "draai")
    assert [result.status for _, result in dial.results] == ["solved", "solved"]
    (poll,) = comparison.dilemmas
    assert poll.id == "stemming" and [o.groups for o in poll.options] == [("Groep Rust",), ("Groep Werk",)]
    tr = Translator("nl")
    for text in (render_markdown(sessions, tr, "nu"), render_html(sessions, tr, "nu")):
        assert "De draaiknop" in text and "Na de overdracht" in text


def test_the_ui_finds_the_screens_and_plays_every_branch(folder, tmp_path):
    from escapebox.scenario.loader import load_scenario
    from escapebox.ui.main import PlayOptions, play
    assert screen_classes()["dial"] is DialScreen and screen_classes()["poll"] is PollScreen
    loaded = load_scenario(folder)
    for branch in (0, 1):
        shots = tmp_path / f"shots-{branch}"
        options = PlayOptions(loaded=loaded, autoplay=True, fast=True, branch=branch, save=False, sound=False,
                              data_dir=tmp_path / "data", screenshot_dir=shots)
        code, summary = asyncio.run(play(options))
        assert code == 0 and "result=ok" in summary, summary
        names = " ".join(p.name for p in shots.iterdir())
        assert "puzzle-dial" in names and "puzzle-poll" in names, names
        assert ("'rust'" if branch == 0 else "'werk'") in summary


# ----------------------------------------------------------------- what every real kind must have


@pytest.mark.parametrize("kind", kinds_registry.puzzle_kinds())
def test_every_registered_kind_has_a_screen_and_a_name_in_every_language(kind):
    assert kind in screen_classes(), f"no screen declares puzzle_kind = {kind!r} in escapebox/ui/screens/puzzles/"
    for lang in LANGUAGES:
        assert f"authoring.graph.kind_{kind}" in catalogue(lang), (lang, kind)


def test_nothing_outside_the_kind_modules_switches_on_a_kind_name():
    """The guide promises that a new kind touches only its own files: no ``kind == "order"`` elsewhere.

    A plain search, so it knows a few shapes only: a puzzle's ``kind`` compared with a
    kind's name (``puzzle.kind != "dilemma"``, ``getattr(p, "kind", "") == …``), a local
    ``kind`` compared with one (``if kind in ("choice", "dilemma")``) and a mapping from
    names to classes (``"code": CodeScreen``).  The kinds' own modules may name themselves.
    """
    package = Path(kinds_registry.__file__).parents[1]
    names = "|".join(kinds_registry.puzzle_kinds())
    quoted = re.compile(rf"""["']({names})["']""")
    attribute = re.compile(r"""\.kind\b|["']kind["']""")
    local = re.compile(rf"""(?<![\w.])kind\s*(==|!=|in\b)\s*\(?\s*["']({names})["']""")
    mapping = re.compile(rf"""["']({names})["']\s*:\s*[\w.]*(Screen|Puzzle)\b""")
    own = {"base.py", "__init__.py"}
    found = []
    for path in package.rglob("*.py"):
        relative = path.relative_to(package).as_posix()
        if path.parent.name == "puzzles" and path.name not in own:
            continue                                   # escapebox/puzzles/<kind>.py, ui/screens/puzzles/<kind>.py
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if (("puzzle" in line.lower() and attribute.search(line) and quoted.search(line))
                    or local.search(line) or mapping.search(line)):
                found.append(f"{relative}:{number}: {line.strip()}")
    assert not found, found
