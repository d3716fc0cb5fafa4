"""What is printed: one card per room, object, clue, item, puzzle and ending, plus the answer sheet.

The cards carry only what the group may see.  A locked object gets two
cards: the outside ("op slot: open eerst ...") and the inside, marked to be
opened only after the lock.  What a puzzle's card shows below the question
is the kind's own ``card_lines`` (escapebox/puzzles): order steps and match
pairs come in the order the screen shows them (``shown_order``), so the
printed order gives nothing away.  Answers, hints and near misses go on the
answer sheet for the trainer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Card:
    kind: str                          # room, object, inside, clue, item, puzzle, ending
    title: str
    paragraphs: list[str] = field(default_factory=list)
    note: str = ""                     # small print at the bottom: where it belongs, when to open
    image: Path | None = None


def build_cards(loaded, tr) -> list[Card]:
    scenario = loaded.scenario
    cards: list[Card] = []
    for rid, room in scenario.rooms.items():
        cards.append(_room_card(scenario, rid, room, tr))
        for obj in room.objects.values():
            cards += _object_cards(scenario, room, obj, tr)
    cards += [Card("clue", clue.title, [clue.text], tr("print.card.clue"), _image(loaded, clue.image))
              for clue in scenario.clues.values()]
    cards += [Card("item", item.name, [item.text], tr("print.card.item")) for item in scenario.items.values()]
    cards += [_puzzle_card(loaded, pid, puzzle, tr) for pid, puzzle in scenario.puzzles.items()]
    cards += [Card("ending", ending.title, [ending.text], tr("print.card.ending")) for ending in scenario.endings.values()]
    return cards


def _image(loaded, relative: str | None) -> Path | None:
    return loaded.folder / relative if relative else None


def _room_card(scenario, rid, room, tr) -> Card:
    paragraphs = [room.text]
    if room.objects:
        paragraphs.append(tr("print.card.objects", names=", ".join(o.name for o in room.objects.values())))
    for door in room.exits:
        target = scenario.rooms[door.to].name if door.to in scenario.rooms else door.to
        if door.locked_by:
            lock = scenario.puzzles[door.locked_by].title
            paragraphs.append(tr("print.card.exit_locked", label=door.label, room=target, puzzle=lock))
        else:
            paragraphs.append(tr("print.card.exit", label=door.label, room=target))
    note = tr("print.card.start") if rid == scenario.start else tr("print.card.room")
    return Card("room", room.name, paragraphs, note)


def _object_cards(scenario, room, obj, tr) -> list[Card]:
    inside = [obj.text] + [tr("print.card.find_clue", title=scenario.clues[c].title) for c in obj.reveals]
    inside += [tr("print.card.find_item", name=scenario.items[i].name) for i in obj.gives]
    where = tr("print.card.in_room", room=room.name)
    if not obj.locked_by:
        return [Card("object", obj.name, inside, where)]
    lock = scenario.puzzles[obj.locked_by].title
    outside = Card("object", obj.name, [tr("print.card.locked", puzzle=lock)], where)
    return [outside, Card("inside", obj.name, inside, tr("print.card.open_after", puzzle=lock))]


def _puzzle_card(loaded, pid, puzzle, tr) -> Card:
    paragraphs = [puzzle.question] + puzzle.card_lines(tr, loaded.scenario.id, pid)
    return Card("puzzle", puzzle.title, paragraphs, tr("print.card.puzzle"), _image(loaded, puzzle.image))


def answer_sheet(loaded, tr) -> list[tuple[str, list[str]]]:
    """Per puzzle: the answer in words and the hints, for the trainer's eyes only."""
    entries = []
    for puzzle in loaded.scenario.puzzles.values():
        lines = [tr("print.sheet.sealed") if puzzle.sealed else tr("print.sheet.answer",
                                                                  answer=puzzle.describe_solution())]
        lines += [tr("print.sheet.hint", number=n, text=hint) for n, hint in enumerate(puzzle.hints, 1)]
        if puzzle.result:
            lines.append(tr("print.sheet.result", result=puzzle.result))
        entries.append((puzzle.title, lines))
    return entries
