"""The timeline of a session: every stored event as a short sentence with its time.

Events hold ids; the trainer wants names ("Bekijkt Prikbord", "Hint 2 bij
Kastcode"), so each event type has a message in ``report.toml`` and this
module fills in the names from the scenario.  Penalty events are left out:
they repeat the hint or wrong answer just before them.  Reflection answers
are not repeated here either; the report shows them in their own section.
"""

from __future__ import annotations

from dataclasses import dataclass

from escapebox.core import events as E
from escapebox.scenario.index import ScenarioIndex
from escapebox.report.fmt import short
from escapebox.scenario.model import Scenario

_SKIP = (E.PenaltyAdded, E.CommandRefused)


@dataclass(frozen=True)
class Line:
    at: float
    text: str
    kind: str   #: "trainer", "wrong", "hint", "open", "reflection", "end" or "" — for styling


def timeline(scenario: Scenario, events, tr) -> list[Line]:
    names = _Names(scenario)
    return [Line(e.at, *_describe(e, names, tr)) for e in events if _shown(e, scenario)]


def _shown(e: E.Event, scenario: Scenario) -> bool:
    """Penalties repeat the line before; a dilemma's lock repeats the choice that follows; a repeated
    wrong answer (the same again, at once) is the attempt the line before already shows."""
    if isinstance(e, E.WrongAnswer):
        return not e.repeat
    if isinstance(e, E.LockOpened) and not e.skipped:
        return not getattr(scenario.puzzles.get(e.puzzle), "always_opens", False)
    return not isinstance(e, _SKIP)


class _Names:
    """Look up what a trainer calls each id, falling back to the id itself."""

    def __init__(self, scenario: Scenario):
        self.s = scenario
        self.objects = ScenarioIndex(scenario).objects

    def room(self, i): return _name(self.s.rooms.get(i), "name", i)
    def object(self, i): return _name(self.objects.get(i), "name", i)
    def clue(self, i): return _name(self.s.clues.get(i), "title", i)
    def item(self, i): return _name(self.s.items.get(i), "name", i)
    def puzzle(self, i): return _name(self.s.puzzles.get(i), "title", i)
    def ending(self, i): return _name(self.s.endings.get(i), "title", i)
    def prompt(self, i): return short(_name(self.s.reflections.get(i), "prompt", i), 70)


def _name(thing, attribute: str, fallback: str) -> str:
    return getattr(thing, attribute, None) or fallback


def _describe(e: E.Event, n: _Names, tr) -> tuple[str, str]:
    handler = _HANDLERS.get(type(e))
    if handler is None:
        return tr("report.event.other", type=e.type), ""
    return handler(e, n, tr)


def _room(e, n, tr):
    key = "report.event.jumped" if getattr(e, "by_facilitator", False) else "report.event.entered"
    return tr(key, room=n.room(e.room)), "trainer" if getattr(e, "by_facilitator", False) else ""


def _lock(e: E.LockOpened, n, tr):
    if e.skipped:
        return tr("report.event.skipped", puzzle=n.puzzle(e.puzzle)), "trainer"
    return tr("report.event.opened", puzzle=n.puzzle(e.puzzle), answer=short(e.shown, 80)), "open"


def _hint(e: E.HintShown, n, tr):
    key = "report.event.hint_pushed" if e.pushed else "report.event.hint"
    return tr(key, number=e.index + 1, puzzle=n.puzzle(e.puzzle)), "trainer" if e.pushed else "hint"


def _pause(e, n, tr):
    key = "report.event.paused_trainer" if e.by_facilitator else "report.event.paused"
    return tr(key), "trainer" if e.by_facilitator else ""


def _resume(e, n, tr):
    key = "report.event.resumed_trainer" if e.by_facilitator else "report.event.resumed"
    return tr(key), "trainer" if e.by_facilitator else ""


def _adjust(e: E.TimeAdjusted, n, tr):
    sign = "+" if e.seconds > 0 else "−"
    return tr("report.event.time_adjusted", change=f"{sign}{abs(e.seconds) // 60}:{abs(e.seconds) % 60:02d}"), "trainer"


def _ended(e: E.GameEnded, n, tr):
    reason = tr(f"report.reason.{e.reason}") if e.reason in ("time", "facilitator") else e.reason
    return tr("report.event.ended", reason=reason), "trainer" if e.reason == "facilitator" else "end"


_HANDLERS = {
    E.SessionStarted: lambda e, n, tr: (tr("report.event.started", room=n.room(e.room)), ""),
    E.GroupNamed: lambda e, n, tr: (tr("report.event.group_named", name=e.name), ""),
    E.RoomEntered: _room,
    E.ObjectInspected: lambda e, n, tr: (tr("report.event.inspected_locked" if e.locked else "report.event.inspected",
                                            object=n.object(e.object)), ""),
    E.ClueFound: lambda e, n, tr: (tr("report.event.clue", clue=n.clue(e.clue)), ""),
    E.ItemTaken: lambda e, n, tr: (tr("report.event.item", item=n.item(e.item)), ""),
    E.ItemUsed: lambda e, n, tr: (tr("report.event.used", item=n.item(e.item), object=n.object(e.object)), ""),
    E.HiddenRevealed: lambda e, n, tr: (tr("report.event.hidden", object=n.object(e.object)), ""),
    E.ItemsCombined: lambda e, n, tr: (tr("report.event.combined", items=", ".join(n.item(i) for i in e.items),
                                          gives=n.item(e.gives)), ""),
    E.WrongAnswer: lambda e, n, tr: (tr("report.event.wrong", puzzle=n.puzzle(e.puzzle), answer=short(e.shown, 80)),
                                     "wrong"),
    E.LockOpened: _lock,
    E.DilemmaChosen: lambda e, n, tr: (tr("report.event.chose", puzzle=n.puzzle(e.puzzle), option=short(e.text, 80)),
                                       "open"),
    E.HintShown: _hint,
    E.AnswerRevealed: lambda e, n, tr: (tr("report.event.revealed", puzzle=n.puzzle(e.puzzle)), "trainer"),
    E.ReflectionPrompted: lambda e, n, tr: (tr("report.event.prompted", prompt=n.prompt(e.reflection)), "reflection"),
    E.ReflectionAnswered: lambda e, n, tr: (tr("report.event.answered", prompt=n.prompt(e.reflection)), "reflection"),
    E.ReflectionSkipped: lambda e, n, tr: (tr("report.event.reflection_skipped", prompt=n.prompt(e.reflection)),
                                           "reflection"),
    E.Paused: _pause,
    E.Resumed: _resume,
    E.TimeAdjusted: _adjust,
    E.TimeUp: lambda e, n, tr: (tr("report.event.time_up"), "end"),
    E.ScenarioChanged: lambda e, n, tr: (tr("report.event.scenario_changed_room", room=n.room(e.room)) if e.room
                                         else tr("report.event.scenario_changed"), "trainer"),
    E.Escaped: lambda e, n, tr: (tr("report.event.escaped", ending=n.ending(e.ending)), "end"),
    E.GameEnded: _ended,
}
