"""The picker by mouse alone: the wheel brings every case into view and a click opens it.

Play-test (issue #16): with the focus on the first card, the picker pulled the list back to that
card after every wheel notch, so a mouse-only group never reached the cases further down.
"""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text_size", ["normal", "extra_large"])
def test_the_wheel_reaches_every_case_and_a_click_opens_it(make_app, text_size):
    app, pilot = make_app(text_size=text_size)
    picker = pilot.screen
    last = picker.cards[-1]
    assert last.clipped, "the list must be longer than the screen for this test to mean anything"
    seen = set()
    for _ in range(30):
        seen |= {card.entry.path for card in picker.cards if not card.clipped}
        if not last.clipped:
            break
        pilot.wheel(-1, at=(960, 540))
        pilot.run()
    assert not last.clipped, "the wheel never brought the last case into view"
    assert seen == {card.entry.path for card in picker.cards}
    pilot.click(*last.rect.center)
    assert pilot.screen.name == "intro"


def test_keys_after_the_wheel_go_on_from_what_is_in_view(make_app):
    app, pilot = make_app(text_size="extra_large")
    picker = pilot.screen
    for _ in range(3):
        pilot.wheel(-1, at=(960, 540))
        pilot.run()
        focused = picker.focus.focused
        whole = [card for card in picker.cards if not card.clipped]
        # the focus goes to a card the group sees whole (none between two notches of a tall row)
        assert focused in picker.cards and (not focused.clipped or not whole)
    top = picker.scroll
    assert top > 0
    pilot.run()
    assert picker.scroll == top                  # nothing pulls the list back
