"""Look-up tables over an immutable scenario, built once per loaded scenario.

The scenario is written the way a trainer thinks (rooms holding objects,
locks named on objects and exits); the rules and the solver need the
reverse questions: which room is this object in, where can this puzzle be
tried, which doors lead out of this room (including the automatic way
back), which combination makes this item.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from functools import cached_property

from escapebox.scenario.model import Combination, RoomObject, Scenario


@dataclass(frozen=True)
class Door:
    """A way out of a room; ``back`` marks the automatic return through an exit."""

    source: str
    target: str
    label: str
    locked_by: str | None
    back: bool = False


class ScenarioIndex:
    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self.object_room: dict[str, str] = {}
        self.objects: dict[str, RoomObject] = {}
        for room_id, room in scenario.rooms.items():
            for object_id, obj in room.objects.items():
                self.object_room.setdefault(object_id, room_id)
                self.objects.setdefault(object_id, obj)
        self.doors: dict[str, list[Door]] = {room_id: [] for room_id in scenario.rooms}
        self._build_doors()
        self.puzzle_rooms: dict[str, list[str]] = {}
        self._build_puzzle_rooms()
        self.objects_needing: dict[str, list[str]] = {}
        self.objects_locked_by: dict[str, list[str]] = {}
        for object_id, obj in self.objects.items():
            if obj.needs_item:
                self.objects_needing.setdefault(obj.needs_item, []).append(object_id)
            if obj.locked_by:
                self.objects_locked_by.setdefault(obj.locked_by, []).append(object_id)

    @cached_property
    def doors_locked_by(self) -> dict[str, list[Door]]:
        """Lock → the doors it keeps shut: the solver looks past only those when the lock opens."""
        found: dict[str, list[Door]] = {}
        for doors in self.doors.values():
            for door in doors:
                if door.locked_by:
                    found.setdefault(door.locked_by, []).append(door)
        return found

    def _build_doors(self) -> None:
        written = {(rid, ex.to) for rid, room in self.scenario.rooms.items() for ex in room.exits}
        for room_id, room in self.scenario.rooms.items():
            for ex in room.exits:
                if ex.to not in self.doors:
                    continue
                self.doors[room_id].append(Door(room_id, ex.to, ex.label, ex.locked_by))
                if (ex.to, room_id) not in written:
                    name = room.name
                    self.doors[ex.to].append(Door(ex.to, room_id, name, ex.locked_by, back=True))
                    written.add((ex.to, room_id))

    def _build_puzzle_rooms(self) -> None:
        for object_id, obj in self.objects.items():
            if obj.locked_by:
                self._add_puzzle_room(obj.locked_by, self.object_room[object_id])
        for room_id, doors in self.doors.items():
            for door in doors:
                if door.locked_by and not door.back:
                    self._add_puzzle_room(door.locked_by, room_id)

    def _add_puzzle_room(self, puzzle: str, room: str) -> None:
        rooms = self.puzzle_rooms.setdefault(puzzle, [])
        if room not in rooms:
            rooms.append(room)

    @cached_property
    def combination_for(self) -> dict[frozenset, Combination]:
        return {frozenset(c.items): c for c in self.scenario.combinations}

    def door(self, source: str, target: str) -> Door | None:
        return next((d for d in self.doors.get(source, ()) if d.target == target), None)

    def puzzles_in_room(self, room: str) -> list[str]:
        return [pid for pid, rooms in self.puzzle_rooms.items() if room in rooms]

    def path(self, source: str, target: str, opened) -> list[str] | None:
        """Rooms to walk through (excluding ``source``) using only open doors."""
        if source == target:
            return []
        previous: dict[str, str | None] = {source: None}
        todo = deque([source])
        while todo:
            room = todo.popleft()
            for door in self.doors[room]:
                if door.target in previous or (door.locked_by and door.locked_by not in opened):
                    continue
                previous[door.target] = room
                if door.target == target:
                    return _unwind(previous, target)
                todo.append(door.target)
        return None


def _unwind(previous: dict, target: str) -> list[str]:
    route = []
    while previous[target] is not None:
        route.append(target)
        target = previous[target]
    return route[::-1]
