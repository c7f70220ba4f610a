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
from typing import Iterable

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

SHORTEST = 5  # letters: shorter words are too often other real words one letter away (snow, now)
TWO_EDITS_FROM = 7  # letters: a word this long may be two edits from ours (outpatiant, insurnc)
_WORD = re.compile(r"[a-z]+")


class EnglishSpelling:
    def __init__(self, words: Iterable[str], targets: Iterable[str] | None = None):
        """words: every English word we know; targets: those a misspelling may be read as (all of them if None)."""
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
        listed = sorted((word for word in nearest if word in self.targets), key=len)
        longest = max(nearest, key=len, default="")
        # as near as another word only when that one is the same word shorter (relativs: relative or relatives;
        # personl: personal, not person); share or stare for spare is no guess
        return listed[0] if listed and all(longest.startswith(word) for word in nearest) else typed
