"""Lint configuration: [tool.carevoice.lint] in pyproject.toml, prefixes, per-file ignores, severities, thresholds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carevoice.errors import ConfigError
from carevoice.lint import LintConfig, lint_paths, load_config
from carevoice.lint._config import config_from_table
from carevoice.lint._suppress import parse_suppressions

NEAR_DUP = """bank: t
display_name: T
channels: [x]
lint: {min_variants: 1}
phrases:
  any:
    acknowledge: [{id: a1, text: "Thanks for telling us about this."}]
    apologise: [{id: s1, text: "Sorry for the trouble."}]
    resolve:
      - {id: r1, text: "We are looking into it now."}
      - {id: r2, text: "We are looking into this now."}
    move_private: [{id: m1, text: "Send us a {{ channel.private }} and we will check your account."}]
"""


@pytest.mark.parametrize(("config", "code", "file", "enabled"), [
    (LintConfig(), "CV711", None, True),
    (LintConfig(), "CV903", None, False),  # opt-in
    (LintConfig(select=("CV9",)), "CV903", None, False),
    (LintConfig(select=("CV", "CV90")), "CV903", None, True),
    (LintConfig(select=("CV1", "CV9")), "CV711", None, False),
    (LintConfig(ignore=("CV7",)), "CV711", None, False),
    (LintConfig(select=("CV", "CV711"), ignore=("CV7",)), "CV711", None, True),  # the longer prefix wins
    (LintConfig(per_file_ignores={"legacy/*.yaml": ("CV71",)}), "CV711", "legacy/old.yaml", False),
    (LintConfig(per_file_ignores={"legacy/*.yaml": ("CV71",)}), "CV711", "new.yaml", True),
    (LintConfig(per_file_ignores={"old.yaml": ("CV71",)}), "CV711", "any/dir/old.yaml", False),
])
def test_enabled(config: LintConfig, code: str, file: str | None, enabled: bool) -> None:
    assert config.enabled(code, file) is enabled


def test_severity_override_by_longest_prefix() -> None:
    config = LintConfig(severity={"CV7": "info", "CV711": "error"})
    assert config.severity_of("CV711", "warning") == "error"
    assert config.severity_of("CV712", "warning") == "info"
    assert config.severity_of("CV301", "warning") == "warning"


def test_pyproject_is_found_and_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.carevoice.lint]\nselect = ["CV"]\nignore = ["CV5"]\nfail-on = "warning"\n'
        'min-variants = 3\nnear_duplicate_threshold = 85\nseverity = { CV711 = "error" }\n'
        'per-file-ignores = { "legacy-*.yaml" = ["CV9"] }\n', encoding="utf-8")
    sub = tmp_path / "phrasebanks"
    sub.mkdir()
    config = load_config(start=sub)
    assert config.fail_on == "warning"
    assert config.ignore == ("CV5",)
    assert config.thresholds == {"min_variants": 3.0, "near_duplicate_threshold": 85.0}
    assert config.severity_of("CV711", "warning") == "error"
    assert config.per_file_ignores == {"legacy-*.yaml": ("CV9",)}


def test_no_pyproject_means_defaults(tmp_path: Path) -> None:
    assert load_config(start=tmp_path) == LintConfig()


@pytest.mark.parametrize(("table", "words"), [
    ({"selct": ["CV"]}, "did you mean 'select'"),
    ({"select": "E501"}, "code prefixes"),
    ({"fail-on": "fatal"}, "unknown severity 'fatal'"),
    ({"severity": {"CV711": "loud"}}, "unknown severity 'loud'"),
    ({"min-variants": -2}, "non-negative number"),
    ({"min-variants": True}, "non-negative number"),
    ({"per-file-ignores": ["CV1"]}, "table of glob"),
])
def test_bad_settings_are_located_config_errors(table: dict[str, object], words: str) -> None:
    with pytest.raises(ConfigError) as info:
        config_from_table(table, "pyproject.toml")
    assert words in str(info.value)
    assert str(info.value).startswith("pyproject.toml: ")
    assert "tool.carevoice.lint." in str(info.value)


def test_invalid_toml_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.carevoice.lint\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(path)


def test_thresholds_apply_and_a_bank_file_overrides_them(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(NEAR_DUP, encoding="utf-8")
    assert [f.code for f in lint_paths([path]).findings] == ["CV711"]
    lenient = LintConfig(thresholds={"near_duplicate_threshold": 95.0})  # the pair scores 93.9
    assert lint_paths([path], config=lenient).findings == ()
    strict = LintConfig(thresholds={"min_variants": 3.0})
    assert {f.code for f in lint_paths([path], config=strict).findings} == {"CV711"}  # the bank's own setting wins
    path.write_text(NEAR_DUP.replace("lint: {min_variants: 1}\n", ""), encoding="utf-8")
    assert "CV911" in {f.code for f in lint_paths([path]).findings}  # default minimum 8
    assert "CV911" not in {f.code for f in lint_paths([path], config=LintConfig(
        thresholds={"min_variants": 1.0})).findings}
    own = "lint: {min_variants: 1, near_duplicate_threshold: 95}"
    path.write_text(NEAR_DUP.replace("lint: {min_variants: 1}", own), encoding="utf-8")
    assert lint_paths([path]).findings == ()


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["", "# a comment", "# carevoice is great"]), max_size=6))
def test_baseline_keys_do_not_depend_on_lines(tmp_path_factory: pytest.TempPathFactory, head: list[str]) -> None:
    folder = tmp_path_factory.mktemp("b")
    path = folder / "t.yaml"
    path.write_text(NEAR_DUP, encoding="utf-8")
    before = lint_paths([path]).findings
    path.write_text("".join(f"{line}\n" for line in head) + NEAR_DUP, encoding="utf-8")
    after = lint_paths([path]).findings
    assert [f.baseline_key for f in before] == [f.baseline_key for f in after]
    assert [f.line + len(head) for f in before] == [f.line for f in after]


@pytest.mark.parametrize(("line", "whole", "codes"), [
    ("x  # carevoice: noqa CV301", False, ("CV301",)),
    ("x  # carevoice: noqa: CV301, CV3", False, ("CV301", "CV3")),
    ("x  # carevoice: noqa", False, ()),
    ("# carevoice: noqa-file CV711 CV712", True, ("CV711", "CV712")),
    ("# CAREVOICE: NOQA cv301", False, ("CV301",)),
])
def test_suppression_comments(line: str, whole: bool, codes: tuple[str, ...]) -> None:
    (s,) = parse_suppressions(line, [])
    assert (s.whole_file, s.codes) == (whole, codes)


def test_a_noqa_inside_a_phrase_covers_its_lines() -> None:
    text = "a\nb  # carevoice: noqa CV3\nc\nd\n"
    (s,) = parse_suppressions(text, [(1, 3)])
    assert (s.first, s.last) == (1, 3)
