"""``escapebox validate PATH...``: every problem at once, in the trainer's words."""

from __future__ import annotations

import json
import sys

from escapebox.cli.targets import expand
from escapebox.problems import EscapeboxError, errors, warnings
from escapebox.pack.open import open_scenario
from escapebox.scenario.summary import counts
from escapebox.authoring.checks import all_problems
from escapebox.authoring.wording import counted


def add_parser(subparsers, tr):
    parser = subparsers.add_parser("validate", help=tr("validate_cmd.help"), description=tr("validate_cmd.help"))
    parser.add_argument("paths", nargs="+", metavar="PAD", help=tr("validate_cmd.paths_help"))
    parser.add_argument("--strict", action="store_true", help=tr("validate_cmd.strict_help"))
    parser.add_argument("--pack", action="store_true", help=tr("validate_cmd.pack_help"))
    parser.add_argument("--json", action="store_true", help=tr("validate_cmd.json_help"))
    return parser


def run(args, tr) -> int:
    results = [check(path, tr, args.strict, args.pack) for path in expand(args.paths)]
    if args.json:
        print(json.dumps(results if len(results) > 1 else results[0], ensure_ascii=False, indent=2))
    else:
        for result in results:
            _print(result)
    return 1 if any(not r["ok"] for r in results) else 0


def check(path, tr, strict: bool, for_pack: bool = False) -> dict:
    from escapebox.themes import theme_file_problems
    theme = theme_file_problems(path)  # a house-style file (``theme_format: 1``) instead of a scenario
    if theme is not None:
        return _result(theme[0], theme[1], tr, strict, None)
    try:
        loaded = open_scenario(path)
    except EscapeboxError as exc:
        return _result(str(path), exc.problems, tr, strict, None)
    return _result(loaded.file, all_problems(loaded, for_pack=for_pack), tr, strict, counts(loaded.scenario))


def _result(file: str, problems, tr, strict: bool, numbers: dict | None) -> dict:
    n_errors, n_warnings = len(errors(problems)), len(warnings(problems))
    ok = n_errors == 0 and (not strict or n_warnings == 0)
    key = "validate.summary_ok" if ok else "validate.summary_bad"
    return {
        "file": file, "ok": ok, "errors": n_errors, "warnings": n_warnings,
        "counts": numbers, "problems": [p.to_json(tr) for p in problems],
        "lines": [p.render(tr) for p in problems],
        "summary": tr(key, file=file, errors=counted(tr, "validate.count.errors", n_errors),
                      warnings=counted(tr, "validate.count.warnings", n_warnings)),
        "strict": strict and n_warnings > 0 and n_errors == 0,
        "strict_note": tr("validate.strict_note"),
    }


def _print(result: dict) -> None:
    stream = sys.stdout if result["ok"] else sys.stderr
    for line in result["lines"]:
        print(line, file=stream)
    print(result["summary"], file=stream)
    if result["strict"]:
        print(result["strict_note"], file=stream)
