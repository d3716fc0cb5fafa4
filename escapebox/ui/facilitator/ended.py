"""The console after the game ended: how it ended, and the way to the debrief and the report.

The clock, hints and rooms are no longer the trainer's to change (the rules
refuse them all once the game is over), so none of those buttons is shown:
the trainer sees the outcome, a button that puts the debrief on the group's
screen, and the command that writes the report of this session.
"""

from __future__ import annotations

from escapebox.debrief import build_debrief
from escapebox.report.parts import count, trainer_help_text
from escapebox.ui.clock_text import clock_text
from escapebox.ui.facilitator import facts


def ending_line(tr, d) -> str:
    """How the game ended, in the debrief's own words."""
    if d.end_reason == "escaped":
        return tr("facilitator.debrief.ended_escaped", ending=d.ending.title if d.ending else "")
    key = {"time": "ended_time", "facilitator": "ended_facilitator", "group": "ended_group"}.get(
        d.end_reason, "ended_playing")
    return tr(f"facilitator.debrief.{key}")


def time_used(app) -> float:
    """The time the game took as the debrief counts it: clock seconds plus the penalty seconds.

    The header ("afgelopen na …"), the info panel and the group's ending and debrief all say this
    one figure; the header once said the clock's seconds alone, 06:00 beside "Tijd gebruikt 06:30"."""
    game = app.game
    return build_debrief(game.scenario, game.session.state.events).time.used


def time_lines(tr, d) -> list[str]:
    """Time used (of the time there was), and what made it differ from the clock: penalties, the trainer."""
    t = d.time
    if t.available:
        lines = [tr("facilitator.debrief.time_line", used=clock_text(t.used), available=clock_text(t.available))]
    else:
        lines = [tr("facilitator.debrief.time_line_plain", used=clock_text(t.used))]
    if t.penalties:
        lines.append(tr("facilitator.debrief.penalty_line", penalty=int(t.penalties)))
    if t.adjusted:
        lines.append(tr("facilitator.debrief.adjusted_line", minutes=f"{t.adjusted / 60:+g}"))
    return lines


def report_line(app) -> str:
    """The command that writes this session's report, or why there is none (no save)."""
    session = app.game.session
    if session.store is None or session.session_id is None:
        return app.tr("facilitator.ended.no_report")
    return app.tr("facilitator.ended.report", session=session.session_id)


def debrief_on_screen(app) -> bool:
    from escapebox.ui.screens.debrief import DebriefScreen
    return isinstance(app.stack.top, DebriefScreen)


def debrief_line(app) -> str:
    state = app.game.session.state
    if state.pending:
        return app.tr("facilitator.ended.reflection_first")
    if debrief_on_screen(app):
        return app.tr("facilitator.ended.debrief_shown")
    return app.tr("facilitator.ended.debrief")


def ended_text(app) -> str:
    """Everything the info panel shows once the game is over, in reading order."""
    tr, game = app.tr, app.game
    d = build_debrief(game.scenario, game.session.state.events)
    lines = [tr("facilitator.ended.heading"), ending_line(tr, d), *time_lines(tr, d),
             tr("facilitator.ended.totals", hints=count(tr, "report.n_hints", d.hints),
                wrong=count(tr, "report.n_wrong", d.wrong_answers),
                help=trainer_help_text(d, tr)),
             *(tr("facilitator.ended.choice", title=c.title, choice=c.text) for c in d.choices),
             "", debrief_line(app), report_line(app), "",
             tr("facilitator.facts.reflections_heading"), *facts.reflection_lines(app)]
    return "\n".join(lines)


def show_debrief(app) -> None:
    """The group's screen goes to the debrief (the ending, or the time-up screen, is left behind)."""
    from escapebox.ui.screens.debrief import DebriefScreen
    if app.game.session.state.pending or debrief_on_screen(app):
        return
    app.stack.reset(DebriefScreen(app))
