"""The report's stylesheet, inlined into the HTML so the file stands alone.

Readable on a beamer and on paper: system fonts, dark text on white
(contrast well above WCAG AA), tabular numbers, and print rules that start
every group on a new A4 page and never split a chart or an answer.
"""

CSS = """
:root { --ink: #1b1f24; --muted: #4a5560; --line: #d4d9de; --soft: #f3f5f7; --accent: #0b4f94;
        --trainer: #8a3b00; --wrong: #a1001c; --ok: #0b6b3a; --group: #0b4f94; }
* { box-sizing: border-box; }
html { font-size: 16px; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.5;
       font-family: "Segoe UI", "Noto Sans", "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .25rem; }
h2 { font-size: 1.55rem; line-height: 1.25; margin: 3rem 0 1rem; padding-bottom: .3rem;
     border-bottom: 4px solid var(--group); }
h3 { font-size: 1.15rem; margin: 2rem 0 .6rem; }
h4 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
p { margin: .4rem 0; }
.meta, .muted { color: var(--muted); }
.privacy { border-left: 5px solid #8a6d00; background: #fff7db; padding: .7rem 1rem; margin: 1rem 0; }
nav ol { columns: 2; padding-left: 1.2rem; }
a { color: var(--accent); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: .6rem; margin: 1rem 0; }
.card { background: var(--soft); border-radius: .5rem; padding: .6rem .9rem; }
.card .value { display: block; font-size: 1.3rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.card .label { display: block; color: var(--muted); font-size: .85rem; }
.card.alert .value { color: var(--wrong); }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
th { font-size: .85rem; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.chip { display: inline-block; width: .8rem; height: .8rem; border-radius: .2rem; margin-right: .4rem;
        vertical-align: -.05rem; background: var(--group); }
.tag { display: inline-block; font-size: .8rem; padding: 0 .45rem; border-radius: 1rem; margin: 0 .2rem .1rem 0;
       border: 1px solid currentColor; white-space: nowrap; }
.tag.trainer { color: var(--trainer); } .tag.ok { color: var(--ok); } .tag.open { color: var(--muted); }
.tag.chosen { color: var(--accent); border-style: dashed; }
.typed { display: inline-block; background: #fbeaea; color: var(--wrong); padding: 0 .4rem; margin: 0 .25rem .2rem 0;
         border-radius: .25rem; font-size: .92rem; }
table.puzzles { table-layout: fixed; }
table.overview td { white-space: nowrap; }
table.overview th { white-space: normal; }
.over { display: block; color: var(--wrong); font-size: .85rem; font-weight: 600; }
th.w-puzzle { width: 28%; } th.w-num { width: 4.2rem; } th.w-status { width: 11.5rem; }
.path { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem; align-items: center; }
.path li { background: var(--soft); border-radius: 1rem; padding: .15rem .8rem; }
.path li + li::before { content: "→"; margin: 0 .5rem 0 -.1rem; color: var(--muted); }
.choice { border: 1px solid var(--line); border-radius: .5rem; padding: .7rem 1rem; margin: .6rem 0; }
.choice .picked { font-weight: 700; }
.choice h4 { margin-top: 0; }
.talk { display: block; font-weight: 400; color: var(--muted); font-size: .9rem; margin-top: .15rem; }
.answers { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: .7rem; margin: .5rem 0 1.2rem; }
.answer { margin: 0; padding: .6rem .9rem; background: var(--soft); border-left: 5px solid var(--group);
          border-radius: 0 .4rem .4rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.answer .who { display: block; font-weight: 700; font-size: .9rem; margin-bottom: .2rem; white-space: normal; }
.answer.none { color: var(--muted); font-style: italic; }
.prompt { font-weight: 600; margin: 1.4rem 0 .3rem; }
.goalbox { margin: 1rem 0 1.4rem; }
.goal { margin: 0 0 .2rem; padding: .5rem .9rem; background: #e8f0f9; border-radius: .4rem; font-weight: 600; }
.goal-label { display: block; font-size: .75rem; text-transform: uppercase; letter-spacing: .06em; color: var(--accent); }
.goalbox .prompt { font-weight: 600; color: var(--muted); margin: .8rem 0 .3rem; }
figure { margin: .4rem 0 1rem; }
figcaption { font-weight: 600; margin-bottom: .2rem; }
svg.chart { display: block; max-width: 100%; height: auto; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; margin: .5rem 0 1rem; padding: 0; list-style: none; }
.options { list-style: none; padding: 0; margin: .4rem 0; }
.options li { padding: .3rem 0; border-bottom: 1px solid var(--line); display: grid;
              grid-template-columns: 2.2rem 1fr; gap: .5rem; }
.options .count { font-weight: 700; font-size: 1.15rem; text-align: right; font-variant-numeric: tabular-nums; }
.options .groups { display: block; color: var(--muted); font-size: .9rem; }
.timeline td { padding: .2rem .5rem; font-size: .92rem; }
.timeline td.time { width: 4.2rem; }
.timeline tr.trainer td { color: var(--trainer); }
.timeline tr.wrong td { color: var(--wrong); }
.timeline tr.open td, .timeline tr.end td { font-weight: 600; }
.questions li { margin: .3rem 0; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
@media print {
  @page { size: A4; margin: 14mm 12mm 16mm; }
  html { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  .group { break-before: page; }
  .comparison + .comparison { break-before: page; }
  h2, h3, h4, .prompt, .goal, figcaption { break-after: avoid; }
  figure, .card, .answer, .choice, tr, .privacy { break-inside: avoid; }
  .card, .answer, .path li { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""
