"""The trainer's sheet: what the paper box needs besides the cards, and what the group never sees.

Three parts, each a :class:`SheetSection`:

- **answers** (left out with ``--no-answers``): per puzzle the answer, what the group hears
  for a near miss, a wrong option, a decoy or any other wrong answer, the hints and the
  letter for the final code.  A spot puzzle's answer is its picture with the target outlined
  (:class:`MarkedPicture`), never the percentages trainers typed;
- **dilemmas**: each option with the character's reply, the feedback and what follows it
  (reflection card, room, ending variant), so the trainer can lead the talk afterwards;
- **debrief**: the debrief's opening text and questions, and every learning goal with the
  puzzles and reflection cards that serve it;
- **sources and notes**: where the case's facts come from and when they were last checked
  (one checked more than a year ago is marked: regulations change), and the trainer's notes
  of the scenario, its rooms and puzzles (escapebox/scenario/sources.py).

Like :mod:`escapebox.scenario.mistakes`, this module knows the kinds whose mistakes need
their own words (typed answers, choice, spot, dilemma) by their class.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from escapebox.puzzles.base import TextAnswerPuzzle
from escapebox.puzzles.choice import ChoicePuzzle
from escapebox.puzzles.dilemma import turn_after
from escapebox.puzzles.spot import SpotPuzzle
from escapebox.scenario.area import Area
from escapebox.scenario.sources import STALE_AFTER_DAYS, trainer_parts


@dataclass(frozen=True)
class Mark:
    """An area to outline on a picture: the target (solid) or a decoy (dashed, with its number)."""

    area: Area
    role: str                          # "target" or "decoy"
    label: str


@dataclass(frozen=True)
class MarkedPicture:
    path: Path
    marks: tuple[Mark, ...]


@dataclass
class SheetEntry:
    title: str
    lines: list[str] = field(default_factory=list)
    picture: MarkedPicture | None = None
    indent: int = 0                    # 1: belongs to the entry above it (a dilemma's option)


@dataclass
class SheetSection:
    heading: str
    entries: list[SheetEntry]


def trainer_sheet(loaded, tr, answers: bool = True, today: date | None = None) -> list[SheetSection]:
    """The sections of the trainer's sheet; empty sections are left out.  ``today``: the day of
    printing, against which a source's ``checked_on`` is old or not."""
    scenario = loaded.scenario
    puzzles = scenario.puzzles.values()
    sections = []
    if answers:
        sections.append(SheetSection(tr("print.sheet.answers_heading"),
                                     [_answer_entry(loaded, p, tr) for p in puzzles if not p.always_opens]))
    dilemmas = [entry for pid, p in scenario.puzzles.items() if p.always_opens
                for entry in _dilemma_entries(scenario, pid, p, tr)]
    sections.append(SheetSection(tr("print.sheet.dilemmas_heading"), dilemmas))
    sections.append(SheetSection(tr("print.sheet.debrief_heading"), _debrief_entries(scenario, tr)))
    sections.append(SheetSection(tr("print.sheet.sources_heading"), _source_entries(scenario, tr, today or date.today())))
    return [section for section in sections if section.entries]


# ---------------------------------------------------------------- answers

def _answer_entry(loaded, puzzle, tr) -> SheetEntry:
    if puzzle.sealed:
        return SheetEntry(puzzle.title, [tr("print.sheet.sealed")])
    picture = _spot_picture(loaded, puzzle) if isinstance(puzzle, SpotPuzzle) else None
    if picture is not None:
        lines = [tr("print.sheet.spot_answer")]
    else:       # a spot without a picture to draw on: the place in words, not [x, y, w, h]
        lines = [tr("print.sheet.answer", answer=puzzle.solution_words(tr))]
    lines += _mistake_lines(puzzle, tr)
    lines += [tr("print.sheet.hint", number=n, text=hint) for n, hint in enumerate(puzzle.hints, 1)]
    if puzzle.result:
        lines.append(tr("print.sheet.result", result=puzzle.result))
    return SheetEntry(puzzle.title, lines, picture)


def _spot_picture(loaded, puzzle: SpotPuzzle) -> MarkedPicture | None:
    path = loaded.folder / puzzle.image
    if not path.is_file():
        return None
    marks = [Mark(puzzle.target, "target", "")]
    marks += [Mark(decoy.area, "decoy", str(n)) for n, decoy in enumerate(puzzle.decoys, 1)]
    return MarkedPicture(path, tuple(marks))


def _mistake_lines(puzzle, tr) -> list[str]:
    """What the group hears for the wrong answers the trainer foresaw, then for any other."""
    lines = []
    if isinstance(puzzle, TextAnswerPuzzle):
        lines += [tr("print.sheet.near_miss", answer=near, stop=_stop(near), feedback=text)
                  for near, text in puzzle.near_misses.items()]
    if isinstance(puzzle, ChoicePuzzle):
        lines += [tr("print.sheet.wrong_option", option=o.text, stop=_stop(o.text),
                     feedback=o.feedback or tr("print.sheet.no_feedback"))
                  for o in puzzle.options if not o.correct]
    if isinstance(puzzle, SpotPuzzle):
        lines += [tr("print.sheet.decoy", number=n, feedback=d.feedback) for n, d in enumerate(puzzle.decoys, 1)]
    if puzzle.wrong_feedback:
        lines.append(tr("print.sheet.other_wrong", feedback=puzzle.wrong_feedback))
    return lines


def _stop(quoted: str) -> str:
    """The full stop after a quoted text, unless the text already ends its sentence ('… zijn.' not '… zijn.'.)."""
    return "" if quoted.rstrip().endswith((".", "!", "?", "…")) else "."


# ---------------------------------------------------------------- dilemmas

def _dilemma_entries(scenario, pid, puzzle, tr) -> list[SheetEntry]:
    entries = [SheetEntry(puzzle.title, [puzzle.question, tr("print.sheet.dilemma_every_option")])]
    for number, option in enumerate(puzzle.options, 1):
        talk = _line_entries(puzzle, option, str(number), 1, tr)
        talk[0].lines += follow_up_lines(scenario, option, tr)       # what the first choice changes
        talk[0].lines += [tr("print.sheet.variant", title=title) for title in variant_titles(scenario, option.id)]
        entries += talk
    return entries


def _line_entries(puzzle, line, number: str, depth: int, tr) -> list[SheetEntry]:
    """A line of the talk (the character's reply, the feedback, the next turn's question), then the lines after it."""
    lines = [said(puzzle.character, line.reply)] if line.reply else []
    lines.append(tr("print.sheet.feedback", feedback=line.feedback or tr("print.sheet.no_feedback")))
    turn = turn_after(line)
    if turn is not None:
        lines.append(tr("print.sheet.then", question=turn.question) if turn.question else tr("print.sheet.then_plain"))
    entries = [SheetEntry(tr("print.sheet.option", number=number, text=line.text), lines, indent=depth)]
    for n, next_line in enumerate(turn.options if turn else (), 1):
        entries += _line_entries(puzzle, next_line, f"{number}.{n}", depth + 1, tr)
    return entries


def said(character: str | None, reply: str) -> str:
    """The character's reply in their words, as the screen shows it (``DilemmaPuzzle._spoken``)."""
    return f"{character}: '{reply}'" if character else f"'{reply}'"


def follow_up_lines(scenario, option, tr) -> list[str]:
    """What a dilemma option leads to, in the words of a card: clues, items, reflection card, room or ending."""
    lines = [tr("print.card.find_clue", title=scenario.clues[c].title) for c in option.reveals]
    lines += [tr("print.card.find_item", name=scenario.items[i].name) for i in option.gives]
    if option.reflection:
        lines.append(tr("print.card.take_reflection", number=reflection_number(scenario, option.reflection)))
    if option.leads_to in scenario.rooms:
        lines.append(tr("print.card.go_to_room", room=scenario.rooms[option.leads_to].name))
    elif option.leads_to in scenario.endings:
        lines.append(tr("print.card.read_ending", title=scenario.endings[option.leads_to].title))
    return lines


def variant_titles(scenario, option_id: str | None) -> list[str]:
    """The ending variants this option takes part in (alone or in a combination ``a+b``)."""
    if not option_id:
        return []
    return [variant.title or ending.title for ending in scenario.endings.values()
            for key, variant in ending.variants.items() if option_id in key.split("+")]


def reflection_number(scenario, rid: str) -> int:
    """Reflection cards are numbered in the order the scenario lists them: a paper card needs a name."""
    return list(scenario.reflections).index(rid) + 1


# ---------------------------------------------------------------- debrief

def _debrief_entries(scenario, tr) -> list[SheetEntry]:
    entries = []
    if scenario.debrief.text:
        entries.append(SheetEntry(tr("print.sheet.debrief_start"), [scenario.debrief.text]))
    if scenario.debrief.questions:
        entries.append(SheetEntry(tr("print.sheet.questions"),
                                  [f"{n}. {q}" for n, q in enumerate(scenario.debrief.questions, 1)]))
    for gid, text in scenario.goals.items():
        entries.append(SheetEntry(tr("print.sheet.goal", text=text), _goal_lines(scenario, gid, tr)))
    return entries


def _goal_lines(scenario, gid: str, tr) -> list[str]:
    puzzles = [p.title for p in scenario.puzzles.values() if gid in p.goals]
    cards = [str(reflection_number(scenario, rid)) for rid, r in scenario.reflections.items() if gid in r.goals]
    lines = []
    if puzzles:
        lines.append(tr("print.sheet.goal_puzzles", titles=", ".join(f"'{t}'" for t in puzzles)))
    if cards:
        lines.append(tr("print.sheet.goal_reflections", numbers=", ".join(cards)))
    return lines or [tr("print.sheet.goal_unused")]


# ---------------------------------------------------------------- sources and notes

def _source_entries(scenario, tr, today: date) -> list[SheetEntry]:
    """Per part that has them (the scenario, a room, a puzzle): its sources, then its notes."""
    entries = []
    for path, part in trainer_parts(scenario):
        sources = getattr(part, "sources", ())       # a room has notes but no sources
        lines = [_source_line(source, tr, today) for source in sources]
        if part.trainer_notes:
            lines.append(tr("print.sheet.notes", text=part.trainer_notes))
        if lines:
            entries.append(SheetEntry(_part_name(scenario, path, tr), lines))
    return entries


def _part_name(scenario, path: tuple, tr) -> str:
    if not path:
        return tr("print.sheet.whole_scenario", title=scenario.title)
    section, key = path
    return scenario.rooms[key].name if section == "rooms" else scenario.puzzles[key].title


def _source_line(source, tr, today: date) -> str:
    line = tr("print.sheet.source", title=source.title)
    if source.url:
        line += f" ({source.url})"
    age = source.age_days(today)
    if age is not None:
        old = age > STALE_AFTER_DAYS
        line += " " + tr("print.sheet.checked_old" if old else "print.sheet.checked", date=source.checked_on)
    return line
