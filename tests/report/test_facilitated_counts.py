"""The report's numbers for a facilitated session, end to end: the game played through
``GameSession.apply`` with the trainer's commands (a held pause and its lifting, a pushed hint,
time added, a skipped puzzle, a revealed answer), saved in the store, read back and checked by the
rules (escapebox/core/replay.py), and written by ``escapebox report``.

Every number below is worked out by hand from the script in tests/report/helpers.py, with the
group's own pause at 210-270 s given by the trainer instead:

- hints 2: the group's one at Kastcode, the trainer's one at Volgorde;
- wrong answers 3: "0421", "z4" and the pairs A-2, B-1, given twice in a row as a group does that
  clicks and then presses Enter: one attempt, one penalty (and a save the rules still accept);
- trainer's help 4, each as itself: 1 hint sent, time +2:00, 1 skipped, 1 answer shown;
- clock stood still 4:00 (the trainer's pause 60 s and three reflections 180 s);
- time used 5:20: 260 s of clock plus 60 s of penalties (10 + 30 + 10 + 10).

tests/ui/test_report_help.py plays the console's own buttons; this one checks what the trainer
reads afterwards, from the saved session, in both report formats and the group comparison.
"""

from escapebox.cli import main
from escapebox.core import commands as C
from escapebox.core import replay as R
from escapebox.core.store import SessionStore

from tests.report.helpers import SCRIPT, play_script


#: the same wrong pairs twice, just after the photo was looked at (385 s)
TWICE_WRONG = [(386, C.TryAnswer("paren", [1, 0])), (387, C.TryAnswer("paren", [1, 0]))]


def trainers_pause(script):
    """The script with the pause at 210-270 s given and lifted by the trainer (a held pause)."""
    def by_trainer(command):
        if command == C.Pause():
            return R.Pause(held=True)
        return R.Resume() if command == C.Resume() else command
    return [(at, by_trainer(command)) for at, command in script]


def facilitated_session(store: SessionStore, group: str = "Groep Trainer") -> str:
    script = trainers_pause(SCRIPT)
    photo = next(n for n, (at, _) in enumerate(script) if at == 385) + 1
    return play_script(store, group, script[:photo] + TWICE_WRONG + script[photo:]).session_id


def test_the_single_report_counts_what_the_trainer_did(tmp_path, data_dir, capsys):
    store = SessionStore()
    session_id = facilitated_session(store)
    store.close()
    out = tmp_path / "verslag.md"
    assert main(["report", session_id, "--format", "md", "-o", str(out)]) == 0
    assert "klopt niet" not in capsys.readouterr().err       # the saved log follows the rules it was played with
    text = out.read_text(encoding="utf-8")
    for line in ("- Tijd gebruikt: 5:20 van 22:00", "- Stilgezet (pauze, reflectie): 4:00", "- Hints: 2",
                 "- Foute antwoorden: 3",
                 "- Hulp van de trainer: 4 (1 hint gestuurd · tijd aangepast (+2:00) · 1 puzzel overgeslagen"
                 " · 1 keer het antwoord getoond)"):
        assert line in text.splitlines(), line
    assert "| 3:30 | Trainer zet het spel op pauze |" in text
    assert "| 4:30 | Trainer zet het spel weer aan |" in text


def test_the_comparison_counts_the_trainers_help_per_group(tmp_path, data_dir):
    store = SessionStore()
    helped = facilitated_session(store)
    alone = play_script(store, "Groep Alleen").session_id
    store.close()
    out = tmp_path / "vergelijking.md"
    assert main(["report", helped, alone, "--format", "md", "-o", str(out)]) == 0
    table = out.read_text(encoding="utf-8").splitlines()
    head = next(n for n, line in enumerate(table) if "| Hulp van de trainer |" in line)
    column = table[head].split(" | ").index("Hulp van de trainer")
    rows = {row.split(" | ")[0].strip("| "): row.split(" | ")[column] for row in table[head + 2:head + 4]}
    # the same script: the plain group had the same pushed hint, time, skip and reveal, and paused itself
    assert rows == {"Groep Trainer": "4", "Groep Alleen": "4"}


def test_the_html_report_shows_the_same_numbers(tmp_path, data_dir):
    store = SessionStore()
    session_id = facilitated_session(store)
    store.close()
    out = tmp_path / "verslag.html"
    assert main(["report", session_id, "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "1 hint gestuurd · tijd aangepast (+2:00) · 1 puzzel overgeslagen · 1 keer het antwoord getoond" in html
    assert "Trainer zet het spel op pauze" in html

