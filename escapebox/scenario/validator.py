"""Whole-scenario checks: everything pydantic cannot see from one field alone.

``validate`` returns every problem at once, errors and warnings, each with
the YAML position of the offending id or text: references to ids that do
not exist (with "did you mean …?"), missing or escaping asset files,
puzzles without hints, unused clues and items, learning goals nothing
serves, kind-specific rules, beamer readability, and — through the solver —
dead ends, circular locks, unreachable parts and locks the screen would open
for a group that does not think (``freesolve``).

The scenario's house style (``theme:``) is checked one layer up, by
:func:`escapebox.authoring.checks.all_problems`, because themes build on
the scenario format and not the other way round.
"""

from __future__ import annotations

import difflib
from datetime import date
from pathlib import Path

from escapebox.puzzles import kind_classes, kind_name
from escapebox.scenario.index import ScenarioIndex
from escapebox.scenario.invisible import invisible_problems
from escapebox.problems import Problem, Severity
from escapebox.scenario.assets import icon_exists
from escapebox.scenario.branches import branch_findings
from escapebox.scenario.freesolve import free_solves
from escapebox.scenario.icons import closest_icon
from escapebox.scenario.guessable import given_away
from escapebox.scenario.loader import LoadedScenario
from escapebox.scenario.metaanswer import meta_answer_findings
from escapebox.scenario.nearby import closest_file
from escapebox.scenario.mediacheck import MediaProblem, inspect_image, inspect_sound
from escapebox.scenario.picturebudget import ROOM_PIXELS, ROOM_PIXELS_WARN, budget, millions
from escapebox.scenario.readability import readability_problems
from escapebox.scenario.solver import MAX_BRANCHES, MAX_STATES, Solution, solve
from escapebox.scenario.sources import stale_sources
from escapebox.scenario.tabs import tab_problems
from escapebox.scenario.types import AssetPath, Ref
from escapebox.scenario.walk import walked
from escapebox.scenario.yamlsafe import dotted

SOUND_SUFFIXES = (".wav", ".ogg", ".mp3")


class _Report:
    """Collects problems and places them in the trainer's file."""

    def __init__(self, loaded: LoadedScenario):
        self.doc = loaded.document
        self.problems: list[Problem] = []
        #: pixels each accepted picture file costs once decoded (for the room budget)
        self.pixels: dict[str, int] = {}

    def add(self, code: str, path: tuple, warning: bool = False, key: bool = False, **params) -> None:
        mark = self.doc.key_mark(path) if key else self.doc.mark(path)
        self.problems.append(Problem(code, params, Severity.WARNING if warning else Severity.ERROR,
                                     self.doc.file, mark.line if mark else None,
                                     mark.column if mark else None, dotted(path)))


def validate(loaded: LoadedScenario, solution: Solution | None = None) -> list[Problem]:
    report = _Report(loaded)
    scenario = loaded.scenario
    index = loaded.index
    ids = _id_tables(scenario, index)
    _check_unique_ids(scenario, report)
    references_ok = _check_references(loaded, ids, report)
    _check_room_pictures(loaded, report)
    _check_kinds(scenario, report)
    _check_sources(scenario, report)
    _check_hints_and_goals(scenario, report)
    _check_reflections(scenario, report)
    _check_use_of_clues_and_items(scenario, index, report)
    for problem in readability_problems(loaded):
        report.add(problem[0], problem[1], warning=True, **problem[2])
    report.problems.extend(invisible_problems(loaded))
    report.problems.extend(tab_problems(loaded))
    report.problems.extend(loaded.document.traps)
    report.problems.extend(given_away(loaded))
    for code, path, params in meta_answer_findings(scenario):
        report.add(code, path, warning=True, **params)
    if references_ok:
        solution = solution or solve(scenario, index)
        _check_play(scenario, index, solution, report)
        for code, path, params in free_solves(scenario, solution):
            report.add(code, path, warning=True, **params)
    for code, path, params, warning in branch_findings(scenario, solution if references_ok else None):
        report.add(code, path, warning=warning, **params)
    return in_file_order(report.problems)


def in_file_order(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or 0))


def _id_tables(scenario, index) -> dict[str, set[str]]:
    return {
        "room": set(scenario.rooms), "ending": set(scenario.endings), "clue": set(scenario.clues),
        "item": set(scenario.items), "puzzle": set(scenario.puzzles), "goal": set(scenario.goals),
        "reflection": set(scenario.reflections), "object": set(index.objects),
    }


def _check_unique_ids(scenario, report: _Report) -> None:
    seen: dict[str, str] = {}
    for room_id, room in scenario.rooms.items():
        for object_id in room.objects:
            if object_id in seen:
                report.add("validate.duplicate_object", ("rooms", room_id, "objects", object_id), key=True,
                           object=object_id, other=seen[object_id])
            seen.setdefault(object_id, room_id)
    for ending in scenario.endings:
        if ending in scenario.rooms:
            report.add("validate.room_and_ending", ("endings", ending), key=True, id=ending)
    for item in scenario.items:
        if item in scenario.clues:
            report.add("validate.clue_and_item", ("items", item), key=True, id=item)


def _check_references(loaded: LoadedScenario, ids, report: _Report) -> bool:
    ok = True
    for path, marker, value in walked(loaded.scenario):
        if isinstance(marker, Ref):
            known = set().union(*(ids[k] for k in marker.kinds))
            if value not in known:
                ok = False
                report.add("validate.unknown_id", path, id=value, kind=f"@validate.kind_{'_or_'.join(marker.kinds)}",
                           suggestion=_reference_hint(value, marker.kinds, known, ids))
        elif isinstance(marker, AssetPath):
            _check_asset(loaded, path, value, report)
    for path, value in _icons(loaded.scenario):
        if not icon_exists(value, loaded.folder):
            close = closest_icon(value)
            report.add("validate.unknown_icon", path, icon=value,
                       suggestion=f"@schema.did_you_mean|{close}" if close else "")
    return ok


def _reference_hint(value: str, kinds: tuple, known: set[str], ids) -> str:
    """"Did you mean", or, for an exit's ``to:`` naming an ending, the field that does lead there."""
    if kinds == ("room",) and value in ids["ending"]:
        return f"@validate.ending_needs_leads_to|{value}"
    close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    return f"@schema.did_you_mean|{close[0]}" if close else ""


def _check_asset(loaded: LoadedScenario, path: tuple, value: str, report: _Report) -> None:
    folder = loaded.folder.resolve()
    target = (loaded.folder / value)
    try:
        resolved = target.resolve()
    except OSError:
        resolved = target
    if folder != resolved and folder not in resolved.parents:
        report.add("validate.asset_outside", path, file=value)
    elif not resolved.is_file():
        close = closest_file(loaded.folder, value)
        report.add("validate.missing_asset", path, file=value,
                   suggestion=f"@schema.did_you_mean|{close}" if close and close != value else "")
    else:
        _check_media(resolved, path, value, report)


def _check_media(file: Path, path: tuple, value: str, report: _Report) -> None:
    """Read only the header: a file claiming 65535×65535 pixels is refused before decoding."""
    inspect = inspect_sound if file.suffix.lower() in SOUND_SUFFIXES else inspect_image
    try:
        info = inspect(file)
        if info.has_text:
            report.add("validate.svg_text", path, warning=True, file=value)
        if inspect is inspect_image:
            report.pixels[value] = info.pixels
    except MediaProblem as problem:
        report.add("validate.bad_media", path, file=value, reason=f"@{problem.code}|", **problem.params)


def _check_room_pictures(loaded: LoadedScenario, report: _Report) -> None:
    """All the pictures one room can show, added up: too many pixels and the game leaves some out."""
    for room in budget(loaded, report.pixels.get):
        name = loaded.scenario.rooms[room.room].name
        if room.refused:
            report.add("validate.room_pictures", ("rooms", room.room), key=True, room=name,
                       pixels=millions(room.pixels), limit=millions(ROOM_PIXELS),
                       files=[f"'{file}'" for file in room.refused])
        elif room.pixels > ROOM_PIXELS_WARN:
            report.add("validate.room_pictures_heavy", ("rooms", room.room), key=True, warning=True, room=name,
                       pixels=millions(room.pixels), limit=millions(ROOM_PIXELS_WARN))


def _check_sources(scenario, report: _Report, today: date | None = None) -> None:
    """A source last checked more than a year ago (subsidies and regulations change), or on a day still to come."""
    today = today or date.today()
    for path, source, why in stale_sources(scenario, today):
        report.add(f"validate.source.{why}", path, warning=True, title=source.title, date=source.checked_on)


def _kinds_showing_images() -> str:
    return ", ".join(kind_name(cls) for cls in kind_classes() if cls.shows_image)  # type: ignore[arg-type]  # python/mypy#11470


def _icons(scenario):
    for room_id, room in scenario.rooms.items():
        for object_id, obj in room.objects.items():
            if obj.icon:
                yield ("rooms", room_id, "objects", object_id, "icon"), obj.icon
    for item_id, item in scenario.items.items():
        if item.icon:
            yield ("items", item_id, "icon"), item.icon


def _check_kinds(scenario, report: _Report) -> None:
    for pid, puzzle in scenario.puzzles.items():
        if puzzle.image and not puzzle.shows_image:
            report.add("validate.puzzle.image_not_shown", ("puzzles", pid, "image"), warning=True,
                       kind=puzzle.kind, kinds=_kinds_showing_images())
        # a puzzle from a pack without the trainer's password holds no answers to check
        for finding in ([] if puzzle.sealed else puzzle.lint()):
            report.add(finding.code, ("puzzles", pid) + finding.path, warning=finding.warning, **finding.params)
        for prerequisite in puzzle.prerequisite_puzzles():
            if prerequisite in scenario.puzzles and not scenario.puzzles[prerequisite].result:
                report.add("validate.meta_source_no_result", ("puzzles", pid, "from"), puzzle=prerequisite)


def _check_hints_and_goals(scenario, report: _Report) -> None:
    served = set()
    for pid, puzzle in scenario.puzzles.items():
        served |= set(puzzle.goals)
        if not puzzle.hints:
            report.add("validate.no_hints", ("puzzles", pid), key=True, warning=True, puzzle=pid)
    for reflection in scenario.reflections.values():
        served |= set(reflection.goals)
    for goal in scenario.goals:
        if goal not in served:
            report.add("validate.goal_unserved", ("goals", goal), key=True, warning=True, goal=goal)


def _check_reflections(scenario, report: _Report) -> None:
    from_options = {o.reflection for p in scenario.puzzles.values() if p.always_opens for o in p.options}
    for rid, reflection in scenario.reflections.items():
        has_moment = reflection.after or reflection.on_enter or reflection.at_end
        if not has_moment and rid not in from_options:
            report.add("validate.reflection_never_asked", ("reflections", rid), key=True, warning=True,
                       reflection=rid)
        if has_moment and rid in from_options:
            report.add("validate.reflection_two_ways", ("reflections", rid), key=True, warning=True,
                       reflection=rid)


def _check_use_of_clues_and_items(scenario, index: ScenarioIndex, report: _Report) -> None:
    revealed, given, used = set(), set(), set()
    for obj in index.objects.values():
        revealed |= set(obj.reveals) | set(obj.hidden_reveals)
        given |= set(obj.gives)
        used |= {obj.needs_item} if obj.needs_item else set()
    for puzzle in scenario.puzzles.values():
        revealed |= set(puzzle.reveals)
        given |= set(puzzle.gives)
        used |= set(puzzle.needs) | set(puzzle.required_items())
        for option in getattr(puzzle, "options", ()):
            revealed |= set(getattr(option, "reveals", ()))
            given |= set(getattr(option, "gives", ()))
    for combo in scenario.combinations:
        given.add(combo.gives)
        used |= set(combo.items)
    for clue in scenario.clues:
        if clue not in revealed:
            report.add("validate.clue_never_found", ("clues", clue), key=True, warning=True, clue=clue)
    for item, spec in scenario.items.items():
        if item not in given:
            report.add("validate.item_never_given", ("items", item), key=True, warning=True, item=item)
        elif spec.decoy and item in used:
            report.add("validate.decoy_used", ("items", item, "decoy"), warning=True, item=item)
        elif item not in used and not spec.decoy:
            report.add("validate.item_never_used", ("items", item), key=True, warning=True, item=item)


def _check_play(scenario, index: ScenarioIndex, solution: Solution, report: _Report) -> None:
    circular = _circular_locks(scenario, index, solution, report)
    if _nowhere_blocks(scenario, index, solution, report):
        _unreachable(scenario, index, solution, report, circular, nowhere_done=True)
        return
    for branch in solution.branches:
        if branch.ending:
            continue
        choices = "; ".join(f"{pid} » {_short_choice(scenario.puzzles[pid].options[o].text)}"
                            for pid, o in branch.choices)
        blocked = [f"{pid} ({', '.join(missing)})" for pid, missing in branch.stuck.items()]
        where = ("puzzles", *branch.choices[-1][:1], "options", branch.choices[-1][1]) if branch.choices else ("start",)
        report.add("validate.dead_end" if branch.choices else "validate.no_ending", where,
                   choices=choices, blocked="; ".join(blocked) or "@validate.nothing_open")
    if solution.truncated:
        _too_many_branches(scenario, report)
    _unreachable(scenario, index, solution, report, circular)


def _too_many_branches(scenario, report: _Report) -> None:
    """Said at the first dilemma, with the limits, so the trainer knows what to make smaller."""
    dilemmas = [pid for pid, puzzle in scenario.puzzles.items() if puzzle.always_opens]
    where = ("puzzles", dilemmas[0]) if dilemmas else ("puzzles",)
    report.add("validate.too_many_branches", where, key=True, warning=True, dilemmas=len(dilemmas),
               paths=MAX_BRANCHES, states=MAX_STATES)


def _nowhere_blocks(scenario, index, solution: Solution, report: _Report) -> bool:
    """A puzzle no object or exit is locked by, while some path reaches no ending: the likely cause.

    Each dead-end branch would otherwise get its own error at a dilemma option, far from the
    puzzle that lost its ``locked_by`` (issue #18): name the cause at the puzzle, and its
    consequence once, right after it (same line, added later: the file order keeps it second).
    """
    dead = [b for b in solution.branches if not b.ending]
    nowhere = [pid for pid in scenario.puzzles if pid not in index.puzzle_rooms]
    if not dead or not nowhere:
        return False
    for pid in nowhere:
        report.add("validate.puzzle_nowhere", ("puzzles", pid), key=True, puzzle=pid)
    every = len(dead) == len(solution.branches)
    report.add("validate.nowhere_no_ending" if every else "validate.nowhere_dead_ends", ("puzzles", nowhere[0]),
               key=True, paths=len(dead), total=len(solution.branches))
    return True


def _short_choice(text: str, limit: int = 40) -> str:
    """An option's text cut at a word, so the message never ends mid-word."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def _circular_locks(scenario, index, solution: Solution, report: _Report) -> set[str]:
    """A lock whose needed clue or item can only be found behind that same lock."""
    found = set()
    stuck = {pid: missing for b in solution.branches for pid, missing in b.stuck.items()}
    for pid, missing in stuck.items():
        for need in missing:
            sources = _sources(scenario, index, need)
            if sources and all(_behind(scenario, index, source, pid) for source in sources):
                report.add("validate.circular_lock", ("puzzles", pid, "needs"), puzzle=pid, need=need)
                found.add(pid)
    return found


def _sources(scenario, index, thing: str) -> list[tuple[str, str]]:
    sources = []
    for oid, obj in index.objects.items():
        if thing in obj.reveals or thing in obj.gives or thing in obj.hidden_reveals:
            sources.append(("object", oid))
    for pid, puzzle in scenario.puzzles.items():
        if thing in puzzle.reveals or thing in puzzle.gives:
            sources.append(("puzzle", pid))
    return sources


def _behind(scenario, index, source: tuple[str, str], lock: str) -> bool:
    kind, ident = source
    if kind == "puzzle":
        return ident == lock
    obj = index.objects[ident]
    if obj.locked_by == lock:
        return True
    everything_else = set(scenario.puzzles) - {lock}
    return index.path(scenario.start, index.object_room[ident], everything_else) is None


def _unreachable(scenario, index, solution: Solution, report: _Report, circular: set[str],
                 nowhere_done: bool = False) -> None:
    if not any(b.ending for b in solution.branches):
        return
    rooms = solution.reached("rooms")
    for room in scenario.rooms:
        if room not in rooms:
            report.add("validate.unreachable_room", ("rooms", room), key=True, warning=True, room=room)
    objects, puzzles = solution.reached("objects"), solution.reached("puzzles")
    final_locks = {pid for pid, p in scenario.puzzles.items() if _ends_game(scenario, p)}
    for oid, room in index.object_room.items():
        lock = index.objects[oid].locked_by
        if room in rooms and oid not in objects and lock in (None, *puzzles) and lock not in final_locks:
            report.add("validate.unreachable_object", ("rooms", room, "objects", oid), key=True,
                       warning=True, object=oid)
    for pid in scenario.puzzles:
        if pid in circular:
            continue
        if pid not in puzzles and any(r in rooms for r in index.puzzle_rooms.get(pid, ())):
            report.add("validate.unsolvable_puzzle", ("puzzles", pid), key=True, warning=True, puzzle=pid)
        elif pid not in index.puzzle_rooms and not nowhere_done:
            report.add("validate.puzzle_nowhere", ("puzzles", pid), key=True, warning=True, puzzle=pid)


def _ends_game(scenario, puzzle) -> bool:
    """Solving this lock always ends the game, so what it locks is never shown."""
    if puzzle.always_opens:
        return all((o.leads_to or puzzle.leads_to) in scenario.endings for o in puzzle.options)
    return puzzle.leads_to in scenario.endings
