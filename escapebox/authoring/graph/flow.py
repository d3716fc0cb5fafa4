"""What the graph shows: rooms and endings as boxes, the ways between them as arrows.

Inside a room box: its objects with what they reveal or give, and every
lock that can be tried there with its kind, what it needs (clues, items,
earlier puzzles), what it gives and, for dilemmas, each choice.  Arrows:
exits (with the lock on the door), locks that lead to a room or an
ending, and dilemma choices with their own destination.  All words come
from the translator, so the picture speaks Dutch by default.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from escapebox.scenario.index import ScenarioIndex
from escapebox.i18n import Translator
from escapebox.scenario.model import Scenario

CHOICE_CHARS = 40


@dataclass(frozen=True)
class Line:
    text: str
    style: str = "plain"    # plain, object, lock, need, find, choice
    indent: int = 0


@dataclass
class Node:
    id: str
    kind: str               # room, start, ending, extra
    title: str
    lines: list[Line] = field(default_factory=list)


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str              # parts on their own line are separated by "\n"
    style: str              # open, locked, solve, choice


@dataclass
class Flow:
    title: str
    start: str
    nodes: dict[str, Node]
    edges: list[Edge]


def build_flow(scenario: Scenario, tr: Translator) -> Flow:
    index = ScenarioIndex(scenario)
    words = _Words(scenario, tr)
    nodes = {rid: _room(rid, scenario, index, words) for rid in scenario.rooms}
    for eid, ending in scenario.endings.items():
        nodes[eid] = Node(eid, "ending", ending.title, [Line(tr("authoring.graph.ending"), "plain")])
    extra = _extra(scenario, index, words)
    if extra.lines:
        nodes[extra.id] = extra
    return Flow(scenario.title, scenario.start, nodes, _edges(scenario, index, words))


class _Words:
    """Readable names for ids: clue titles, item names, puzzle titles, kind names."""

    def __init__(self, scenario: Scenario, tr: Translator):
        self.s, self.tr = scenario, tr

    def thing(self, ident: str) -> str:
        if ident in self.s.clues:
            return self.s.clues[ident].title
        if ident in self.s.items:
            return self.s.items[ident].name
        if ident in self.s.puzzles:
            return self.s.puzzles[ident].title
        return ident

    def things(self, idents) -> str:
        return ", ".join(self.thing(i) for i in idents)

    def lock(self, pid: str) -> str:
        puzzle = self.s.puzzles.get(pid)
        if puzzle is None:
            return pid
        return self.tr("authoring.graph.lock", title=puzzle.title, kind=self.tr(f"authoring.graph.kind_{puzzle.kind}"))

    def place(self, target: str) -> str:
        if target in self.s.rooms:
            return self.s.rooms[target].name
        if target in self.s.endings:
            return self.s.endings[target].title
        return target


def _room(rid: str, scenario: Scenario, index: ScenarioIndex, words: _Words) -> Node:
    room = scenario.rooms[rid]
    node = Node(rid, "start" if rid == scenario.start else "room", room.name)
    for obj in room.objects.values():
        node.lines += _object_lines(obj, words)
    for pid, rooms in index.puzzle_rooms.items():
        if rid in rooms and pid in scenario.puzzles:
            node.lines += _lock_lines(pid, scenario, words)
    return node


def _object_lines(obj, words: _Words) -> list[Line]:
    tr = words.tr
    head = obj.name
    if obj.locked_by:
        head += f" ({tr('authoring.graph.locked_by', lock=words.thing(obj.locked_by))})"
    lines = [Line(head, "object")]
    if obj.reveals:
        lines.append(Line(tr("authoring.graph.finds", what=words.things(obj.reveals)), "find", 1))
    if obj.gives:
        lines.append(Line(tr("authoring.graph.gives", what=words.things(obj.gives)), "find", 1))
    if obj.needs_item:
        hidden = words.things(obj.hidden_reveals) or tr("authoring.graph.hidden_text")
        lines.append(Line(tr("authoring.graph.with_item", item=words.thing(obj.needs_item), what=hidden), "find", 1))
    return lines


def _lock_lines(pid: str, scenario: Scenario, words: _Words) -> list[Line]:
    tr, puzzle = words.tr, scenario.puzzles[pid]
    lines = [Line(words.lock(pid), "lock")]
    needs = list(puzzle.needs) + [i for i in puzzle.required_items() if i not in puzzle.needs]
    needs += list(puzzle.prerequisite_puzzles())
    if needs:
        lines.append(Line(tr("authoring.graph.needs", what=words.things(needs)), "need", 1))
    if puzzle.reveals or puzzle.gives:
        lines.append(Line(tr("authoring.graph.gives", what=words.things(puzzle.reveals + puzzle.gives)), "find", 1))
    if puzzle.always_opens:
        for number, option in enumerate(puzzle.options, start=1):
            lines.append(Line(tr("authoring.graph.choice", number=number, text=_short(option.text)), "choice", 1))
    return lines


def _extra(scenario: Scenario, index: ScenarioIndex, words: _Words) -> Node:
    """Combinations, and locks that sit nowhere (the validator warns about those too)."""
    tr = words.tr
    node = Node("__extra__", "extra", tr("authoring.graph.extra"))
    for combo in scenario.combinations:
        node.lines.append(Line(tr("authoring.graph.combination", items=" + ".join(words.thing(i) for i in combo.items),
                                  gives=words.thing(combo.gives)), "find"))
    for pid in scenario.puzzles:
        if pid not in index.puzzle_rooms:
            node.lines.append(Line(tr("authoring.graph.nowhere", lock=words.lock(pid)), "lock"))
    return node


def _edges(scenario: Scenario, index: ScenarioIndex, words: _Words) -> list[Edge]:
    tr, edges = words.tr, []
    for rid, room in scenario.rooms.items():
        for ex in room.exits:
            label = ex.label + ("\n" + words.lock(ex.locked_by) if ex.locked_by else "")
            edges.append(Edge(rid, ex.to, label, "locked" if ex.locked_by else "open"))
    for pid, puzzle in scenario.puzzles.items():
        for rid in index.puzzle_rooms.get(pid, ()):
            if puzzle.leads_to:
                edges.append(Edge(rid, puzzle.leads_to, tr("authoring.graph.solved", lock=words.lock(pid)), "solve"))
            for number, option in enumerate(getattr(puzzle, "options", ()) if puzzle.always_opens else (), 1):
                if option.leads_to:
                    edges.append(Edge(rid, option.leads_to, tr("authoring.graph.choice", number=number,
                                                                 text=_short(option.text)), "choice"))
    known = set(scenario.rooms) | set(scenario.endings)
    return [e for e in edges if e.target in known]


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= CHOICE_CHARS else text[:CHOICE_CHARS - 1].rstrip() + "…"
