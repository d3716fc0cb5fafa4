"""The HTML report: one self-contained, printable file for the trainer's debrief.

Inline CSS and inline SVG only — no scripts, fonts, images or links to
load — so the file opens offline on any laptop and survives being mailed.
Every text that a group typed (group names, wrong answers, reflections) is
untrusted and goes through :func:`html.escape`; so do scenario texts.
"""

from __future__ import annotations

from html import escape

from escapebox.debrief import Debrief, ReflectionAnswer
from escapebox.report import parts
from escapebox.report.compare import comparisons
from escapebox.report.fmt import clock, wall
from escapebox.report.html_compare import comparison_section, questions_html
from escapebox.report.sources import ReportSession
from escapebox.report.style import CSS
from escapebox.report.svg import colour
from escapebox.report.timeline import timeline


def render_html(sessions: list[ReportSession], tr, generated: str) -> str:
    """The whole document; ``generated`` is the wall-clock time printed in the header."""
    colours = {s.label: colour(n) for n, s in enumerate(sessions)}
    compared = comparisons(sessions)
    body = [_intro(sessions, tr, generated), _contents(sessions, compared, tr)]
    body += [_for_the_trainer(scenario, tr) for scenario in {s.scenario.id: s.scenario for s in sessions}.values()]
    for comparison in compared:
        mine = [s for s in sessions if s.debrief.scenario_id == comparison.scenario_id]
        body.append(comparison_section(comparison, mine, colours, tr))
    alone = {s.debrief.scenario_id for s in sessions} - {c.scenario_id for c in compared}
    body += [_session(s, n + 1, colours[s.label], tr, s.debrief.scenario_id in alone)
             for n, s in enumerate(sessions)]
    body.append(f'<footer><p>{escape(tr("report.footer", time=generated))}</p></footer>')
    title = tr("report.title", scenario=_titles(sessions))
    return _document(title, "\n".join(body), tr.lang)


def _document(title: str, body: str, lang: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n'
            f'{body}\n</main>\n</body>\n</html>\n')


def _titles(sessions: list[ReportSession]) -> str:
    return " / ".join(dict.fromkeys(s.debrief.scenario_title for s in sessions))


def _intro(sessions: list[ReportSession], tr, generated: str) -> str:
    days = sorted({wall(s.debrief.started, tr).split(" ")[0] for s in sessions if s.debrief.started})
    meta = tr("report.intro_meta", groups=len(sessions), dates=", ".join(days) or "–", time=generated)
    return (f'<header><h1>{escape(tr("report.title", scenario=_titles(sessions)))}</h1>'
            f'<p class="meta">{escape(meta)}</p>'
            f'<p class="privacy">{escape(tr("report.privacy_note"))}</p></header>')


def _for_the_trainer(scenario, tr) -> str:
    """The scenario's sources and trainer notes (empty when it has none): for the trainer, never the group."""
    sources, notes = parts.trainer_sources(scenario), parts.trainer_notes(scenario, tr)
    if not sources and not notes:
        return ""
    html = [f'<section class="trainer"><h2>{escape(tr("report.trainer.heading", scenario=scenario.title))}</h2>',
            f'<p class="meta">{escape(tr("report.trainer.intro"))}</p>']
    if sources:
        items = "".join(f"<li>{escape(parts.source_text(source, tr))}</li>" for source in sources)
        html.append(f'<h3>{escape(tr("report.trainer.sources"))}</h3><ul>{items}</ul>')
    if notes:
        items = "".join(f"<li><strong>{escape(where)}:</strong> {escape(note)}</li>" for where, note in notes)
        html.append(f'<h3>{escape(tr("report.trainer.notes"))}</h3><ul>{items}</ul>')
    return "".join(html) + "</section>"


def _contents(sessions, compared, tr) -> str:
    items = [f'<li><a href="#vergelijking-{escape(c.scenario_id)}">{escape(tr("report.compare_title"))}'
             f' – {escape(c.title)}</a></li>' for c in compared]
    items += [f'<li><a href="#groep-{n + 1}">{escape(s.label)}</a></li>' for n, s in enumerate(sessions)]
    return f'<nav aria-label="{escape(tr("report.contents"))}"><ol>{"".join(items)}</ol></nav>'


def _session(s: ReportSession, number: int, group_colour: str, tr, with_questions: bool) -> str:
    """One group's page: summary, path, choices, reflections by goal, puzzles, timeline."""
    d = s.debrief
    origin = tr("report.origin_store") if s.origin == "store" else tr("report.origin_file", file=s.origin)
    meta = tr("report.session_meta", scenario=d.scenario_title, start=wall(d.started, tr), origin=origin, id=s.id)
    sections = [
        f'<h2 id="groep-{number}"><span class="chip"></span>{escape(s.label)}</h2>',
        f'<p class="meta">{escape(meta)}</p>', _cards(d, tr), _path(d, tr), _choices(d, tr),
        _reflections(d, tr), _skipped(d, tr), _puzzles(d, tr), _timeline(s, tr),
    ]
    if with_questions:
        sections.append(questions_html(d.debrief_text, d.questions, tr))
    return f'<section class="group" style="--group:{group_colour}">{"".join(sections)}</section>'


def _cards(d: Debrief, tr) -> str:
    time_label = (tr("report.card_time_of", available=clock(d.time.available)) if d.time.available
                  else tr("report.card_time"))
    cards = [(parts.ending_text(d, tr), tr("report.card_ending"), False),
             (clock(d.time.used), time_label, False)]
    if d.time.overtime:
        cards.append((clock(d.time.overtime), tr("report.card_overtime"), True))
    cards += [(clock(d.time.paused), tr("report.card_paused"), False),
              (str(d.hints), tr("report.card_hints"), False),
              (str(d.wrong_answers), tr("report.card_wrong"), False),
              (str(d.trainer_help.total), tr("report.card_trainer"), False)]
    html = "".join(f'<div class="card{" alert" if alert else ""}"><span class="value">{escape(value)}</span>'
                   f'<span class="label">{escape(label)}</span></div>' for value, label, alert in cards)
    detail = f'<p class="muted">{escape(tr("report.card_trainer"))}: {escape(parts.trainer_help_text(d, tr))}</p>'
    return f'<div class="cards">{html}</div>{detail}'


def _path(d: Debrief, tr) -> str:
    steps = "".join(f'<li>{escape(v.name)}{" *" if v.by_facilitator else ""}</li>' for v in d.path)
    note = f'<p class="muted">{escape(tr("report.path_trainer_note"))}</p>' if any(v.by_facilitator for v in d.path) else ""
    return f'<h3>{escape(tr("report.path"))}</h3><ol class="path">{steps}</ol>{note}'


def _choices(d: Debrief, tr) -> str:
    if not d.choices:
        return ""
    blocks = []
    for c in d.choices:
        # a conversation: the talk it started goes with the ticked option, as one path, not as loose lines
        # that read like options nobody chose
        talk = parts.talk_text(c, tr)
        talk = f'<span class="talk">» {escape(talk)}</span>' if talk else ""
        options = "".join(f'<li class="picked">{escape(text)} ✔{talk}</li>' if n == c.option
                          else f'<li class="muted">{escape(text)}</li>' for n, text in enumerate(c.options))
        feedback = f'<p class="muted">{escape(c.feedback)}</p>' if c.feedback else ""
        blocks.append(f'<div class="choice"><h4>{escape(c.title)}</h4><p>{escape(c.question)}</p>'
                      f'<ul>{options}</ul>{feedback}</div>')
    return f'<h3>{escape(tr("report.choices"))}</h3>{"".join(blocks)}'


def _reflections(d: Debrief, tr) -> str:
    if not d.by_goal:
        return f'<h3>{escape(tr("report.reflections"))}</h3><p class="muted">{escape(tr("report.none"))}</p>'
    blocks = []
    for group in d.by_goal:
        title = " + ".join(group.texts or (group.text,)) if group.goal else tr("report.goal_other")
        answers = "".join(_answer(a, tr) for a in group.answers)
        label = "report.goals_label" if len(group.texts) > 1 else "report.goal_label"
        blocks.append(f'<div class="goalbox"><p class="goal"><span class="goal-label">{escape(tr(label))}'
                      f'</span>{escape(title)}</p>{answers}</div>')
    return f'<h3>{escape(tr("report.reflections"))}</h3>{"".join(blocks)}'


def _answer(a: ReflectionAnswer, tr) -> str:
    return (f'<p class="prompt">{escape(a.prompt)}</p>'
            f'<blockquote class="answer">{escape(parts.answer_text(a, tr))}</blockquote>')


def _skipped(d: Debrief, tr) -> str:
    if not d.skipped_reflections:
        return ""
    items = "".join(f"<li>{escape(r.prompt)}</li>" for r in d.skipped_reflections)
    return f'<h3>{escape(tr("report.skipped_reflections"))}</h3><ul>{items}</ul>'


def _puzzles(d: Debrief, tr) -> str:
    head = "".join(f'<th class="{cls}">{escape(tr(key))}</th>' for key, cls in (
        ("report.col_puzzle", "w-puzzle"), ("report.col_time", "num w-num"), ("report.col_hints", "num w-num"),
        ("report.col_wrong", ""), ("report.col_status", "w-status")))
    rows = []
    for p in d.puzzles:
        tried = " ".join(f'<span class="typed">{escape(w.text)}</span>' for w in p.wrong) or "–"
        tags = "".join(f'<span class="tag {cls}">{escape(text)}</span>' for text, cls in parts.status_tags(p, tr))
        rows.append(f"<tr><td>{escape(p.title)}</td><td class=\"num\">{clock(p.seconds)}</td>"
                    f'<td class="num">{p.all_hints}</td><td>{tried}</td><td>{tags}</td></tr>')
    note = f'<p class="muted">{escape(tr("report.puzzle_time_note"))}</p>'
    return (f'<h3>{escape(tr("report.puzzles"))}</h3>{note}'
            f'<table class="puzzles"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


def _timeline(s: ReportSession, tr) -> str:
    rows = "".join(f'<tr class="{line.kind}"><td class="num time">{clock(line.at)}</td><td>{escape(line.text)}</td></tr>'
                   for line in timeline(s.scenario, s.debrief.events, tr))
    return (f'<h3>{escape(tr("report.timeline"))}</h3>'
            f'<table class="timeline"><tbody>{rows}</tbody></table>')
