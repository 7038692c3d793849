"""Docs are tested: commands, rule codes and channels are documented; examples run; README == CI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

from carevoice.checks.channels import channel_ids
from carevoice.cli import COMMANDS
from carevoice.rules import all_rules

DOCS = ROOT / "docs"


def read(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_cli_reference(command: str) -> None:
    assert f"## carevoice {command}" in read("cli.md")


def test_every_rule_code_is_documented() -> None:
    rules_md = read("rules.md")
    missing = [r.code for r in all_rules() if r.code not in rules_md]
    assert not missing


def test_every_channel_is_documented() -> None:
    channels_md = read("channels.md")
    assert [c for c in channel_ids() if f"`{c}`" not in channels_md] == []


def _fenced(text: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", text, flags=re.S)


def test_readme_test_command_is_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = _fenced(readme, "sh")
    test_cmd = next(b.strip() for b in blocks if "pytest" in b)
    assert test_cmd in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_draft_command_uses_a_shipped_bank() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    cmd = next(b.strip() for b in _fenced(readme, "sh") if "carevoice draft" in b)
    brand = re.search(r"--brand (\S+)", cmd)
    assert brand is not None
    from carevoice.bank import shipped_dir

    assert (shipped_dir() / f"{brand.group(1)}.yaml").is_file()


@pytest.mark.parametrize("doc", ["README.md", "docs/getting-started.md", "docs/api.md", "docs/reading.md",
                                 "docs/team.md"])
def test_python_examples_run(doc: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # examples may write files (a history)
    for block in _fenced((ROOT / doc).read_text(encoding="utf-8"), "python"):
        exec(compile(block, doc, "exec"), {"print": lambda *a, **k: None})


def test_pre_commit_hooks_file_is_valid() -> None:
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and hooks
    for hook in hooks:
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["entry"].split()[0] == "carevoice" and hook["entry"].split()[1] in COMMANDS
        files = re.compile(hook["files"])
        assert files.search("phrasebanks/acme.yaml") and not files.search("docs/acme.md")


def test_pre_commit_recipe_names_a_rev_that_exists() -> None:
    import subprocess

    recipe = read("lint.md").split("# .pre-commit-config.yaml", 1)[1].split("```", 1)[0]
    rev = re.search(r"rev: (\S+)", recipe)
    assert rev is not None
    shallow = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--is-shallow-repository"],
                             capture_output=True, text=True, check=False)
    if shallow.returncode != 0 or shallow.stdout.strip() != "false":
        pytest.skip("not a full git checkout")
    known = subprocess.run(["git", "-C", str(ROOT), "cat-file", "-e", f"{rev.group(1)}^{{commit}}"],
                           capture_output=True, check=False)
    assert known.returncode == 0, f"rev {rev.group(1)} is neither a tag nor a commit of this repository"
