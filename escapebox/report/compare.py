"""Line the groups of one scenario up: per puzzle, per dilemma, per reflection prompt.

The debrief of a leerfestival is richer when groups see each other's
choices and answers ("jullie kozen A, de andere twee groepen B — waarom?"),
so the comparison is organised by question, not by group.
"""

from __future__ import annotations

from dataclasses import dataclass

from escapebox.debrief import DilemmaChoice, PuzzleResult, ReflectionAnswer
from escapebox.report.sources import ReportSession


@dataclass(frozen=True)
class PuzzleRow:
    """One puzzle and how each group did (``None`` when the puzzle is not in that group's version)."""

    id: str
    title: str
    results: tuple[tuple[str, PuzzleResult | None], ...]


@dataclass(frozen=True)
class OptionCount:
    index: int
    text: str
    groups: tuple[str, ...]
    #: a conversation: each group's talk after this first choice (group, choice), for the groups that talked on
    talks: tuple[tuple[str, DilemmaChoice], ...] = ()

    @property
    def quiet(self) -> tuple[str, ...]:
        """The groups that chose this option and did not talk on: a report names the others before their talk."""
        talked = {group for group, _ in self.talks}
        return tuple(g for g in self.groups if g not in talked)


@dataclass(frozen=True)
class DilemmaRow:
    id: str
    title: str
    question: str
    options: tuple[OptionCount, ...]
    not_reached: tuple[str, ...]   #: groups that never made this choice


@dataclass(frozen=True)
class PromptRow:
    """One reflection prompt with every group's answer: text, ``None`` = skipped, missing = not reached."""

    id: str
    prompt: str
    kind: str
    answers: tuple[tuple[str, ReflectionAnswer | None], ...]
    not_reached: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    scenario_id: str
    title: str
    groups: tuple[str, ...]
    puzzles: tuple[PuzzleRow, ...]
    dilemmas: tuple[DilemmaRow, ...]
    prompts: tuple[PromptRow, ...]
    questions: tuple[str, ...]
    debrief_text: str


def comparisons(sessions: list[ReportSession]) -> list[Comparison]:
    """One comparison per scenario that at least two sessions played."""
    by_scenario: dict[str, list[ReportSession]] = {}
    for s in sessions:
        by_scenario.setdefault(s.debrief.scenario_id, []).append(s)
    return [compare(group) for group in by_scenario.values() if len(group) >= 2]


def compare(sessions: list[ReportSession]) -> Comparison:
    first = sessions[0]
    return Comparison(
        scenario_id=first.debrief.scenario_id, title=first.debrief.scenario_title,
        groups=tuple(s.label for s in sessions),
        puzzles=tuple(_puzzles(sessions)), dilemmas=tuple(_dilemmas(sessions)),
        prompts=tuple(_prompts(sessions)),
        questions=first.debrief.questions, debrief_text=first.debrief.debrief_text,
    )


def _puzzles(sessions: list[ReportSession]):
    titles: dict[str, str] = {}
    for s in sessions:
        for p in s.debrief.puzzles:
            titles.setdefault(p.id, p.title)
    for pid, title in titles.items():
        yield PuzzleRow(pid, title, tuple((s.label, s.debrief.puzzle(pid)) for s in sessions))


def _dilemmas(sessions: list[ReportSession]):
    """Puzzles whose every answer opens the lock are choices (dilemmas): count who chose which option."""
    first = sessions[0].scenario
    for pid, puzzle in first.puzzles.items():
        if not puzzle.always_opens:
            continue
        made = {s.label: c for s in sessions for c in s.debrief.choices if c.puzzle == pid}
        chosen = {label: c.option for label, c in made.items()}
        options = tuple(OptionCount(i, o.text, tuple(g for g, n in chosen.items() if n == i),
                                    tuple((g, c) for g, c in made.items() if c.option == i and c.talk))
                        for i, o in enumerate(puzzle.options))
        missing = tuple(s.label for s in sessions if s.label not in chosen)
        yield DilemmaRow(pid, puzzle.title, puzzle.question, options, missing)


def _prompts(sessions: list[ReportSession]):
    first = sessions[0].scenario
    for rid, reflection in first.reflections.items():
        answers, missing = [], []
        for s in sessions:
            answer = s.debrief.reflection(rid)
            skipped = any(r.id == rid for r in s.debrief.skipped_reflections)
            if answer or skipped:
                answers.append((s.label, answer))
            else:
                missing.append(s.label)
        if answers:
            yield PromptRow(rid, reflection.prompt, reflection.kind, tuple(answers), tuple(missing))
