"""Load a scenario from a folder or a YAML file into an immutable model.

A scenario lives in a folder with ``scenario.yaml`` and its images; a single
YAML file works too (its folder is then the asset folder).  Loading either
returns a :class:`LoadedScenario` or raises :class:`EscapeboxError` with
every problem found, each with file, line and column.

A file that was checked before comes from :mod:`escapebox.scenario.cache`
without parsing or pydantic; its YAML positions (``document``) are only
read again when a message needs them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from escapebox.problems import EscapeboxError, Problem
from escapebox.scenario.cache import file_digest, knows, remembered
from escapebox.scenario.index import ScenarioIndex
from escapebox.scenario.model import FORMAT_VERSION, Scenario
from escapebox.scenario.filebytes import read_file_bytes

if TYPE_CHECKING:
    from escapebox.scenario.yamlsafe import Document

SCENARIO_FILE = "scenario.yaml"


@dataclass(frozen=True)
class LoadedScenario:
    """A scenario with where it came from: the folder its assets are read from."""

    scenario: Scenario
    folder: Path
    source: Path
    digest: str
    #: The name messages use for the file (``scenarios/x/scenario.yaml``).
    file: str
    raw: bytes = field(default=b"", repr=False, compare=False)
    _document: Document | None = field(default=None, repr=False, compare=False)

    @property
    def document(self) -> Document:
        """Where each part was written; read from ``raw`` the first time a message needs a position."""
        document = self._document
        if document is None:
            from escapebox.scenario.yamlsafe import parse_yaml
            document = parse_yaml(self.raw, self.file)
            object.__setattr__(self, "_document", document)
        return document

    @cached_property
    def index(self) -> ScenarioIndex:
        """The look-up tables of this scenario, built once and shared by every session of it.

        Building them for a 500-room scenario took most of a frame at the moment the group
        pressed Start; the warm-up session behind the group-name screen now builds them for the
        real one (docs/performance.md).  The scenario is immutable, so they never go stale.
        """
        return ScenarioIndex(self.scenario)


def scenario_file(path: Path) -> Path:
    """The YAML file for a path that names a scenario folder or file."""
    if path.is_dir():
        return path / SCENARIO_FILE
    return path


def bundled_by_name(path: Path) -> Path:
    """``escapebox play tutorial`` works from any folder: a bare name may mean a bundled scenario."""
    if path.exists() or len(path.parts) != 1 or path.suffix:
        return path
    from escapebox.paths import bundled_scenarios_dir
    candidate = bundled_scenarios_dir() / path.name
    return candidate if (candidate / SCENARIO_FILE).is_file() else path


def load_scenario(path: Path | str) -> LoadedScenario:
    """A scenario folder or YAML file (or a bundled scenario's bare name).

    Packs are opened one layer up, by :func:`escapebox.pack.open.open_scenario`, which every
    command and screen uses for a path a person gave.
    """
    path = bundled_by_name(Path(path))
    file = scenario_file(path)
    if path.is_dir() and not file.exists():
        raise EscapeboxError([Problem("load.no_scenario_file", {"folder": str(path), "file": SCENARIO_FILE},
                                      file=str(path))])
    name = str(file)
    raw = read_file_bytes(file, name)
    parsed: list[Document] = []  # on a miss the file is parsed once, and its positions are kept

    def check() -> Scenario:
        from escapebox.scenario.yamlsafe import parse_yaml  # the reader: only for a file not checked before
        parsed.append(parse_yaml(raw, name))
        return check_scenario(parsed[0])
    scenario = remembered("scenario", raw, check)
    return LoadedScenario(scenario, file.parent, file, _digest(raw), name, raw, parsed[0] if parsed else None)


def is_checked(path: Path | str) -> bool:
    """Whether a start of this scenario finds it checked in the cache (False when it cannot tell)."""
    try:
        file = scenario_file(bundled_by_name(Path(path)))
        return knows("scenario", read_file_bytes(file, str(file)))
    except (OSError, EscapeboxError):
        return False


def load_scenario_text(text: str | bytes, name: str = "scenario.yaml", folder: Path | None = None) -> LoadedScenario:
    """Load from memory (tests, packs, the dev-mode reloader)."""
    from escapebox.scenario.yamlsafe import parse_yaml
    raw = text.encode("utf-8") if isinstance(text, str) else text
    document = parse_yaml(raw, name)
    folder = folder or Path(".")
    return build_scenario(document, folder=folder, source=folder / name, raw=raw)


def build_scenario(document: Document, folder: Path, source: Path, raw: bytes) -> LoadedScenario:
    """A scenario from a document already read (packs change the data before it is checked)."""
    return LoadedScenario(check_scenario(document), folder, source, _digest(raw), document.file, raw, document)


def check_scenario(document: Document) -> Scenario:
    """The document's data as a :class:`Scenario`, or every problem pydantic finds, in the trainer's words."""
    data = document.data
    if not isinstance(data, dict):
        raise EscapeboxError([Problem("load.not_a_mapping", {}, file=document.file, line=1, column=1)])
    _check_format_version(data, document)
    from escapebox.puzzles import kinds_named
    from escapebox.scenario.checking import check  # pydantic: only for a file not checked before
    return check(Scenario, document, kinds_named(data.get("puzzles")))


def _digest(raw: bytes) -> str:
    return file_digest(raw)


def _check_format_version(data: dict, document: Document) -> None:
    version = data.get("format")
    if isinstance(version, str) and version.strip().isdigit() and int(version) > FORMAT_VERSION:
        mark = document.mark(("format",))
        raise EscapeboxError([Problem("load.newer_format", {"found": version, "known": FORMAT_VERSION},
                                      file=document.file, line=mark.line if mark else None,
                                      column=mark.column if mark else None, path="format")])
