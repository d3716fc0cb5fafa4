"""``escapebox bundle -o MAP``: a folder with an ``Escapebox`` launcher that needs no Python.

``--name``, ``--theme`` and ``--scenario`` (repeatable) make an organisation's own edition;
``--zip`` also writes ``MAP.zip``, the unit to put on a learning platform or a USB stick.
Needs PyInstaller (``pip install ".[build]"``); see docs/distribution.md.
"""

from __future__ import annotations

import sys
from pathlib import Path


def add_parser(subparsers, tr):
    parser = subparsers.add_parser("bundle", help=tr("bundle.help"), description=tr("bundle.description"))
    parser.add_argument("-o", "--output", type=Path, required=True, metavar=tr("bundle.output_metavar"),
                        help=tr("bundle.output_help"))
    parser.add_argument("--name", default=None, help=tr("bundle.name_help"))
    parser.add_argument("--theme", type=Path, default=None, metavar=tr("bundle.file_metavar"),
                        help=tr("bundle.theme_help"))
    parser.add_argument("--scenario", type=Path, action="append", default=[], metavar=tr("bundle.path_metavar"),
                        help=tr("bundle.scenario_help"))
    parser.add_argument("--zip", action="store_true", help=tr("bundle.zip_help"))
    parser.add_argument("--work-dir", type=Path, default=None, help=tr("bundle.work_help"))
    return parser


def run(args, tr) -> int:
    from escapebox.bundle.build import BundleRequest, build_bundle
    from escapebox.bundle.edition import EditionRequest
    edition = EditionRequest(name=args.name, theme=args.theme, scenarios=list(args.scenario))
    request = BundleRequest(out=args.output, edition=edition, zip=args.zip, work=args.work_dir)
    # problems: EscapeboxError → message, exit 1, before anything is built
    result = build_bundle(request, before_freeze=lambda: print(tr("bundle.building", folder=str(args.output)),
                                                               flush=True))
    for problem in result.warnings:
        print(problem.render(tr), file=sys.stderr)
    print(tr("bundle.done", launcher=str(result.launcher)))
    if result.zip is not None:
        print(tr("bundle.zipped", file=str(result.zip)))
    return 0
