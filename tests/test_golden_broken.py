"""Each broken scenario in tests/golden/broken is paired with the exact messages it must produce.

Run with ``ESCAPEBOX_UPDATE_GOLDENS=1`` to rewrite the ``.expected`` files after a
deliberate change of wording — and then read the diff.

Only the words PyYAML's libyaml writes inside a syntax message ("mapping values
are not allowed in this context") may differ from the file: they belong to the
installed libyaml, not to Escapebox.  Everything around them — file, line,
column, our sentence and our hint — must be exact.
"""

import dataclasses
import os
import re
from pathlib import Path

import pytest

from escapebox.i18n import Translator
from escapebox.problems import EscapeboxError
from escapebox.scenario.loader import load_scenario
from escapebox.authoring.checks import all_problems

FOLDER = Path(__file__).parent / "golden" / "broken"
CASES = sorted(FOLDER.glob("*.yaml"))


#: Message parameters whose text comes from a library, per problem code.
LIBRARY_WORDS = {"yaml.syntax": "problem"}


def found_problems(path: Path) -> list:
    """What ``validate`` says; for a case named ``pack_*``, what ``validate --pack`` (and ``pack``) says."""
    try:
        return all_problems(load_scenario(path), for_pack=path.name.startswith("pack_"))
    except EscapeboxError as exc:
        return exc.problems


def rendered(problem, tr: Translator) -> str:
    return problem.render(tr).replace(str(FOLDER) + os.sep, "")


def messages(path: Path) -> str:
    tr = Translator("nl")
    return "\n".join(rendered(p, tr) for p in found_problems(path)) + "\n"


def expected_pattern(path: Path) -> str:
    """The messages as a regular expression: exact, except a library's own words (``LIBRARY_WORDS``)."""
    tr = Translator("nl")
    lines = []
    for problem in found_problems(path):
        name = LIBRARY_WORDS.get(problem.code)
        if name not in problem.params:
            lines.append(re.escape(rendered(problem, tr)))
            continue
        marked = dataclasses.replace(problem, params={**problem.params, name: "\0"})
        before, after = rendered(marked, tr).split("\0")
        lines.append(re.escape(before) + r"[^\n]*\w[^\n]*" + re.escape(after))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_broken_scenario_gives_the_expected_messages(case, monkeypatch):
    monkeypatch.chdir(FOLDER)
    actual = messages(Path(case.name))
    expected_file = case.with_suffix(".expected")
    if os.environ.get("ESCAPEBOX_UPDATE_GOLDENS"):
        expected_file.write_text(actual, encoding="utf-8")
    expected = expected_file.read_text(encoding="utf-8")
    if not re.fullmatch(expected_pattern(Path(case.name)), expected):
        assert actual == expected


def test_every_case_has_an_expected_file():
    assert CASES and all(c.with_suffix(".expected").exists() for c in CASES)


def test_golden_set_covers_every_validator_message():
    """Every problem code the loader and validator can raise appears in some golden file."""
    import re
    sources = "".join(p.read_text() for p in (Path(__file__).parents[1] / "escapebox").rglob("*.py"))
    codes = set(re.findall(r'"(validate\.[a-z_.]+|yaml\.[a-z_]+|load\.[a-z_]+)"', sources))
    codes -= {"validate.kind_room", "validate.nothing_open", "validate.summary_ok", "validate.summary_bad",
              "validate.strict_note", "yaml.hint_tab", "yaml.hint_general"}
    codes = {c for c in codes if c.count(".") == 1 or c.startswith("validate.pack.")}
    codes -= {c for c in codes if c.startswith("validate.kind_")}
    seen = set()
    for case in CASES:
        seen |= {p.code for p in found_problems(case)}
    untested = sorted(codes - seen - NOT_IN_GOLDEN_SET)
    assert not untested, f"no golden case for: {untested}"


# Codes that need files a golden YAML cannot be (sizes, permissions) are tested in test_loader.py.
NOT_IN_GOLDEN_SET = {
    "yaml.too_big", "yaml.not_found", "yaml.is_directory", "yaml.no_permission", "yaml.unreadable",
    "yaml.too_many_nodes", "yaml.too_deep", "yaml.text_too_long", "yaml.many_documents",
    "yaml.complex_key", "yaml.alias", "load.no_scenario_file", "load.not_a_mapping",
    "validate.too_many_branches", "validate.unreachable_object",
}
