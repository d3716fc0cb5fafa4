"""``escapebox svgtext TEKENING.svg [UIT.svg]``: words in a drawing as outlines, so the game shows them.

The validator warns about an SVG with ``<text>`` (the game's SVG reader skips it) and names
this command.  Without ``UIT.svg`` the drawing is converted where it is and the original,
with its editable text, is kept beside it as ``<naam>.tekst.svg``.  It needs fontTools:
``pip install "escapebox[authoring]"``, which the message says when it is missing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from escapebox.authoring.svgtext import FontToolsMissing, convert, has_text

ORIGINAL_SUFFIX = ".tekst.svg"


def add_parser(subparsers, tr):
    parser = subparsers.add_parser("svgtext", help=tr("svgtext_cmd.help"), description=tr("svgtext_cmd.description"))
    parser.add_argument("source", metavar=tr("svgtext_cmd.source_metavar"), help=tr("svgtext_cmd.source_help"))
    parser.add_argument("output", nargs="?", metavar=tr("svgtext_cmd.output_metavar"), help=tr("svgtext_cmd.output_help"))
    return parser


def run(args, tr) -> int:
    source = Path(args.source)
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return _fail(tr("svgtext_cmd.cannot_read", path=str(source), reason=getattr(exc, "strerror", None) or str(exc)))
    if not has_text(text):
        print(tr("svgtext_cmd.no_text", path=str(source)))
        return 0
    try:
        converted = convert(text)
    except FontToolsMissing:
        return _fail(tr("svgtext_cmd.needs_fonttools"))
    output = Path(args.output) if args.output else source
    try:
        if args.output is None:
            original = source.with_name(source.stem + ORIGINAL_SUFFIX)
            original.write_text(text, encoding="utf-8")
        output.write_text(converted, encoding="utf-8")
    except OSError as exc:
        return _fail(tr("svgtext_cmd.cannot_write", path=str(output), reason=exc.strerror or str(exc)))
    key = "svgtext_cmd.done_in_place" if args.output is None else "svgtext_cmd.done"
    print(tr(key, path=str(output), original=str(source.with_name(source.stem + ORIGINAL_SUFFIX))))
    return 0


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1
