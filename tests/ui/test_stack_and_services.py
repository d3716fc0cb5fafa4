"""The screen stack's operations and the App's declared services (docs/architecture.md)."""

import pytest

from escapebox.ui.screen import ScreenStack
from escapebox.ui.services import Services


class Recorder:
    """A screen that writes down when it comes on top (enter) and stops being on top (exit)."""

    opaque = True

    def __init__(self, name, log):
        self.name, self.log = name, log

    def enter(self):
        self.log.append(f"enter {self.name}")

    def exit(self):
        self.log.append(f"exit {self.name}")


def stack_of(*names):
    log, changes = [], []
    stack = ScreenStack(on_change=lambda: changes.append(1))
    screens = {name: Recorder(name, log) for name in names}
    for name in names:
        stack.push(screens[name])
    log.clear()
    changes.clear()
    return stack, screens, log, changes


def names(stack):
    return [s.name for s in stack.screens]


def test_the_screens_can_be_read_but_not_edited_from_outside():
    stack, _screens, _log, _changes = stack_of("room", "pause")
    assert isinstance(stack.screens, tuple)
    with pytest.raises(AttributeError):
        stack.screens = []


def test_insert_below_top_waits_for_the_top_screen_to_leave():
    stack, _screens, log, changes = stack_of("room", "overlay")
    notice = Recorder("notice", log)
    stack.insert_below_top(notice)
    assert names(stack) == ["room", "notice", "overlay"] and stack.top.name == "overlay"
    assert log == [] and changes == [1]                      # not on top: it has not entered yet
    stack.pop()
    assert log == ["exit overlay", "enter notice"]


def test_insert_below_top_on_an_empty_stack_is_a_push():
    log = []
    stack = ScreenStack()
    stack.insert_below_top(Recorder("notice", log))
    assert names(stack) == ["notice"] and log == ["enter notice"]


def test_removing_the_top_screen_is_like_pop():
    stack, _screens, log, changes = stack_of("room", "pause")
    removed = stack.remove_where(lambda s: s.name == "pause")
    assert [s.name for s in removed] == ["pause"] and names(stack) == ["room"]
    assert log == ["exit pause", "enter room"] and changes == [1]


def test_removing_a_covered_screen_leaves_the_top_alone():
    stack, _screens, log, changes = stack_of("room", "pause", "overlay")
    stack.remove_where(lambda s: s.name == "pause")
    assert names(stack) == ["room", "overlay"]
    assert log == [] and changes == [1]


def test_removing_nothing_changes_nothing():
    stack, _screens, log, changes = stack_of("room")
    assert stack.remove_where(lambda s: s.name == "problems") == []
    assert names(stack) == ["room"] and log == [] and changes == []


def test_a_bare_app_has_no_services():
    from escapebox.ui.app import App

    app = App(fast=True)
    try:
        assert app.services == Services()
    finally:
        app.close()


@pytest.mark.parametrize("dev", [False, True])
def test_play_declares_its_services_and_attaches_nothing_else(make_app, fixture_scenario, tmp_path, dev):
    """Everything ``build_app`` gives the App is declared in ``App.__init__`` or in ``Services``."""
    from escapebox.ui.app import App

    bare = App(fast=True)
    declared = set(vars(bare))
    bare.close()
    app, _pilot = make_app(fixture_scenario, dev=dev)
    assert set(vars(app)) == declared
    services = app.services
    assert services.launcher is not None
    assert services.settings_file == tmp_path / "data" / "settings.toml"
    assert (services.dev is not None) is dev
