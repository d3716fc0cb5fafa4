"""One screen per puzzle kind; ``puzzle_screen`` picks the right one.

Adding a puzzle kind to the format means adding its screen here.
"""

from __future__ import annotations

from escapebox.ui.screens.puzzles.base import PuzzleScreen


def puzzle_screen(app, puzzle_id: str, via: str | None = None) -> PuzzleScreen:
    from escapebox.ui.screens.puzzles import choice, code, combine, match, meta, order, spot, word

    kinds = {
        "code": code.CodeScreen, "word": word.WordScreen, "choice": choice.ChoiceScreen,
        "dilemma": choice.DilemmaScreen, "order": order.OrderScreen, "match": match.MatchScreen,
        "spot": spot.SpotScreen, "combine": combine.CombineScreen, "meta": meta.MetaScreen,
    }
    kind = app.game.scenario.puzzles[puzzle_id].kind
    return kinds[kind](app, puzzle_id, via=via)


__all__ = ["puzzle_screen", "PuzzleScreen"]
