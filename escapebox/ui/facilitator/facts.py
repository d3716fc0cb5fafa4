"""What the trainer needs to know at a glance, as text, from the game state.

Pure functions over the app's game (no drawing), so the console window,
the overlay and the tests read the same facts.  The "current" puzzle is
the one on the players' screen; otherwise the trainer picks among the
puzzles that can be tried in the current room.
"""

from __future__ import annotations

from escapebox.core import events as E
from escapebox.ui.clock_text import clock_text


def puzzle_on_screen(app) -> str | None:
    """The puzzle the group is looking at (the top-most puzzle screen), if any."""
    from escapebox.ui.screens.puzzles import PuzzleScreen
    for screen in reversed(app.stack.screens):
        if isinstance(screen, PuzzleScreen):
            return screen.puzzle_id
    return None


def puzzles_in_sight(session) -> set[str]:
    """The locks the group can see in this room now: on its doors and on the objects that are there
    (an object that comes ``only_after`` a choice the group has not made is not)."""
    objects = session.scenario.rooms[session.state.room].objects
    locks = {objects[o].locked_by for o in session.objects()}
    return (locks | {door.locked_by for door, _open in session.exits()}) - {None}


def candidate_puzzles(app, in_sight_only: bool = False) -> list[str]:
    """Puzzles the trainer can act on now: the one on screen first, then the open ones in this room.

    ``in_sight_only`` (the overlay on the group's screen): only those the group can see, so the
    panel never names a lock the group has not found yet."""
    session = app.game.session
    found = session.available_puzzles()
    if in_sight_only:
        sight = puzzles_in_sight(session)
        found = [p for p in found if p in sight]
    shown = puzzle_on_screen(app)
    if shown and shown not in session.state.opened:
        found = [shown] + [p for p in found if p != shown]
    return found


def pushed_hints(state, puzzle: str) -> int:
    return sum(1 for e in state.events if isinstance(e, E.HintShown) and e.puzzle == puzzle and e.pushed)


def puzzle_lines(app, puzzle: str | None, show_solution: bool) -> list[str]:
    """Title, solution (or that it is hidden), next hint, hints so far and what was typed wrong."""
    tr, game = app.tr, app.game
    if puzzle is None:
        return [tr("facilitator.facts.no_puzzle")]
    state, p = game.session.state, game.scenario.puzzles[puzzle]
    if p.sealed:    # a pack opened without the trainer's password
        solution = tr("facilitator.facts.solution_sealed")
    else:
        solution = p.solution_words(tr) if show_solution else tr("facilitator.facts.solution_hidden")
    lines = [tr("facilitator.facts.puzzle", title=p.title),
             tr("facilitator.facts.solution", solution=solution),
             next_hint_line(app, puzzle, show_solution),
             tr("facilitator.facts.hints", count=state.hints.get(puzzle, 0), pushed=pushed_hints(state, puzzle))]
    wrong = state.wrong.get(puzzle, [])
    if wrong:
        lines.append(tr("facilitator.facts.wrong", count=len(wrong), answers=", ".join(f"“{w}”" for w in wrong)))
    else:
        lines.append(tr("facilitator.facts.no_wrong"))
    if puzzle in state.revealed:
        lines.append(tr("facilitator.facts.revealed"))
    return lines


def next_hint_line(app, puzzle: str, show_text: bool) -> str:
    """The next hint; on the group's screen (the overlay) only its number, so nobody reads it ahead."""
    tr, session = app.tr, app.game.session
    hint = session.next_hint(puzzle)
    if not hint:
        return tr("facilitator.facts.no_more_hints")
    if show_text:
        return tr("facilitator.facts.next_hint", hint=hint)
    total = len(app.game.scenario.puzzles[puzzle].hints)
    return tr("facilitator.facts.next_hint_hidden", number=session.state.hints.get(puzzle, 0) + 1, total=total)


def totals_line(app) -> str:
    from escapebox.report.parts import count      # "1 hint", "2 hints": the report's plural forms
    state, tr = app.game.session.state, app.tr
    return tr("facilitator.facts.totals", hints=count(tr, "report.n_hints", sum(state.hints.values())),
              wrong=count(tr, "report.n_wrong", sum(len(v) for v in state.wrong.values())),
              opened=len(state.opened), puzzles=len(app.game.scenario.puzzles))


def reflection_lines(app) -> list[str]:
    """The group's reflection answers, newest first, so what just came in is on top."""
    tr, game = app.tr, app.game
    answers = [e for e in game.session.state.events if isinstance(e, E.ReflectionAnswered)]
    if not answers:
        return [tr("facilitator.facts.no_reflections")]
    lines = []
    for event in reversed(answers):
        prompt = game.scenario.reflections[event.reflection].prompt
        lines.append(tr("facilitator.facts.reflection", prompt=prompt, answer=event.answer or "—"))
    return lines


def facts_text(app, puzzle: str | None, show_solution: bool) -> str:
    """Everything for the information panel, in reading order."""
    tr, game = app.tr, app.game
    state = game.session.state
    room = game.scenario.rooms[state.room].name
    parts = [tr("facilitator.facts.room", room=room), totals_line(app), "",
             *puzzle_lines(app, puzzle, show_solution), "",
             tr("facilitator.facts.reflections_heading"), *reflection_lines(app),
             # last: what the trainer prepared stays below what the group is doing now
             *(["", *trainer_lines(app, puzzle)] if show_solution else [])]
    return "\n".join(parts)


def trainer_lines(app, puzzle: str | None) -> list[str]:
    """Trainer notes and sources of the scenario, this room and this puzzle; shown only where the
    solution is (the console, or the overlay after "Antwoorden tonen"): the group never reads them."""
    from escapebox.report import parts       # the report's wording: the console and the report say the same
    tr, scenario = app.tr, app.game.scenario
    notes = parts.trainer_notes(scenario, tr, puzzle=puzzle, room=app.game.session.state.room)
    lines = [f"{where}: {note}" for where, note in notes]
    lines += [tr("facilitator.facts.source", source=parts.source_text(s, tr)) for s in parts.trainer_sources(scenario, puzzle)]
    return [tr("facilitator.facts.trainer_heading"), *lines] if lines else []


def clock_line(app) -> str:
    """Elapsed and remaining time, and whether the clock is stopped."""
    view = app.game.session.timer()
    tr = app.tr
    text = tr("facilitator.facts.elapsed", time=clock_text(view.elapsed))
    if view.remaining is not None:
        text += "  ·  " + (tr("facilitator.facts.overtime", time=clock_text(-view.remaining)) if view.remaining < 0
                           else tr("facilitator.facts.remaining", time=clock_text(view.remaining)))
    if view.paused:
        text += "  ·  " + tr("facilitator.facts.paused")
    return text
