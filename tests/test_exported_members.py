"""The public surface: a sorted __all__, every name importable and documented."""

from __future__ import annotations

import carevoice


def test_all_is_sorted_and_importable() -> None:
    assert carevoice.__all__ == sorted(carevoice.__all__)
    for name in carevoice.__all__:
        obj = getattr(carevoice, name)
        assert obj.__doc__, f"{name} has no docstring"


def test_unknown_attribute_is_an_attribute_error() -> None:
    try:
        carevoice.nosuchname  # noqa: B018
    except AttributeError as exc:
        assert "nosuchname" in str(exc)
    else:
        raise AssertionError("expected AttributeError")


def test_version_command_does_not_import_the_heavy_modules() -> None:
    import subprocess
    import sys

    code = ("import sys; from carevoice.cli import main; main(['--version']); "
            "print(sorted(m for m in ('pydantic', 'jinja2', 'textstat', 'rapidfuzz', 'yaml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"
