"""Play a scenario to its end through the public command API.

The auto-player follows the solver's walkthrough for one dilemma branch,
answering reflection prompts as they come, and reports whether the real
rules agreed with the plan at every step.  The tests run it on every
bundled scenario and every branch, so a scenario that cannot be finished
fails CI; the UI's ``--autoplay`` uses the same plan but presses keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.core.session import GameSession
from escapebox.core.walkthrough import PlannedCommand, plan
from escapebox.scenario.branches import ending_label
from escapebox.scenario.solver import Solution, solve


@dataclass
class AutoplayResult:
    finished: bool
    ending: str | None
    commands: int
    refused: list[str] = field(default_factory=list)
    #: ``ending 'naam'`` or ``ending 'naam' (variant 'keuze')``, for the summary line
    label: str = ""


def branch_plan(session: GameSession, branch: int = 0, solution: Solution | None = None) -> list[PlannedCommand]:
    solution = solution or solve(session.scenario, session.index)
    if not solution.branches:
        return []
    return plan(solution.branches[branch % len(solution.branches)], session.index)


def reflection_answer(session: GameSession, reflection_id: str) -> C.Command:
    """A neutral answer of the right shape, so the debrief shows something."""
    reflection = session.scenario.reflections[reflection_id]
    if reflection.kind == "scale":
        scale = reflection.scale_or_default
        return C.AnswerReflection(reflection_id, str((scale.min + scale.max) // 2))
    text = "besproken" if reflection.kind == "discuss" else "automatisch antwoord"
    return C.AnswerReflection(reflection_id, text)


def autoplay(session: GameSession, branch: int = 0) -> AutoplayResult:
    result = AutoplayResult(False, None, 0)
    for planned in branch_plan(session, branch):
        _answer_reflections(session, result)
        if session.state.ended:
            break
        events = session.apply(planned.command)
        result.commands += 1
        result.refused += [f"{type(planned.command).__name__}: {e.reason}"
                           for e in events if isinstance(e, E.CommandRefused)]
    _answer_reflections(session, result)
    result.finished = session.state.ending is not None
    result.ending = session.state.ending
    result.label = ending_label(session.scenario, session.state.ending, session.state.choices)
    return result


def _answer_reflections(session: GameSession, result: AutoplayResult) -> None:
    while (reflection := session.current_reflection()) is not None:
        session.apply(reflection_answer(session, reflection))
        result.commands += 1
