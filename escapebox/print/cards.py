"""What is printed: one card per room, object, clue, item, puzzle, dilemma choice, ending and reflection.

The cards carry only what the group may see.  A locked object gets two
cards: the outside ("op slot: open eerst ...") and the inside, marked to be
opened only after the lock.  What a puzzle's card shows below the question
is the kind's own ``card_lines`` (escapebox/puzzles): order steps and match
pairs come in the order the screen shows them (``shown_order``), so the
printed order gives nothing away.  A dilemma has no wrong answer, so each of
its options gets a card of its own ("pas lezen na jullie keuze") with the
character's reply, the feedback and what follows; each ending variant gets
a card naming the choice it belongs to; each reflection gets a numbered card
with its question, its learning goals and room to write.  Answers, hints,
near misses and the debrief go on the trainer's sheet (:mod:`escapebox.print.sheet`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from escapebox.puzzles.dilemma import turn_after
from escapebox.print.sheet import follow_up_lines, reflection_number, said, trainer_sheet


@dataclass
class Card:
    kind: str                          # room, object, inside, clue, item, puzzle, ending
    title: str
    paragraphs: list[str] = field(default_factory=list)
    note: str = ""                     # small print at the bottom: where it belongs, when to open
    image: Path | None = None
    write_lines: int = 0               # at least this many ruled lines to write on (reflections)
    scale: tuple[int, int] | None = None   # numbered circles to tick, low to high (a scale reflection)


def build_cards(loaded, tr) -> list[Card]:
    scenario = loaded.scenario
    cards: list[Card] = []
    chosen_by = _option_names(scenario, tr)
    for rid, room in scenario.rooms.items():
        cards += _room_cards(scenario, rid, room, tr, chosen_by)
        for obj in room.objects.values():
            cards += _object_cards(scenario, room, obj, tr, chosen_by)
    cards += [Card("clue", clue.title, [clue.text], tr("print.card.clue"), _image(loaded, clue.image))
              for clue in scenario.clues.values()]
    cards += [Card("item", item.name, [item.text], tr("print.card.item")) for item in scenario.items.values()]
    for pid, puzzle in scenario.puzzles.items():
        cards.append(_puzzle_card(loaded, pid, puzzle, tr))
        if puzzle.always_opens:
            cards += _choice_cards(scenario, puzzle, tr)
    cards += [_reflection_card(scenario, rid, reflection, tr) for rid, reflection in scenario.reflections.items()]
    for ending in scenario.endings.values():
        cards += _ending_cards(scenario, ending, tr)
    return cards


def _image(loaded, relative: str | None) -> Path | None:
    return loaded.folder / relative if relative else None


def _room_cards(scenario, rid, room, tr, chosen_by) -> list[Card]:
    """The room's card, and one per dilemma choice that changes its text (``after_choice``)."""
    card = _room_card(scenario, rid, room, tr)
    return [card] + [Card("room", room.name, [text] + card.paragraphs[1:], _instead(room.name, option_id, chosen_by, tr))
                     for option_id, text in room.after_choice.items()]


def _instead(name: str, option_id: str, chosen_by, tr) -> str:
    return tr("print.card.after_choice", name=name, choice=chosen_by.get(option_id, option_id))


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


def _object_cards(scenario, room, obj, tr, chosen_by) -> list[Card]:
    """The object (outside and inside when locked), its text after a choice, and its hidden side."""
    finds = [tr("print.card.find_clue", title=scenario.clues[c].title) for c in obj.reveals]
    finds += [tr("print.card.find_item", name=scenario.items[i].name) for i in obj.gives]
    where = tr("print.card.in_room", room=room.name)
    if obj.only_after:
        where = tr("print.card.only_after", where=where, choice=chosen_by.get(obj.only_after, obj.only_after))
    if obj.locked_by:
        lock = scenario.puzzles[obj.locked_by].title
        cards = [Card("object", obj.name, [tr("print.card.locked", puzzle=lock)], where),
                 Card("inside", obj.name, [obj.text] + finds, tr("print.card.open_after", puzzle=lock))]
    else:
        cards = [Card("object", obj.name, [obj.text] + finds, where)]
    cards += [Card(cards[-1].kind, obj.name, [text] + finds, _instead(obj.name, option_id, chosen_by, tr))
              for option_id, text in obj.after_choice.items()]
    if obj.needs_item:
        hidden = [obj.hidden_text] if obj.hidden_text else []
        hidden += [tr("print.card.find_clue", title=scenario.clues[c].title) for c in obj.hidden_reveals]
        cards.append(Card("hidden", obj.name, hidden,
                          tr("print.card.hidden", item=scenario.items[obj.needs_item].name, name=obj.name)))
    return cards


def _puzzle_card(loaded, pid, puzzle, tr) -> Card:
    paragraphs = [puzzle.question] + puzzle.card_lines(tr, loaded.scenario.id, pid)
    return Card("puzzle", puzzle.title, paragraphs, tr("print.card.puzzle"), _image(loaded, puzzle.image))


def _choice_cards(scenario, puzzle, tr) -> list[Card]:
    """One card per dilemma option, read after the group chose it; a conversation's later turns
    (``then``) get a card per line too, and what the first choice leads to is on the cards where
    the talk ends."""
    cards = []
    for number, option in enumerate(puzzle.options, 1):
        cards += _line_cards(puzzle, option, str(number), follow_up_lines(scenario, option, tr), tr)
    return cards


def _line_cards(puzzle, line, number: str, follow: list[str], tr) -> list[Card]:
    """The card of one line ("keuze 1.2": the first option, then the second line of its next turn)
    and the cards of the lines after it."""
    paragraphs = [tr("print.card.you_chose", text=line.text)]
    if line.reply:
        paragraphs.append(said(puzzle.character, line.reply))
    if line.feedback:
        paragraphs.append(line.feedback)
    turn = turn_after(line)
    if turn is None:
        paragraphs += follow
    else:
        paragraphs += [turn.question] if turn.question else []
        paragraphs.append(tr("print.card.next_turn"))
        paragraphs += [tr("print.card.next_line", number=f"{number}.{n}", text=o.text)
                       for n, o in enumerate(turn.options, 1)]
    cards = [Card("choice", tr("print.card.choice_title", puzzle=puzzle.title, number=number),
                  paragraphs, tr("print.card.read_after_choice", puzzle=puzzle.title))]
    for n, next_line in enumerate(turn.options if turn else (), 1):
        cards += _line_cards(puzzle, next_line, f"{number}.{n}", follow, tr)
    return cards


def _ending_cards(scenario, ending, tr) -> list[Card]:
    """The ending, and a card per variant that names the choice (or choices) it belongs to."""
    note = tr("print.card.ending_default") if ending.variants else tr("print.card.ending")
    cards = [Card("ending", ending.title, [ending.text], note)]
    chosen_by = _option_names(scenario, tr)
    for key, variant in ending.variants.items():
        choices = tr("print.card.and").join(chosen_by.get(option_id, option_id) for option_id in key.split("+"))
        cards.append(Card("ending", variant.title or ending.title, [variant.text],
                          tr("print.card.ending_variant", choices=choices)))
    return cards


def _option_names(scenario, tr) -> dict[str, str]:
    """Option id -> how a card names it: "keuze 2 in 'Samira vraagt iets'" (the option's own card title)."""
    return {option.id: tr("print.card.choice_title", puzzle=puzzle.title, number=number)
            for puzzle in scenario.puzzles.values() if puzzle.always_opens
            for number, option in enumerate(puzzle.options, 1) if option.id}


#: Ruled lines on a reflection card, by kind: a typed answer gets most room (6 lines of 1 cm hold
#: the two or three sentences the bundled prompts ask for); a scale only "why"; a talk only notes.
WRITE_LINES = {"text": 6, "scale": 2, "discuss": 3}


def _reflection_card(scenario, rid, reflection, tr) -> Card:
    paragraphs = [reflection.prompt]
    if reflection.kind == "discuss":
        paragraphs.append(tr("print.reflection.discuss", minutes=reflection.minutes)
                          if reflection.minutes else tr("print.reflection.discuss_free"))
    scale = reflection.scale_or_default if reflection.kind == "scale" else None
    if scale and (scale.low or scale.high):
        paragraphs.append(tr("print.reflection.scale", min=scale.min, low=scale.low or "",
                             max=scale.max, high=scale.high or ""))
    if reflection.goals:
        paragraphs.append(tr("print.reflection.goals", goals="; ".join(scenario.goals[g] for g in reflection.goals)))
    title = tr("print.reflection.title", number=reflection_number(scenario, rid))
    return Card("reflection", title, paragraphs, _reflection_moment(scenario, rid, reflection, tr),
                write_lines=WRITE_LINES[reflection.kind], scale=(scale.min, scale.max) if scale else None)


def _reflection_moment(scenario, rid, reflection, tr) -> str:
    """When the group takes this card: after a puzzle, on entering a room, at the end, or after a choice."""
    if reflection.after:
        return tr("print.reflection.after", puzzle=scenario.puzzles[reflection.after].title)
    if reflection.on_enter:
        return tr("print.reflection.on_enter", room=scenario.rooms[reflection.on_enter].name)
    if reflection.at_end:
        return tr("print.reflection.at_end")
    chosen = [tr("print.card.choice_title", puzzle=p.title, number=n) for p in scenario.puzzles.values()
              if p.always_opens for n, o in enumerate(p.options, 1) if o.reflection == rid]
    return tr("print.reflection.after_choice", choices=tr("print.card.or").join(chosen)) if chosen \
        else tr("print.reflection.any_time")


def answer_sheet(loaded, tr) -> list[tuple[str, list[str]]]:
    """The trainer's sheet as (title, lines) pairs, every section after the other: its text without pictures."""
    return [(entry.title, entry.lines) for section in trainer_sheet(loaded, tr) for entry in section.entries]
