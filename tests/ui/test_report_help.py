"""The trainer's help in the report, counted each as itself, from a session facilitated through the
real console code (escapebox/ui/facilitator/actions.py): a pushed hint, added time, a skipped puzzle
and a revealed answer."""

from escapebox.core import commands as C
from escapebox.debrief import build_debrief
from escapebox.report.html import render_html
from escapebox.report.markdown import render_markdown
from escapebox.report.sources import ReportSession
from escapebox.ui.facilitator.actions import FacilitatorActions
from ui_helpers import start_game


def facilitated(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    game = start_game(pilot)
    said = []
    actions = FacilitatorActions(app, lambda text, kind: said.append((text, kind)))
    actions.push_hint("kastje-slot")
    actions.adjust(600)
    actions.reveal("woord-slot")
    game.apply(C.Inspect("kastje"))
    game.apply(C.TryAnswer("kastje-slot", "1234"))
    game.apply(C.AnswerReflection("na-kastje", "Op het prikbord."))
    actions.skip("woord-slot")
    actions.end()
    assert all(kind == "success" for _, kind in said), said
    return game


def report_session(session_id, label, game):
    scenario = game.scenario
    return ReportSession(session_id, label, "store", scenario, build_debrief(scenario, game.session.state.events))


def test_every_kind_of_help_counts_as_itself(make_app, fixture_scenario):
    game = facilitated(make_app, fixture_scenario)
    help_ = report_session("1", "Groep 1", game).debrief.trainer_help
    assert (help_.pushed_hints, help_.time_changes, help_.time_added, help_.skipped, help_.revealed) == (1, 1, 600, 1, 1)
    assert help_.total == 4


def test_the_single_report_and_the_comparison_show_the_help(make_app, fixture_scenario, tmp_path):
    game = facilitated(make_app, fixture_scenario)
    plain_app, plain_pilot = make_app(fixture_scenario)
    plain = start_game(plain_pilot, "Groep 2")
    plain.apply(C.EndGame())
    sessions = [report_session("1", "Groep 1", game), report_session("2", "Groep 2", plain)]
    tr = plain_app.tr
    single = render_markdown(sessions[:1], tr, "nu")
    assert ("Hulp van de trainer: 4 (1 hint gestuurd · tijd aangepast (+10:00) · 1 puzzel overgeslagen · "
            "1 keer het antwoord getoond)") in single
    compared = render_markdown(sessions, tr, "nu")
    table = compared.splitlines()
    head = next(n for n, line in enumerate(table) if "| Hulp van de trainer |" in line)
    column = table[head].split(" | ").index("Hulp van de trainer")
    assert [row.split(" | ")[column] for row in table[head + 2:head + 4]] == ["4", "0"]
    html = render_html(sessions, tr, "nu")
    assert "1 hint gestuurd · tijd aangepast (+10:00)" in html


def test_autoplay_save_keeps_the_session_marked_as_autoplayed(tmp_path):
    """``play --autoplay --save`` keeps the demo session; ``sessions list`` and the report say who played it."""
    import os
    import subprocess
    import sys
    from ui_helpers import FIXTURE, REPO
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "ESCAPEBOX_DATA_DIR": str(tmp_path)}

    def escapebox(*args):
        result = subprocess.run([sys.executable, "-m", "escapebox", *args], capture_output=True, text=True, env=env,
                                cwd=REPO, timeout=120)
        assert result.returncode == 0, result.stderr
        return result.stdout

    escapebox("play", str(FIXTURE), "--autoplay")
    assert "(automatisch gespeeld)" not in escapebox("sessions", "list")      # without --save: nothing kept
    escapebox("play", str(FIXTURE), "--autoplay", "--save")
    listed = escapebox("sessions", "list")
    assert listed.count("(automatisch gespeeld)") == 1, listed
    escapebox("report", "--all", "--format", "md", "-o", str(tmp_path / "verslag.md"))
    assert "## Autoplay (automatisch gespeeld)" in (tmp_path / "verslag.md").read_text(encoding="utf-8")


def test_the_console_counts_in_proper_singular_and_plural(make_app, fixture_scenario):
    from escapebox.ui.facilitator.facts import totals_line
    app, pilot = make_app(fixture_scenario)
    game = start_game(pilot)
    game.apply(C.Inspect("kastje"))
    game.apply(C.TryAnswer("kastje-slot", "4321"))
    FacilitatorActions(app, lambda text, kind: None).push_hint("kastje-slot")
    assert totals_line(app).startswith("Tot nu toe: 1 hint · 1 fout antwoord · 0 van ")
