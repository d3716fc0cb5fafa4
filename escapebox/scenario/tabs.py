"""A tab inside a text (not in the indentation, which the YAML reader refuses already).

The game's font draws a tab as a box with a cross (looked at: Atkinson Hyperlegible at 80 px,
pygame-ce 2.5.8, "Kamer<tab>7"), so a tab pasted from Word or a spreadsheet into a room text
shows on the beamer as a stray box.  The validator warns, once per text, at the line and
column of its first tab, with how many there are.  A tab written as ``\t`` between double
quotes is not looked for here: the YAML trap check already says what that escape does, at it.
"""

from __future__ import annotations

import bisect
import re

from escapebox.problems import EscapeboxError, Problem, Severity
from escapebox.scenario.invisible import TextPlaces
from escapebox.scenario.yamlsafe import decode_text, dotted


def tab_problems(loaded) -> list[Problem]:
    """Warnings for the texts of ``loaded`` (a ``LoadedScenario``) that hold a tab."""
    if b"\t" not in loaded.raw:
        return []
    doc = loaded.document
    found: dict[tuple, list] = {}           # path → [line, column]
    try:
        text = decode_text(loaded.raw, loaded.file)
    except EscapeboxError:                  # the loader refused it already
        text = ""
    places = TextPlaces(doc)
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    for match in re.finditer("\t", text):
        line = bisect.bisect_right(starts, match.start())
        column = match.start() - starts[line - 1] + 1
        place = places.at(line, column, "\t")
        if place is not None and not place[0]:
            found.setdefault(place[1], [line, column])
    values = dict(_values(doc.data))
    return [Problem("validate.tab_in_text", {"count": values.get(path, "").count("\t")}, Severity.WARNING,
                    loaded.file, line, column, dotted(path)) for path, (line, column) in found.items()]


def _values(node, path: tuple = ()):
    """Every text value of the data with its path (keys are ids and field names: no tab gets past them)."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _values(value, path + (key,))
    elif isinstance(node, list):
        for number, value in enumerate(node):
            yield from _values(value, path + (number,))
