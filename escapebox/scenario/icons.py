"""The shared icons a scenario may name, with what each one shows, and the closest one to a wrong name.

``assets/icons/index.yaml`` describes every icon, with the words a trainer might look
for in brackets (``chart``: "bar chart (whiteboard, overview, chart)").  After a
``pip install`` that file sits deep inside the package, so ``escapebox icons`` lists
them and the validator's message names that command, not the file.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from escapebox.paths import assets_dir
from escapebox.problems import EscapeboxError
from escapebox.scenario.yamlsafe import read_yaml_file


@dataclass(frozen=True)
class Icon:
    id: str
    file: str
    description: str

    def words(self) -> set[str]:
        """The id's parts and every word of its description, in lower case."""
        return set(re.findall(r"[a-z0-9]+", f"{self.id.replace('_', ' ')} {self.description}".lower()))


@lru_cache(maxsize=None)
def shared_icon_list() -> tuple[Icon, ...]:
    """Every icon of ``assets/icons/index.yaml`` in its order; none when the file is missing or broken."""
    try:
        data = read_yaml_file(assets_dir() / "icons" / "index.yaml").data
    except EscapeboxError:
        return ()
    icons = data.get("icons") if isinstance(data, dict) else None
    if not isinstance(icons, dict):
        return ()
    return tuple(Icon(str(name), str(spec.get("file") or f"{name}.svg"), str(spec.get("description") or ""))
                 for name, spec in icons.items() if isinstance(spec, dict))


def closest_icon(name: str) -> str | None:
    """The icon a trainer most likely meant: the same id in other case, one that lists the word, or a near spelling."""
    icons = shared_icon_list()
    ids = [icon.id for icon in icons]
    wanted = re.sub(r"[\s-]+", "_", name.strip().lower())
    if wanted in ids:
        return wanted
    word = wanted.replace("_", " ")
    for icon in icons:
        if word in icon.words() or (" " in word and word in icon.description.lower()):
            return icon.id
    close = difflib.get_close_matches(wanted, ids, n=1, cutoff=0.6)
    return close[0] if close else None
