"""Wording shared by the HTML and Markdown reports, so both say the same thing."""

from __future__ import annotations

from datetime import date

from escapebox.debrief import Debrief, DilemmaChoice, PuzzleResult, ReflectionAnswer
from escapebox.report.fmt import clock
from escapebox.scenario.sources import STALE_AFTER_DAYS


def ending_text(d: Debrief, tr) -> str:
    """How the game ended: the ending's title, or why it stopped, or that it is still going."""
    if d.ending:
        return d.ending.title
    if d.end_reason in ("time", "facilitator"):
        return tr(f"report.reason.{d.end_reason}")
    return tr("report.not_finished")


def time_used(d: Debrief, tr) -> str:
    if d.time.available is None:
        return tr("report.time_no_clock", used=clock(d.time.used))
    return tr("report.time_of", used=clock(d.time.used), available=clock(d.time.available))


def answer_text(a: ReflectionAnswer, tr) -> str:
    """A reflection answer as the trainer reads it; scales say what the numbers meant."""
    if a.kind != "scale" or a.scale is None:
        return a.answer or tr("report.empty_answer")
    low = f" ({a.scale.min} = {a.scale.low}, {a.scale.max} = {a.scale.high})" if a.scale.low and a.scale.high else ""
    return tr("report.scale_answer", value=a.answer, max=a.scale.max) + low


def talk_text(c: DilemmaChoice, tr) -> str:
    """A conversation after the group's first choice, as one path: "Samira: … » jullie: … » Samira: …"."""
    said = []
    for line in c.talk:
        speaker = tr("report.talk_group") if line.speaker is None else line.speaker
        said.append(f"{speaker}: {line.words}" if speaker else f"'{line.words}'")
    return " » ".join(said)


def choice_path(c: DilemmaChoice, tr) -> str:
    """The choice in one line: the option, then the talk it started (a plain dilemma: the option alone)."""
    first = c.options[c.option] if 0 <= c.option < len(c.options) else c.text
    talk = talk_text(c, tr)
    return f"{first} » {talk}" if talk else c.text


def status_tags(p: PuzzleResult, tr) -> list[tuple[str, str]]:
    """Short labels with a style class: solved / chosen / skipped by the trainer / answer shown / hints sent / open."""
    tags = []
    if p.status == "solved":
        tags.append((tr("report.status_solved"), "ok"))
    elif p.status == "chosen":      # a dilemma: its own look, not the green "solved"
        tags.append((tr("report.status_chosen"), "chosen"))
    elif p.status == "skipped":
        tags.append((tr("report.status_skipped"), "trainer"))
    else:
        tags.append((tr("report.status_open"), "open"))
    if p.revealed:
        tags.append((tr("report.status_revealed"), "trainer"))
    if p.pushed_hints:
        tags.append((tr("report.status_pushed", count=p.pushed_hints), "trainer"))
    return tags


def trainer_help_text(d: Debrief, tr) -> str:
    """"1 hint gestuurd · tijd aangepast (+10:00)": each kind of help by itself, or "geen"."""
    help_ = d.trainer_help
    bits = []
    if help_.pushed_hints:
        bits.append(count(tr, "report.trainer_help.hints", help_.pushed_hints))
    if help_.time_changes:
        sign = "+" if help_.time_added >= 0 else "−"
        bits.append(count(tr, "report.trainer_help.time", help_.time_changes, change=sign + clock(abs(help_.time_added))))
    if help_.skipped:
        bits.append(count(tr, "report.trainer_help.skipped", help_.skipped))
    if help_.revealed:
        bits.append(count(tr, "report.trainer_help.revealed", help_.revealed))
    return " · ".join(bits) or tr("report.trainer_help.none")


def count(tr, key: str, number: int, **params) -> str:
    """``1 hint`` / ``2 hints``: the catalogue has ``<key>_one`` for exactly one."""
    return tr(f"{key}_one" if number == 1 else key, count=number, **params)


def puzzle_note(p: PuzzleResult | None, tr) -> str:
    """The text after a bar in the comparison chart: time, hints, wrong tries, trainer help."""
    if p is None or p.status == "open":
        return tr("report.status_open")
    bits = [clock(p.seconds) if p.seconds is not None else "–", count(tr, "report.n_hints", p.all_hints)]
    if p.wrong:
        bits.append(count(tr, "report.n_wrong", len(p.wrong)))
    if p.status == "skipped":
        bits.append(tr("report.status_skipped"))
    elif p.revealed:
        bits.append(tr("report.status_revealed"))
    return " · ".join(bits)


# ----- for the trainer alone: sources and notes (escapebox/scenario/sources.py) -----------------


def trainer_notes(scenario, tr, puzzle: str | None = None, room: str | None = None) -> list[tuple[str, str]]:
    """(where, note) for each trainer note: the scenario's, then each room's and puzzle's.

    With ``room`` or ``puzzle``, only the scenario's and that room's or puzzle's (the console: what is
    on the table now).
    """
    notes = [(tr("report.trainer.where_scenario"), scenario.trainer_notes)]
    notes += [(tr("report.trainer.where_room", name=r.name), r.trainer_notes) for rid, r in scenario.rooms.items()
              if room is None and puzzle is None or rid == room]
    notes += [(tr("report.trainer.where_puzzle", title=p.title), p.trainer_notes)
              for pid, p in scenario.puzzles.items() if room is None and puzzle is None or pid == puzzle]
    return [(where, note) for where, note in notes if note]


def trainer_sources(scenario, puzzle: str | None = None) -> list:
    """The scenario's sources, then those of every puzzle (or only of ``puzzle``), each once."""
    found = list(scenario.sources)
    for pid, p in scenario.puzzles.items():
        if puzzle is None or pid == puzzle:
            found += [s for s in p.sources if s not in found]
    return found


def source_text(source, tr, today=None) -> str:
    """"Title (url), nagekeken op 2026-11-20", and a warning when that is more than a year ago."""
    text = f"{source.title} ({source.url})" if source.url else source.title
    if not source.checked_on:
        return text
    text += ", " + tr("report.trainer.checked_on", date=source.checked_on)
    age = source.age_days(today or date.today())
    return text + (" · " + tr("report.trainer.stale") if age is not None and age > STALE_AFTER_DAYS else "")
