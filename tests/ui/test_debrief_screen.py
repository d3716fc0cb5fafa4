"""The debrief screen: built on build_debrief, paged with a presenter clicker, nothing cut off."""

import pytest

from escapebox.core import commands as C
from ui_helpers import start_game

LONG = " ".join(f"Zin {n}: de buddy belt de student de dag ervoor op en spreekt af waar ze elkaar zien." for n in range(40))


def play_and_end(pilot, answer=LONG):
    game = start_game(pilot)
    game.apply(C.Inspect("kastje"))
    game.apply(C.TryAnswer("kastje-slot", "4321"))
    game.apply(C.TakeHint("kastje-slot"))
    game.apply(C.TryAnswer("kastje-slot", "1234"))
    game.apply(C.AnswerReflection("na-kastje", answer))
    game.apply(C.JumpToRoom("gang"))
    game.apply(C.AnswerReflection("gang-schaal", "4"))
    game.apply(C.EndGame())
    game.route()
    pilot.run()
    assert pilot.app.stack.top.name == "debrief"
    return game, pilot.app.stack.top


def shown_lines(screen):
    """Every body line as drawn, page by page."""
    for page in screen.pages:
        yield from page.layout.lines[page.first_line:page.first_line + page.lines]


def visit_all_pages(pilot, screen, key="pagedown"):
    seen = [screen.index]
    for _ in range(len(screen.pages) + 2):
        pilot.press(key)
        seen.append(screen.index)
    return seen


@pytest.mark.parametrize("beamer", [False, True])
def test_pages_hold_every_line_and_the_clicker_turns_them(make_app, fixture_scenario, beamer):
    app, pilot = make_app(fixture_scenario, beamer=beamer)
    game, screen = play_and_end(pilot)
    assert len(screen.pages) >= 5
    text = "\n".join(shown_lines(screen))
    for section_heading, body in screen.sections():
        layout = app.canvas.layout(body, "regular", app.size("body"), screen.body_area.width - 48)
        assert all(line in text for line in layout.lines), section_heading      # nothing cut off
    seen = visit_all_pages(pilot, screen)
    assert seen[:len(screen.pages)] == list(range(len(screen.pages)))
    assert seen[-1] == len(screen.pages) - 1 and app.stack.top is screen        # the last page does not close
    for page in screen.pages:                                                    # every page fits its panel
        top = screen.body_area.top + 16 + (screen.tile_height() + 24 if page.tiles else 0)
        heading_h = screen.heading_layout(page.heading).height + 24
        assert top + heading_h + page.lines * page.layout.line_height <= screen.body_area.bottom


def test_debrief_shows_time_puzzles_path_reflections_and_questions(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    game, screen = play_and_end(pilot, answer="Op het prikbord.")
    text = "\n".join(shown_lines(screen))
    assert "van de 20:05" in text or "van de 25:00" in text or "van de 20:00" in text
    assert "– 4321" in text and "1 hint ·" in text
    assert "(0 van de spelleider)" not in text           # a group's own hint says nothing about the trainer
    assert "(door de spelleider)" in text                                        # the jump to the gang
    assert "“Op het prikbord.”" in text and "4 (op een schaal van 1 tot 5)" in text
    assert "Wie regelt bij jullie de eerste dag?" in text
    assert screen.ending_line() == app.tr("facilitator.debrief.ended_facilitator")


def test_arrows_space_mouse_and_page_up(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    game, screen = play_and_end(pilot)
    pilot.press("space")
    assert screen.index == 1
    pilot.press("right")
    assert screen.index == 2
    pilot.press("pageup")
    pilot.press("left")
    assert screen.index == 0
    pilot.click(*screen.body_area.center)
    assert screen.index == 1
    pilot.click(*screen.body_area.center, button=3)
    assert screen.index == 0
    pilot.press("pageup")                                                        # already on the first page
    assert screen.index == 0
    pilot.click_widget("next")
    assert screen.index == 1
    app.draw()
    assert f"2/{len(screen.pages)}" == app.tr("facilitator.debrief.page", page=2, pages=len(screen.pages))


def test_close_leaves_the_debrief(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    play_and_end(pilot)
    pilot.click_widget("close")
    assert not app.running


def test_a_puzzle_line_names_the_trainer_only_when_the_trainer_sent_a_hint(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    game = start_game(pilot)
    game.apply(C.Inspect("kastje"))
    game.apply(C.PushHint("kastje-slot"))
    game.apply(C.TakeHint("kastje-slot"))
    game.apply(C.TryAnswer("kastje-slot", "1234"))
    game.apply(C.AnswerReflection("na-kastje", "Op het prikbord."))
    game.apply(C.EndGame())
    game.route()
    pilot.run()
    line = next(line for line in app.stack.top.puzzles_text().splitlines() if "kastje" in line.lower())
    assert "2 hints (1 van de spelleider)" in line
