"""Prove that a scenario can be finished, on every dilemma branch.

The solver plays an abstract, fast version of the rules: it tracks which
rooms are reachable, which clues and items the group has and which locks
are open, and does every safe step it can (inspect, take, use an item,
solve a lock whose ``needs`` are met) until nothing is left.  Only then
does it take steps that cannot be undone: combining items, locks that move
the group to another room, dilemmas (one branch per option) and finally a
lock that ends the game.  Work lists keep this linear in the size of the
scenario, so a 500-room scenario is checked in a blink.

Dilemmas multiply the paths (four dilemmas of four options: 256), but most
options leave the same game behind: the same rooms, clues, items and open
locks, and no object that only that choice brings.  The road after a
choice is therefore played once per distinct *state* and shared by every
path that reaches that state (a memo keyed by the state); a path is that
shared road with its own choices in front.  Two limits keep any scenario
within a blink: at most :data:`MAX_BRANCHES` paths and :data:`MAX_STATES`
distinct states.  Past either, the rest is not proven (``truncated``) and the
validator says so at the first dilemma, instead of the check hanging.

A branch that cannot reach an ending is a dead end; whatever no branch
reaches is unreachable.  The steps recorded along the way become the
walkthrough the auto-player follows.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

from escapebox.scenario.branches import object_present
from escapebox.scenario.index import ScenarioIndex
from escapebox.scenario.model import Scenario

#: Paths proven at most: six dilemmas of four options (4,096) are past it, five (1,024) are not.
#: A path's steps are kept for the auto-player and the validator's messages, so this bounds memory
#: too (1,024 paths of the 500-room scenario with dilemmas, benchmarks/growth.py).
MAX_BRANCHES = 1024
#: Distinct states played at most: what bounds the time when the choices do differ.  Each state is
#: one run of the rules to the next dilemma: 0.2 ms for 100 rooms, 1.2 ms for 500 rooms on the
#: development machine (benchmarks/growth.py, options that each reveal their own clue), so at most
#: about 1.3 s; four such dilemmas of four options (340 states) are proven, five (1,364) are not.
MAX_STATES = 1024


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
    #: distinct states played (the memo's misses): the solver's work, reported by benchmarks/growth.py
    states: int = 0

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
        #: the option ids chosen so far (what ``only_after`` objects wait for)
        self.chosen: frozenset[str] = frozenset()
        self.queue: deque[tuple] = deque()

    _STATE = ("reachable", "opened", "have", "inventory", "done_objects", "revealed_hidden")

    def copy(self) -> "_Explorer":
        """The same game state with an empty record: the twin records only what happens after the fork."""
        twin = _Explorer(self.s, self.ix)
        twin.room, twin.chosen, twin.queue = self.room, self.chosen, deque(self.queue)
        for name in self._STATE:
            setattr(twin, name, set(getattr(self, name)))
        return twin

    def key(self, waited_for: frozenset[str]) -> tuple:
        """Everything the rest of the game depends on; the record (how the group got here) is not in it."""
        return (self.room, self.chosen & waited_for, tuple(self.queue),
                *(frozenset(getattr(self, name)) for name in self._STATE))

    # ----- reachability ------------------------------------------------------------
    def spread(self, seeds: list[str] | None = None) -> None:
        """Walk every open door from the current room; new rooms bring their objects.

        With ``seeds`` (the rooms behind doors a lock just opened) only onward from those: a
        walk from the current room after every lock made the solver quadratic in the rooms
        (3.7× its time per doubling, benchmarks/growth.py).
        """
        if seeds is None:
            seen, todo = {self.room}, deque([self.room])
        else:
            fresh = [room for room in seeds if room not in self.reachable]
            seen, todo = self.reachable | set(fresh), deque(fresh)
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
        if not object_present(obj, self.chosen):
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
            if chosen.id:
                self.chosen = self.chosen | {chosen.id}
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
            return
        self.spread([door.target for door in self.ix.doors_locked_by.get(pid, ()) if door.source in self.reachable])

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
    search = _Search(scenario, index or ScenarioIndex(scenario))
    branches = search.paths(_Explorer(scenario, search.ix))
    return Solution(branches, search.truncated, search.states)


class _Search:
    """Every path from the start, the road after a choice played once per distinct state."""

    def __init__(self, scenario: Scenario, index: ScenarioIndex):
        self.s, self.ix = scenario, index
        self.memo: dict[tuple, list[Branch]] = {}
        self.states = 0
        self.truncated = False
        #: option ids some object waits for: the only choices that make two states differ by themselves
        self.waited_for = frozenset(o.only_after for o in index.objects.values() if o.only_after)

    def paths(self, explorer: _Explorer) -> list[Branch]:
        """The paths from this explorer's state, relative to it (its record starts empty)."""
        outcome = _run(explorer)
        if not isinstance(outcome, list):
            return [outcome]
        found: list[Branch] = []
        for twin in outcome:
            for rest in self._after_choice(twin):
                if len(found) >= MAX_BRANCHES:
                    self.truncated = True
                    return found
                found.append(_joined(explorer.branch, twin.branch, rest))
            if self.states >= MAX_STATES and found:   # keep what was proven; the rest is not tried
                self.truncated = self.truncated or twin is not outcome[-1]
                break
        return found

    def _after_choice(self, twin: _Explorer) -> list[Branch]:
        if twin.branch.ending is not None:   # the choice itself ended the game
            return [Branch(ending=twin.branch.ending, stuck=twin.blocked())]
        key = twin.key(self.waited_for)
        known = self.memo.get(key)
        if known is None:
            self.states += 1
            road = twin.copy()
            known = self.memo[key] = self.paths(road)
        return known


def _joined(*parts: Branch) -> Branch:
    """One path from records played one after another (the last one's ending and what it was stuck on)."""
    last = parts[-1]
    joined = Branch(ending=last.ending, stuck=last.stuck)
    for part in parts:
        joined.choices += part.choices
        joined.steps += part.steps
        for name in ("rooms", "objects", "clues", "items", "puzzles"):
            getattr(joined, name).update(getattr(part, name))
    return joined


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
            for path in s.puzzles[pid].solutions():       # a conversation: every path through its turns
                twin = explorer.copy()
                twin._solve(pid, path, path[0])       # the twin's record: this choice and what it opened
                forks.append(twin)
            return forks
        elif endings:
            explorer._solve(endings[0], s.puzzles[endings[0]].solution())
        else:
            explorer.branch.stuck = explorer.blocked()
            return explorer.branch
    explorer.branch.stuck = explorer.blocked()
    return explorer.branch
