"""The trainer's sheet quotes a wrong option or near miss with one full stop, not two (issue #18).

The fresh-author test printed ``Fout: 'Ze mag … collega's zijn.'.``: the catalogue's full stop
after a quote whose text already ends its sentence.
"""

from pathlib import Path

from escapebox.i18n import Translator
from escapebox.print.sheet import trainer_sheet
from escapebox.scenario.loader import load_scenario

FRESH = Path(__file__).parent / "authoring" / "fresh" / "boventallig"


def _mistake_lines(lang: str) -> list[str]:
    sections = trainer_sheet(load_scenario(FRESH), Translator(lang))
    return [line for section in sections for entry in section.entries for line in entry.lines
            if line.startswith(("Fout:", "Bijna goed:", "Wrong:", "Nearly right:"))]


def test_a_quoted_sentence_is_not_followed_by_a_second_full_stop():
    for lang in ("nl", "en"):
        lines = _mistake_lines(lang)
        assert lines and not [line for line in lines if ".'." in line]
    assert any(line.startswith("Fout: 'Ze mag alleen diensten draaien als er genoeg collega's zijn.' De groep hoort:")
               for line in _mistake_lines("nl"))
    # a quoted word is no sentence: its full stop stays
    assert "Bijna goed: 'zondag'. De groep hoort: Op zondag werkt niemand. Kijk naar de dag ervoor." \
        in _mistake_lines("nl")
