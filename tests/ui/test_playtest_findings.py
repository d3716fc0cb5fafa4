"""Findings of the hand play-through under Xvfb (docs/playtest.md, December 2026), each played again here.

The real screens through the pilot, at the size the finding was seen at (a beamer: 1920×1080, large text).
"""

import pygame

from escapebox.scenario.loader import load_scenario
from escapebox.ui.screens.base import MARGIN, TOP_H

from ui_helpers import SCENARIOS, start_game


def test_saved_toast_leaves_the_first_rooms_title_readable(make_app):
    # hele-team-leert on a beamer: the opening scale reflection says "Opgeslagen: …" as the group arrives in
    # the teamkantoor; the toolbar's gap holds it only on two lines and the message went over the top bar
    app, pilot = make_app(load_scenario(SCENARIOS / "hele-team-leert"), size=(1920, 1080), text_size="large")
    start_game(pilot)
    assert app.stack.top.name.startswith("reflection")
    pilot.press("3")
    pilot.press("return")
    room = app.stack.top
    assert room.name == "room" and app.toasts
    app.draw()
    title = pygame.Rect(MARGIN, 0, app.canvas.measure(room.title(), "bold", app.size("title")), TOP_H)
    assert app._toast_rect.width > 0 and not app._toast_rect.colliderect(title)
    covered = [w.key for w in room.focus.widgets if w.visible and w.rect.colliderect(app._toast_rect)]
    assert not covered


def drawn_texts(app, monkeypatch):
    """Every text the canvas lays out from now on (what a screen draws as paragraphs)."""
    texts, layout = [], app.canvas.layout

    def record(text, *args, **kwargs):
        texts.append(text)
        return layout(text, *args, **kwargs)
    monkeypatch.setattr(app.canvas, "layout", record)
    return texts


def test_group_name_screen_says_an_empty_name_is_allowed(make_app, monkeypatch):
    app, pilot = make_app(load_scenario(SCENARIOS / "tutorial"), size=(1280, 720), text_size="extra_large")
    pilot.press("return")
    screen = app.stack.top
    assert screen.name == "group"
    texts = drawn_texts(app, monkeypatch)
    app.draw()
    assert any("Leeg laten mag: dan heet jullie groep Groep 3." in t for t in texts), texts
    note_bottom = screen.field.rect.bottom + 24 + app.canvas.layout(screen.note(), "regular", app.size("body"), 1200).height
    assert all(w.rect.top > note_bottom for w in screen.focus.widgets if w.key in ("start", "back"))
    pilot.press("return")                                # nothing typed: the game starts, as the note says
    assert app.game.session.state.group == "Groep 3"


def test_a_conversations_path_on_the_ending_has_only_glyphs_the_font_draws(make_app, monkeypatch):
    # student-met-rugzak: Samira's talk goes on after the first answer; the ending and the debrief joined
    # the two answers with →, which Atkinson Hyperlegible lacks: an empty box between them
    from escapebox.core.autoplayer import branch_plan, reflection_answer
    from escapebox.scenario.glyphs import missing

    app, pilot = make_app(load_scenario(SCENARIOS / "student-met-rugzak"), size=(1280, 720))
    start_game(pilot)
    game = app.game
    for planned in branch_plan(game.session, 0):
        while (reflection := game.session.current_reflection()) is not None:
            game.apply(reflection_answer(game.session, reflection))
        game.apply(planned.command)
    while (reflection := game.session.current_reflection()) is not None:
        game.apply(reflection_answer(game.session, reflection))
    game.route()
    pilot.run()
    ending = app.stack.top
    assert ending.name == "ending"
    text = ending.outcome_text()
    assert " » " in text                                 # the talk's two turns, both shown
    assert missing(text) == []
    texts = drawn_texts(app, monkeypatch)
    pilot.press("return")                                # on to the debrief: every slide, by the clicker
    assert app.stack.top.name == "debrief"
    for _slide in range(12):
        app.draw()
        pilot.press("pagedown")
    assert any(" » " in t for t in texts)
    assert [t for t in texts if missing(t)] == []
