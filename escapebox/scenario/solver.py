"""Prove that a scenario can be finished, on every dilemma branch.

The solver plays an abstract, fast version of the rules: it tracks which
rooms are reachable, which clues and items the group has and which locks
are open, and does every safe step it can (inspect, take, use an item,
solve a lock whose ``needs`` are met) until nothing is left.  Only then
does it take steps that cannot be undone: combining items, locks that move
the group to another room, dilemmas (one branch per option) and finally a
lock that ends the game.  Work lists keep this linear in the size of the
scenario, so a 500-room scenario is checked in a blink.

A branch that cannot reach an ending is a dead end; whatever no branch
reaches is unreachable.  The steps recorded along the way become the
walkthrough the auto-player follows.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

from escapebox.scenario.branches import chosen_ids, object_present
from escapebox.scenario.index import ScenarioIndex
from escapebox.scenario.model import Scenario

MAX_BRANCHES = 64


@dataclass(frozen=True)
class Step:
    """One abstract action: ``kind`` in inspect, take, use, combine, answer, choose."""

    kind: str
    target: str
    room: str
    #: the answer (answer, choose), the item used (use), the items combined (combine)
    detail: Any = None


@dataclass
class Branch:
    choices: list[tuple[str, int]] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    ending: str | None = None
    stuck: dict[str, list[str]] = field(default_factory=dict)
    rooms: set[str] = field(default_factory=set)
    objects: set[str] = field(default_factory=set)
    clues: set[str] = field(default_factory=set)
    items: set[str] = field(default_factory=set)
    puzzles: set[str] = field(default_factory=set)


@dataclass
class Solution:
    branches: list[Branch]
    truncated: bool = False

    @property
    def solvable(self) -> bool:
        return bool(self.branches) and all(b.ending for b in self.branches)

    def reached(self, kind: str) -> set[str]:
        found: set[str] = set()
        for branch in self.branches:
            found |= getattr(branch, kind)
        return found


class _Explorer:
    """The state of one branch; copied when a dilemma splits the road."""

    def __init__(self, scenario: Scenario, index: ScenarioIndex):
        self.s, self.ix = scenario, index
        self.branch = Branch()
        self.room = scenario.start
        self.reachable: set[str] = set()
        self.opened: set[str] = set()
        self.have: set[str] = set()        # clues found and items ever taken
        self.inventory: set[str] = set()
        self.done_objects: set[str] = set()
        self.revealed_hidden: set[str] = set()
        self.queue: deque[tuple] = deque()

    def copy(self) -> "_Explorer":
        twin = _Explorer(self.s, self.ix)
        twin.branch = Branch(list(self.branch.choices), list(self.branch.steps), None, {},
                             set(self.branch.rooms), set(self.branch.objects), set(self.branch.clues),
                             set(self.branch.items), set(self.branch.puzzles))
        twin.room = self.room
        for name in ("reachable", "opened", "have", "inventory", "done_objects", "revealed_hidden"):
            setattr(twin, name, set(getattr(self, name)))
        return twin

    # ----- reachability ------------------------------------------------------------
    def spread(self) -> None:
        """Walk every open door from the current room; new rooms bring their objects."""
        seen, todo = {self.room}, deque([self.room])
        while todo:
            room = todo.popleft()
            for door in self.ix.doors[room]:
                if door.target not in seen and (door.locked_by is None or door.locked_by in self.opened):
                    seen.add(door.target)
                    todo.append(door.target)
        for room in seen - self.reachable:
            self.branch.rooms.add(room)
            for oid in self.s.rooms[room].objects:
                self.queue.append(("object", oid))
        self.reachable = seen

    # ----- safe steps ----------------------------------------------------------------
    def settle(self) -> None:
        """Do every safe step until none is left."""
        self.spread()
        while True:
            while self.queue:
                kind, target = self.queue.popleft()
                if kind == "object":
                    self._object(target)
            plain = self._plain_ready()
            if not plain:
                return
            for pid in plain:
                if pid not in self.opened and not self.missing(pid):
                    self._solve(pid, self.s.puzzles[pid].solution())

    def _object(self, oid: str) -> None:
        obj, room = self.ix.objects[oid], self.ix.object_room[oid]
        if room not in self.reachable or (obj.locked_by and obj.locked_by not in self.opened):
            return
        if not object_present(obj, chosen_ids(self.s, self.branch.choices)):
            return  # queued again when its choice is made (_solve)
        if oid not in self.done_objects:
            self.done_objects.add(oid)
            self.branch.objects.add(oid)
            self._step("inspect", oid, room)
            self._gain_clues(obj.reveals)
            for item in obj.gives:
                if item not in self.have:
                    self._step("take", item, room)
                    self._gain_item(item)
        if obj.needs_item and obj.needs_item in self.inventory and oid not in self.revealed_hidden:
            self.revealed_hidden.add(oid)
            self._step("use", oid, room, obj.needs_item)
            self._gain_clues(obj.hidden_reveals)

    def _gain_clues(self, clues) -> None:
        for clue in clues:
            if clue not in self.have:
                self.have.add(clue)
                self.branch.clues.add(clue)

    def _gain_item(self, item: str) -> None:
        self.have.add(item)
        self.inventory.add(item)
        self.branch.items.add(item)
        for oid in self.ix.objects_needing.get(item, ()):
            self.queue.append(("object", oid))

    def _step(self, kind: str, target: str, room: str, detail=None) -> None:
        self.branch.steps.append(Step(kind, target, room, detail))

    # ----- locks ---------------------------------------------------------------------
    def missing(self, pid: str) -> list[str]:
        puzzle = self.s.puzzles[pid]
        lacking = [n for n in puzzle.needs if n not in self.have]
        lacking += [i for i in puzzle.required_items() if i not in self.inventory]
        lacking += [p for p in puzzle.prerequisite_puzzles() if p not in self.opened]
        return lacking

    def blocked(self) -> dict[str, list[str]]:
        """Locks the group can see but not open, with what each still lacks."""
        return {pid: self.missing(pid) for pid in self.s.puzzles
                if pid not in self.opened and self.located(pid) and self.missing(pid)}

    def located(self, pid: str) -> str | None:
        rooms = self.ix.puzzle_rooms.get(pid, ())
        return next((r for r in rooms if r in self.reachable), None)

    def candidates(self) -> list[str]:
        return [pid for pid in self.s.puzzles
                if pid not in self.opened and self.located(pid) and not self.missing(pid)]

    def _plain_ready(self) -> list[str]:
        return [pid for pid in self.candidates()
                if not self.s.puzzles[pid].always_opens and not self.s.puzzles[pid].leads_to]

    def _solve(self, pid: str, answer, option: int | None = None) -> None:
        puzzle = self.s.puzzles[pid]
        room = self.located(pid)
        assert room is not None, pid  # only candidates are solved, and a candidate is located
        self._step("answer", pid, room, answer)
        self.opened.add(pid)
        self.branch.puzzles.add(pid)
        self._gain_clues(puzzle.reveals)
        for item in puzzle.gives:
            self._gain_item(item)
        leads_to = puzzle.leads_to
        if option is not None:
            chosen = puzzle.options[option]
            self.branch.choices.append((pid, option))
            self._gain_clues(chosen.reveals)
            for item in chosen.gives:
                self._gain_item(item)
            leads_to = chosen.leads_to or leads_to
            if chosen.id:
                self.queue.extend(("object", oid) for oid, obj in self.ix.objects.items() if obj.only_after == chosen.id)
        for oid in self.ix.objects_locked_by.get(pid, ()):
            self.queue.append(("object", oid))
        if leads_to in self.s.endings:
            self.branch.ending = leads_to
        elif leads_to in self.s.rooms:
            self.room = leads_to
            self.reachable = self.reachable & {leads_to}
        self.spread()

    def combine(self) -> bool:
        needed = self._needed_items()
        for combo in self.s.combinations:
            if combo.gives not in self.have and combo.gives in needed and all(i in self.inventory for i in combo.items):
                self._step("combine", combo.gives, self.room, tuple(combo.items))
                self.inventory -= set(combo.items)
                self._gain_item(combo.gives)
                return True
        return False

    def _needed_items(self) -> set[str]:
        needed = {obj.needs_item for obj in self.ix.objects.values() if obj.needs_item}
        for puzzle in self.s.puzzles.values():
            needed |= set(puzzle.needs) | set(puzzle.required_items())
        for combo in self.s.combinations:
            needed |= set(combo.items)
        return needed


def solve(scenario: Scenario, index: ScenarioIndex | None = None) -> Solution:
    index = index or ScenarioIndex(scenario)
    finished: list[Branch] = []
    todo = [_Explorer(scenario, index)]
    truncated = False
    while todo:
        explorer = todo.pop()
        outcome = _run(explorer)
        if isinstance(outcome, list):
            if len(finished) + len(todo) + len(outcome) > MAX_BRANCHES:
                truncated = True
                outcome = outcome[:1]
            todo.extend(reversed(outcome))
        else:
            finished.append(outcome)
    return Solution(finished, truncated)


def _run(explorer: _Explorer):
    """Play one branch until it ends, gets stuck, or splits at a dilemma."""
    s = explorer.s
    while explorer.branch.ending is None:
        explorer.settle()
        if explorer.combine():
            continue
        ready = explorer.candidates()
        moves = [p for p in ready if s.puzzles[p].leads_to in s.rooms and not s.puzzles[p].always_opens]
        dilemmas = [p for p in ready if s.puzzles[p].always_opens]
        endings = [p for p in ready if p not in moves and p not in dilemmas]
        if moves:
            explorer._solve(moves[0], s.puzzles[moves[0]].solution())
        elif dilemmas:
            pid = dilemmas[0]
            forks = []
            for option in range(len(s.puzzles[pid].options)):
                twin = explorer.copy()
                twin._solve(pid, [option], option)
                forks.append(twin)
            return forks
        elif endings:
            explorer._solve(endings[0], s.puzzles[endings[0]].solution())
        else:
            explorer.branch.stuck = explorer.blocked()
            return explorer.branch
    explorer.branch.stuck = explorer.blocked()
    return explorer.branch
