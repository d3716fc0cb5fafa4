"""The Markdown report: the same content as the HTML report, for wikis, mail and editors.

Markdown renderers pass raw HTML through, so typed text is HTML-escaped
and Markdown's own special characters are backslash-escaped: a reflection
can neither inject a script nor break a table.
"""

from __future__ import annotations

from html import escape

from escapebox.debrief import Debrief
from escapebox.report import parts
from escapebox.report.compare import Comparison, comparisons
from escapebox.report.fmt import clock, wall
from escapebox.report.sources import ReportSession
from escapebox.report.timeline import timeline

_SPECIAL = "\\`*_[]|#"


def md(text: str) -> str:
    """Untrusted text, safe inside a paragraph or table cell (newlines become ``<br>``)."""
    safe = escape(str(text), quote=False)
    for char in _SPECIAL:
        safe = safe.replace(char, "\\" + char)
    return "<br>".join(line.strip() for line in safe.splitlines()) or " "


def render_markdown(sessions: list[ReportSession], tr, generated: str) -> str:
    titles = " / ".join(dict.fromkeys(s.debrief.scenario_title for s in sessions))
    out = [f"# {md(tr('report.title', scenario=titles))}", "",
           md(tr("report.intro_meta", groups=len(sessions), time=generated,
                 dates=", ".join(sorted({wall(s.debrief.started, tr).split(' ')[0] for s in sessions})))),
           "", f"> {md(tr('report.privacy_note'))}", ""]
    for scenario in _scenarios(sessions):
        out += _for_the_trainer(scenario, tr)
    compared = comparisons(sessions)
    for c in compared:
        out += _comparison(c, [s for s in sessions if s.debrief.scenario_id == c.scenario_id], tr)
    alone = {s.debrief.scenario_id for s in sessions} - {c.scenario_id for c in compared}
    for s in sessions:
        out += _session(s, tr, s.debrief.scenario_id in alone)
    return "\n".join(out) + "\n"


def _scenarios(sessions: list[ReportSession]) -> list:
    """Each scenario played, once (several groups of one case share its sources and notes)."""
    return list({s.scenario.id: s.scenario for s in sessions}.values())


def _for_the_trainer(scenario, tr) -> list[str]:
    """The scenario's sources and trainer notes; nothing when it has none."""
    sources, notes = parts.trainer_sources(scenario), parts.trainer_notes(scenario, tr)
    if not sources and not notes:
        return []
    out = [f"## {md(tr('report.trainer.heading', scenario=scenario.title))}", "", md(tr("report.trainer.intro")), ""]
    if sources:
        out += [f"### {md(tr('report.trainer.sources'))}", ""]
        out += [f"- {md(parts.source_text(source, tr))}" for source in sources] + [""]
    if notes:
        out += [f"### {md(tr('report.trainer.notes'))}", ""]
        out += [f"- **{md(where)}:** {md(note)}" for where, note in notes] + [""]
    return out


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(md(h) for h in head) + " |", "|" + "---|" * len(head)]
    return lines + ["| " + " | ".join(md(c) for c in row) + " |" for row in rows] + [""]


def _comparison(c: Comparison, sessions: list[ReportSession], tr) -> list[str]:
    out = [f"## {md(tr('report.compare_title'))}: {md(c.title)}", ""]
    head = [tr(k) for k in ("report.col_group", "report.card_ending", "report.card_time", "report.card_hints",
                            "report.card_wrong", "report.card_trainer", "report.col_reflections")]
    out += _table(head, [_overview(s.label, s.debrief, tr) for s in sessions])
    if c.dilemmas:
        out += [f"### {md(tr('report.compare_dilemmas'))}", ""]
    for d in c.dilemmas:
        out += [f"#### {md(d.title)}", "", md(d.question), ""]
        for o in d.options:
            # a group that talked on is named once, before its talk, as in the HTML report
            out += [f"- **{len(o.groups)}** × {md(o.text)}" + (f" — {md(', '.join(o.quiet))}" if o.quiet else "")]
            out += [f"  - {md(group)}: » {md(parts.talk_text(c, tr))}" for group, c in o.talks]
        out += [""] + _not_reached(d.not_reached, tr)
    if c.prompts:
        out += [f"### {md(tr('report.compare_reflections'))}", ""]
    for p in c.prompts:
        out += [f"#### {md(p.prompt)}", ""]
        out += [f"- **{md(label)}:** {md(parts.answer_text(a, tr) if a else tr('report.skipped'))}"
                for label, a in p.answers] + [""] + _not_reached(p.not_reached, tr)
    out += _questions(c.debrief_text, c.questions, tr)
    out += [f"### {md(tr('report.compare_puzzles'))}", "", md(tr("report.puzzle_time_note")), ""]
    out += _table([tr("report.col_puzzle"), *c.groups],
                  [[row.title, *(parts.puzzle_note(p, tr) for _, p in row.results)] for row in c.puzzles])
    return out


def _not_reached(groups: tuple[str, ...], tr) -> list[str]:
    return [md(tr("report.not_reached", groups=", ".join(groups))), ""] if groups else []


def _overview(label: str, d: Debrief, tr) -> list[str]:
    over = f" ({tr('report.overtime', time=clock(d.time.overtime))})" if d.time.overtime else ""
    return [label, parts.ending_text(d, tr), parts.time_used(d, tr) + over, str(d.hints), str(d.wrong_answers),
            str(d.trainer_help.total), str(len(d.reflections))]


def _questions(text: str, questions: tuple[str, ...], tr) -> list[str]:
    if not text and not questions:
        return []
    out = [f"### {md(tr('report.questions'))}", ""] + ([md(text), ""] if text else [])
    return out + [f"{n}. {md(q)}" for n, q in enumerate(questions, 1)] + [""]


def _session(s: ReportSession, tr, with_questions: bool) -> list[str]:
    d = s.debrief
    out = [f"## {md(s.label)}", "",
           f"- {md(tr('report.card_ending'))}: {md(parts.ending_text(d, tr))}",
           f"- {md(tr('report.card_time'))}: {md(parts.time_used(d, tr))}",
           f"- {md(tr('report.card_overtime'))}: {clock(d.time.overtime)}",
           f"- {md(tr('report.card_paused'))}: {clock(d.time.paused)}",
           f"- {md(tr('report.card_hints'))}: {d.hints}", f"- {md(tr('report.card_wrong'))}: {d.wrong_answers}",
           f"- {md(tr('report.card_trainer'))}: {d.trainer_help.total} ({md(parts.trainer_help_text(d, tr))})",
           f"- {md(tr('report.path'))}: " + " → ".join(md(v.name) for v in d.path), ""]
    out += _choices(d, tr) + _reflections(d, tr) + _puzzles(d, tr)
    out += [f"### {md(tr('report.timeline'))}", ""]
    out += _table([tr("report.col_time"), tr("report.col_event")],
                  [[clock(line.at), line.text] for line in timeline(s.scenario, d.events, tr)])
    return out + (_questions(d.debrief_text, d.questions, tr) if with_questions else [])


def _choices(d: Debrief, tr) -> list[str]:
    if not d.choices:
        return []
    out = [f"### {md(tr('report.choices'))}", ""]
    for c in d.choices:
        out += [f"- **{md(c.title)}:** {md(parts.choice_path(c, tr))}"]
    return out + [""]


def _reflections(d: Debrief, tr) -> list[str]:
    out = [f"### {md(tr('report.reflections'))}", ""]
    for group in d.by_goal:
        out += [f"#### {md(' + '.join(group.texts or (group.text,)) if group.goal else tr('report.goal_other'))}", ""]
        for a in group.answers:
            out += [f"**{md(a.prompt)}**", "", f"> {md(parts.answer_text(a, tr))}", ""]
    if d.skipped_reflections:
        out += [f"#### {md(tr('report.skipped_reflections'))}", ""]
        out += [f"- {md(r.prompt)}" for r in d.skipped_reflections] + [""]
    return out


def _puzzles(d: Debrief, tr) -> list[str]:
    head = [tr(k) for k in ("report.col_puzzle", "report.col_time", "report.col_hints", "report.col_wrong",
                            "report.col_status")]
    rows = [[p.title, clock(p.seconds), str(p.all_hints), "; ".join(w.text for w in p.wrong) or "–",
             ", ".join(text for text, _ in parts.status_tags(p, tr))] for p in d.puzzles]
    return [f"### {md(tr('report.puzzles'))}", ""] + _table(head, rows)
