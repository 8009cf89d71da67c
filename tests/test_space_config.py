"""The strict config reader shared by the space, FL-NAS, co-design and batch configs."""
import pytest

from h2h.config import Section, load_config
from h2h.errors import ConfigError


def test_types_defaults_and_bounds():
    s = Section({"n": 3, "x": 2, "flag": True, "name": "a"}, file="c.yaml")
    assert s.take("n", int, low=1) == 3
    assert s.take("x", float) == 2.0 and isinstance(s.take("x", float), float)  # an int is a number
    assert s.take("missing", int, default=7) == 7
    with pytest.raises(ConfigError, match=r"c.yaml: flag: expected an integer, got True"):
        s.take("flag", int)  # YAML true is not 1
    with pytest.raises(ConfigError, match="n: must be >= 5, got 3"):
        s.take("n", int, low=5)
    with pytest.raises(ConfigError, match="name: unknown option 'a'; expected one of: b, c"):
        s.take("name", str, options=("b", "c"))
    with pytest.raises(ConfigError, match="missing: is required"):
        Section({}, file="c.yaml").take("missing", int)


def test_unknown_keys_are_refused_with_their_path(tmp_path):
    cfg = tmp_path / "run.yaml"
    cfg.write_text("budget: 3\nspace:\n  hardware:\n    pe_cont: 64\n")
    top = load_config(cfg)
    assert top.take("budget", int) == 3
    hw = top.section("space").section("hardware")
    hw.take("pe_count", int, default=64)
    with pytest.raises(ConfigError) as e:
        hw.done()
    assert str(e.value) == f"{cfg}:4: space.hardware.pe_cont: unknown key; expected one of: pe_count"


def test_paths_resolve_against_the_config_folder(tmp_path):
    (tmp_path / "sys.yaml").write_text("x: 1\n")
    cfg = tmp_path / "run.yaml"
    cfg.write_text("system: sys.yaml\nother: nope.yaml\n")
    s = load_config(cfg)
    assert s.take_path("system", kind="file") == tmp_path / "sys.yaml"
    with pytest.raises(ConfigError, match=r"run.yaml:2: other: no such file: nope.yaml"):
        s.take_path("other")
    assert s.take_path("absent", required=False) is None


def test_malformed_yaml_is_one_located_line(tmp_path):
    cfg = tmp_path / "bad.yaml"
    cfg.write_text("a: [1, 2\nb: 3\n")
    with pytest.raises(ConfigError) as e:
        load_config(cfg)
    assert str(e.value).startswith(str(cfg)) and "\n" not in str(e.value)
