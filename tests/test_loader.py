"""The hardened loader: refusals that golden YAML files cannot express, and fuzzing.

Only our own ``EscapeboxError`` may leave the loader, whatever bytes come in.
"""

import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from escapebox.problems import EscapeboxError
from escapebox.scenario.loader import load_scenario, load_scenario_text
from escapebox.scenario.yamlsafe import MAX_FILE_BYTES, parse_yaml


def codes(raw: bytes) -> list[str]:
    with pytest.raises(EscapeboxError) as caught:
        load_scenario_text(raw)
    return [p.code for p in caught.value.problems]


def test_yaml_11_surprises_stay_text():
    data = parse_yaml(b"a: 0412\nb: NO\nc: 12:30\nd: 1e3\ne: ~\n", "x").data
    assert data == {"a": "0412", "b": "NO", "c": "12:30", "d": "1e3", "e": None}


def test_bom_is_accepted():
    assert parse_yaml(b"\xef\xbb\xbfa: 1\n", "x").data == {"a": "1"}


@pytest.mark.parametrize("raw,code", [
    (b"a: 1\n" + b"b: " + b"x" * (MAX_FILE_BYTES), "yaml.too_big"),
    (b"a: " + b"[" * 40 + b"]" * 40, "yaml.too_deep"),
    (b"a: " + b"x" * 30000, "yaml.text_too_long"),
    (b"a: 1\n---\nb: 2\n", "yaml.many_documents"),
    (b"? [a, b]\n: c\n", "yaml.complex_key"),
    (b"a: *nergens\n", "yaml.alias"),
    (b"- 1\n- 2\n", "load.not_a_mapping"),
])
def test_refusals(raw, code):
    assert codes(raw)[0] == code


def test_too_many_nodes_is_refused_quickly():
    raw = b"a: [" + b"1," * 450_000 + b"1]"
    raw = raw[:MAX_FILE_BYTES - 10] + b"]" if len(raw) > MAX_FILE_BYTES else raw
    assert codes(raw)[0] in ("yaml.too_many_nodes", "yaml.syntax", "yaml.too_big")


def test_missing_file_and_folder_without_scenario(tmp_path):
    with pytest.raises(EscapeboxError) as caught:
        load_scenario(tmp_path / "weg.yaml")
    assert caught.value.problems[0].code == "yaml.not_found"
    with pytest.raises(EscapeboxError) as caught:
        load_scenario(tmp_path)
    assert caught.value.problems[0].code == "load.no_scenario_file"


@pytest.mark.parametrize("nesting", ["b'a: ' + b'[' * 100000", "b'a: ' + b'{a: ' * 50000", "b'- ' * 100000"])
def test_deep_brackets_do_not_crash_the_interpreter(nesting):
    """What the trainer sees, whichever libyaml is installed: newer ones stop deep nesting themselves."""
    code = ("from escapebox.scenario.loader import load_scenario_text\n"
            "from escapebox.problems import EscapeboxError\n"
            "from escapebox.i18n import Translator\n"
            f"try:\n    load_scenario_text({nesting}, name='diep.yaml')\n"
            "except EscapeboxError as e:\n    print(e.render(Translator('nl')))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert re.match(r"diep\.yaml:1:\d+: ", result.stdout), result.stdout
    assert "te diep genest" in result.stdout and "inspringing" in result.stdout, result.stdout


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_only_raise_our_error(raw):
    try:
        load_scenario_text(raw)
    except EscapeboxError:
        pass


YAMLISH = st.recursive(
    st.one_of(st.text(max_size=20), st.sampled_from(["0412", "~", "yes", "[", "{", "&a x", "*a", "!!str", "- "])),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)),
    max_leaves=20,
)


def _render(value, depth=0):
    pad = "  " * depth
    if isinstance(value, dict):
        return "".join(f"{pad}{k}:\n{_render(v, depth + 1)}" for k, v in value.items()) or f"{pad}{{}}\n"
    if isinstance(value, list):
        return "".join(f"{pad}-\n{_render(v, depth + 1)}" for v in value) or f"{pad}[]\n"
    return f"{pad}{value}\n"


@settings(max_examples=300, deadline=None)
@given(YAMLISH)
def test_yaml_shaped_input_only_raises_our_error(value):
    text = "format: 1\nid: x\n" + _render({"rooms": value})
    try:
        load_scenario_text(text)
    except EscapeboxError:
        pass


def test_a_bare_name_finds_a_bundled_scenario(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert load_scenario("tutorial").scenario.id
    with pytest.raises(EscapeboxError):
        load_scenario("bestaat-niet")
