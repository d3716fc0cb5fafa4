"""The trainer's console and overlay tell one truth: the same time everywhere, nothing the group has
not found on the group's screen, and every control inside its box."""

import re


from escapebox.core import commands as C
from escapebox.core import events as E

from test_facilitator import click_console, console_text
from ui_helpers import start_game


def test_after_added_time_and_a_penalty_the_header_and_the_panel_say_the_same_time(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario, console=True)
    game = start_game(pilot)
    app.draw()
    click_console(pilot, "plus")                         # 5 minutes more on the clock
    click_console(pilot, "hint")                         # the trainer's pushed hint costs nothing…
    game.apply(C.TakeHint("kastje-slot"))                # …the group's own costs the fixture's 30 seconds
    assert [e.seconds for e in game.session.state.events if isinstance(e, E.PenaltyAdded)] == [30]
    click_console(pilot, "end")
    app.draw()
    click_console(pilot, "end")
    assert game.session.state.ended
    text = console_text(app)
    used = re.search(r"Tijd gebruikt: (\d\d:\d\d)", text).group(1)
    assert used >= "00:30"                               # the penalty is in it
    assert app.console.panel._clock_line() == f"afgelopen na {used}"
    assert "30 strafseconden" in text and "+5 minuten" in text   # why it differs from the clock
