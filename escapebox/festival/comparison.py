"""The group comparison of a festival, straight from the hub's store (no session files carried around).

The hub holds every group's events as the laptops logged them, so the same
debrief and report as ``escapebox report`` are built from them.  The
scenario comes from this computer (a bundled name or the trainer's folder):
the hub never receives the scenario's text, because a retained copy on the
festival's broker would give any laptop on the network the answers.
"""

from __future__ import annotations

from escapebox.core import events as E
from escapebox.debrief import build_debrief
from escapebox.festival.hub_store import HubStore
from escapebox.problems import EscapeboxError, Problem
from escapebox.report.sources import ReportSession


def scenario_ids(store: HubStore, code: str) -> list[str]:
    return sorted({group["hello"]["scenario"].get("id", "") for group in store.groups(code)})


def report_sessions(store: HubStore, code: str, loaded, tr) -> list[ReportSession]:
    """One report session per group of the festival that played ``loaded``, in the order they joined."""
    sessions: list[ReportSession] = []
    used: dict[str, int] = {}
    for group in store.groups(code):
        if group["hello"]["scenario"].get("id") != loaded.scenario.id:
            continue
        events = [_event(data) for _number, data in store.events(group["session"])]
        debrief = build_debrief(loaded.scenario, [e for e in events if e is not None])
        base = debrief.group or group["hello"]["group"] or tr("report.unnamed_group", id=group["session"][:6])
        used[base] = used.get(base, 0) + 1
        label = base if used[base] == 1 else f"{base} ({used[base]})"
        if debrief.autoplayed:
            label = tr("report.autoplayed_label", label=label)
        sessions.append(ReportSession(group["session"], label, f"festival {code}", loaded.scenario, debrief))
    if not sessions:
        raise EscapeboxError([Problem("report.no_sessions", {"scenario": loaded.scenario.id})])
    return sessions


def _event(data: dict) -> E.Event | None:
    """A stored event, or None for one the hub kept only as ``damaged`` (its number, not its content)."""
    try:
        return E.event_from_dict(data)
    except E.BadEvent:
        return None
