"""Locks a group can open without thinking: the screen already offers the answer.

Three shapes of that can happen, and the validator warns about each, at the field
to change:

- **spot**: the right area covers the centre of the picture.  The keyboard
  crosshair would start there; the screen starts it at the nearest point outside
  every area instead (:func:`crosshair_start`), but then the crosshair sits right
  beside the answer and points at it.
- **combine**: when the lock can first be tried, the backpack holds exactly the
  items it needs, so "pick everything" opens it.  The backpack is the one the
  group has at that moment on the solver's walk (every branch).
- **choice**: every option is right, so "tick everything" opens it.

Other kinds cannot start solved: ``order`` and ``match`` show their lists through
:func:`escapebox.puzzles.base.shown_order`, which is never the solved order (and a
match starts with no pairs); a choice has at least two options.  The free solves
live in what each kind's screen starts with, so this module knows these kinds by
their class; a new kind whose screen could start on its answer adds its case here.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from escapebox.puzzles.choice import ChoicePuzzle
from escapebox.puzzles.combine import CombinePuzzle
from escapebox.puzzles.spot import SpotPuzzle
from escapebox.scenario.area import Area
from escapebox.scenario.model import Scenario
from escapebox.scenario.solver import Branch, Solution

#: Where a picture's crosshair starts when nothing is there: the middle, in percent.
CENTRE = (50.0, 50.0)
#: The grid a covered centre gives way to, in percent: the spot screen's arrow-key step,
#: so the start is a point the arrows reach anyway.
START_GRID = 2.0

#: (message code, YAML path, message parameters): the validator adds file, line and column.
Finding = tuple[str, tuple, dict]


def crosshair_start(areas: Iterable[Area]) -> tuple[float, float]:
    """Where a spot puzzle's crosshair starts: never inside ``areas`` (the target and the decoys).

    The centre when it is free, else the free grid point nearest to it (ties: the
    higher one, then the one further left, so the start is the same every time).  If
    the areas leave no grid point free, the centre: the screen still asks the group to
    choose a point before it checks one.
    """
    areas = tuple(areas)
    if not _covered(CENTRE, areas):
        return CENTRE
    steps = int(100 / START_GRID)
    grid = ((i * START_GRID, j * START_GRID) for i in range(1, steps) for j in range(1, steps))
    free = [point for point in grid if not _covered(point, areas)]
    if not free:
        return CENTRE
    return min(free, key=lambda p: ((p[0] - CENTRE[0]) ** 2 + (p[1] - CENTRE[1]) ** 2, p[1], p[0]))


def spot_areas(puzzle: SpotPuzzle) -> tuple[Area, ...]:
    """Every area of a spot puzzle that checking a point inside would answer: the target and the decoys."""
    return (puzzle.target, *(decoy.area for decoy in puzzle.decoys))


def _covered(point: tuple[float, float], areas: tuple[Area, ...]) -> bool:
    return any(area.contains(*point) for area in areas)


def free_solves(scenario: Scenario, solution: Solution) -> list[Finding]:
    """Every lock the screen would open for a group that does not think, as validator warnings."""
    found: list[Finding] = []
    backpacks = _first_backpacks(scenario, solution.branches)
    for pid, puzzle in scenario.puzzles.items():
        if puzzle.sealed:           # from a pack without the trainer's password: no answers to look at
            continue
        if isinstance(puzzle, SpotPuzzle) and puzzle.target.contains(*CENTRE):
            found.append(("validate.spot_target_at_centre", ("puzzles", pid, "target"),
                          {"puzzle": pid, "area": puzzle.target.describe()}))
        elif isinstance(puzzle, CombinePuzzle) and set(puzzle.items) in backpacks.get(pid, []):
            found.append(("validate.combine_select_all", ("puzzles", pid, "items"),
                          {"puzzle": pid, "items": [f"'{item}'" for item in puzzle.items]}))
        elif isinstance(puzzle, ChoicePuzzle) and all(option.correct for option in puzzle.options):
            found.append(("validate.choice_all_correct", ("puzzles", pid, "options"), {"puzzle": pid}))
    return found


def _first_backpacks(scenario: Scenario, branches: list[Branch]) -> dict[str, list[set[str]]]:
    """Puzzle id → the backpack at the moment the solver's walk opens it, one per branch that does."""
    found: dict[str, list[set[str]]] = {}
    for branch in branches:
        for pid, backpack in _backpacks_along(scenario, branch):
            found.setdefault(pid, []).append(backpack)
    return found


def _backpacks_along(scenario: Scenario, branch: Branch) -> Iterator[tuple[str, set[str]]]:
    """Replay a branch's steps as the rules would fold them into the inventory (``core/state.py``).

    The solver opens a lock as soon as it holds what the lock needs, after every safe
    step (each reachable object looked at, each item taken), so this is also the
    fullest backpack the group can have when it first tries the lock.
    """
    held: set[str] = set()
    taken: set[str] = set()
    options = dict(branch.choices)

    def give(items) -> None:
        for item in items:
            if item not in taken:       # the rules never give an item twice, even once it was combined away
                taken.add(item)
                held.add(item)

    for step in branch.steps:
        if step.kind == "take":
            give([step.target])
        elif step.kind == "combine":
            held.difference_update(step.detail)
            give([step.target])
        elif step.kind == "answer":
            yield step.target, set(held)
            puzzle = scenario.puzzles[step.target]
            give(puzzle.gives)
            if puzzle.always_opens and step.target in options:
                give(puzzle.options[options[step.target]].gives)
