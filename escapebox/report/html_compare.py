"""The comparison part of the HTML report: all groups of one scenario side by side.

Organised by question, as the trainer leads the debrief: how much time and
help each puzzle took, how the groups chose at each dilemma, and what every
group answered to each reflection prompt.
"""

from __future__ import annotations

from html import escape

from escapebox.report import parts
from escapebox.report.compare import Comparison, DilemmaRow, OptionCount, PromptRow, PuzzleRow
from escapebox.report.fmt import clock
from escapebox.report.sources import ReportSession
from escapebox.report.svg import Bar, bar_chart


def comparison_section(c: Comparison, sessions: list[ReportSession], colours: dict[str, str], tr) -> str:
    """Overview first, then what the conversation is about (choices, reflections, questions), then timings."""
    return (f'<section class="comparison" id="vergelijking-{escape(c.scenario_id)}">'
            f'<h2>{escape(tr("report.compare_title"))}: {escape(c.title)}</h2>'
            f'{_legend(c.groups, colours)}{_overview(sessions, colours, tr)}'
            f'{_dilemmas(c, colours, tr)}{_prompts(c, colours, tr)}'
            f'{questions_html(c.debrief_text, c.questions, tr)}{_puzzles(c, colours, tr)}</section>')


def questions_html(text: str, questions: tuple[str, ...], tr) -> str:
    """The scenario's own debrief text and discussion questions."""
    if not text and not questions:
        return ""
    items = "".join(f"<li>{escape(q)}</li>" for q in questions)
    intro = f"<p>{escape(text)}</p>" if text else ""
    return f'<h3>{escape(tr("report.questions"))}</h3>{intro}<ol class="questions">{items}</ol>'


def _legend(groups, colours) -> str:
    items = "".join(f'<li style="--group:{colours[g]}"><span class="chip"></span>{escape(g)}</li>' for g in groups)
    return f'<ul class="legend">{items}</ul>'


def _overview(sessions: list[ReportSession], colours, tr) -> str:
    keys = ("report.col_group", "report.card_ending", "report.card_time", "report.card_hints",
            "report.card_wrong", "report.card_trainer", "report.col_reflections")
    head = "".join(f'<th{" class=num" if n > 2 else ""}>{escape(tr(k))}</th>' for n, k in enumerate(keys))
    rows = "".join(_overview_row(s, colours, tr) for s in sessions)
    bars = [Bar(s.label, s.debrief.time.used, colours[s.label], parts.time_used(s.debrief, tr),
                s.debrief.time.available) for s in sessions]
    chart = bar_chart(bars, max(b.value for b in bars), tr("report.chart_time"))
    return (f'<table class="overview"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
            f'<figure><figcaption>{escape(tr("report.chart_time"))}</figcaption>{chart}'
            f'<p class="muted">{escape(tr("report.chart_time_note"))}</p></figure>')


def _overview_row(s: ReportSession, colours, tr) -> str:
    d = s.debrief
    over = (f'<span class="over">{escape(tr("report.overtime", time=clock(d.time.overtime)))}</span>'
            if d.time.overtime else "")
    numbers = (d.hints, d.wrong_answers, d.trainer_help.total, len(d.reflections))
    return (f'<tr style="--group:{colours[s.label]}"><td><span class="chip"></span>{escape(s.label)}</td>'
            f'<td>{escape(parts.ending_text(d, tr))}</td><td>{escape(parts.time_used(d, tr))}{over}</td>'
            + "".join(f'<td class="num">{n}</td>' for n in numbers) + "</tr>")


def _puzzles(c: Comparison, colours, tr) -> str:
    scale = max((p.seconds or 0 for row in c.puzzles for _, p in row.results if p), default=0)
    figures = "".join(_puzzle_figure(row, scale, colours, tr) for row in c.puzzles)
    return (f'<h3>{escape(tr("report.compare_puzzles"))}</h3>'
            f'<p class="muted">{escape(tr("report.puzzle_time_note"))}</p>{figures}')


def _puzzle_figure(row: PuzzleRow, scale: float, colours, tr) -> str:
    bars = [Bar(label, p.seconds if p else None, colours[label], parts.puzzle_note(p, tr)) for label, p in row.results]
    chart = bar_chart(bars, scale, tr("report.chart_puzzle", puzzle=row.title))
    return f'<figure><figcaption>{escape(row.title)}</figcaption>{chart}</figure>'


def _dilemmas(c: Comparison, colours, tr) -> str:
    if not c.dilemmas:
        return ""
    return f'<h3>{escape(tr("report.compare_dilemmas"))}</h3>' + "".join(_dilemma(d, colours, tr) for d in c.dilemmas)


def _dilemma(d: DilemmaRow, colours, tr) -> str:
    items = "".join(
        f'<li class="{"chosen" if o.groups else "muted"}"><span class="count">{len(o.groups)}</span><span>{escape(o.text)}'
        f'{_option_groups(o, colours, tr)}{_talks(o.talks, colours, tr)}</span></li>'
        for o in d.options)
    missing = (f'<p class="muted">{escape(tr("report.not_reached", groups=", ".join(d.not_reached)))}</p>'
               if d.not_reached else "")
    return f'<div class="choice"><h4>{escape(d.title)}</h4><p>{escape(d.question)}</p><ul class="options">{items}</ul>{missing}</div>'


def _option_groups(o: OptionCount, colours, tr) -> str:
    """The groups that chose the option and said nothing after it; a group that talked on is named once,
    before its talk (it stood twice under the option: in this line and again before its talk)."""
    if not o.groups:
        return f'<span class="groups">{escape(tr("report.nobody"))}</span>'
    return f'<span class="groups">{_group_chips(o.quiet, colours)}</span>' if o.quiet else ""


def _talks(talks, colours, tr) -> str:
    """A conversation: how each group's talk went on after this option, each group's path as one line."""
    return "".join(f'<span class="talk">{_group_chips((group, ), colours)}: » {escape(parts.talk_text(c, tr))}</span>'
                   for group, c in talks)


def _group_chips(groups, colours) -> str:
    return ", ".join(f'<span style="--group:{colours[g]}"><span class="chip"></span>{escape(g)}</span>' for g in groups)


def _prompts(c: Comparison, colours, tr) -> str:
    if not c.prompts:
        return ""
    return f'<h3>{escape(tr("report.compare_reflections"))}</h3>' + "".join(_prompt(p, colours, tr) for p in c.prompts)


def _prompt(p: PromptRow, colours, tr) -> str:
    cards = []
    for label, answer in p.answers:
        text = parts.answer_text(answer, tr) if answer else tr("report.skipped")
        cls = "answer" if answer else "answer none"
        cards.append(f'<blockquote class="{cls}" style="--group:{colours[label]}">'
                     f'<span class="who">{escape(label)}</span>{escape(text)}</blockquote>')
    missing = (f'<p class="muted">{escape(tr("report.not_reached", groups=", ".join(p.not_reached)))}</p>'
               if p.not_reached else "")
    return f'<p class="prompt">{escape(p.prompt)}</p><div class="answers">{"".join(cards)}</div>{missing}'
