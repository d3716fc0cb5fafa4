"""Each report test gets its own data folder and crash-log folder, never the user's."""

import pytest

from escapebox.core.store import SessionStore

from tests.report.helpers import play_script, with_reflections

GROUPS = {
    "Groep Noord": ({"na_kast": "Noord: we twijfelden over de kast.", "binnen": "2",
                     "waarom_blijven": "Noord: blijven voelt veilig voor de cliënt."}, 0),
    "Groep Zuid": ({"na_kast": "Zuid: de kast was snel open.", "binnen": "5",
                    "waarom_blijven": "Zuid: omdat je een belofte niet breekt."}, 0),
    "Groep Oost": ({"na_kast": "Oost: eerst samen lezen.", "binnen": "3",
                    "slot": "Oost: de tuin gaf rust en overzicht."}, 1),
}


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("ESCAPEBOX_DATA_DIR", str(folder))
    monkeypatch.delenv("ESCAPEBOX_RETENTION_DAYS", raising=False)
    logs = tmp_path / "logs"
    monkeypatch.setattr("escapebox.cli.crash.crash_folder", lambda: logs)
    return folder


@pytest.fixture
def three_sessions(data_dir):
    """Three groups of the fixture scenario in the store: (ids, {group: answers})."""
    store = SessionStore()
    ids = [play_script(store, group, with_reflections(answers, choice)).session_id
           for group, (answers, choice) in GROUPS.items()]
    store.close()
    return ids
