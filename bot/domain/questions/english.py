"""An English question in the Chinese words the knowledge uses (synonyms.yaml `english_words`).

Residents write English in countless ways, and the knowledge has fewer English phrasings than
Chinese ones, with fewer of the words the understanding reads (asks, facets, relatives). An English
question the English phrasings do not answer is searched once more in these Chinese words: each
word or phrase the list names becomes its Chinese, any other English word is left out (an unread
word must not steer the Chinese reading), and numbers and Chinese characters stay as written.
"""
from __future__ import annotations

import re
from collections.abc import Callable

_LATIN_WORD = re.compile(r"[a-z][a-z'\-]*")
_SPACES = re.compile(r"\s+")


class InChinese:
    def __init__(self, words: dict[str, str], normalize: Callable[[str], str], stopwords: frozenset[str] = frozenset()):
        self._words = {key: value for key, value in ((normalize(k), v) for k, v in words.items()) if key}
        self._stopwords = stopwords
        keys = sorted(self._words, key=len, reverse=True)
        # whole words and phrases only: "aid" is not in "paid", "app" not in "apply"; a listed word
        # may take a possessive (Xiangtan's hotline is Xiangtan's, not an unread word)
        self._pattern = re.compile(r"(?<![a-z'])(?:" + "|".join(map(re.escape, keys)) + r")(?:['’]s)?(?![a-z'])") if keys else None

    def of(self, normalized: str) -> str:
        """The question (as search reads it) in Chinese words; "" when no word of it is listed, or when
        the reading leaves out more of its words (besides the, my, is…) than it reads: so little of
        the question may be the wrong part of it (crit illness … kicks in: not 起付线 of a stay)."""
        if self._pattern is None:
            return ""
        parts, start = [], 0
        for match in self._pattern.finditer(normalized):
            word = match.group(0)
            parts += [normalized[start:match.start()], self._words.get(word) or self._words[word[:-2]]]
            start = match.end()
        if not start:
            return ""
        parts.append(normalized[start:])
        unread = sum(word not in self._stopwords for gap in parts[::2] for word in _LATIN_WORD.findall(gap))
        if unread > len(parts) // 2:
            return ""
        return _SPACES.sub("", "".join(_LATIN_WORD.sub("", part) if i % 2 == 0 else part for i, part in enumerate(parts)))
