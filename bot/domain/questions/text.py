"""Text normalisation and tokenisation for search: no aiogram, no I/O beyond an optional cache file.

A little over 400 lines on purpose: every way the index and a question are turned into words is
here, so that both are read exactly alike.

normalize():  NFKC -> traditional to simplified (OpenCC t2s) -> lower case -> spaces collapsed
              -> synonyms.yaml `synonyms` applied longest-first in one left-to-right pass.
tokens():     jieba words (stopwords dropped), English split into lightly stemmed words.
bigrams():    character bigrams of each run of Chinese characters / numbers (stopwords kept here:
              是什么 vs 在哪 tells questions apart), plus English words whole.

jieba start-up: the full jieba dictionary takes ~1 s to load even from jieba's own cache, which
does not fit the 1.5 s cold start of `ask`. We therefore give jieba a *small* dictionary: the
words of jieba's dictionary that occur inside the knowledge's phrasings (`learn()`), plus our
domain words, anchors, synonym targets and stopwords. Because a segmentation of a text can only
ever use dictionary words that are substrings of that text, the knowledge's phrasings are cut
exactly as the full dictionary would cut them (the dictionary's total frequency is kept too).
The filtered dictionary, and the analyses of the phrasings, are cached in the temp dir keyed by
a hash of what they were built from (a cold start then skips jieba for the knowledge).
"""
from __future__ import annotations

import hashlib
import importlib.util
import math
import os
import re
import sys
import tempfile
import unicodedata
from functools import lru_cache
from typing import Iterable

from bot.domain import tempcache
from bot.domain.knowledge.schema import SynonymsFile
from bot.domain.questions.wordmatch import GAP, alternation

NORMALIZED_CACHE = 4096  # recent questions whose normal form is kept
SPOKEN_GAP_CHARS = 10  # the words a spoken form keeps between its parts (好直接结算伐): one clause's, no punctuation

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{CJK}]")
_SPACES = re.compile(r"\s+")
_HYPHEN_BY_HAN = re.compile(r"(?<=[\u4e00-\u9fff])-|-(?=[\u4e00-\u9fff])")
_LATIN_WORDS = re.compile(r"[A-Za-z]+(?: +[A-Za-z]+)*")
_ACCENTED_LATIN = re.compile(r"[\u00c0-\u024f]")  # pinyin typed with its tones (dēnglù, tòuxī) is read as plain letters
_DIGIT_WORDS = "零一二三四五六七八九"
# a count of ten or more in words before the counters the answers write with figures (20种药, 10名家人); not 几十种, 百名
_COUNT_IN_WORDS = re.compile(r"(?<![零〇一二两三四五六七八九十百千万几第])(?P<tens>[二三四五六七八九])?(?P<ten>十)(?P<ones>[一二三四五六七八九])?"
                             r"(?=[种名位项])")
_PERCENT_IN_WORDS = re.compile(r"百分之([零〇一二两三四五六七八九十百点\d.]{1,6})")  # 百分之八十: 80%, as the answers write it
_SPACE_NEAR_CJK = re.compile(f"(?<=[{CJK}]) | (?=[{CJK}])")
_CJK_RUN = re.compile(f"[{CJK}]+")
_WORDISH = re.compile(f"[{CJK}]|[a-z0-9]")
_ASCII_WORD = re.compile(r"[a-z]+|[0-9]+(?:\.[0-9]+)?")
_DIGITS = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_PIECES = re.compile(f"[{CJK}]|[0-9]+(?:\\.[0-9]+)?|[a-z]+|[^{CJK}0-9a-z]+")
_MAX_DICT_WORD = 8  # longest dictionary word looked for inside the phrasings

ENGLISH_STOPWORDS = frozenset(
    """a an the is are am was were be been being do does did done i me my mine we us our you your
    it its of to in on at for by with and or this that these those there here please tell about
    can could will would should shall may might must have has had get got let if so as than then
    any some just also very into from up out one s t""".split()
)


# Traditional replies follow the Taiwan character standard (裡, 為, 著, 眾), as the zh_Hant catalogue
# does; s2tw only swaps characters (s2twp would also rewrite vocabulary such as 軟體 for 软件).
# Phrase-table slips OpenCC makes in our texts (彆著急, 賬戶里扣) are fixed by synonyms.yaml
# `traditional_overrides`; tests/unit/test_traditional_script.py finds new ones.
TRADITIONAL_CONFIG = "s2tw"


@lru_cache(maxsize=1)
def _traditional_characters() -> frozenset[str]:
    """Every character OpenCC's t2s changes on its own (traditional forms, and variants)."""
    characters = [chr(code) for code in range(0x3400, 0xA000)] + [chr(code) for code in range(0xF900, 0xFB00)]
    converted = _opencc("t2s").convert("\n".join(characters)).split("\n")
    return frozenset(a for a, b in zip(characters, converted) if a != b)


@lru_cache(maxsize=None)
def _opencc(config: str):
    import opencc  # ~0.1 s; created once per process and shared by every TextTools

    return opencc.OpenCC(config)


def _import_jieba():
    """Import jieba without its `import pkg_resources` (~0.1 s of start-up for a file lookup)."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # makes jieba fall back to opening its files directly
    try:
        import jieba
    finally:
        if blocked and sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    import logging

    jieba.setLogLevel(logging.WARNING)
    return jieba


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


# 惠 衢 保 每 人, 住 院: single characters with spaces between
_SPACED_OUT = re.compile(rf"(?<![{CJK}])[{CJK}](?:[ \t\u3000]+[{CJK}](?![{CJK}]))+")
_SPACES_ONLY = re.compile(r"[ \t\u3000]+")
_SPACES_BESIDE_HAN = re.compile(rf"(?<=[{CJK}，。？！、：；])[ \t\u3000]+|[ \t\u3000]+(?=[{CJK}，。？！、：；])")


_SPACE_BETWEEN_HAN = re.compile(rf"(?<=[{CJK}])[ \t\u3000](?=[{CJK}])")
SPACED_WORDS = 4  # Chinese typed a word at a time (借 爸爸 的 医保卡 去 看病) has this many spaces between its words…
SPACED_SINGLE = 2  # …of which this many single characters (的, 去): no pauses of speech, one sentence
SPACED_LONGEST = 6  # …and no word longer: voice input's pauses (嗯 那个 就是我妈她是衢州的城乡居民医保 …) part whole clauses


def spaced_out_joined(message: str) -> str:
    """惠 衢 保 每 人 要 交 几 块 钱, 住 院: characters typed one by one with spaces between, read as one run of
    text (衢 惠保, one character standing apart before a word, is left as typed); 借 爸爸 的 医保卡 去 看病 just once
    ok 吗: words typed one at a time, read as one sentence (我妈 72了 在衢州 能买吗 keeps its pauses)."""
    if " " not in message and "\u3000" not in message:
        return message
    runs = [_SPACES_ONLY.sub("", run.group(0)) for run in _SPACED_OUT.finditer(message)]
    if any(len(run) > 2 for run in runs):  # (typed spaced out throughout: 九 价 HPV 能 用 …, no space is a pause)
        return _SPACES_BESIDE_HAN.sub("", message)
    joined = _SPACED_OUT.sub(lambda m: _SPACES_ONLY.sub("", m.group(0)), message) if runs else message
    words = _CJK_RUN.findall(message)  # (as typed: 买 吗 are two words, though joined above)
    if len(_SPACE_BETWEEN_HAN.findall(message)) >= SPACED_WORDS and sum(len(word) == 1 for word in words) >= SPACED_SINGLE \
            and max(map(len, words)) <= SPACED_LONGEST:
        return _SPACE_BETWEEN_HAN.sub("", joined)
    return joined


def _apart(word: str, match: re.Match) -> str:
    """A synonym in letters kept apart from the letters around it (my亲情account: my family account, not myfamily)."""
    text, start, end = match.string, match.start(), match.end()
    before = " " if start and word[:1].isascii() and word[:1].isalpha() and text[start - 1].isascii() and text[start - 1].isalnum() else ""
    after = " " if end < len(text) and word[-1:].isascii() and word[-1:].isalpha() and text[end].isascii() and text[end].isalnum() else ""
    return f"{before}{word}{after}"


class TextTools:
    """Shared by the search index (at build) and every query. Thread-safe after `learn()`."""

    STOPWORDS_BREAK_BIGRAMS = False

    def __init__(self, vocabulary: SynonymsFile):
        self.vocabulary = vocabulary
        self._spelled_in_letters = None  # read_letters_with
        self._spelling = None  # read_english_with
        self._slips = None  # read_slips_with
        self._normalized: dict[str, str] = {}  # set before the synonyms below, which normalize() reads
        self._traditional = _traditional_characters()
        self._variants = str.maketrans(dict(vocabulary.variant_characters))
        self._spoken_forms = [_spoken_pattern(spoken, mandarin) for spoken, mandarin in vocabulary.spoken_forms.items()]
        synonyms: dict[str, str] = {}
        for key, value in vocabulary.synonyms.items():
            key_n, value_n = self._base(key), self._base(value)
            if key_n:  # (a word listed as itself, 3+n, is kept whole: its n is no texted "and")
                synonyms.setdefault(key_n, value_n)
        # A target already written stays as it is: with 兄弟 -> 兄弟姐妹, the words 兄弟姐妹 must not
        # become 兄弟姐妹姐妹 (each target matches itself, and the longest word wins).
        for value in set(synonyms.values()):
            synonyms.setdefault(value, value)
        self._synonyms = synonyms
        self._synonym_re = alternation(synonyms)
        shorts = dict(vocabulary.short_place_names)
        self._short_names = shorts
        # (not inside a word: 湘医保, 黑色, 平衡 are no cities)
        self._short_name_re = re.compile(
            rf"(?<![\u4e00-\u9fff])({'|'.join(map(re.escape, shorts))})"
            rf"(?=$|[^\w]|{'|'.join(map(re.escape, vocabulary.short_name_before))})") \
            if shorts and vocabulary.short_name_before else None
        clipped = dict(vocabulary.clipped_names)
        self._clipped = clipped
        # (inside another name, 湘惠保 or 婺惠保, it is that name: only after a word that ends none)
        self._clipped_re = re.compile(
            rf"(?:(?<![\u4e00-\u9fff])|(?<={')|(?<='.join(map(re.escape, vocabulary.clipped_name_after))}))"
            rf"({'|'.join(map(re.escape, clipped))})") if clipped else None
        self._overrides = dict(vocabulary.traditional_overrides)
        self._override_re = alternation(self._overrides)
        self.stopwords = frozenset(self.normalize(w) for w in vocabulary.stopwords) | ENGLISH_STOPWORDS
        self.domain_words = tuple(dict.fromkeys(self.normalize(w) for w in vocabulary.domain_words))
        self.anchors = tuple(dict.fromkeys(a for a in (self.normalize(w) for w in vocabulary.anchors) if a))
        self._anchor_re = alternation(self.anchors, word_starts=True)
        self._extra_words: set[str] = set()
        self._corpus: list[str] = []
        self._tokenizer = None
        self._cache: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._learned: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}  # the corpus's analyses
        self._learned_dirty = False
        self._corpus_lookup: set[str] | None = None

    def __getstate__(self) -> dict:
        # The jieba tokenizer is rebuilt when first needed after unpickling (bot.domain.knowledge.snapshot);
        # the normal forms met while building are not worth their unpickling time to a cold `ask`.
        return {**self.__dict__, "_tokenizer": None, "_normalized": {}}

    # ---- normalisation -------------------------------------------------------------------
    def read_letters_with(self, spelled_in_letters) -> None:
        """Our words typed in pinyin letters (huiqubao, qinqing zhanghu) are read as the words by
        `spelled_in_letters` (the understanding's sound table, built after these tools)."""
        self._spelled_in_letters = spelled_in_letters
        self._normalized.clear()

    def read_slips_with(self, correct) -> None:
        """Our words with two characters swapped or one doubled or left out (衢惠保, 亲情账账户, 亲账户) are read as
        the words by `correct` (built from our words, after these tools)."""
        self._slips = correct
        self._normalized.clear()

    def read_english_with(self, correct) -> None:
        """English misspellings of our words (insurence, familly) are read as the words by `correct`
        (built from our English text, after these tools)."""
        self._spelling = correct
        self._normalized.clear()

    def words_for_letters(self, text: str) -> str:
        """The text with our words typed in pinyin letters written as the words (qinqing zhanghu 在哪开:
        a Chinese question, whatever its letters), the rest as typed."""
        if self._spelled_in_letters is None:
            return text

        def read(match: re.Match) -> str:
            lowered = match.group(0).lower()
            words = self._spelled_in_letters(lowered)
            return words if words != lowered else match.group(0)

        return _LATIN_WORDS.sub(read, text)

    def _base(self, text: str) -> str:
        text = unicodedata.normalize("NFKC", text or "")
        text = _ACCENTED_LATIN.sub(lambda m: unicodedata.normalize("NFD", m.group(0))[0], text)
        if self.has_traditional(text):
            text = _opencc("t2s").convert(text)
        for spoken, mandarin in self._spoken_forms:
            text = spoken.sub(mandarin, text)
        text = _SPACES.sub(" ", text.lower().translate(self._variants)).strip()
        if self._spelled_in_letters is not None:
            text = _HYPHEN_BY_HAN.sub("", self._spelled_in_letters(text))  # qinqing-zhanghu: 亲情账户
        if self._spelling is not None:
            text = self._spelling(text)
        if self._slips is not None:
            text = self._slips(text)
        return _SPACE_NEAR_CJK.sub("", text)

    def with_city_names(self, message: str) -> str:
        """A message with the cities it names by one character written out (衢 惠保 多少钱: 衢州 惠保 多少钱), read
        whole, before anything drops the spaces that set such a character apart."""
        if self._short_name_re is None:
            return message
        return self._short_name_re.sub(lambda m: self._short_names[m.group(1)], message)

    def with_clipped_names(self, message: str) -> str:
        """A message with the products it names clipped (惠保 多少钱, 给爸妈买惠保) written out, where the clipped
        name stands apart or follows one of clipped_name_after."""
        if self._clipped_re is None:
            return message
        return self._clipped_re.sub(lambda m: self._clipped[m.group(1)], message)

    def normalize(self, text: str) -> str:
        # One message is normalised by several readers (estimate trigger, search, the question log).
        normalized = self._normalized.get(text)
        if normalized is None:
            if len(self._normalized) >= NORMALIZED_CACHE:
                self._normalized.clear()
            normalized = self._base(text)
            if self._synonym_re is not None:
                normalized = self._synonym_re.sub(lambda m: _apart(self._synonyms[m.group(0)], m), normalized)
            if "百分之" in normalized:
                normalized = _PERCENT_IN_WORDS.sub(_percent, normalized)
            normalized = _COUNT_IN_WORDS.sub(_count, normalized)
            self._normalized[text] = normalized
        return normalized

    def to_simplified(self, text: str) -> str:
        return _opencc("t2s").convert(text) if self.has_traditional(text) else text

    def has_traditional(self, text: str) -> bool:
        """Whether OpenCC would change anything: most questions are simplified, and creating the
        converter costs ~0.15 s of a cold start."""
        traditional = self._traditional
        return any(char in traditional for char in text)

    def to_traditional(self, text: str) -> str:
        text = _opencc(TRADITIONAL_CONFIG).convert(text)
        if self._override_re is not None:
            text = self._override_re.sub(lambda m: self._overrides[m.group(0)], text)
        return text

    def is_word(self, text: str) -> bool:
        """A word of the segmenter's dictionary (jieba's words that occur in the knowledge, and ours)."""
        return self._segmenter().FREQ.get(text, 0) > 0

    def is_common_word(self, text: str) -> bool:
        """A word of jieba's whole dictionary, common enough to be one (盖章 is, 序上 of 小程序上 is not)."""
        return text in _common_words()

    def names_nothing(self, word: str) -> bool:
        """A word jieba's dictionary tags as a pronoun, conjunction, numeral, localiser, place word,
        preposition or particle (这边, 如果, 一步, 以前, 地上): it points or joins, it names no detail."""
        return word in _function_words()

    def place_names(self) -> frozenset[str]:
        """Place names of jieba's dictionary (its `ns` words), simplified; read once per process."""
        return _place_names()

    def has_anchor(self, normalized: str) -> bool:
        return self._anchor_re is not None and self._anchor_re.search(normalized) is not None

    # ---- segmentation --------------------------------------------------------------------
    def learn(self, texts: Iterable[str], words: Iterable[str] = ()) -> None:
        """Give the segmenter the knowledge's phrasings (normalised) and extra whole words
        (e.g. place names). Call before the first tokens(); SearchIndex.build does."""
        self._corpus.extend(texts)
        self._extra_words.update(w for w in words if len(w) > 1)
        self._tokenizer = None
        self._cache.clear()
        self._learned = _load_analyses(self._analysis_key())
        self._learned_dirty = not self._learned

    def _analysis_key(self) -> str:
        digest = hashlib.sha1(f"{_ANALYSIS_VERSION}|{self.STOPWORDS_BREAK_BIGRAMS}|".encode())
        digest.update(_own_source())  # an edit to how text is analysed (the stemmer) must not reuse old analyses
        for part in (sorted(self.stopwords), self._own_words(), self._corpus):
            digest.update("\n".join(part).encode())
            digest.update(b"\x00")
        return digest.hexdigest()[:20]

    def save_analyses(self) -> None:
        """Keep the corpus analyses for the next start (temp dir; skipped when unwritable)."""
        if self._learned_dirty and self._learned:
            _save_analyses(self._analysis_key(), self._learned)
            self._learned_dirty = False

    def _segmenter(self):
        if self._tokenizer is None:
            self._tokenizer = _build_tokenizer(self._corpus, self._own_words())
        return self._tokenizer

    def _own_words(self) -> list[str]:
        own = set(self.domain_words) | set(self._synonyms.values()) | self._extra_words
        own |= {a for a in self.anchors if _CJK_CHAR.search(a)}
        own |= {w for w in self.stopwords if _CJK_CHAR.search(w)}
        return sorted(w for w in own if len(w) > 1 and _CJK_RUN.fullmatch(w))

    def analyze(self, normalized: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(tokens, bigrams) of a normalised text, from one jieba pass."""
        cached = self._cache.get(normalized) or self._learned.get(normalized)
        if cached is not None:
            return cached
        words: list[str] = []
        grams: list[str] = []
        units: list[str] = []  # the current run of Chinese characters / numbers between breaks

        def flush() -> None:
            if len(units) == 1:
                grams.append(units[0])
            else:
                grams.extend(units[i] + units[i + 1] for i in range(len(units) - 1))
            units.clear()

        stop = self.stopwords
        for token in self._segmenter().cut(normalized):
            if _CJK_CHAR.match(token):
                if token in stop:
                    if self.STOPWORDS_BREAK_BIGRAMS:
                        flush()
                    else:
                        units.extend(token)
                    continue
                words.append(token)
                units.extend(token)
            elif _DIGITS.fullmatch(token):
                words.append(token)
                units.append(token)
            else:
                flush()
                for word in _ASCII_WORD.findall(token):
                    if word in stop or (len(word) == 1 and not word.isdigit()):
                        continue
                    word = _stem(word)
                    words.append(word)
                    grams.append(word)
        flush()
        result = (tuple(words), tuple(grams))
        if self._learned_dirty and normalized in self._corpus_set():
            self._learned[normalized] = result
        elif len(self._cache) < 4096:
            self._cache[normalized] = result
        return result

    def _corpus_set(self) -> set[str]:
        if self._corpus_lookup is None or len(self._corpus_lookup) != len(self._corpus):
            self._corpus_lookup = set(self._corpus)
        return self._corpus_lookup

    def char_bigrams(self, normalized: str) -> tuple[str, ...]:
        """The bigrams of analyze() without segmenting: for long texts (answers)."""
        grams: list[str] = []
        units: list[str] = []
        stop = self.stopwords
        for piece in _PIECES.findall(normalized):
            if _CJK_CHAR.match(piece) or piece[0].isdigit():
                units.append(piece)
                continue
            if len(units) == 1:
                grams.append(units[0])
            else:
                grams.extend(units[i] + units[i + 1] for i in range(len(units) - 1))
            units.clear()
            if piece.isalpha() and piece not in stop and len(piece) > 1:
                grams.append(_stem(piece))
        if len(units) == 1:
            grams.append(units[0])
        else:
            grams.extend(units[i] + units[i + 1] for i in range(len(units) - 1))
        return tuple(grams)

    def tokens(self, normalized: str) -> list[str]:
        return list(self.analyze(normalized)[0])

    def bigrams(self, normalized: str) -> list[str]:
        return list(self.analyze(normalized)[1])


# ---- the small jieba dictionary ----------------------------------------------------------

def _spoken_pattern(spoken: str, mandarin: str) -> tuple[re.Pattern, str]:
    """好...伐 -> 能...吗 as a pattern and its replacement: the gap is a few characters of one clause."""
    before, gap, after = spoken.partition(GAP)
    if not gap:
        return re.compile(re.escape(spoken)), mandarin
    start, _, end = mandarin.partition(GAP)
    pattern = re.compile(rf"{re.escape(before)}([\u3400-\u9fff]{{1,{SPOKEN_GAP_CHARS}}}?){re.escape(after)}")
    return pattern, rf"{start}\g<1>{end}"


def _substrings(texts: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for text in texts:
        for run in _CJK_RUN.findall(text):
            n = len(run)
            for size in range(2, min(_MAX_DICT_WORD, n) + 1):
                found.update(run[i:i + size] for i in range(n - size + 1))
    return found


def _jieba_dictionary(jieba=None) -> str:
    """jieba's dictionary file; found without importing jieba (~30 ms) when it is not imported yet."""
    origin = jieba.__file__ if jieba is not None else importlib.util.find_spec("jieba").origin
    return os.path.join(os.path.dirname(origin), "dict.txt")


def _filtered_dictionary(jieba, wanted: set[str]) -> tuple[dict[str, int], int]:
    """Frequencies of the `wanted` words in jieba's dictionary, and the dictionary's total."""
    path = _jieba_dictionary(jieba)
    stat = os.stat(path)
    digest = hashlib.sha1(f"{path}|{stat.st_size}|{stat.st_mtime_ns}|".encode())
    digest.update("\n".join(sorted(wanted)).encode())
    cache = os.path.join(tempfile.gettempdir(), f"yibao-jieba-{digest.hexdigest()[:20]}.txt")
    try:
        with open(cache, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
        total = int(lines[0])
        freq = {}
        for line in lines[1:]:
            word, _, count = line.partition(" ")
            freq[word] = int(count)
        return freq, total
    except (OSError, ValueError, IndexError):
        pass
    freq = {}
    total = 0
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            word, count, _ = line.split(" ", 2)
            count = int(count)
            total += count
            if word in wanted:
                freq[word] = count
    try:
        temporary = f"{cache}.{os.getpid()}"
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(f"{total}\n")
            handle.writelines(f"{word} {count}\n" for word, count in sorted(freq.items()))
        os.replace(temporary, cache)
        tempcache.prune("yibao-jieba-")
    except OSError:
        pass  # a read-only temp dir only costs start-up time
    return freq, total


COMMON_WORD_FREQUENCY = 30  # jieba's count at or above which a 2-4 character entry is a word residents use (58,869 of them)


def _dictionary_words(name: str, keep) -> frozenset[str]:
    """The words of jieba's 350,000-line dictionary whose line (word, count[, tag]) `keep` accepts,
    kept in the temp dir under `name` so that a start does not read the dictionary."""
    path = _jieba_dictionary()
    stat = os.stat(path)
    key = hashlib.sha1(f"{path}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:20]

    def build() -> list[str]:
        with open(path, encoding="utf-8") as handle:
            return sorted(parts[0] for parts in (line.split() for line in handle) if keep(parts))

    return frozenset(tempcache.remembered(f"yibao-{name}-{key}.marshal", build, list))


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """jieba's common words, read when first needed (a few ms from the temp-dir copy)."""
    return _dictionary_words(f"words{COMMON_WORD_FREQUENCY}", lambda parts: len(parts) >= 2 and 2 <= len(parts[0]) <= 4
                             and int(parts[1]) >= COMMON_WORD_FREQUENCY)


_FUNCTION_TAGS = frozenset({"r", "rr", "rz", "rg", "c", "m", "mq", "f", "s", "p", "q", "u", "ul", "uj", "uz", "ug", "ud", "uv", "y", "e", "o"})


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return _dictionary_words("function-words", lambda parts: len(parts) == 3 and parts[2] in _FUNCTION_TAGS and len(parts[0]) > 1)


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """jieba's dictionary tags place names `ns` (17,000 of them: 萧山区, 永康, 广东省 …)."""
    return _dictionary_words("places", lambda parts: len(parts) == 3 and parts[2] == "ns" and len(parts[0]) > 1)


_ANALYSIS_VERSION = 1  # bump when analyze() changes outside this module (this module's source is in the key)


@lru_cache(maxsize=1)
def _own_source() -> bytes:
    with open(__file__, "rb") as source:
        return source.read()


def _load_analyses(key: str) -> dict:
    data = tempcache.load(f"yibao-analysis-{key}.marshal")
    return data if isinstance(data, dict) else {}


def _save_analyses(key: str, analyses: dict) -> None:
    tempcache.save(f"yibao-analysis-{key}.marshal", analyses, keep_prefix="yibao-analysis-")


def _build_tokenizer(corpus: list[str], own_words: list[str]):
    """jieba with the small dictionary. Its word table is kept in the temp dir keyed by what it is
    made from: a cold start segmenting its first question reads it instead of looking up ~100,000
    substrings of the knowledge (~0.1 s)."""
    jieba = _import_jieba()
    path = _jieba_dictionary(jieba)
    stat = os.stat(path)
    digest = hashlib.sha1(f"{path}|{stat.st_size}|{stat.st_mtime_ns}|".encode() + _own_source())
    for part in (corpus, own_words):
        digest.update("\n".join(part).encode())
        digest.update(b"\x00")
    name = f"yibao-tokenizer-{digest.hexdigest()[:20]}.marshal"
    tokenizer = jieba.Tokenizer()
    kept = tempcache.load(name)
    if isinstance(kept, list) and len(kept) == 2 and isinstance(kept[0], dict) and isinstance(kept[1], int):
        tokenizer.FREQ, tokenizer.total = kept
        tokenizer.initialized = True
        return tokenizer
    wanted = _substrings(corpus) | _substrings(own_words)
    found, total = _filtered_dictionary(jieba, wanted)
    freq: dict[str, int] = {}
    for word, count in found.items():
        freq[word] = count
        for end in range(1, len(word)):
            freq.setdefault(word[:end], 0)
    tokenizer.FREQ, tokenizer.total = freq, total
    tokenizer.initialized = True
    log_total = math.log(total)
    for word in own_words:  # keep our own words whole (what jieba.add_word does, without its lock dance)
        if freq.get(word):
            continue
        logp = sum(math.log(freq.get(part) or 1) - log_total for part in tokenizer.cut(word, HMM=False))
        count = max(int(math.exp(logp) * total) + 1, 1)
        tokenizer.add_word(word, count)
    tempcache.save(name, [tokenizer.FREQ, tokenizer.total], keep_prefix="yibao-tokenizer-")
    return tokenizer


def _count(match: re.Match) -> str:
    """二十种 as 20种, 十名 as 10名: counts the answers write in figures (10 to 99)."""
    tens, ones = match.group("tens"), match.group("ones")
    return str((_DIGIT_WORDS.index(tens) if tens else 1) * 10 + (_DIGIT_WORDS.index(ones) if ones else 0))


def _percent(match: re.Match) -> str:
    """百分之八十五 as 85%; left as written where cn2an cannot read it. (cn2an is imported only here: ~0.5 s, and
    few messages say a percentage in words.)"""
    import cn2an

    try:
        value = cn2an.cn2an(match.group(1), "smart")
    except (ValueError, KeyError):
        return match.group(0)
    return f"{value:g}%"
