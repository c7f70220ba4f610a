"""Sound-alike typos from pinyin keyboards: 惠曲保 → 惠衢保, 亲请账户 → 亲情账户, 家庭公积 → 家庭共济.

A run of characters is read as one of our words when every character can sound like the word's
character at that place (tones ignored; z/zh, c/ch, s/sh, n/l, in/ing, en/eng, an/ang alike, and an h-
syllable typed with f as Hunan speakers say it: 费衢保, 飞河),
enough of them are the word's own characters (one in two or three, at least one), it is not the
word already, and it does not overlap a protected word (a place name, 公积金 …) spelled otherwise.

Readings come from pypinyin. Importing it costs ~0.4 s and ~55 MB, so the readings of the few
syllables our words use are extracted once and kept in the temp directory, keyed by those
syllables and pypinyin's version; a start with the cache costs a few milliseconds.
"""
from __future__ import annotations

import hashlib
import re
from functools import cache
from math import ceil
from typing import Iterable

from bot.domain import tempcache

_FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("l", "n"))
_FUZZY_FINALS = (("ing", "in"), ("eng", "en"), ("ang", "an"))
_HAN = re.compile(r"[\u3400-\u9fff]+")


def fuzzy(syllable: str) -> str:
    for full, short in _FUZZY_INITIALS:
        if syllable.startswith(full):
            syllable = short + syllable[len(full):]
            break
    for full, short in _FUZZY_FINALS:
        if syllable.endswith(full):
            syllable = syllable[: -len(full)] + short
            break
    return syllable


# Hunan and Sichuan speakers say hu- as f- (惠 hui as fei, 湖 hu as fu), many say h- as f- (黑 hei as fei), and
# the other way round (付 fu as hu, 封 feng as hong): the syllable they type stands for the word's
_HU_AS_F = {"i": "ei", "a": "a", "an": "an", "o": "o", "n": "en", "": "u"}
_F_AS_H = {"ei": ("hui", "hei"), "u": ("hu",), "an": ("huan", "han"), "a": ("hua",), "en": ("hun", "hen", "hong"),
           "o": ("huo",)}


def accented(syllable: str) -> set[str]:
    """The syllable as an accent may type it (fuzzy): itself, its f- form if it starts with h, its h- forms if with f."""
    forms = {syllable}
    if syllable.startswith("hu") and syllable[2:] in _HU_AS_F:
        forms.add(fuzzy("f" + _HU_AS_F[syllable[2:]]))
    elif syllable.startswith("h") and not syllable.startswith("hu"):
        forms.add(fuzzy("f" + syllable[1:]))
    elif syllable.startswith("f"):
        forms.update(fuzzy(form) for form in _F_AS_H.get(syllable[1:], ()))
    return forms


def _pypinyin_readings() -> tuple[str, dict[str, tuple[str, ...]]]:
    """(version, char -> fuzzy toneless readings) for every character pypinyin knows."""
    import pypinyin
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    readings = {}
    for code, value in pinyin_dict.items():
        # A character's first reading is its common one; rare readings (祖 jiē, 省 xiǎn) are
        # not what a pinyin keyboard user typed.
        syllables = tuple(dict.fromkeys(fuzzy(to_normal(s)) for s in value.split(",")[:1] if s))
        readings[chr(code)] = syllables
    return pypinyin.__version__, readings


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("pypinyin")
    except Exception:  # noqa: BLE001 - any failure only means the cache key is coarser
        return "unknown"


def _table_for(syllables: set[str]) -> dict[str, str]:
    """syllable -> every character that can be read so (only for `syllables`), as one string."""
    digest = hashlib.sha1(f"{_version()}|".encode() + "|".join(sorted(syllables)).encode()).hexdigest()[:20]

    def build() -> dict[str, str]:
        _, readings = _pypinyin_readings()
        found: dict[str, list[str]] = {syllable: [] for syllable in syllables}
        for char, spoken in readings.items():
            for syllable in spoken:
                if syllable in found:
                    found[syllable].append(char)
        return {syllable: "".join(chars) for syllable, chars in found.items()}

    return tempcache.remembered(f"yibao-syllables1-{digest}.marshal", build)


@cache  # (a few digits asked of on every amount that ends on an odd character: the table is read once)
def read_alike(characters: str) -> dict[str, str]:
    """character -> the one of `characters` it is read like, fuzzily (山 -> 三, 酒 -> 九): what a pinyin keyboard
    offers in its place."""
    by_syllable = {syllable: char for char, (syllables,) in _target_syllables(characters).items() for syllable in syllables}
    table = _table_for(set(by_syllable))
    return {char: by_syllable[syllable] for syllable, chars in table.items() for char in chars}


def _target_syllables(words: Iterable[str]) -> dict[str, tuple[frozenset[str], ...]]:
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    spelled = {}
    for word in words:
        positions = []
        for char in word:
            value = pinyin_dict.get(ord(char), "")
            positions.append(frozenset(form for s in value.split(",")[:1] if s for form in accented(fuzzy(to_normal(s)))))
        if all(positions):
            spelled[word] = tuple(positions)
    return spelled


# The nine-key (九宫格) pinyin keyboard, which most older residents use: a key stands for three or four
# letters, so the keyboard offers every syllable of the same keys and a slip picks a neighbour's (惠 hui
# for 贵 gui, 衡阳 heng yang for 耿旺 geng wang, 昭通 zhao for 小通 xiao)
_KEYS = {letter: str(key) for key, letters in enumerate(("abc", "def", "ghi", "jkl", "mno", "pqrs", "tuvü", "wxyz"), start=2)
         for letter in letters}


def keys(syllable: str) -> str:
    return "".join(_KEYS.get(letter, letter) for letter in syllable)


def _keyed_characters(words: Iterable[str]) -> dict:
    """The nine keys' spelling of each character of the words ({"words": word -> [keys per place]}), and every
    character whose own reading is typed on those keys ({"keys": keys -> characters}); a word's characters are
    among them, and those sounding like it are accepted before this table is asked."""
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    def reading(code: int) -> str:
        first = pinyin_dict.get(code, "").split(",")[0]
        return to_normal(first).replace("ü", "v") if first else ""

    spelled = {word: [keys(reading(ord(char))) for char in word] for word in words}
    wanted = {typed for places in spelled.values() for typed in places} - {""}
    by_keys: dict[str, list[str]] = {}
    for code in pinyin_dict:
        if (typed := keys(reading(code))) in wanted:
            by_keys.setdefault(typed, []).append(chr(code))
    return {"words": spelled, "keys": {typed: "".join(chars) for typed, chars in by_keys.items()}}


_LATIN = re.compile(r"[a-z]")
_LATIN_RUN = re.compile(r"[a-z]+(?: +[a-z]+)*")
_LETTER_WORDS_LONGEST = 4  # qin qing zhang hu
_LETTERS_SHORTEST = 5  # yibao, gongji; shorter runs are English words as often (dabao, hui)
_MIXED_RUN = re.compile(r"(?<=[\u3400-\u9fff])[a-z]+|[a-z]+(?=[\u3400-\u9fff])")  # 住yuan, bei案: letters beside characters
_MIXED_HAN_AROUND = 3  # characters each side of the letters that may be part of the word (起付 in 起付xian)


def _in_mixed_letters(words: list[str]) -> dict[tuple[str, str, str], str]:
    """(characters before, characters after, pinyin letters between) -> our word, for words spelled partly in
    characters and partly in letters (住yuan 住院, 亲qing账户 亲情账户); only where one word is so spelled."""
    spelled: dict[tuple[str, str, str], list[str]] = {}
    for word in words:
        for start in range(len(word)):
            for end in range(start + 1, len(word) + 1):
                if (start or end < len(word)) and start <= _MIXED_HAN_AROUND and len(word) - end <= _MIXED_HAN_AROUND \
                        and (letters := _letters_of(word[start:end])):
                    spelled.setdefault((word[:start], word[end:], letters), []).append(word)
    return {key: found[0] for key, found in spelled.items() if len(set(found)) == 1}


def _letters_of(word: str) -> str | None:
    """The word's pinyin letters (each character's first reading, no tones, ü as v); None if a character has none."""
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    readings = [pinyin_dict.get(ord(char), "").split(",")[0] for char in word]
    return "".join(to_normal(reading) for reading in readings).replace("ü", "v") if all(readings) else None


def _in_letters(words: list[str]) -> dict[str, str]:
    """The pinyin letters (first reading, no tones) -> our word, for words of two characters or more
    whose letters no other word shares; kept in the temp directory like the readings."""
    digest = hashlib.sha1(f"{_version()}|".encode() + "|".join(words).encode()).hexdigest()[:20]

    def build() -> dict[str, str]:
        spelled: dict[str, list[str]] = {}
        for word in words:
            letters = _letters_of(word)
            if len(word) >= 2 and letters and len(letters) >= _LETTERS_SHORTEST:
                spelled.setdefault(letters, []).append(word)
        return {letters: found[0] for letters, found in spelled.items() if len(found) == 1}

    return tempcache.remembered(f"yibao-letters1-{digest}.marshal", build)


@cache
def _pinyin_syllables() -> frozenset[str]:
    """Every toneless syllable pypinyin reads a character as (ü as v): ~410, kept in the temp directory."""
    def build() -> list[str]:
        from pypinyin.contrib.tone_convert import to_normal
        from pypinyin.pinyin_dict import pinyin_dict

        return sorted({to_normal(reading).replace("ü", "v") for value in pinyin_dict.values() for reading in value.split(",") if reading})

    return frozenset(tempcache.remembered(f"yibao-syllables-all1-{_version()}.marshal", build, list))


_SENTENCE_SYLLABLES_LONGEST = 6  # 国家医保服务平台 is eight, but no resident spells it in one go without spaces
# What reading a run of syllables as a word costs (the cheapest reading of the whole wins): one of ours (a domain word or
# one of the question words staff listed) less than any everyday word, an everyday word by its rarity (-ln of its
# share of jieba's counts: 7 for 要, 16 for a rare word), a syllable read as no word more than any word.
_OURS = 3.0
_TYPED = 6.0  # a word residents type (a synonym's own: 医保码, 我崽), a place or a neighbouring subject (衢山, 兽医)
_OURS_ONE_CHARACTER = 2.5  # what one character of ours is cheaper than its everyday cost (交 before the commoner 叫)
_UNREAD_SYLLABLE = 24.0
_EVERYDAY_LEAST_COUNT = 20  # jieba's count under which a word is too rare to be what a resident typed


@cache
def _everyday_words() -> dict[str, list]:
    """'letters/syllables' -> [word, cost] for jieba's words of up to four characters (the cheapest of each spelling):
    how a pinyin keyboard reads the words around ours (lao po 老婆, ba ma 爸妈, yi ge yue 一个月). Built once, from
    jieba's dictionary and pypinyin's phrase readings (1.7 s, 63,000 spellings), and kept in the temp directory."""
    def build() -> dict[str, list]:
        import math

        import jieba
        from pypinyin import lazy_pinyin

        counted = []
        with jieba.get_dict_file() as lines:
            for line in lines:
                word, count = line.decode("utf-8").split()[:2]
                if len(word) <= 4 and int(count) >= _EVERYDAY_LEAST_COUNT and _HAN.fullmatch(word):
                    counted.append((word, int(count)))
        total = sum(count for _, count in counted)
        spelled: dict[str, list] = {}
        for word, count in counted:
            syllables = lazy_pinyin(word, v_to_u=False)
            if len(syllables) != len(word) or not all(syllable.isalpha() for syllable in syllables):
                continue
            key, cost = f"{''.join(syllables)}/{len(syllables)}", -math.log(count / total)
            if key not in spelled or cost < spelled[key][1]:
                spelled[key] = [word, cost]
            if len(word) == 1:
                spelled[word] = [word, cost]  # (a character's own cost, for ours: 绑 against the commoner 浜)
        return spelled

    return tempcache.remembered(f"yibao-everyday-words2-{_version()}.marshal", build)


class PinyinSentences:
    """A message written wholly in pinyin letters (hui qu bao you mei you nian ling xian zhi), read as the words:
    every run of letters splits into syllables, and syllables into the cheapest words: ours first (`words`: the
    everyday ones a question needs, 有没有, 多少, then our domain's), else the commonest everyday word so spelled
    (jieba's counts, as a pinyin keyboard guesses); a syllable that makes no word stays as typed."""

    def __init__(self, words: Iterable[str], typed: Iterable[str] = ()):
        """`typed`: words read before everyday ones, after ours (我在 is no 我崽)."""
        self._syllables = _pinyin_syllables()
        self._longest_syllable = max(map(len, self._syllables))
        words = list(dict.fromkeys(words))
        self._words = _spelled_words(words)
        self._typed = _spelled_words(sorted(set(typed) - set(words)))
        # (a run reading one of these is no English phrase of pinyin-like words)
        self._domain = frozenset([*self._words.values(), *self._typed.values()])
        self._characters: dict[str, list[str]] = {}  # letters -> our characters so spelled (药 and 要: yao)
        for word, letters in _letters_of_each([word for word in words if len(word) == 1]).items():
            self._characters.setdefault(letters, []).append(word)

    def is_pinyin(self, text: str) -> bool:
        """Every word of the text is pinyin letters."""
        words = text.split()
        return bool(words) and all(self._split(word) for word in words)

    def read(self, text: str, everyday: bool = True) -> str:
        """`everyday`: words outside ours may be read too (not in a word or two typed amid characters: quzhou e-voucher)."""
        return " ".join("".join(self._pieces(text, everyday)).split())

    def words_read(self, text: str, everyday: bool = True) -> int:
        """How many words of two characters or more the reading of the text finds; none unless one is ours (an
        English phrase of pinyin-like words, he can hang, reads as everyday words only)."""
        words = [piece for piece in self._pieces(text, everyday) if len(piece) > 1 and not piece.isascii()]
        return len(words) if any(word in self._domain for word in words) else 0

    def _pieces(self, text: str, everyday: bool = True) -> list[str]:
        """The text's words as read; syllables read as no word kept as typed, those of one typed word together
        (xiangtang stays one word, for the places to read)."""
        typed = [(at, syllable) for at, word in enumerate(text.split()) for syllable in self._split(word)]
        syllables = [syllable for _, syllable in typed]
        best: list[tuple[float, list[str]] | None] = [(0.0, [])] + [None] * len(syllables)
        for start in range(len(syllables)):
            if best[start] is None:
                continue
            cost, words = best[start]
            for end in range(start + 1, min(len(syllables), start + _SENTENCE_SYLLABLES_LONGEST) + 1):
                found = self._word(syllables[start:end], everyday)
                if found and len(found[0]) == 1 and sum(at == typed[start][0] for at, _ in typed) > 1:
                    found = None  # (a word of one character is typed alone: xiangtang is no 想 and tang)
                if found:
                    read = (cost + found[1], [*words, found[0]])
                elif end == start + 1:
                    # (joined to the syllable before when both are unread and of one typed word)
                    joined = bool(words) and words[-1].endswith(" ") and start and typed[start - 1][0] == typed[start][0]
                    read = (cost + _UNREAD_SYLLABLE, [*words[:-1], f"{words[-1].rstrip()}{syllables[start]} "] if joined
                            else [*words, f" {syllables[start]} "])
                else:
                    continue
                if best[end] is None or read[0] < best[end][0]:
                    best[end] = read
        return best[-1][1]

    def _word(self, syllables: list[str], everyday: bool = True) -> tuple[str, float] | None:
        """The word these syllables spell, and what reading them so costs; `everyday`: as in read()."""
        letters, known = "".join(syllables), _everyday_words() if everyday else {}
        common = known.get(f"{letters}/{len(syllables)}")
        ours = self._words.get(letters)
        if ours and len(ours) == len(syllables) > 1:
            return ours, _OURS
        if everyday and (typed := self._typed.get(letters)) and len(typed) == len(syllables) > 1:
            return typed, _TYPED
        if len(syllables) == 1 and (characters := self._characters.get(letters)):
            # (one character of ours: the commonest of them, 要 before 药, ahead of a commoner everyday one: 绑, not 浜)
            # (costed as the character a keyboard offers first: against a word of two, 记得 before 几的, ours are no cheaper)
            costs = [(known[character][1] - _OURS_ONE_CHARACTER if character in known else _OURS, character) for character in characters]
            cost, character = min(costs)
            if common is None or cost <= common[1]:
                return character, common[1] if common else cost
        return (common[0], common[1]) if common else None

    def _split(self, word: str) -> list[str]:
        return syllables_of(word, self._syllables, self._longest_syllable)


def syllables_of(word: str, syllables: frozenset[str] | None = None, longest: int = 6) -> list[str]:
    """The word as pinyin syllables, the fewest (xian, not xi an; changsha: chang sha); [] when it is not pinyin."""
    if not word.isascii() or not word.isalpha():
        return []
    syllables = syllables if syllables is not None else _pinyin_syllables()
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for start in range(len(word)):
        if best[start] is None:
            continue
        for end in range(start + 1, min(len(word), start + longest) + 1):
            if word[start:end] in syllables and (best[end] is None or len(best[start]) + 1 < len(best[end])):
                best[end] = [*best[start], word[start:end]]
    return best[-1] or []


def _letters_of_each(words: list[str]) -> dict[str, str]:
    """Each of `words` -> its pinyin letters (_letters_of), those that have them; kept in the temp directory, so that
    reading them costs no pypinyin import."""
    digest = hashlib.sha1(f"{_version()}|".encode() + "|".join(words).encode()).hexdigest()[:20]
    return tempcache.remembered(f"yibao-letters-of1-{digest}.marshal",
                                lambda: {word: letters for word in words if (letters := _letters_of(word))})


def _spelled_words(words: list[str]) -> dict[str, str]:
    """The pinyin letters (first reading, no tones) -> the first of `words` spelled so."""
    digest = hashlib.sha1(f"{_version()}|".encode() + "|".join(words).encode()).hexdigest()[:20]

    def build() -> dict[str, str]:
        spelled: dict[str, str] = {}
        for word in words:
            if letters := _letters_of(word):
                spelled.setdefault(letters, word)
        return spelled

    return tempcache.remembered(f"yibao-sentence-words1-{digest}.marshal", build)


class SoundTable:
    """Corrects sound-alike spellings of `targets` in normalised text."""

    def __init__(self, targets: Iterable[str], protected: Iterable[str] = (), is_word=lambda text: False,
                 look_alike: dict[str, str] | None = None, spelled_out: Iterable[str] = (), least_same: int | None = None,
                 keyed_shortest: int | None = 3, sentence_words: Iterable[str] = (), typed_words: Iterable[str] = (),
                 initials: dict[str, str] | None = None):
        self._is_word = is_word  # a dictionary word straddling a correction's edge blocks it (支付|限额)
        # characters a run must share with the word in place (None: one in three, at least one)
        self._least_same = least_same
        self._look_alike = look_alike or {}  # handwriting and stroke input: 衝 for 衢, 痛 for 病
        targets = sorted({t for t in targets if _HAN.fullmatch(t or "") and len(t) >= 2}, key=lambda t: (-len(t), t))
        spelled = self._spelled(targets)
        self._targets = spelled
        # a slip of the nine keys is read only in words this long (None: never): in two characters it is too often
        # another word (诊疗费 is no 交费); our cities' names are the exception the places table makes
        self._keyed, self._on_keys = self._keyed_of([word for word in spelled if len(word) >= keyed_shortest]) \
            if keyed_shortest else ({}, {})
        syllables = {s for positions in spelled.values() for position in positions for s in position}
        self._chars = _table_for(syllables) if syllables else {}  # syllable -> the characters read so
        self._allowed_chars: dict[str, tuple[frozenset[str], ...]] = {}
        # (char, place in the word) -> words: a candidate run must share one character in place
        self._by_char: dict[str, list[tuple[str, int]]] = {}
        for word in spelled:
            for place, char in enumerate(word):
                self._by_char.setdefault(char, []).append((word, place))
        # Our own words are protected too: 惠衢保多少 must not become 惠衢报多少 (报多少 sounds alike).
        # A single character is no word to protect (了, 在: synonym targets) and would block every typo beside it.
        protected = sorted({p for p in [*protected, *spelled] if len(p) >= 2 and _HAN.fullmatch(p)}, key=len, reverse=True)
        self._protected = re.compile("|".join(map(re.escape, protected))) if protected else None
        self._protected_words = frozenset(protected)
        self._in_letters = _in_letters(sorted({*spelled, *spelled_out})) if spelled_out else {}
        self._letter_words = sorted({*spelled, *spelled_out}) if spelled_out else []
        self._mixed: dict | None = None  # (_mixed_in_letters) built on the first message mixing letters and characters
        sentence_words = list(sentence_words)
        # (built on the first message written in letters: most never are)
        self._sentence_words = [*sentence_words, *sorted(spelled, key=len, reverse=True), *spelled_out] if sentence_words else []
        self._typed_words = list(typed_words)
        # initials for a word (hqb, qqzh: huiqubao, 亲情账户), spelled out in a pinyin sentence; their letters are read with
        # the sentences (pypinyin's readings: not at start-up)
        self._initials_for = dict(initials or {})
        self._initials: dict[str, str] = {}
        self._sentences: PinyinSentences | None = None
        self._as_typed: frozenset[str] = frozenset()  # words English text uses (quzhou, huiqubao): kept when alone
        # char -> the words whose first character it sounds like, for a table reading runs that start with a
        # sound-alike (least_same 0); built here, not when first needed, so that a snapshot of the knowledge holds it
        self._first_sounds: dict[str, list[str]] = {}
        if least_same == 0:
            for word in self._targets:
                for char in self._allowed(word)[0]:
                    self._first_sounds.setdefault(char, []).append(word)

    @property
    def targets(self) -> list[str]:
        """Our words that typos are read as."""
        return list(self._targets)

    def keep_in_letters(self, words: set[str]) -> None:
        """These words, though they spell one of ours, are read as typed (English text uses them)."""
        self._in_letters = {letters: word for letters, word in self._in_letters.items() if letters not in words}
        self._as_typed = frozenset(words)

    def spelled_in_letters(self, text: str) -> str:
        """Our words typed in pinyin letters, tones left out, with or without spaces between
        syllables (huiqubao, qinqing zhanghu, yibao), written as the words: a relative typing on a
        phone without a Chinese keyboard. A run of letters counts only as a whole word or words."""
        if not self._in_letters or _LATIN.search(text) is None:
            return text
        text = self._mixed_in_letters(text)
        # (a message whose one part reads as a pinyin sentence is typed in pinyin: its other parts need no word of ours,
        # bang lao ma de qqzh, ta ren bu zai wo pangbian xing bu xing)
        sentences = {run.group(0): self._as_a_sentence(run.group(0)) for run in _LATIN_RUN.finditer(text)}
        in_pinyin = any(sentence is not None for sentence in sentences.values())

        def replace(match: re.Match) -> str:
            sentence = self._as_a_sentence(match.group(0), in_pinyin) if in_pinyin else sentences[match.group(0)]
            if sentence is not None:
                return sentence
            words = match.group(0).split()
            out, at = [], 0
            while at < len(words):
                for end in range(min(len(words), at + _LETTER_WORDS_LONGEST), at, -1):
                    word = self._in_letters.get("".join(words[at:end]))
                    if word is not None:
                        out.append(word)
                        at = end
                        break
                else:
                    out.append(words[at])
                    at += 1
            return " ".join(out)

        return _LATIN_RUN.sub(replace, text)

    def _mixed_in_letters(self, text: str) -> str:
        """Our words typed partly in pinyin letters beside their own characters (住yuan, bei案, 医保dianzi凭证), as
        the words: the letters must be whole syllables of the word and the characters beside them its own."""
        if _MIXED_RUN.search(text) is None:
            return text
        if self._mixed is None:  # (kept in the temp directory as rows: marshal keeps no tuple keys)
            digest = hashlib.sha1("|".join([_version(), *self._letter_words]).encode()).hexdigest()[:20]
            rows = tempcache.remembered(f"yibao-mixed1-{digest}.marshal",
                                        lambda: [[*key, word] for key, word in _in_mixed_letters(self._letter_words).items()], list)
            self._mixed = {(before, after, letters): word for before, after, letters, word in rows}
        for match in reversed(list(_MIXED_RUN.finditer(text))):
            start, end, letters = match.start(), match.end(), match.group(0)
            spans = [(start - before, end + after) for before in range(min(start, _MIXED_HAN_AROUND) + 1)
                     for after in range(_MIXED_HAN_AROUND + 1)
                     if (before or after) and (text[start - before:start], text[end:end + after], letters) in self._mixed]
            if spans:  # the most characters of the word typed as characters
                first, last = max(spans, key=lambda span: span[1] - span[0])
                word = self._mixed[(text[first:start], text[end:last], letters)]
                text = f"{text[:first]}{word}{text[last:]}"
        return text

    # English words spelling pinyin syllables that English questions use to liken (like huiqubao: not 立刻惠衢保)
    _ENGLISH_ONLY = frozenset({"like", "unlike"})
    _SENTENCE_WORDS_FEWEST = 3  # words (or syllables of one word) a run of letters needs to be read as a sentence
    _SENTENCE_WORDS_READ = 2  # …and words of two characters or more found in it

    def _as_a_sentence(self, run: str, in_pinyin: bool = False) -> str | None:
        """A run of letters that is a whole sentence in pinyin (hei he gong ji you shen me tiao jian), as the words;
        None when it is no such run (a short one, English words, or one with too few words of ours in it). `in_pinyin`:
        another part of the message is such a sentence, and a run of everyday words (wo nainai 86 le) is read too."""
        if not self._ENGLISH_ONLY.isdisjoint(run.split()):
            return None
        if in_pinyin and len(run.split()) >= 2 and self._sentences is not None and self._sentences.is_pinyin(run) \
                and run.replace(" ", "") not in self._as_typed:
            return self._sentences.read(run)
        if not self._sentence_words or len(run) < 6:
            return None
        if self._sentences is None:
            self._sentences = PinyinSentences(self._sentence_words, self._typed_words)
            spelled = _letters_of_each(sorted({word for word in self._initials_for.values() if not syllables_of(word)}))
            self._initials = {key: letters for key, word in self._initials_for.items()
                              if key.isascii() and key.isalpha() and (letters := word if syllables_of(word) else spelled.get(word))}
        if len(typed := run.split()) >= self._SENTENCE_WORDS_FEWEST and any(word in self._initials for word in typed):
            run = " ".join(self._initials.get(word, word) for word in typed)  # (hqb you mei you nianling xianzhi)
        if not self._sentences.is_pinyin(run):
            return None
        if len(run.split()) < self._SENTENCE_WORDS_FEWEST and len(run.replace(" ", "")) < 8:
            # (one word of ours typed alone amid characters: 能在yaodian买药吗, 怎么denglu)
            word = self._sentences.read(run, everyday=False)
            return word if run.replace(" ", "") not in self._as_typed and self._sentences.words_read(run, everyday=False) == 1 \
                and word.isalpha() and not word.isascii() else None
        return self._sentences.read(run) if self._sentences.words_read(run) >= self._SENTENCE_WORDS_READ else None

    @staticmethod
    def _spelled(targets: list[str]) -> dict[str, tuple[frozenset[str], ...]]:
        # (the sounds taken alike are part of the key: a change to them builds the readings anew)
        alike = f"{_FUZZY_INITIALS}{_FUZZY_FINALS}{sorted(_HU_AS_F.items())}{sorted(_F_AS_H.items())}"
        digest = hashlib.sha1(f"{_version()}|{alike}|".encode() + "|".join(targets).encode()).hexdigest()[:20]
        data = tempcache.remembered(
            f"yibao-targets1-{digest}.marshal",
            lambda: {word: [tuple(p) for p in positions] for word, positions in _target_syllables(targets).items()})
        return {word: tuple(frozenset(p) for p in positions) for word, positions in data.items()}

    @staticmethod
    def _keyed_of(targets: list[str]) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
        digest = hashlib.sha1(f"{_version()}|{sorted(_KEYS.items())}|".encode() + "|".join(targets).encode()).hexdigest()[:20]
        data = tempcache.remembered(f"yibao-keyed3-{digest}.marshal", lambda: _keyed_characters(targets))
        return ({word: tuple(places) for word, places in data["words"].items()},
                dict(data["keys"]))  # (a string of a few hundred characters: small, and found in as fast as a set)

    def correct(self, text: str) -> str:
        pieces = []
        last = 0
        for start, end, word in self.spans(text):
            pieces.append(text[last:start])
            pieces.append(word)
            last = end
        if not pieces:
            return text
        pieces.append(text[last:])
        return "".join(pieces)

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, word) of each run of the text read as one of the words."""
        if not self._targets:
            return []
        return [(run.start() + start, run.start() + end, word)
                for run in _HAN.finditer(text) for start, end, word in self._corrections(run.group(0))]

    def _corrections(self, run: str) -> list[tuple[int, int, str]]:
        candidates: set[tuple[int, str]] = set()
        length = len(run)
        for position, char in enumerate(run):
            for word, place in self._by_char.get(char, ()):
                start = position - place
                if start >= 0 and start + len(word) <= length and not run.startswith(word, start):
                    candidates.add((start, word))
            if self._least_same == 0:  # (no character need be the word's own: a run starting with a sound-alike)
                for word in self._first_sounds.get(char, ()):
                    if position + len(word) <= length and not run.startswith(word, position):
                        candidates.add((position, word))
        if not candidates:
            return []
        # Where a protected word stands, by position: a correction overlapping one must agree with it.
        covering: dict[int, list[tuple[int, int]]] = {}
        if self._protected:
            for match in self._protected.finditer(run):
                for index in range(match.start(), match.end()):
                    covering.setdefault(index, []).append((match.start(), match.end()))
        taken = [False] * len(run)
        chosen: list[tuple[int, int, str]] = []
        for start, word in sorted(candidates, key=lambda c: (-len(c[1]), c[0])):
            end = start + len(word)
            window = run[start:end]
            if window == word or any(taken[start:end]) or not self._sounds_like(window, word):
                continue
            overlapping = {span for index in range(start, end) for span in covering.get(index, ())}
            if any(not self._agrees(run, s, e, start, word) for s, e in overlapping):
                continue
            if self._straddled(run, start, end, word) and not self._grows_into_a_word(run, start, end, word) \
                    or self._extends_a_word(window, word):
                continue
            chosen.append((start, end, word))
            taken[start:end] = [True] * (end - start)
        return sorted(chosen)

    def _sounds_like(self, window: str, word: str) -> bool:
        same = slips = 0
        for place, (a, b, allowed) in enumerate(zip(window, word, self._allowed(word))):
            if a == b:
                same += 1
            elif a not in allowed:
                keyed = self._keyed.get(word)
                if keyed is None or a not in self._on_keys.get(keyed[place], ""):
                    return False  # most candidates end here, at their first character that sounds otherwise
                slips += 1
        least = max(1, ceil(len(word) / 3)) if self._least_same is None else self._least_same
        # one slip of the nine keys at most, beside at least one of the word's own characters
        return least <= same < len(word) and (slips == 0 or slips == 1 and same >= 1)

    def _allowed(self, word: str) -> tuple[frozenset[str], ...]:
        """Per place in the word, every character that sounds like it (built when first needed)."""
        allowed = self._allowed_chars.get(word)
        if allowed is None:
            allowed = self._allowed_chars[word] = tuple(
                frozenset("".join(self._chars.get(syllable, "") for syllable in position) + self._look_alike.get(char, ""))
                for char, position in zip(word, self._targets[word]))
        return allowed

    def _extends_a_word(self, window: str, word: str) -> bool:
        """先医保 is 先 + 医保, not a typo of 湘医保: the changed characters sit at one end and
        the rest is already one of our two-character words. (A longer word's own run is rarely
        followed by a character that completes another: 特殊病中 is a typo of 特殊病种.)"""
        same = [a == b for a, b in zip(window, word)]
        if same.count(False) > 1:
            return False  # two typos beside our word are a typo of the longer one (亲情帐互)
        changed_at_start = same.index(True)
        changed_at_end = same[::-1].index(True)
        if changed_at_start and all(same[changed_at_start:]):
            rest = window[changed_at_start:]
            return len(rest) <= 2 and rest in self._protected_words
        if changed_at_end and all(same[:len(same) - changed_at_end]):
            rest = window[:len(same) - changed_at_end]
            return len(rest) <= 2 and rest in self._protected_words
        return False

    def _grows_into_a_word(self, run: str, start: int, end: int, word: str) -> bool:
        """森份证号: the word read, with the characters beside it, is a dictionary word (身份证号), so the one
        across its edge (证号) is part of it, not of another word the typed characters belong to."""
        return any(self._is_word(word + run[end:end + size]) for size in (1, 2) if end + size <= len(run)) \
            or any(self._is_word(run[start - size:start] + word) for size in (1, 2) if start - size >= 0)

    def _straddled(self, run: str, start: int, end: int, word: str) -> bool:
        """A dictionary word across an edge of the correction (支付|限额), unless a longer word starts
        right at the end (招通|上班: 通上 is a word, but 上班 reads on) or ends right at the start, or it
        takes in only one character of a name of three or more, typed as the name's own (惠曲保|人: 保人)."""
        for edge, outside in ((start, lambda size: run[max(0, start - size):start]), (end, lambda size: run[end:end + size])):
            if any(len(outside(size)) == size and self._is_word(outside(size)) for size in (3, 2)) \
                    and not self._is_word(run[start:end]):
                continue
            for left in range(max(0, edge - 3), edge):
                for right in range(edge + 1, min(len(run), left + 4) + 1):
                    inside = range(max(left, start), min(right, end))
                    if len(word) >= 3 and len(inside) == 1 and run[inside[0]] == word[inside[0] - start]:
                        continue
                    if self._is_word(run[left:right]):
                        return True
        return False

    @staticmethod
    def _agrees(run: str, start: int, end: int, word_start: int, word: str) -> bool:
        """A protected word overlapping the correction keeps its meaning only if the correction
        leaves every one of its characters as it is."""
        for index in range(max(start, word_start), min(end, word_start + len(word))):
            if run[index] != word[index - word_start]:
                return False
        return True
