"""Where the shared assets and the bundled scenarios live.

In a source checkout (or an editable install) they sit next to the
package; ``pip install .`` copies them to ``<prefix>/share/escapebox``.
"""

from __future__ import annotations

import site
import sys
from functools import lru_cache
from pathlib import Path


PACKAGE = Path(__file__).resolve().parent


def resource_candidates(name: str) -> list[Path]:
    """Every place ``assets`` or ``scenarios`` may be, most specific first."""
    return [
        PACKAGE / name,
        PACKAGE / "data" / name,
        PACKAGE.parent / name,
        Path(sys.prefix) / "share" / "escapebox" / name,
        Path(site.getuserbase()) / "share" / "escapebox" / name,
    ]


@lru_cache(maxsize=None)
def resource_dir(name: str) -> Path:
    candidates = resource_candidates(name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[2]


def assets_dir() -> Path:
    return resource_dir("assets")


def bundled_scenarios_dir() -> Path:
    return resource_dir("scenarios")
