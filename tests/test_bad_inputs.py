"""Every bad file gets a clear message and exit code 1, quickly and in bounded memory.

Each case runs the real command in a subprocess (so a segfault or a hang
would show), within 2 seconds of work and 300 MB of memory, and the output
must be our message — never a traceback.
"""

import os
import subprocess
import sys
import time

import pytest

from tests.bad_inputs import corpus

LIMIT_SECONDS = 2.0
LIMIT_MB = 300
STARTUP_ALLOWANCE = 1.5  # interpreter + imports of a cold subprocess on a busy 2-core machine


# Runs the CLI and reports its own peak memory on a last line, so each case is measured alone.
# VmHWM belongs to the new program; ru_maxrss would inherit the (large) pytest parent's figure.
WRAPPER = (
    "import sys\n"
    "from escapebox.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "peak = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0]\n"
    "print('PEAK_KB', peak, file=sys.stderr)\n"
    "raise SystemExit(code)\n"
)


def run_cli(*args, cwd=None, env=None):
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", WRAPPER, *args], capture_output=True, text=True,
                            timeout=60, cwd=cwd, stdin=subprocess.DEVNULL,
                            env=None if env is None else {**os.environ, **env})
    return result, time.perf_counter() - start


def check(result, seconds):
    lines = result.stderr.rstrip().split("\n")
    assert lines[-1].startswith("PEAK_KB"), result.stderr
    peak_mb = int(lines[-1].split()[1]) / 1024
    output = result.stdout + "\n".join(lines[:-1])
    assert result.returncode == 1, output
    assert "Traceback" not in output and "onverwachts" not in output, output
    assert output.strip(), "no message"
    assert seconds < LIMIT_SECONDS + STARTUP_ALLOWANCE, seconds
    assert peak_mb < LIMIT_MB, peak_mb


@pytest.mark.parametrize("name,data", corpus.scenario_cases(), ids=[c[0] for c in corpus.scenario_cases()])
def test_bad_scenario_files(tmp_path, name, data):
    path = corpus.write(tmp_path, f"{name}.yaml", data)
    result, seconds = run_cli("validate", str(path))
    check(result, seconds)
    assert str(path) in result.stderr


@pytest.mark.parametrize("name,data", corpus.session_cases(), ids=[c[0] for c in corpus.session_cases()])
def test_bad_session_files(tmp_path, name, data):
    path = corpus.write(tmp_path, f"{name}.json", data)
    result, seconds = run_cli("sessions", "import", str(path))
    check(result, seconds)


@pytest.mark.parametrize("name,data", corpus.pack_cases(), ids=[c[0] for c in corpus.pack_cases()])
def test_bad_pack_files(tmp_path, name, data):
    path = corpus.write(tmp_path, f"{name}.escapebox", data)
    result, seconds = run_cli("validate", str(path))
    check(result, seconds)


@pytest.mark.parametrize("name,asset,data", corpus.media_cases(), ids=[c[0] for c in corpus.media_cases()])
def test_bad_images(tmp_path, name, asset, data):
    corpus.write(tmp_path, asset, data)
    corpus.write(tmp_path, "scenario.yaml", corpus.media_scenario(asset))
    result, seconds = run_cli("validate", str(tmp_path))
    check(result, seconds)
    assert asset in result.stderr


LYING = corpus.lying_pictures()


@pytest.mark.parametrize("name,asset,code,data", LYING, ids=[c[0] for c in LYING])
def test_lying_pictures(tmp_path, name, asset, code, data):
    """A scenario that is otherwise in order: ``validate`` refuses the picture, with what it really asks for."""
    from escapebox.i18n import Translator
    from escapebox.scenario.mediacheck import MediaProblem, inspect_image

    corpus.write(tmp_path, asset, data)
    corpus.write(tmp_path, "scenario.yaml", corpus.playable_scenario(asset))
    result, seconds = run_cli("validate", str(tmp_path))
    check(result, seconds)
    with pytest.raises(MediaProblem) as refused:
        inspect_image(tmp_path / asset)
    problem = refused.value
    expected = Translator("nl")(problem.code, **problem.params)
    assert problem.code == code
    assert f"'{asset}' is niet te gebruiken: {expected}" in result.stderr
    assert "niet in orde (1 fout, 0 waarschuwingen)" in result.stderr


@pytest.mark.parametrize("name,asset,code,data", LYING, ids=[c[0] for c in LYING])
def test_lying_pictures_packed_and_played(tmp_path, name, asset, code, data):
    """Packed without the check and played to the end: the picture is refused, the game goes on."""
    from escapebox.pack.open import open_scenario
    from escapebox.pack.writer import build_pack, write_pack

    corpus.write(tmp_path / "s", asset, data)
    corpus.write(tmp_path / "s", "scenario.yaml", corpus.playable_scenario(asset))
    pack = tmp_path / "x.escapebox"
    password = "trainerswachtwoord voor de test"     # the auto-player needs the answers: the trainer's view
    write_pack(build_pack(open_scenario(tmp_path / "s"), password=password), pack)
    result, seconds = run_cli("play", str(pack), "--autoplay", "--no-save",
                              env={"ESCAPEBOX_TRAINER_PASSWORD": password})
    lines = result.stderr.rstrip().split("\n")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "not showing image" in result.stderr and f"{asset}: {code}" in result.stderr, result.stderr
    assert "ending=uit" in result.stdout                               # played to the end (the summary's fixed part)
    assert seconds < LIMIT_SECONDS + STARTUP_ALLOWANCE, seconds
    assert int(lines[-1].split()[1]) / 1024 < LIMIT_MB


@pytest.mark.parametrize("name,data", corpus.theme_cases(), ids=[c[0] for c in corpus.theme_cases()])
def test_bad_theme_files(tmp_path, name, data):
    """``play --theme`` refuses a bad theme before any window opens (autoplay: never waits for a person)."""
    path = corpus.write(tmp_path, f"{name}.yaml", data)
    result, seconds = run_cli("play", "minimaal", "--theme", str(path), "--autoplay", "--fast", "--no-save")
    check(result, seconds)


@pytest.mark.parametrize("name,statements", corpus.save_cases(), ids=[c[0] for c in corpus.save_cases()])
def test_damaged_saves(tmp_path, monkeypatch, name, statements):
    """A damaged save: every command says which session (or the file), the other game stays usable."""
    data = tmp_path / "data"
    good, bad = corpus.write_save(data, statements)
    monkeypatch.setenv("ESCAPEBOX_DATA_DIR", str(data))
    everything_lost = name == "events_table_dropped"
    named = str(data / "sessions.sqlite3") if name == "version_drie" else bad

    listed, seconds = run_cli("sessions", "list")
    check_message(listed, seconds, code=0)
    assert good in listed.stdout and bad in listed.stdout            # both still listed
    assert named in listed.stderr

    report = tmp_path / "verslag.html"
    made, seconds = run_cli("report", "--all", "-o", str(report))
    check_message(made, seconds, code=1 if everything_lost else 0)
    assert named in made.stderr or name == "version_drie"
    if not everything_lost:                                           # the other group's report is all there
        assert "Goed" in report.read_text(encoding="utf-8")

    exported, seconds = run_cli("sessions", "export", good, "-o", str(tmp_path / "goed.json"))
    check_message(exported, seconds, code=1 if everything_lost else 0)


def check_message(result, seconds, code: int):
    lines = result.stderr.rstrip().split("\n")
    assert lines[-1].startswith("PEAK_KB"), result.stderr
    output = result.stdout + "\n".join(lines[:-1])
    assert result.returncode == code, output
    assert "Traceback" not in output and "onverwachts" not in output, output
    assert seconds < LIMIT_SECONDS + STARTUP_ALLOWANCE, seconds
    assert int(lines[-1].split()[1]) / 1024 < LIMIT_MB
