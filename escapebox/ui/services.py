"""What a run of ``escapebox play`` plugs into the App, besides the window itself.

``App`` always has the window, theme, settings, translator, canvas, sounds,
clipboard and the screen stack.  The services below exist only in some
runs, so each is optional and ``None`` means "this run has none": a bare
``App`` (built by a test or a screenshot script) has no launcher, remembers
no settings and is not in dev mode.  :func:`escapebox.ui.main.build_app`
sets them once, with ``app.services = Services(...)``; nothing else attaches
attributes to the App.

Who uses which service (so a screen's needs can be read here, and in its code
as ``app.services.<name>``):

* ``launcher`` — the intro (continue a saved game), the group-name screen
  (start), ``escapebox play`` (resume, close the store);
* ``settings_file`` — the settings screen (remember a change);
* ``dev`` — the loop (watch files, F9), the F1 card (extra keys), the
  launcher (``--room``);
* ``festival`` — the loop (once joined: publish the game, run the trainer's
  commands; :mod:`escapebox.ui.festival.link`), the picker ("Meedoen met een
  leerfestival" joins it later). ``build_app`` always makes one; it does
  nothing until it joins (``play --festival`` joins at once).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from escapebox.ui.dev.mode import DevMode
    from escapebox.ui.festival.link import FestivalLink
    from escapebox.ui.launch import Launcher


@dataclass(frozen=True)
class Services:
    #: starts, resumes and leaves games, and owns the session store
    launcher: Launcher | None = None
    #: where the settings screen remembers choices (None: not remembered)
    settings_file: Path | None = None
    #: play-testing for authors (``play --dev``), see :mod:`escapebox.ui.dev`
    dev: DevMode | None = None
    #: a group's laptop in a leerfestival (``play --festival CODE``, or joined from the picker)
    festival: FestivalLink | None = None
