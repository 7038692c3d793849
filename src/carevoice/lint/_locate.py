"""Where each phrase of a bank file sits: its item, its text value, and its span of lines."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from carevoice.bank.loader import BankSource

__all__ = ["PhraseLoc", "locate_phrases", "locate_snippet"]


@dataclass(frozen=True)
class PhraseLoc:
    """A phrase's positions (1-based): the list item, its text value, and its first and last lines."""

    line: int
    column: int
    text_line: int
    text_column: int
    first: int
    last: int
    key_path: str


def locate_phrases(source: BankSource, total_lines: int) -> dict[str, PhraseLoc]:
    """Positions of every phrase of one file, by id (the first phrase wins for a duplicated id)."""
    last_line: dict[tuple[object, ...], int] = {}
    for key, (line, _col) in source.marks.items():
        if len(key) >= 4 and key[0] == "phrases":
            prefix = key[:4]
            last_line[prefix] = max(last_line.get(prefix, 0), line)
    all_lines = sorted({line for line, _ in source.marks.values()})
    out: dict[str, PhraseLoc] = {}
    for situation, stages in source.model.phrases.items():
        for stage, items in stages.items():
            for i, spec in enumerate(items):
                path = ("phrases", situation, stage, i)
                line, col = source.marks.get(path, (1, 1))
                text_line, text_col = source.marks.get((*path, "text", "__value__"), (line, col))
                own_last = last_line.get(path, line)
                nxt = bisect_right(all_lines, own_last)
                last = all_lines[nxt] - 1 if nxt < len(all_lines) else total_lines
                out.setdefault(spec.id, PhraseLoc(line, col, text_line, text_col, line, max(last, own_last),
                                                  f"phrases.{situation}.{stage}[{i}]"))
    return out


def locate_snippet(lines: list[str], loc: PhraseLoc, snippet: str) -> tuple[int, int]:
    """The 1-based position of ``snippet`` within a phrase's lines, else the phrase text's position."""
    words = [snippet.strip(), *(w for w in snippet.split() if len(w) >= 3)]
    for needle in words:
        if not needle:
            continue
        for number in range(loc.text_line, min(loc.last, len(lines)) + 1):
            at = lines[number - 1].find(needle)
            if at >= 0:
                return number, at + 1
    return loc.text_line, loc.text_column
