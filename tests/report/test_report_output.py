"""``escapebox report``: one self-contained HTML file, Markdown and CSV, for one or many groups."""

import csv
import io
from html.parser import HTMLParser

import pytest

from escapebox.cli import main
from escapebox.core.exchange import write_export
from escapebox.core.store import SessionStore

from tests.report.conftest import GROUPS
from tests.report.helpers import play_script, with_reflections

VOID = {"meta", "br", "hr", "img", "input", "link", "rect", "line", "path", "circle", "wbr"}


class StrictParser(HTMLParser):
    """Checks that every element is closed in order and collects the visible text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.text, self.tags = [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> while open: {self.stack[-3:]}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> StrictParser:
    parser = StrictParser()
    parser.feed(html)
    parser.close()
    assert not parser.errors and not parser.stack, (parser.errors, parser.stack)
    return parser


def report(tmp_path, *args) -> str:
    out = tmp_path / "verslag.html"
    assert main(["report", *args, "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def test_html_has_every_group_and_every_reflection_answer(tmp_path, three_sessions):
    html = report(tmp_path, *three_sessions)
    text = " ".join(parse(html).text)
    for group, (answers, _) in GROUPS.items():
        assert group in text
        for answer in answers.values():
            assert answer in text, answer
    assert "Vergelijking van de groepen" in text and "Zo kozen de groepen" in text


def test_html_is_self_contained_and_printable(tmp_path, three_sessions):
    html = report(tmp_path, *three_sessions)
    parsed = parse(html)
    assert "http://" not in html and "https://" not in html
    assert "<link" not in html and "<script" not in html and "src=" not in html and "url(" not in html
    assert html.count("<svg") >= 1 + 10      # the time chart plus one per puzzle
    assert "@media print" in html and "break-before: page" in html
    assert [t for t, _ in parsed.tags].count("section") == 1 + 3   # comparison + one per group


def test_comparison_counts_dilemma_choices_per_group(tmp_path, three_sessions):
    html = report(tmp_path, *three_sessions)
    blijven = html.index("Blijven", html.index("Zo kozen de groepen"))
    count = html.rindex('<span class="count">', 0, blijven)
    assert html[count:blijven].startswith('<span class="count">2</span>')
    assert "Groep Noord" in html[blijven: html.index("</li>", blijven)]


def test_hostile_reflection_and_group_name_are_escaped(tmp_path, data_dir):
    hostile = "<script>alert(1)</script>"
    store = SessionStore()
    ids = [play_script(store, group, with_reflections({"waarom_blijven": hostile, "na_kast": '"><img src=x>'}))
           .session_id for group in ("<b>Groep</b>", "Gewoon")]
    store.close()
    html = report(tmp_path, *ids)
    assert "<script" not in html and "<img" not in html and "<b>Groep" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert hostile in " ".join(parse(html).text)
    md = tmp_path / "verslag.md"
    assert main(["report", *ids, "-o", str(md)]) == 0
    assert "<script" not in md.read_text(encoding="utf-8") and "&lt;script&gt;" in md.read_text(encoding="utf-8")


def test_markdown_report(tmp_path, three_sessions):
    out = tmp_path / "verslag.txt"
    assert main(["report", *three_sessions, "--format", "md", "-o", str(out)]) == 0
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Nabespreking: Alles erin")
    assert "## Vergelijking van de groepen: Alles erin" in md and "## Groep Zuid" in md
    assert "| Kastcode | " + " | ".join(["1:00 · 1 hint · 1 fout antwoord"] * 3) + " |" in md
    assert "- **2** × Blijven — Groep Noord, Groep Zuid" in md
    assert "Zuid: omdat je een belofte niet breekt." in md


def test_csv_has_timings_per_group_per_puzzle(tmp_path, three_sessions):
    out = tmp_path / "tijden.csv"
    assert main(["report", *three_sessions, "--csv", str(out)]) == 0
    assert not (tmp_path / "verslag.html").exists()
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 3 * 10
    kast = [r for r in rows if r["puzzle"] == "kastcode"]
    assert {r["group"] for r in kast} == set(GROUPS)
    assert all((r["seconds"], r["hints"], r["wrong_answers"], r["status"]) == ("60", "1", "1", "solved") for r in kast)
    assert next(r for r in rows if r["puzzle"] == "volgorde")["status"] == "skipped"


def test_sessions_from_files_and_the_store_can_be_mixed(tmp_path, three_sessions):
    store = SessionStore()
    export = tmp_path / "laptop2.json"
    write_export(store, three_sessions[2], export)
    store.delete(three_sessions[2])
    store.close()
    html = report(tmp_path, three_sessions[0], str(export), three_sessions[1])
    assert "Groep Oost" in html and "Oost: de tuin gaf rust en overzicht." in html
    assert "laptop2.json" in html


def test_report_works_without_the_scenario_folder(tmp_path, three_sessions):
    """The snapshot in the session is enough: the scenario path need not exist on this laptop."""
    store = SessionStore()
    store.db.execute("UPDATE sessions SET scenario_path='/bestaat/niet/scenario.yaml'")
    store.close()
    assert "Groep Noord" in report(tmp_path, "--all")


def test_all_with_scenario_and_english(tmp_path, three_sessions):
    html = report(tmp_path, "--scenario", "alles", "--lang", "en")
    assert "Comparing the groups" in html and '<html lang="en">' in html
    assert "Groep Oost" in html


def test_all_refuses_to_mix_scenarios(tmp_path, three_sessions, capsys):
    store = SessionStore()
    store.db.execute("UPDATE sessions SET scenario_id='tutorial' WHERE id=?", (three_sessions[0],))
    store.close()
    assert main(["report", "--all", "-o", str(tmp_path / "x.html")]) == 1
    assert "--scenario" in capsys.readouterr().err


@pytest.mark.parametrize("args,code", [([], 2), (["bestaat-niet"], 1), (["kapot.json"], 1)])
def test_bad_input_gives_a_message_and_exit_code(tmp_path, data_dir, capsys, args, code):
    (tmp_path / "kapot.json").write_text("{", encoding="utf-8")
    args = [str(tmp_path / a) if a.endswith(".json") else a for a in args]
    assert main(["report", *args]) == code
    assert capsys.readouterr().err.strip()


def test_one_group_report_has_the_debrief_questions(tmp_path, three_sessions):
    html = report(tmp_path, three_sessions[0])
    assert "Vergelijking" not in html and "Wat ging goed?" in html
    parse(html)


def test_festival_of_three_groups_in_the_bundled_scenario(tmp_path, data_dir):
    from tests.report import festival
    try:
        loaded = festival.load_scenario(festival.scenario_path())
    except Exception as exc:  # the scenario is being written by someone else; not this test's subject
        pytest.skip(f"bundled scenario not loadable: {exc}")
    store = SessionStore()
    ids = [festival.play(group, store, loaded).session_id for group in festival.GROUPS]
    store.close()
    html = report(tmp_path, *ids)
    text = " ".join(parse(html).text)
    for group in festival.GROUPS:
        assert group.name in text
        for answer in filter(None, group.answers.values()):
            assert (answer if len(answer) > 1 else f"{answer} van 5") in text, answer
