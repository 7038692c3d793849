"""Safe YAML loading that remembers where every value came from.

``load_marked`` composes the document with PyYAML's safe loader (no Python
tags), rejects duplicate keys, bounds alias expansion (no "billion laughs"),
and returns plain Python data plus a map from key path to 1-based
``(line, column)``.
"""

from __future__ import annotations

import math
from typing import Any

import yaml

from carevoice.errors import BankError

__all__ = ["MAX_NUMBER", "KeyPath", "Marks", "line_column", "load_marked", "path_str"]

KeyPath = tuple[str | int, ...]
Marks = dict[KeyPath, tuple[int, int]]

MAX_NODES = 200_000
"""Upper bound on values built from one file, aliases expanded: a bomb fails fast."""

MAX_NUMBER = 10**12
"""The largest number a bank may write (no setting needs more; huge integers are slow to use)."""


def line_column(text: str, index: int) -> tuple[int, int]:
    """1-based (line, column) of a character index in ``text``."""
    index = max(0, min(index, len(text)))
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def path_str(path: KeyPath) -> str:
    """Render a key path as ``phrases.app_bug.resolve[3].text``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_SAFE_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)
_STR_TAG = "tag:yaml.org,2002:str"


class _Builder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.marks: Marks = {}
        self.count = 0
        self.constructor = yaml.SafeLoader("")

    def error(self, node: yaml.Node, message: str, path: KeyPath, code: str = "CV102") -> BankError:
        mark = node.start_mark
        return BankError(
            message, file=self.file, line=mark.line + 1, column=mark.column + 1,
            key_path=path_str(path) or None, code=code,
        )

    def build(self, node: yaml.Node, path: KeyPath) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.error(node, f"document too large (over {MAX_NODES} values, aliases expanded)", path)
        self.marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if node.tag == _STR_TAG and type(node) is yaml.ScalarNode:  # most values: a string is its own value
            return node.value
        if node.tag not in _SAFE_TAGS:
            raise self.error(node, f"unsupported YAML tag {node.tag!r}: banks are plain data", path, code="CV100")
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise self.error(key_node, "mapping keys must be plain strings", path)
                key = str(_scalar(key_node, self.constructor))
                if key == "<<":
                    raise self.error(key_node, "merge keys ('<<') are not supported in banks", path)
                if key in out:
                    raise self.error(key_node, f"duplicate key {key!r}", (*path, key), code="CV103")
                here: KeyPath = (*path, key)
                self.marks[here] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                out[key] = self.build(value_node, here)
                # the value's own position, for block scalars and templates
                self.marks[here + ("__value__",)] = (  # noqa: RUF005 (mypy reads (*x, y) in [] as 3.11 syntax)
                    value_node.start_mark.line + 1,
                    value_node.start_mark.column + 1,
                )
                if isinstance(value_node, yaml.ScalarNode) and value_node.style in ("|", ">"):
                    self.marks[here + ("__block__",)] = (1, 0)  # noqa: RUF005
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        try:
            value = _scalar(node, self.constructor)
        except (ValueError, OverflowError) as exc:  # 5,000-digit integers, impossible dates
            raise self.error(node, f"unreadable value: {str(exc).split(';')[0]}", path, code="CV105") from None
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and abs(value) > MAX_NUMBER:
            raise self.error(node, f"number too large (at most {MAX_NUMBER:,})", path, code="CV105")
        if isinstance(value, float) and not (math.isfinite(value) and abs(value) <= MAX_NUMBER):
            raise self.error(node, f"number out of range (finite, at most {MAX_NUMBER:,})", path, code="CV105")
        return value


_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _scalar(node: yaml.Node, constructor: yaml.SafeLoader) -> Any:
    if node.tag == _STR_TAG and isinstance(node, yaml.ScalarNode):
        return node.value  # what the safe constructor makes of a string scalar (construct_yaml_str), directly
    return constructor.construct_object(node, deep=True)


def load_marked(text: str, file: str) -> tuple[Any, Marks]:
    """Parse one YAML document safely; return its data and the marks of every key path."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise BankError(f"invalid YAML: {problem}", file=file, line=line, column=column, code="CV100") from None
    except yaml.reader.ReaderError as exc:  # a NUL or another control character: locate it in the text
        line, column = line_column(text, exc.position)
        what = f"character {exc.character!r}" if isinstance(exc.character, str) else "character"
        raise BankError(f"invalid YAML: unacceptable {what} ({exc.reason})", file=file, line=line, column=column,
                        code="CV100") from None
    except yaml.YAMLError as exc:
        raise BankError(f"invalid YAML: {exc}", file=file, code="CV100") from None
    if node is None:
        return None, {}
    builder = _Builder(file)
    try:
        data = builder.build(node, ())
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        raise BankError(
            f"unsupported YAML value: {exc.problem}", file=file,
            line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None, code="CV100",
        ) from None
    return data, builder.marks
