"""``escapebox bundle``: the frozen app, its portable mode and an organisation's edition.

The quick tests check the pieces (the launcher's arguments, where a frozen app keeps its files,
the edition file, the checks at bundling). The tests marked ``bundle`` build the real one-folder
app with PyInstaller (about half a minute of CPU on two cores, once per run) and run it the way a
trainer's laptop does: no Python on PATH, no PYTHONHOME/PYTHONPATH, SDL's dummy drivers. Run them
with ``python -m pytest tests/test_bundle.py -m bundle`` after ``pip install ".[build]"``.
``ESCAPEBOX_TEST_BUNDLE=DIR`` reuses a folder built earlier by ``escapebox bundle -o DIR``
while working on the tests themselves.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from escapebox import paths
from escapebox.core.store import DB_NAME
from escapebox.bundle.build import BundleRequest, _is_replaceable, build_bundle, launcher_name
from escapebox.bundle.edition import README, EditionRequest, stage_edition, write_readme
from escapebox.bundle.entry import launcher_arguments
from escapebox.i18n import Translator
from escapebox.privacy import retention_days, write_crash_log
from escapebox.problems import EscapeboxError

ROOT = Path(__file__).resolve().parents[1]
TUTORIAL = ROOT / "scenarios" / "tutorial"
EXAMPLE_THEME = ROOT / "assets" / "themes" / "zorggroep-voorbeeld" / "theme.yaml"
EDITION_NAME = "Escapebox Zorggroep De Meander"


# ----- the launcher and the frozen app's folders (quick) ---------------------------------------
def test_the_launcher_opens_the_picker_without_arguments():
    assert launcher_arguments([]) == (["play"], False)
    assert launcher_arguments(["validate", "x"]) == (["validate", "x"], False)


def test_portable_is_taken_off_the_command_line_anywhere():
    assert launcher_arguments(["--portable"]) == (["play"], True)
    assert launcher_arguments(["play", "tutorial", "--portable"]) == (["play", "tutorial"], True)


def test_a_scenario_opened_by_double_click_is_played(tmp_path):
    pack = tmp_path / "inwerken.escapebox"
    pack.write_bytes(b"")
    assert launcher_arguments([str(pack)]) == (["play", str(pack)], False)
    assert launcher_arguments([str(TUTORIAL), "--portable"]) == (["play", str(TUTORIAL)], True)
    assert launcher_arguments(["sessions"]) == (["sessions"], False)  # a command, not a file


@pytest.fixture
def frozen_app(tmp_path, monkeypatch):
    """This process dressed as a frozen launcher in ``tmp_path/app``, with no data folder chosen."""
    app = tmp_path / "app"
    app.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app / "Escapebox"))
    monkeypatch.delenv(paths.DATA_DIR_VARIABLE, raising=False)
    monkeypatch.delenv(paths.PORTABLE_VARIABLE, raising=False)
    return app


def test_a_frozen_app_uses_the_user_folders_unless_portable(frozen_app):
    assert paths.portable_dir() is None
    assert not paths.data_dir().is_relative_to(frozen_app)


@pytest.mark.parametrize("how", ["marker", "option"])
def test_portable_mode_keeps_every_written_file_beside_the_launcher(frozen_app, monkeypatch, how):
    if how == "marker":
        (frozen_app / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    else:
        monkeypatch.setenv(paths.PORTABLE_VARIABLE, "1")
    own = frozen_app / paths.PORTABLE_FOLDER
    assert paths.data_dir() == own
    assert paths.cache_dir() == own / "cache"
    assert paths.log_dir() == own / "logs"
    assert paths.user_scenario_dirs() == [own / "scenarios"]


def test_portable_mode_keeps_the_privacy_rules(frozen_app):
    """The retention setting is read, and crash logs are written, in the portable folder."""
    (frozen_app / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    own = frozen_app / paths.PORTABLE_FOLDER
    own.mkdir()
    (own / "settings.toml").write_text("retention_days = 7\n", encoding="utf-8")
    assert retention_days() == 7
    assert write_crash_log("boom").is_relative_to(own)


def test_an_unfrozen_run_ignores_a_portable_request(monkeypatch):
    monkeypatch.setenv(paths.PORTABLE_VARIABLE, "1")
    assert paths.portable_dir() is None


# ----- an organisation's edition (quick) -------------------------------------------------------
@pytest.fixture
def edition_at(tmp_path, monkeypatch):
    """Stage an edition into tmp_path and point :func:`paths.edition` at it."""
    folder = tmp_path / "edition"
    monkeypatch.setattr(paths, "edition_dir", lambda: folder)
    paths.edition.cache_clear()
    yield folder
    paths.edition.cache_clear()


def test_an_edition_names_its_theme_and_puts_its_scenarios_first(edition_at):
    request = EditionRequest(name=EDITION_NAME, theme=EXAMPLE_THEME, scenarios=[TUTORIAL])
    stage_edition(request, edition_at)
    found = paths.edition()
    assert found.name == EDITION_NAME
    assert found.theme is not None and found.theme.is_file() and (found.theme.parent / "logo.svg").is_file()
    first, bundled = paths.scenario_sources()[0]
    assert first == edition_at / "scenarios" / "01-tutorial" and bundled


def test_edition_scenarios_keep_the_order_of_the_command_line(edition_at):
    minimal = ROOT / "scenarios" / "minimaal"
    stage_edition(EditionRequest(scenarios=[TUTORIAL, minimal]), edition_at)
    names = [p.name for p, _ in paths.scenario_sources()]
    assert names[:2] == ["01-tutorial", "02-minimaal"]
    assert "tutorial" not in names and "minimaal" not in names  # the edition's copies stand for them
    assert "zij-instromer" in names


def test_a_plain_or_damaged_edition_file_means_no_edition(edition_at):
    assert paths.edition() == paths.Edition()
    edition_at.mkdir()
    (edition_at / paths.EDITION_FILE).write_text("{niet af", encoding="utf-8")
    paths.edition.cache_clear()
    assert paths.edition() == paths.Edition()


def test_a_theme_that_fails_its_contrast_check_refuses_to_bundle(tmp_path):
    theme = tmp_path / "grijs.yaml"
    theme.write_text('theme_format: 1\nname: Grijs\nbased_on: default\n'
                     'colours:\n  background: "#FFFFFF"\n  text: "#DDDDDD"\n', encoding="utf-8")
    with pytest.raises(EscapeboxError) as refused:
        stage_edition(EditionRequest(theme=theme), tmp_path / "edition")
    message = refused.value.render(Translator("nl"))
    assert "te weinig contrast" in message
    assert not (tmp_path / "edition").exists()


def test_the_bundle_command_refuses_a_failing_theme_in_the_trainers_words(tmp_path, capsys):
    from escapebox.cli import main
    theme = tmp_path / "grijs.yaml"
    theme.write_text('theme_format: 1\nname: Grijs\nbased_on: default\n'
                     'colours:\n  background: "#FFFFFF"\n  text: "#DDDDDD"\n', encoding="utf-8")
    assert main(["bundle", "-o", str(tmp_path / "uit"), "--theme", str(theme)]) == 1
    said = capsys.readouterr()
    assert "te weinig contrast tussen text en background" in said.err
    assert "gebouwd" not in said.out and not (tmp_path / "uit").exists()


def test_the_bundle_command_will_not_overwrite_someones_files(tmp_path, capsys):
    from escapebox.cli import main
    (tmp_path / "brief.docx").write_text("", encoding="utf-8")
    assert main(["bundle", "-o", str(tmp_path)]) == 1
    assert "geen eerdere Escapebox-map" in capsys.readouterr().err
    assert (tmp_path / "brief.docx").exists()


def test_a_scenario_with_errors_refuses_to_bundle(tmp_path):
    broken = tmp_path / "kapot"
    broken.mkdir()
    (broken / "scenario.yaml").write_text("format: 1\nid: kapot\n", encoding="utf-8")
    with pytest.raises(EscapeboxError):
        stage_edition(EditionRequest(scenarios=[broken]), tmp_path / "edition")


def test_the_readme_says_how_to_start_where_saves_are_and_how_to_remove(tmp_path):
    text = write_readme(tmp_path, EditionRequest(name=EDITION_NAME), "Escapebox.exe").read_text(encoding="utf-8")
    assert text.startswith(EDITION_NAME + "\n" + "=" * len(EDITION_NAME))
    for words in ("Dubbelklik op \"Escapebox.exe\"", "%LOCALAPPDATA%", "portable.txt", "Verwijderen"):
        assert words in text


def test_only_an_empty_folder_or_an_earlier_bundle_is_overwritten(tmp_path):
    assert _is_replaceable(tmp_path)
    (tmp_path / "werk.docx").write_text("", encoding="utf-8")
    assert not _is_replaceable(tmp_path)
    earlier = tmp_path / "oud"
    (earlier / "_internal").mkdir(parents=True)
    (earlier / launcher_name()).write_text("", encoding="utf-8")
    assert _is_replaceable(earlier)


# ----- the real frozen app (marker: bundle) ----------------------------------------------------
def _need_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("the bundle tests build with PyInstaller: pip install -e \".[build]\"")


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Path:
    reuse = os.environ.get("ESCAPEBOX_TEST_BUNDLE")
    if reuse:
        return Path(reuse)
    _need_pyinstaller()
    out = tmp_path_factory.mktemp("bundle") / "Escapebox"
    build_bundle(BundleRequest(out=out, zip=True))
    return out


def no_python_path(tmp: Path) -> str:
    """A PATH with everything of /usr/bin and /bin except Python and pip."""
    folder = tmp / "bin-without-python"
    folder.mkdir(exist_ok=True)
    for system in (Path("/usr/bin"), Path("/bin")):
        for tool in system.iterdir() if system.is_dir() else ():
            if not tool.name.startswith(("python", "pip")) and not (folder / tool.name).exists():
                (folder / tool.name).symlink_to(tool)
    return str(folder)


def laptop_env(tmp: Path, **extra: str) -> dict[str, str]:
    """A trainer's laptop: no Python anywhere, a home of its own, XDG folders inside it."""
    home = tmp / "home"
    env = {"PATH": no_python_path(tmp), "HOME": str(home), "LANG": "C.UTF-8",
           "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
        env[name] = str(home / name.lower())
    env.update(extra)
    return env


def launch(bundle: Path, args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(bundle / launcher_name()), *args], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def exported_tutorial_session(tmp: Path) -> Path:
    """A saved session of the tutorial, exported by the package under test, for the frozen app to
    import and list."""
    from escapebox.core.clock import ManualClock
    from escapebox.core.exchange import write_export
    from escapebox.core.session import GameSession
    from escapebox.core.store import SessionStore
    from escapebox.scenario.loader import load_scenario
    store = SessionStore(tmp / "maker")
    session = GameSession.start(load_scenario(TUTORIAL), ManualClock(), store, group="Bundel")
    path = tmp / "sessie.json"
    write_export(store, session.session_id, path)
    store.close()
    return path


def files_under(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")} if folder.exists() else set()


@pytest.mark.bundle
def test_the_frozen_app_plays_the_tutorial_with_no_python_and_saves_it(bundle, tmp_path):
    env = laptop_env(tmp_path, ESCAPEBOX_DATA_DIR=str(tmp_path / "data"))
    played = launch(bundle, ["play", "tutorial", "--autoplay", "--save"], env, tmp_path)
    assert played.returncode == 0, played.stderr
    assert "ending 'klaar'" in played.stdout
    assert "default font" not in played.stderr  # every text in the bundled fonts
    assert (tmp_path / "data" / DB_NAME).is_file()
    listed = launch(bundle, ["sessions", "list"], env, tmp_path)
    assert listed.returncode == 0 and "tutorial" in listed.stdout, listed.stdout + listed.stderr
    assert "  ja  " in listed.stdout  # played to its end


@pytest.mark.bundle
def test_the_frozen_app_imports_a_session_saved_elsewhere(bundle, tmp_path):
    env = laptop_env(tmp_path, ESCAPEBOX_DATA_DIR=str(tmp_path / "data"))
    imported = launch(bundle, ["sessions", "import", str(exported_tutorial_session(tmp_path))], env, tmp_path)
    assert imported.returncode == 0, imported.stderr
    listed = launch(bundle, ["sessions", "list"], env, tmp_path)
    assert listed.returncode == 0 and "tutorial  Bundel" in listed.stdout, listed.stdout + listed.stderr


@pytest.mark.bundle
def test_the_frozen_app_runs_the_trainers_commands(bundle, tmp_path):
    env = laptop_env(tmp_path)
    checked = launch(bundle, ["validate", "tutorial"], env, tmp_path)
    assert checked.returncode == 0 and "0 fouten" in checked.stdout, checked.stdout + checked.stderr
    helped = launch(bundle, ["--help"], env, tmp_path)
    assert helped.returncode == 0 and "bundle" in helped.stdout


@pytest.mark.bundle
@pytest.mark.parametrize("how", ["option", "marker"])
def test_portable_mode_leaves_nothing_in_the_xdg_folders(bundle, tmp_path, how):
    env = laptop_env(tmp_path)
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
        Path(env[name]).mkdir(parents=True)
    home = Path(env["HOME"])
    (home / "Documents").mkdir()
    before = files_under(home)
    marker = bundle / paths.PORTABLE_MARKER
    options = ["--portable"] if how == "option" else []
    if how == "marker":
        marker.write_text("", encoding="utf-8")
    own = bundle / paths.PORTABLE_FOLDER
    try:
        played = launch(bundle, [*options, "play", "tutorial", "--autoplay", "--save"], env, tmp_path)
        assert played.returncode == 0, played.stderr
        session = exported_tutorial_session(tmp_path)
        imported = launch(bundle, [*options, "sessions", "import", str(session)], env, tmp_path)
        assert imported.returncode == 0, imported.stderr
        assert files_under(home) == before
        assert (own / DB_NAME).is_file() and (own / "cache").is_dir()
    finally:
        marker.unlink(missing_ok=True)
        shutil.rmtree(own, ignore_errors=True)


@pytest.mark.bundle
def test_the_bundle_carries_no_developer_tools(bundle):
    """The test venv has mypy and hypothesis, which pydantic's plugins would drag in."""
    inside = {entry.name for entry in (bundle / "_internal").iterdir()}
    assert not inside & {"mypy", "hypothesis", "pytest", "_pytest", "tkinter"}
    assert {"escapebox", "pygame"} <= inside


@pytest.mark.bundle
def test_the_zip_holds_the_one_folder_with_a_runnable_launcher(bundle):
    archive = bundle.with_suffix(".zip")
    if not archive.is_file():
        pytest.skip("ESCAPEBOX_TEST_BUNDLE points at a folder built without --zip")
    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
        launcher = opened.getinfo(f"{bundle.name}/{launcher_name()}")
    assert all(name.startswith(bundle.name + "/") for name in names)
    assert launcher.external_attr >> 16 & 0o100, "the launcher must stay executable after unpacking"
    assert f"{bundle.name}/{README}" in names


@pytest.mark.bundle
def test_a_branded_bundle_starts_with_its_own_name_theme_and_scenarios(tmp_path):
    _need_pyinstaller()
    out = tmp_path / "Meander"
    request = BundleRequest(out=out, edition=EditionRequest(name=EDITION_NAME, theme=EXAMPLE_THEME,
                                                             scenarios=[TUTORIAL]))
    build_bundle(request)
    description = json.loads((out / "_internal" / "escapebox" / "data" / "edition" / paths.EDITION_FILE)
                             .read_text(encoding="utf-8"))
    assert description == {"name": EDITION_NAME, "theme": "theme/theme.yaml", "scenarios": "scenarios",
                           "replaces": ["tutorial"]}
    assert EDITION_NAME in (out / README).read_text(encoding="utf-8")
    env = laptop_env(tmp_path, ESCAPEBOX_DATA_DIR=str(tmp_path / "data"))
    own = out / "_internal" / "escapebox" / "data" / "edition" / "scenarios" / "01-tutorial"
    played = launch(out, ["play", str(own), "--autoplay"], env, tmp_path)
    assert played.returncode == 0, played.stderr
