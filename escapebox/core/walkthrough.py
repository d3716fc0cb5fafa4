"""Turn a solved branch into the commands a group would give, shortest first.

The solver records every safe step it took, including ones the ending does
not need (reading a poster that only serves another branch).  We keep only
the steps the ending depends on — tracing back from the final lock through
``needs``, items, earlier locks and the doors on the way — and then add the
walking between rooms.  The result is both the printed walkthrough and the
plan the auto-player follows through the public command API.
"""

from __future__ import annotations

from dataclasses import dataclass

from escapebox.core import commands as C
from escapebox.scenario.index import ScenarioIndex
from escapebox.scenario.solver import Branch, Step


@dataclass(frozen=True)
class PlannedCommand:
    command: C.Command
    room: str


def needed_steps(branch: Branch, index: ScenarioIndex) -> list[Step]:
    """The subset of a branch's steps that its ending (and its choices) rely on."""
    steps = branch.steps
    producers = _producers(steps, index)
    keep = {i for i, step in enumerate(steps) if step.kind == "answer" and _is_key_step(step, index)}
    todo = list(keep)
    while todo:
        position = todo.pop()
        for requirement in _requirements(steps[position], index, steps[:position]):
            source = producers.get(requirement)
            if source is not None and source < position and source not in keep:
                keep.add(source)
                todo.append(source)
    kept = sorted(keep)
    depends = {i: {producers[r] for r in _requirements(steps[i], index, steps[:i])
                   if producers.get(r, i) < i and producers[r] in keep} for i in kept}
    return [steps[i] for i in _schedule(kept, depends, steps, index)]


def _schedule(kept: list[int], depends: dict[int, set[int]], steps: list[Step], index: ScenarioIndex) -> list[int]:
    """Reorder steps to walk less: nearest room first, never before what a step depends on.

    Steps that move the group or choose in a dilemma stay where they are, as
    fences: everything before them must happen before them.
    """
    order: list[int] = []
    state = {"here": index.scenario.start, "opened": set()}
    segment: list[int] = []
    for position in kept:
        if steps[position].kind == "answer" and _is_key_step(steps[position], index):
            order += _nearest_first(segment, depends, steps, index, state, set(order))
            segment = []
            order.append(position)
            _advance(steps[position], index, state)
        else:
            segment.append(position)
    return order + _nearest_first(segment, depends, steps, index, state, set(order))


def _nearest_first(segment, depends, steps, index, state, done: set[int]) -> list[int]:
    chosen: list[int] = []
    waiting = list(segment)
    while waiting:
        ready = [i for i in waiting if depends[i] <= done] or waiting[:1]

        def distance(i: int) -> tuple[int, int]:
            route = index.path(state["here"], steps[i].room, state["opened"])
            return (len(route) if route is not None else 10**6, i)
        best = min(ready, key=distance)
        waiting.remove(best)
        chosen.append(best)
        done.add(best)
        _advance(steps[best], index, state)
    return chosen


def _advance(step: Step, index: ScenarioIndex, state: dict) -> None:
    state["here"] = step.room
    if step.kind == "answer":
        state["opened"].add(step.target)
        puzzle = index.scenario.puzzles[step.target]
        target = puzzle.leads_to
        if puzzle.always_opens and isinstance(step.detail, list):
            target = puzzle.options[step.detail[0]].leads_to or target
        if target in index.scenario.rooms:
            state["here"] = target


def _is_key_step(step: Step, index: ScenarioIndex) -> bool:
    """Dilemma choices and locks that move the group or end the game are never pruned."""
    puzzle = index.scenario.puzzles[step.target]
    return puzzle.always_opens or bool(puzzle.leads_to)


def _producers(steps: list[Step], index: ScenarioIndex) -> dict[str, int]:
    """For each clue, item, opened lock and inspected object: the first step that produced it."""
    first: dict[str, int] = {}
    scenario = index.scenario
    for position, step in enumerate(steps):
        products: list[str] = []
        if step.kind == "inspect":
            products = [f"object:{step.target}"] + [f"clue:{c}" for c in index.objects[step.target].reveals]
        elif step.kind in ("take", "combine"):
            products = [f"item:{step.target}"]
        elif step.kind == "use":
            products = [f"clue:{c}" for c in index.objects[step.target].hidden_reveals]
        elif step.kind == "answer":
            puzzle = scenario.puzzles[step.target]
            products = [f"puzzle:{step.target}"] + [f"clue:{c}" for c in puzzle.reveals]
            products += [f"item:{i}" for i in puzzle.gives]
            if puzzle.always_opens and isinstance(step.detail, list):
                option = puzzle.options[step.detail[0]]
                products += [f"clue:{c}" for c in option.reveals] + [f"item:{i}" for i in option.gives]
        for product in products:
            first.setdefault(product, position)
    return first


def _requirements(step: Step, index: ScenarioIndex, before: list[Step]) -> list[str]:
    scenario = index.scenario
    needs = [f"puzzle:{p}" for p in _locks_on_way(index, step.room, before)]
    if step.kind == "inspect":
        lock = index.objects[step.target].locked_by
        needs += [f"puzzle:{lock}"] if lock else []
    elif step.kind == "take":
        source = next((s.target for s in reversed(before) if s.kind == "inspect"
                       and step.target in index.objects[s.target].gives), None)
        needs += [f"object:{source}"] if source else []
    elif step.kind == "use":
        needs += [f"object:{step.target}", f"item:{step.detail}"]
    elif step.kind == "combine":
        needs += [f"item:{i}" for i in step.detail]
    elif step.kind == "answer":
        puzzle = scenario.puzzles[step.target]
        needs += [f"clue:{n}" if n in scenario.clues else f"item:{n}" for n in puzzle.needs]
        needs += [f"item:{i}" for i in puzzle.required_items()]
        needs += [f"puzzle:{p}" for p in puzzle.prerequisite_puzzles()]
    return needs


def _locks_on_way(index: ScenarioIndex, room: str, before: list[Step]) -> list[str]:
    """Locks of the doors between the start (or the last move) and ``room``."""
    origin, opened = index.scenario.start, set()
    for step in before:
        if step.kind == "answer":
            opened.add(step.target)
            target = index.scenario.puzzles[step.target].leads_to
            if target in index.scenario.rooms:
                origin = target
    route = index.path(origin, room, opened) or []
    locks, here = [], origin
    for nxt in route:
        door = index.door(here, nxt)
        if door and door.locked_by:
            locks.append(door.locked_by)
        here = nxt
    return locks


def plan(branch: Branch, index: ScenarioIndex) -> list[PlannedCommand]:
    """Commands in order, with the walking between rooms added."""
    scenario = index.scenario
    here, planned = scenario.start, []
    opened: set[str] = set()
    for step in needed_steps(branch, index):
        for room in index.path(here, step.room, opened) or []:
            planned.append(PlannedCommand(C.EnterRoom(room), here))
            here = room
        planned.extend(PlannedCommand(c, here) for c in _commands(step))
        if step.kind == "answer":
            opened.add(step.target)
            puzzle = scenario.puzzles[step.target]
            target = puzzle.leads_to
            if puzzle.always_opens and isinstance(step.detail, list):
                target = puzzle.options[step.detail[0]].leads_to or target
            if target in scenario.rooms:
                here = target
    return planned


def _commands(step: Step) -> list[C.Command]:
    if step.kind == "inspect":
        return [C.Inspect(step.target)]
    if step.kind == "take":
        return [C.TakeItem(step.target)]
    if step.kind == "use":
        return [C.UseItem(step.detail, step.target)]
    if step.kind == "combine":
        return [C.CombineItems(tuple(step.detail))]
    return [C.TryAnswer(step.target, step.detail)]
