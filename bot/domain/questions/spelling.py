"""English misspellings typed on a phone (insurence, familly, outpatiant, relatves) read as the word
of ours they are one or two keystrokes from, so an English question finds its answer.

Only words of five letters or more that our English text does not use are looked at, and a word is
read as one of the staff's listed words (understanding.yaml `english_spelling`: insurance, relatives,
outpatient …) only when that word is nearer than any other word we know (one edit for a word of up
to six letters, two for a longer one; a swap of two letters is one edit): pills stays pills, not
bills. rapidfuzz measures the distance.
"""
from __future__ import annotations

import re
from typing import Iterable, Mapping

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

SHORTEST = 5  # letters: shorter words are too often other real words one letter away (snow, now)
TWO_EDITS_FROM = 7  # letters: a word this long may be two edits from ours (outpatiant, insurnc)
_WORD = re.compile(r"[a-z]+")


class EnglishSpelling:
    def __init__(self, words: Iterable[str], targets: Iterable[str] | None = None, kin: Mapping[str, str] | None = None):
        """words: every English word we know; targets: those a misspelling may be read as (all of them if None);
        kin: words naming one thing (a city and its counties: hengyang, hengnan), keyed to that thing."""
        self.kin = dict(kin or {})
        self.known = frozenset(words)
        self.targets = self.known if targets is None else frozenset(targets)
        self.known |= self.targets
        by_length: dict[int, list[str]] = {}
        for word in self.known:
            if len(word) >= SHORTEST - 1:
                by_length.setdefault(len(word), []).append(word)
        self._by_length = {length: sorted(found) for length, found in by_length.items()}
        self._read: dict[str, str] = {}  # misspelling -> the word it is read as (itself when none)

    def correct(self, text: str) -> str:
        """The text with each misspelled word of ours written right; the rest as typed."""
        return _WORD.sub(lambda match: self.word(match.group(0)), text) if _WORD.search(text) else text

    def word(self, typed: str) -> str:
        if len(typed) < SHORTEST or typed in self.known:
            return typed
        read = self._read.get(typed)
        if read is None:
            if len(self._read) >= 4096:
                self._read.clear()
            read = self._read[typed] = self._nearest(typed)
        return read

    def _nearest(self, typed: str) -> str:
        edits = 2 if len(typed) >= TWO_EDITS_FROM else 1
        choices = [word for length in range(len(typed) - edits, len(typed) + edits + 1) for word in self._by_length.get(length, ())]
        found = process.extract(typed, choices, scorer=DamerauLevenshtein.distance, score_cutoff=edits, limit=None)
        nearest = [word for word, distance, _ in found if distance == min(d for _, d, _ in found)] if found else []
        if len(nearest) > 1 and len(likely := [word for word in nearest if _a_likely_slip(typed, word)]) == 1:
            nearest = likely  # acount: account (a doubled letter typed once), not amount (m for c)
        listed = sorted((word for word in nearest if word in self.targets), key=len)
        longest = max(nearest, key=len, default="")
        # as near as another word only when that one is the same word shorter, or its plural (relativs: relative
        # or relatives; personl: personal, not person or persons), or names the same thing (hengyan: Hengyang, or
        # its county Hengnan); share or stare for spare is no guess
        same_thing = listed and listed[0] in self.kin and all(self.kin.get(word) == self.kin[listed[0]] for word in nearest)
        return listed[0] if listed and (same_thing or all(longest.startswith(_singular(word)) for word in nearest)) else typed


_NEIGHBOUR_KEYS = {a + b for row in ("qwertyuiop", "asdfghjkl", "zxcvbnm") for a, b in zip(row, row[1:])}


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _a_likely_slip(typed: str, word: str) -> bool:
    """One slip a thumb makes: a doubled letter typed once (or twice more), or a key next to the right one."""
    if abs(len(typed) - len(word)) == 1:
        short, long = sorted((typed, word), key=len)
        return any(long[i] == long[i - 1] and long[:i] + long[i + 1:] == short for i in range(1, len(long)))
    if len(typed) == len(word):
        differ = [(a, b) for a, b in zip(typed, word) if a != b]
        return len(differ) == 1 and (differ[0][0] + differ[0][1] in _NEIGHBOUR_KEYS or
                                     differ[0][1] + differ[0][0] in _NEIGHBOUR_KEYS)
    return False
