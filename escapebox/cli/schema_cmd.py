"""``escapebox schema``: print the JSON Schema so editors underline mistakes while typing."""

from __future__ import annotations

import json
from pathlib import Path

from escapebox.scenario.schema import scenario_json_schema


def add_parser(subparsers, tr):
    parser = subparsers.add_parser("schema", help=tr("schema_cmd.help"), description=tr("schema_cmd.help"))
    parser.add_argument("-o", "--output", metavar="BESTAND", help=tr("schema_cmd.output_help"))
    return parser


def run(args, tr) -> int:
    text = json.dumps(scenario_json_schema(tr.lang), ensure_ascii=False, indent=2)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return 0
