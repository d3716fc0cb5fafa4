"""``escapebox icons [WOORD] [--html BESTAND]``: the shared icons a scenario may name, with their pictures.

``assets/icons/index.yaml`` is inside the installed package, where a trainer does not look;
the validator's message for an unknown icon names this command instead.  In a terminal it
lists each id with what it shows; ``--html`` writes one page with every picture beside its
id (the SVGs are embedded, so the page can be mailed or opened from anywhere).
"""

from __future__ import annotations

import base64
import html
from pathlib import Path

from escapebox.paths import assets_dir
from escapebox.scenario.icons import Icon, shared_icon_list


def add_parser(subparsers, tr):
    parser = subparsers.add_parser("icons", help=tr("icons_cmd.help"), description=tr("icons_cmd.description"))
    parser.add_argument("word", nargs="?", metavar=tr("icons_cmd.word_metavar"), help=tr("icons_cmd.word_help"))
    parser.add_argument("--html", metavar=tr("icons_cmd.html_metavar"), help=tr("icons_cmd.html_help"))
    return parser


def run(args, tr) -> int:
    icons = matching(args.word)
    if not shared_icon_list():
        print(tr("icons_cmd.none_installed", folder=str(assets_dir() / "icons")))
        return 1
    if not icons:
        print(tr("icons_cmd.no_match", word=args.word))
        return 1
    if args.html:
        Path(args.html).write_text(page(icons, tr), encoding="utf-8")
        print(tr("icons_cmd.written", path=args.html, count=len(icons)))
        return 0
    width = max(len(icon.id) for icon in icons)
    for icon in icons:
        print(f"{icon.id:<{width}}  {icon.description}")
    print(tr("icons_cmd.usage_hint"))
    return 0


def matching(word: str | None) -> list[Icon]:
    """Every icon, or those whose id or description has ``word`` in it."""
    icons = list(shared_icon_list())
    if not word:
        return icons
    wanted = word.strip().lower()
    return [icon for icon in icons if wanted in icon.id or wanted in icon.description.lower()]


def page(icons: list[Icon], tr) -> str:
    """One self-contained HTML page: each picture, its id to copy, and what it shows."""
    cells = "\n".join(_cell(icon) for icon in icons)
    title = html.escape(tr("icons_cmd.page_title"))
    return (f"<!DOCTYPE html>\n<html lang=\"{html.escape(tr('icons_cmd.page_lang'))}\"><head><meta charset=\"utf-8\">"
            f"<title>{title}</title><style>{_STYLE}</style></head><body>\n<h1>{title}</h1>\n"
            f"<p>{html.escape(tr('icons_cmd.page_intro'))}</p>\n<div class=\"grid\">\n{cells}\n</div></body></html>\n")


def _cell(icon: Icon) -> str:
    picture = ""
    try:
        data = base64.b64encode((assets_dir() / "icons" / icon.file).read_bytes()).decode("ascii")
        picture = f"<img src=\"data:image/svg+xml;base64,{data}\" alt=\"\" width=\"72\" height=\"72\">"
    except OSError:
        pass  # the id and description still help; a missing file is the installation's problem
    return (f"<figure>{picture}<figcaption><code>icon: {html.escape(icon.id)}</code>"
            f"<span>{html.escape(icon.description)}</span></figcaption></figure>")


_STYLE = ("body{font-family:sans-serif;margin:2em}.grid{display:grid;"
          "grid-template-columns:repeat(auto-fill,minmax(12em,1fr));gap:1em}"
          "figure{margin:0;padding:.5em;border:1px solid #ccc;border-radius:6px;text-align:center}"
          "figcaption code{display:block;font-size:1.1em;margin:.3em 0}figcaption span{color:#555;font-size:.9em}")
