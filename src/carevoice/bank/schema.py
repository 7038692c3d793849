"""JSON Schema of bank files, for editors (YAML language servers) and CI."""

from __future__ import annotations

from typing import Any

from carevoice.bank.models import BankFile

__all__ = ["bank_json_schema"]


def bank_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that a bank file must satisfy."""
    schema = BankFile.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://carevoice.invalid/schema/bank.json"
    schema["title"] = "carevoice phrase bank"
    return schema
