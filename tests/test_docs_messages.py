"""The validator messages quoted in docs/authoring.md are the ones the validator prints.

The manual shows a trainer what `escapebox validate` says for each kind of mistake, copied
from the golden files in tests/golden/broken. A copy that drifts from the real message
(an arrow the font cannot draw, a phrase added later) teaches the trainer to look for a
line they will never see, so every quoted line must still be a line of its golden file.
"""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "authoring.md"
GOLDEN = ROOT / "tests" / "golden" / "broken"
QUOTED = re.compile(r"^([a-z0-9_]+)\.yaml:\d+:\d+: .*$", re.MULTILINE)


def quoted_lines() -> list[tuple[str, str]]:
    return [(m.group(1), m.group(0)) for m in QUOTED.finditer(DOC.read_text(encoding="utf-8"))]


def test_the_manual_quotes_validator_messages():
    # Guards the test itself: if the quoting style changed, the check below would pass empty.
    assert len(quoted_lines()) >= 15


def test_every_quoted_message_is_what_the_validator_prints():
    stale = []
    for name, line in quoted_lines():
        expected = GOLDEN / f"{name}.expected"
        if not expected.exists():
            stale.append(f"{name}.yaml has no golden file")
        elif line not in expected.read_text(encoding="utf-8").splitlines():
            stale.append(line)
    assert not stale, "docs/authoring.md quotes messages the validator no longer prints:\n" + "\n".join(stale)
