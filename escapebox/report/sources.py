"""Find the sessions for a report: ids from the local store and exported JSON files, mixed.

A report must name rooms, puzzles and prompts, so it needs the scenario the
group played.  We rebuild it from the snapshot stored with the session (the
YAML text at the start of play): that travels inside an export, so a
trainer can collect sessions from several laptops and still get a report
even when the scenario folder is not on this computer or was edited since.

A damaged save does not stop the report: what can be read is reported, and
each damage is added to ``warnings`` (naming the session) for the command to
show.  A session of which nothing can be read is left out with ``--all``,
and is an error when it was named.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from escapebox.core import events as E
from escapebox.core.exchange import read_export
from escapebox.debrief import Debrief, build_debrief
from escapebox.problems import EscapeboxError, Problem
from escapebox.pack.open import open_scenario
from escapebox.core.resume import rules_problem
from escapebox.scenario.loader import LoadedScenario, load_scenario_text
from escapebox.scenario.model import Scenario


@dataclass(frozen=True)
class ReportSession:
    """One group's session, ready for a report; ``label`` is unique within the report."""

    id: str
    label: str
    origin: str            #: "store" or the path of the export file
    scenario: Scenario
    debrief: Debrief


def collect(names: list[str], store_factory: Callable, tr, everything: bool = False,
            scenario_id: str | None = None, warnings: list[Problem] | None = None) -> list[ReportSession]:
    """Sessions named on the command line, or every stored one (of one scenario) with ``everything``."""
    raw: list[tuple[str, dict, list[E.Event], str]] = []
    warnings = warnings if warnings is not None else []
    store = None
    if everything or any(not _is_file(n) for n in names):
        store = store_factory()
        warnings += store.problems
    for name in names:
        raw.append(_from_file(name) if _is_file(name) else _from_store(store, name, warnings))
    if everything:
        named = {r[0] for r in raw}
        for sid in _oldest_first(store):
            if sid not in named:
                try:
                    raw.append(_from_store(store, sid, warnings))
                except EscapeboxError as exc:   # nothing readable: left out, and said
                    warnings += exc.problems
    if scenario_id:
        raw = [r for r in raw if r[1]["scenario_id"] == scenario_id]
    if not raw:
        raise EscapeboxError([Problem("report.no_sessions", {"scenario": scenario_id or "-"})])
    _one_scenario(raw, everything and not scenario_id)
    return _labelled(raw, tr, warnings)


def _oldest_first(store) -> list[str]:
    """Order of play: groups started in the same second keep the order they were saved in."""
    return [row[0] for row in store.db.execute("SELECT id FROM sessions ORDER BY created, rowid")]


def _is_file(name: str) -> bool:
    return name.lower().endswith(".json") or Path(name).is_file()


def _from_file(name: str):
    data = read_export(Path(name))
    return data["id"] or Path(name).stem, data["session"], data["events"], name


def _from_store(store, session_id: str, warnings: list[Problem]):
    info = store.session(session_id)
    if info is None:
        raise EscapeboxError([Problem("exchange.no_session", {"id": session_id})])
    events, problems = store.read_events(session_id)
    if not events:
        raise EscapeboxError(problems or [Problem("store.no_events", {"session": session_id, "group": "?"})])
    warnings += info["damage"] + problems
    info = {**info, "file": str(store.path)}
    if problems:                 # steps are missing: a rules check would only repeat that
        info["unreadable"] = True
    return session_id, info, events, "store"


def _one_scenario(raw, required: bool) -> None:
    """``--all`` without ``--scenario`` must not mix, say, the tutorial into the festival report."""
    ids = sorted({r[1]["scenario_id"] for r in raw})
    if required and len(ids) > 1:
        raise EscapeboxError([Problem("report.several_scenarios", {"ids": ids})])


def _labelled(raw, tr, warnings: list[Problem]) -> list[ReportSession]:
    cache: dict[str, LoadedScenario] = {}
    sessions, used = [], {}
    for session_id, info, events, origin in raw:
        loaded = _scenario(info, session_id, cache)
        scenario = loaded.scenario
        if not info.get("unreadable"):     # the report shows the save as it is, and says when it breaks the rules
            problem = rules_problem(loaded, {**info, "id": session_id}, events,
                                    file=info.get("file") or origin)
            if problem is not None:
                warnings.append(problem)
        debrief = build_debrief(scenario, events, now=float(info.get("clock") or 0))
        base = debrief.group or str(info.get("group_name") or "") or tr("report.unnamed_group", id=session_id[:6])
        used[base] = used.get(base, 0) + 1
        label = base if used[base] == 1 else f"{base} ({used[base]})"
        if debrief.autoplayed:     # a demo, not a group: every table and heading of the report says so
            label = tr("report.autoplayed_label", label=label)
        sessions.append(ReportSession(session_id, label, origin, scenario, debrief))
    return sessions


def _scenario(info: dict, session_id: str, cache: dict[str, LoadedScenario]) -> LoadedScenario:
    """The snapshot first; the original file only when no usable snapshot was kept (packs)."""
    key = str(info.get("digest") or "") + str(len(info.get("snapshot") or ""))
    if key in cache:
        return cache[key]
    path = Path(str(info.get("scenario_path") or "scenario.yaml"))
    try:
        scenario = load_scenario_text(str(info.get("snapshot") or ""), name=path.name, folder=path.parent)
    except EscapeboxError:
        scenario = _from_original(path, session_id)
    cache[key] = scenario
    return scenario


def _from_original(path: Path, session_id: str) -> LoadedScenario:
    try:
        return open_scenario(path)
    except (EscapeboxError, OSError):
        raise EscapeboxError([Problem("report.no_scenario", {"id": session_id})]) from None
