"""Matching any of a list of words in a normalised question."""
from __future__ import annotations

import re
from typing import Generic, Iterable, Iterator, TypeVar

_ASCII_LETTER = re.compile(r"[a-z]")


GAP = "..."  # in a listed word, "…" (normalised to "...") stands for up to GAP_CHARS characters
GAP_CHARS = 6


# A gap stays inside one question (…能赔吗 要不要体检 asks two things, neither 赔…体检); `within_part`:
# inside one part of it too (平时在奶奶家住，给他绑: nobody asks to bind the grandmother).
_GAP_CHINESE = rf"[^.?!;吗呢]{{0,{GAP_CHARS}}}?"  # a comma may part words typed with spaces
_GAP_ENGLISH = rf"[^.?!;]{{0,{GAP_CHARS}}}?"
_GAP_IN_PART = rf"[^.?!;,\s吗呢]{{0,{GAP_CHARS}}}?"


# The words joining two things compared (黑河和湘潭, 居民跟职工, Heihe and Zhaotong), for Places.compared and
# Understanding.compared.
COMPARING = r"\s*(?:和|跟|与|及|还有|、|/|\band\b|\bor\b|\bvs\.?|\bversus\b{more})\s*"  # {more}: "|以及|," between places


def _pattern(word: str, word_starts: bool, within_part: bool = False) -> str:
    # An English word matches whole words only: "son" is not in "personal", "kid" not in "kidney".
    gap = _GAP_ENGLISH if word.isascii() else _GAP_IN_PART if within_part else _GAP_CHINESE
    body = gap.join(re.escape(part) for part in word.split(GAP))
    if _ASCII_LETTER.match(word[0]):
        body = r"(?<![a-z])" + body
    if _ASCII_LETTER.match(word[-1]) and not word_starts:
        body += r"(?![a-z])"
    if _texted_digit(word):  # pay 4 is not in pay 440, 2 be not in 12 beds
        body = r"(?<![0-9.])" + body + r"(?![0-9])"
    return body


def _texted_digit(word: str) -> bool:
    """English shorthand with a digit at an end (b4, some1, 2 be, pay 4): the digit is a whole number there."""
    return _ASCII_LETTER.search(word) is not None and (word[0].isdigit() or word[-1].isdigit()) and word.isascii()


def alternation(words: Iterable[str], word_starts: bool = False, within_part: bool = False) -> re.Pattern | None:
    """One compiled regex matching the longest of `words` at the leftmost position (每个月…交多少
    matches 每个月各交多少: a "…" in a word stands for a few characters); with
    `word_starts`, an English word matches the start of a longer one too (register in
    registering: enough to tell whether a question is about our subjects at all)."""
    ordered = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not ordered:
        return None
    # Python's re tries a long alternation's words one by one at every position; words without a
    # gap are folded into a trie (one branch per character) instead, which finds the same longest
    # word. One that could start where a gapped word does keeps its place in the list: the two
    # groups then never match at the same position, so the longest-first order still holds.
    gapped = [word for word in ordered if GAP in word]
    gapped_starts = {word[0] for word in gapped}
    trie = [] if any(word.startswith(GAP) for word in gapped) else \
        [word for word in ordered if GAP not in word and word[0] not in gapped_starts and not _texted_digit(word)]  # (…交多少 starts anywhere)
    listed = [word for word in ordered if word not in trie]
    return re.compile("|".join(([_trie(trie, word_starts)] if trie else []) + _by_first_character(listed, word_starts, within_part)))


def _by_first_character(words: list[str], word_starts: bool, within_part: bool) -> list[str]:
    """The listed words' patterns, those starting alike behind one look at that character: re would
    otherwise try every gapped word at every position (~0.1 ms on the off-topic list). Words of
    different first characters never match at the same position, so the order that matters (longest
    first, among words starting alike) is kept; a word starting with a gap can start anywhere, so then
    nothing is grouped."""
    if any(word.startswith(GAP) for word in words):
        return [_pattern(word, word_starts, within_part) for word in words]
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(_pattern(word, word_starts, within_part))
    return [patterns[0] if len(patterns) == 1 else f"(?={re.escape(first)})(?:{'|'.join(patterns)})"
            for first, patterns in groups.items()]


_END = ""  # a trie key no character has: a word ends here


def _trie(words: list[str], word_starts: bool) -> str:
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return "(?:" + "|".join(
        (r"(?<![a-z])" if _ASCII_LETTER.match(char) else "") + re.escape(char) + _branches(child, char, word_starts)
        for char, child in root.items()) + ")"


def _branches(node: dict, last: str, word_starts: bool) -> str:
    ways = [re.escape(char) + _branches(child, char, word_starts) for char, child in node.items() if char != _END]
    if _END in node:  # longer words first, then the word ending here (an English one at a word's end)
        ways.append(r"(?![a-z])" if _ASCII_LETTER.match(last) and not word_starts else "")
    if len(ways) == 1:
        return ways[0]
    return "(?:" + "|".join(ways) + ")"


Value = TypeVar("Value")


class WordMap(Generic[Value]):
    """Words, each standing for a value (a facet, a topic): the leftmost longest word found in a
    text, and the value of what matched, gapped words (转到…银行卡) included."""

    def __init__(self, mapping: dict[str, Value], within_part: bool = False):
        self.words = mapping
        self.pattern = alternation(mapping, within_part=within_part)
        self._gapped = [(re.compile(_pattern(word, False, within_part)), value) for word, value in mapping.items() if GAP in word]

    def value(self, matched: str) -> Value:
        value = self.words.get(matched)
        if value is None:
            value = next(value for pattern, value in self._gapped if pattern.fullmatch(matched))
        return value

    def search(self, text: str) -> tuple[str, Value] | None:
        match = self.pattern.search(text) if self.pattern is not None else None
        return (match.group(0), self.value(match.group(0))) if match else None

    def each(self, text: str) -> Iterator[tuple[str, Value]]:
        """Every word found, left to right, with its value."""
        for match, value in self.matches(text):
            yield match.group(0), value

    def matches(self, text: str) -> Iterator[tuple[re.Match, Value]]:
        """Every word found, left to right, as its match (where it stands), with its value."""
        if self.pattern is not None:
            for match in self.pattern.finditer(text):
                yield match, self.value(match.group(0))

    def values(self, text: str) -> frozenset[Value]:
        if self.pattern is None:
            return frozenset()
        found = set()
        for match in self.pattern.finditer(text):
            matched = match.group(0)
            value = self.value(matched)
            if matched not in self.words:  # a gapped word: a word of another value named in its gap is what is
                # meant (挂到我亲情账户下面: the family account, not the family aid of 挂到我…账户)
                inside = {self.words[word.group(0)] for word in self.pattern.finditer(matched, 1)
                          if word.group(0) in self.words} - {value}
                if inside:
                    found |= inside
                    continue
            found.add(value)
        return frozenset(found)
