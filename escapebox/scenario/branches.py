"""Choices with consequences: what a dilemma choice changes later, and the checks on it.

A dilemma option can carry an ``id``.  Later parts of the scenario name
that id: an ending's ``variants`` (keyed by one option id, or several
joined by ``+``), ``after_choice`` texts on rooms and objects, and objects
that are there ``only_after`` a choice.  Everything else (a shared final
lock, the rooms on the way) stays the same for every branch.

The game, the solver and the validator all ask this module, so the text a
group sees is the text the walkthrough and the checks reason about.

Checks (each message at the field to change):

- an option id written twice, anywhere in the scenario (an error: the
  variants would not know which choice they mean);
- a variant, ``after_choice`` or ``only_after`` naming an option id that
  does not exist (an error, with "did you mean …?");
- a variant no branch of the solver shows: it names options of the same
  dilemma, options never chosen together, or a choice whose branches never
  reach this ending (a warning: the text is never read);
- an ending with variants reached by a branch on which no variant applies
  (a warning naming the choices: that group reads the default text, which
  is fine when the trainer meant it, but usually a variant is missing).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import AbstractSet, Iterator

from escapebox.scenario.model import Ending, Room, RoomObject, Scenario

#: (message code, YAML path, message parameters, warning?): the validator adds file, line and column.
Finding = tuple[str, tuple, dict, bool]


@dataclass(frozen=True)
class ShownEnding:
    """The ending as the group reads it: the variant's parts where it has them, else the ending's own."""

    ending: str
    variant: str | None
    title: str
    text: str
    image: str | None
    image_alt: str | None


def option_ids(scenario: Scenario) -> dict[str, tuple[str, int]]:
    """Option id → (dilemma puzzle id, option number); the first one wins when an id is written twice."""
    found: dict[str, tuple[str, int]] = {}
    for pid, puzzle in scenario.puzzles.items():
        if not puzzle.always_opens:
            continue
        for number, option in enumerate(puzzle.options):
            if option.id:
                found.setdefault(option.id, (pid, number))
    return found


def chosen_ids(scenario: Scenario, choices) -> set[str]:
    """The option ids behind the choices made: ``choices`` maps or pairs a dilemma to an option number."""
    pairs = choices.items() if isinstance(choices, dict) else choices
    chosen = set()
    for pid, number in pairs:
        puzzle = scenario.puzzles.get(pid)
        if puzzle is not None and puzzle.always_opens and 0 <= number < len(puzzle.options):
            option_id = puzzle.options[number].id
            if option_id:
                chosen.add(option_id)
    return chosen


def shown_ending(scenario: Scenario, ending_id: str, choices) -> ShownEnding:
    ending: Ending = scenario.endings[ending_id]
    key = ending.variant_for(chosen_ids(scenario, choices))
    variant = ending.variants.get(key) if key else None
    if variant is None:
        return ShownEnding(ending_id, None, ending.title, ending.text, ending.image, ending.image_alt)
    image = variant.image or ending.image
    alt = variant.image_alt if variant.image else ending.image_alt
    return ShownEnding(ending_id, key, variant.title or ending.title, variant.text, image, alt)


def _after_choice(texts: dict[str, str], default: str, chosen: AbstractSet[str]) -> str:
    """The first ``after_choice`` text whose choice was made (in the order written), else the default."""
    return next((text for key, text in texts.items() if key in chosen), default)


def room_text(room: Room, chosen: AbstractSet[str]) -> str:
    return _after_choice(room.after_choice, room.text, chosen)


def object_text(obj: RoomObject, chosen: AbstractSet[str]) -> str:
    return _after_choice(obj.after_choice, obj.text, chosen)


def object_present(obj: RoomObject, chosen: AbstractSet[str]) -> bool:
    return obj.only_after is None or obj.only_after in chosen


def ending_label(scenario: Scenario, ending_id: str | None, choices) -> str:
    """``ending 'naam'`` or ``ending 'naam' (variant 'keuze')``: the auto-player's summary names both."""
    if ending_id is None or ending_id not in scenario.endings:
        return f"ending '{ending_id or '?'}'"
    variant = shown_ending(scenario, ending_id, choices).variant
    return f"ending '{ending_id}'" + (f" (variant '{variant}')" if variant else "")


# ----- checks ------------------------------------------------------------------------------------

def branch_findings(scenario: Scenario, solution=None) -> list[Finding]:
    """Every check above; ``solution`` (the solver's) adds the ones about branches."""
    known = option_ids(scenario)
    findings = list(_duplicate_ids(scenario)) + list(_unknown_ids(scenario, known))
    if solution is not None and not any(f[0] == "validate.branch.unknown_option" for f in findings):
        findings += list(_variants_played(scenario, solution))
    return findings


def _duplicate_ids(scenario: Scenario) -> Iterator[Finding]:
    seen: dict[str, str] = {}
    for pid, puzzle in scenario.puzzles.items():
        for number, option in enumerate(getattr(puzzle, "options", ())):
            option_id = getattr(option, "id", None)
            if not option_id:
                continue
            if not puzzle.always_opens:
                yield ("validate.branch.id_not_dilemma", ("puzzles", pid, "options", number, "id"),
                       {"puzzle": pid}, False)
            elif option_id in seen:
                yield ("validate.branch.duplicate_option", ("puzzles", pid, "options", number, "id"),
                       {"id": option_id, "other": seen[option_id]}, False)
            seen.setdefault(option_id, pid)


def _references(scenario: Scenario) -> Iterator[tuple[tuple, str]]:
    """Every place that names an option id: (YAML path, the id)."""
    for eid, ending in scenario.endings.items():
        for key in ending.variants:
            for part in key.split("+"):
                yield ("endings", eid, "variants", key), part
    for rid, room in scenario.rooms.items():
        for key in room.after_choice:
            yield ("rooms", rid, "after_choice", key), key
        for oid, obj in room.objects.items():
            for key in obj.after_choice:
                yield ("rooms", rid, "objects", oid, "after_choice", key), key
            if obj.only_after:
                yield ("rooms", rid, "objects", oid, "only_after"), obj.only_after


def _unknown_ids(scenario: Scenario, known: dict) -> Iterator[Finding]:
    for path, option_id in _references(scenario):
        if option_id not in known:
            close = difflib.get_close_matches(option_id, sorted(known), n=1, cutoff=0.6)
            suggestion = f"@schema.did_you_mean|{close[0]}" if close else ""
            yield "validate.branch.unknown_option", path, {"id": option_id, "suggestion": suggestion}, False


def _variants_played(scenario: Scenario, solution) -> Iterator[Finding]:
    shown: dict[str, set[str | None]] = {}
    for branch in solution.branches:
        if branch.ending and scenario.endings[branch.ending].variants:
            variant = shown_ending(scenario, branch.ending, branch.choices).variant
            shown.setdefault(branch.ending, set()).add(variant)
            if variant is None:
                yield ("validate.branch.default_shown", ("endings", branch.ending, "variants"),
                       {"ending": branch.ending, "choices": _choice_names(scenario, branch.choices)}, True)
    if solution.truncated:
        return  # not every branch was played: a variant may be reached on one that was not
    for eid, ending in scenario.endings.items():
        for key in ending.variants:
            if key not in shown.get(eid, set()):
                yield ("validate.branch.variant_unreached", ("endings", eid, "variants", key),
                       {"ending": eid, "variant": key}, True)


def _choice_names(scenario: Scenario, choices) -> str:
    names = []
    for pid, number in choices:
        option = scenario.puzzles[pid].options[number]
        names.append(f"{pid} » {option.id or option.text[:40]}")
    return "; ".join(names) or "-"
