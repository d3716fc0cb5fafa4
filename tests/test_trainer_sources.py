"""Sources with "checked on" dates and trainer notes: for the trainer, never for the group (issue #18)."""

from datetime import date, timedelta

from escapebox.core.clock import ManualClock
from escapebox.core.session import GameSession
from escapebox.debrief import build_debrief
from escapebox.i18n import Translator
from escapebox.pack.open import open_scenario
from escapebox.pack.writer import build_pack, write_pack
from escapebox.report.html import render_html
from escapebox.report.markdown import render_markdown
from escapebox.report.sources import ReportSession
from escapebox.scenario.loader import load_scenario
from escapebox.scenario.sources import Source, stale_sources, without_trainer_only
from tests.authoring.test_pack_secrets import decode_like_the_issue
from tests.authoring.helpers import PASSWORD, bundled_scenarios
from tests.report.test_report_output import parse

FOLDER = next(p for p in bundled_scenarios() if p.name == "voorbeeld-compleet")
CHECKED = date(2026, 1, 15)


def _with_source(checked_on: str):
    loaded = load_scenario(FOLDER)
    return loaded.scenario.__class__(**{**loaded.scenario.__dict__,
                                        "sources": (Source(title="Regeling", checked_on=checked_on),)})


def test_a_source_is_stale_only_after_a_whole_year():
    scenario = _with_source(CHECKED.isoformat())
    assert list(stale_sources(scenario, CHECKED + timedelta(days=365))) == []
    [(path, source, why)] = stale_sources(scenario, CHECKED + timedelta(days=366))
    assert path == ("sources", 0, "checked_on") and why == "stale" and source.title == "Regeling"
    [(_, _, why)] = stale_sources(scenario, CHECKED - timedelta(days=1))
    assert why == "future"


def test_the_group_visible_document_loses_sources_and_notes_everywhere():
    data = {"sources": [{"title": "x"}], "trainer_notes": "n", "title": "t",
            "rooms": {"hal": {"name": "Hal", "trainer_notes": "r"}},
            "puzzles": {"p": {"kind": "word", "sources": [], "trainer_notes": "p", "answer": "a"}}}
    assert without_trainer_only(data) == {"title": "t", "rooms": {"hal": {"name": "Hal"}},
                                          "puzzles": {"p": {"kind": "word", "answer": "a"}}}


def test_a_pack_holds_trainer_notes_only_in_the_trainers_part(tmp_path):
    loaded = load_scenario(FOLDER)
    notes = [loaded.scenario.trainer_notes, loaded.scenario.rooms["teampost"].trainer_notes,
             loaded.scenario.puzzles["buddy"].trainer_notes, loaded.scenario.sources[0].title]
    assert all(notes)
    pack = build_pack(loaded, password=PASSWORD)
    _manifest, decoded = decode_like_the_issue(pack.data)
    for name, plain in decoded.items():
        readable = " ".join(plain.decode("utf-8", "replace").split())     # YAML may wrap a long text
        for text in notes:
            assert " ".join(text.split()) not in readable, f"{text[:40]!r} readable in {name}"
    write_pack(pack, tmp_path / "p.escapebox")
    assert open_scenario(tmp_path / "p.escapebox", PASSWORD).scenario.trainer_notes == notes[0]
    assert open_scenario(tmp_path / "p.escapebox").scenario.trainer_notes is None



def _report_session():
    loaded = load_scenario(FOLDER)
    session = GameSession.start(loaded, ManualClock(), store=None, group="Groep 1")
    debrief = build_debrief(loaded.scenario, session.state.events)
    return ReportSession("s1", "Groep 1", "store", loaded.scenario, debrief)


def test_the_report_lists_sources_and_every_trainer_note_once():
    tr = Translator("nl")
    session = _report_session()
    scenario = session.scenario
    html = render_html([session, session], tr, "nu")
    parse(html)                                       # every element closed, in order
    for text in (render_markdown([session, session], tr, "nu"), html):
        assert text.count("Voor de trainer: bronnen en notities") == 1
        assert scenario.sources[0].title.split(",")[0] in text
        assert "Puzzel Wie vangt Daan op?" in text and "Ruimte De teampost" in text


def test_an_old_check_is_flagged_in_the_report():
    from escapebox.report import parts
    tr = Translator("nl")
    source = Source(title="Subsidie", url="https://example.org/s", checked_on="2020-01-15")
    assert parts.source_text(source, tr, today=date(2021, 1, 15)) == (
        "Subsidie (https://example.org/s), nagekeken op 2020-01-15 · langer dan een jaar geleden: kijk na of het nog klopt")
    assert parts.source_text(source, tr, today=date(2020, 6, 1)) == "Subsidie (https://example.org/s), nagekeken op 2020-01-15"

