"""A scenario dropped onto the window: checked like ``escapebox validate``, then added to the
trainer's own scenarios (:func:`escapebox.paths.added_scenarios_dir`), or refused in words.

SDL reports a file or folder dropped onto the window as ``pygame.DROPFILE`` (``event.file``
holds its path; folders too on Windows, macOS and X11/Wayland with SDL 2.0.5 and later). The
app's event loop hands that event to :func:`on_drop`; the picker then lists the new scenario,
focused. "Scenario openen…" in the picker (:mod:`escapebox.ui.screens.open_scenario`) takes the
same route with a path typed or chosen in the platform's file dialog. Nothing here raises: a broken pack is a message on screen, never a
traceback.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path

from escapebox import paths
from escapebox.problems import EscapeboxError, Problem, errors, warnings

PACK_SUFFIX = ".escapebox"
SCENARIO_FILE = "scenario.yaml"
#: Problems shown in the toast; the rest are counted (a toast is two or three lines on a beamer).
SHOWN = 2


@dataclass
class Added:
    """What became of one dropped path: ``target`` is set when it was added."""

    source: Path
    target: Path | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.target is not None


def add_scenario(source: Path | str) -> Added:
    """Check ``source`` (a ``.escapebox`` pack, a scenario folder or its ``scenario.yaml``) and
    copy it into the trainer's own scenarios when it has no errors."""
    source = Path(source)
    if source.is_file() and source.name == SCENARIO_FILE:
        source = source.parent
    if not (source.is_dir() and (source / SCENARIO_FILE).is_file()) and source.suffix.lower() != PACK_SUFFIX:
        return Added(source, problems=[Problem("adding.not_a_scenario", {"name": source.name}, file=str(source))])
    problems = _check(source)
    if errors(problems):
        return Added(source, problems=problems)
    try:
        target = _copy(source, paths.added_scenarios_dir())
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return Added(source, problems=[Problem("adding.cannot_copy", {"reason": reason}, file=str(source))])
    return Added(source, target, problems)


def _check(source: Path) -> list[Problem]:
    from escapebox.authoring.checks import all_problems
    from escapebox.pack.open import open_scenario
    try:
        return all_problems(open_scenario(source))
    except EscapeboxError as exc:
        return exc.problems


def _copy(source: Path, folder: Path) -> Path:
    """Into ``folder`` under its own name; a different scenario of the same name gets a number,
    so adding never overwrites another one."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    number = 2
    while target.exists():
        target = folder / f"{source.stem}-{number}{source.suffix if source.is_file() else ''}"
        number += 1
    if source.is_dir():
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.expected"))
    else:
        shutil.copy2(source, target)
    return target


def messages(added: Added, tr) -> list[str]:
    """The lines to show, in the trainer's words: the verdict, then the first problems (errors
    first), then how many more there are and how to see them all."""
    from escapebox.authoring.wording import counted
    n_errors, n_warnings = len(errors(added.problems)), len(warnings(added.problems))
    if added.ok:
        key = "adding.added_with_warnings" if n_warnings else "adding.added"
        verdict = tr(key, name=added.source.name, warnings=counted(tr, "validate.count.warnings", n_warnings))
    else:
        verdict = tr("adding.refused", name=added.source.name, errors=counted(tr, "validate.count.errors", n_errors))
    ordered = errors(added.problems) + [p for p in added.problems if p not in errors(added.problems)]
    lines = [verdict] + [_short(p, added.source).render(tr) for p in ordered[:SHOWN]]
    if len(ordered) > SHOWN:
        lines.append(tr("adding.more", name=added.source.name))
    return lines


def _short(problem: Problem, source: Path) -> Problem:
    """The file named from the dropped folder on (``kapot/scenario.yaml``), not from the root of
    the disk: a full path fills a toast on a beamer and says nothing the trainer did not drop."""
    if problem.file and Path(problem.file).is_relative_to(source.parent):
        return replace(problem, file=str(Path(problem.file).relative_to(source.parent)))
    return problem


def on_drop(app, event) -> Added:
    """Handle one ``pygame.DROPFILE``: add the scenario and say on screen what happened."""
    added = add_scenario(event.file)
    lines = messages(added, app.tr)
    app.toast("\n".join(lines), "success" if added.ok else "danger", 6 if added.ok else 15)
    if added.ok:
        show_in_picker(app, added.target)
    return added


def show_in_picker(app, target: Path) -> None:
    """Tell the screens (the picker lists the scenario just added, focused, whether it is on top
    now or comes back on top later, from under the "Scenario openen…" screen)."""
    for screen in app.stack.screens:
        screen.scenario_added(target)
