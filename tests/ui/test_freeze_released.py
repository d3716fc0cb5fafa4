"""A closed app hands what it froze back to the collector (App.close, ui.main._freeze_heap).

Frozen after the first frame and never released, every app a process closed stayed in memory: the
UI tests grew to 7 GB, three test files to 1.1 GB against 0.32 GB released.
"""

import gc

from escapebox.ui.main import PlayOptions, build_app


def test_closing_the_app_releases_the_frozen_heap(tmp_path, fixture_scenario):
    gc.unfreeze()
    app = build_app(PlayOptions(loaded=fixture_scenario, window=(1280, 720), save=False, fast=True, scripted=True,
                                sound=False, data_dir=tmp_path / "data"))
    for _ in range(200):                     # the freeze is an idle task after the first frame
        app.frame(block=False)
        if gc.get_freeze_count():
            break
    assert gc.get_freeze_count() > 0
    app.services.launcher.close()
    app.close()
    assert gc.get_freeze_count() == 0
