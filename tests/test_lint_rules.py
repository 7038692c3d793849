"""Every bank-kind rule (CV1xx, CV71x, CV9xx): its ``flags`` snippets are reported, its ``passes`` are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from carevoice.bank import load_bank
from carevoice.errors import BankError
from carevoice.lint import LintConfig, lint_paths
from carevoice.rules import Rule, all_rules

BANK_RULES = [r for r in all_rules() if r.kind == "bank"]
ALL = LintConfig(select=("CV", "CV903"))  # opt-in rules too


def codes_for(rule: Rule, snippet: str, tmp_path: Path) -> set[str]:
    if rule.code == "CV101":  # about bank names, not files
        try:
            load_bank(snippet)
        except BankError as exc:
            return {exc.code}
        return set()
    path = tmp_path / "t.yaml"
    path.write_text(snippet, encoding="utf-8")
    return {f.code for f in lint_paths([path], config=ALL).findings}


def test_bank_rules_are_in_the_linter_families() -> None:
    codes = [r.code for r in BANK_RULES]
    assert codes
    assert all(c.startswith("CV1") or "CV710" < c < "CV800" or c.startswith("CV9") for c in codes)


TABLE = [(r.code, i, True) for r in BANK_RULES for i in range(len(r.flags))] + [
    (r.code, i, False) for r in BANK_RULES for i in range(len(r.passes))
]


@pytest.mark.parametrize(("code", "index", "flags"), TABLE,
                         ids=[f"{c}-{'flag' if f else 'pass'}{i}" for c, i, f in TABLE])
def test_bank_rule_examples(code: str, index: int, flags: bool, tmp_path: Path) -> None:
    rule = next(r for r in BANK_RULES if r.code == code)
    snippet = (rule.flags if flags else rule.passes)[index]
    found = codes_for(rule, snippet, tmp_path)
    if flags:
        assert code in found, f"{code} should flag:\n{snippet}\nfound {sorted(found)}"
    else:
        assert code not in found, f"{code} should pass:\n{snippet}\nfound {sorted(found)}"


def test_every_code_the_loader_raises_is_registered() -> None:
    import re

    src = Path(__file__).resolve().parent.parent / "src" / "carevoice"
    raised = set()
    for name in ("bank/loader.py", "bank/_yaml.py", "bank/registry.py", "render.py", "errors.py"):
        raised |= set(re.findall(r"CV1[0-9]{2}", (src / name).read_text(encoding="utf-8")))
    assert raised <= {r.code for r in BANK_RULES}
