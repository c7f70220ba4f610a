"""Thumb slips on a phone: two neighbouring characters of one of our words swapped (衢惠保, 家庭济共, 潭湘),
one typed twice inside it (亲情账账户, 免赔赔额), or one left out of the middle of a long word (亲账户, 家庭济):
read as the word.

A slip counts only where the typed run is no word itself (民居 is a word, not 居民 mistyped), is the slip of
one word only, overlaps none of our words of three characters or more as typed, and makes no word
with the characters beside it (几个账户 is 几个 账户, not 个人账户 short of 人). Words of three characters or
more slip; a left-out character only from a word of four or more (fewer leave too little to go on), and of
two-character words only our cities' names, swapped (潭湘)."""
from __future__ import annotations

import re
from typing import Callable, Iterable

_HAN_RUN = re.compile(r"[\u3400-\u9fff]{2,}")
LONGEST_TO_LOSE_ONE = 4  # a word this long or longer may lose a character inside it and still be read


def _slipped_forms(word: str, swap_only: bool) -> set[str]:
    forms = {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)}
    if not swap_only:
        forms |= {word[:i + 1] + word[i:] for i in range(1, len(word) - 1)}  # (惠惠衢保 holds the word already)
        if len(word) >= LONGEST_TO_LOSE_ONE:
            forms |= {word[:i] + word[i + 1:] for i in range(1, len(word) - 1)}
    return forms - {word}


class ThumbSlips:
    def __init__(self, words: Iterable[str], short_names: Iterable[str], protected: Iterable[str],
                 is_word: Callable[[str], bool], is_common_word: Callable[[str], bool]):
        words = {w for w in words if _HAN_RUN.fullmatch(w) and len(w) >= 3}
        short_names = {name for name in short_names if _HAN_RUN.fullmatch(name) and len(name) == 2}
        ours = words | short_names | {w for w in protected if _HAN_RUN.fullmatch(w)}
        typed_whole = {w for w in ours if len(w) >= 3}  # (a two-character word is often made by the slip: 衢惠保's 惠保)
        meant: dict[str, set[str]] = {}
        for word in words | short_names:
            for form in _slipped_forms(word, swap_only=len(word) < 3):
                if form not in ours and not is_word(form) and not is_common_word(form):
                    meant.setdefault(form, set()).add(word)
        self._is_common_word = is_common_word
        self._meant = {form: next(iter(found)) for form, found in meant.items() if len(found) == 1}
        self._lengths = sorted({len(form) for form in self._meant}, reverse=True)
        self._ours = re.compile("|".join(map(re.escape, sorted(typed_whole, key=len, reverse=True)))) if typed_whole else None

    def _straddled(self, run: str, start: int, end: int) -> bool:
        """A common word across an edge of the slip (几个|账户, 指定|医院, 异地医|疗费): the characters are that word's."""
        return any(self._is_common_word(run[left:right]) for edge in (start, end)
                   for left in range(max(0, edge - 2), edge) for right in range(edge + 1, min(len(run), edge + 2) + 1))

    def correct(self, text: str) -> str:
        if not self._meant:
            return text
        return _HAN_RUN.sub(lambda run: self._corrected(run.group(0)), text)

    def _corrected(self, run: str) -> str:
        taken = [False] * len(run)
        if self._ours is not None:
            for found in self._ours.finditer(run):
                taken[found.start():found.end()] = [True] * (found.end() - found.start())
        pieces, at, last = [], 0, 0
        while at < len(run):
            for length in self._lengths:
                word = self._meant.get(run[at:at + length])
                if word is not None and not any(taken[at:at + length]) and not self._straddled(run, at, at + length):
                    pieces += [run[last:at], word]
                    at = last = at + length
                    break
            else:
                at += 1
        return "".join(pieces) + run[last:] if pieces else run
