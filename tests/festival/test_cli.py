"""``escapebox festival sync``: a laptop that played offline sends its game afterwards; bad input is a message."""

from __future__ import annotations

from escapebox.cli import main
from tests.festival.conftest import CODE, wait_until
from tests.festival.test_sync import play
from escapebox.core.autoplayer import branch_plan


def test_sync_sends_an_offline_game_to_the_hub(broker, hub, laptops, tmp_path, monkeypatch, capsys):
    laptop = laptops(group="Groep Offline")        # its publisher never starts: no network all game
    play(laptop, branch_plan(laptop.session))
    laptop.session.close()
    monkeypatch.setenv("ESCAPEBOX_DATA_DIR", str(laptop.store.folder))
    assert main(["festival", "sync", CODE.lower(), "--broker", f"{broker.host}:{broker.port}"]) == 0
    assert "Groep Offline" in capsys.readouterr().out
    assert hub.store.events(laptop.session.session_id) == laptop.rows()
    assert wait_until(lambda: laptop.session.session_id in hub.tracks())


def test_sync_with_a_wrong_code_says_so_and_loses_nothing(broker, hub, laptops, monkeypatch, capsys):
    laptop = laptops()
    laptop.session.close()
    monkeypatch.setenv("ESCAPEBOX_DATA_DIR", str(laptop.store.folder))
    monkeypatch.setattr("escapebox.festival.publisher.JOIN_TIMEOUT", 0.5)
    monkeypatch.setattr("escapebox.cli.festival_cmd.SYNC_TIMEOUT", 2.0)
    assert main(["festival", "sync", "WRXNG2", "--broker", f"{broker.host}:{broker.port}"]) == 1
    err = capsys.readouterr().err
    assert "Geen leerfestival met code WRXNG2" in err and "niets is verloren" in err
    assert hub.store.upto(laptop.session.session_id) == -1


def test_bad_codes_and_addresses_are_messages_not_tracebacks(capsys):
    assert main(["play", "scenarios/tutorial", "--festival", "zz"]) == 2
    assert "geen festivalcode" in capsys.readouterr().err
    assert main(["festival", "sync", "ABCDEF", "--broker", "no such:port"]) == 2
    assert "geen adres" in capsys.readouterr().err
    assert main(["festival", "--code", "O0O0O0"]) == 2
    assert "geen festivalcode" in capsys.readouterr().err


def test_the_comparison_report_is_made_from_the_hubs_store(broker, hub, laptops, tmp_path, monkeypatch, capsys):
    made = [laptops(group=name) for name in ("De Uilen", "De Vossen")]
    for laptop in made:
        laptop.publisher.start()
        play(laptop, branch_plan(laptop.session))
    assert wait_until(lambda: all(hub.store.upto(one.session.session_id) == one.rows()[-1][0] for one in made))
    monkeypatch.setenv("ESCAPEBOX_DATA_DIR", str(hub.store.folder))
    out = tmp_path / "verslag.html"
    assert main(["festival", "report", CODE, "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "De Uilen" in html and "De Vossen" in html
    assert "2 sessie" in capsys.readouterr().out
