"""What a typed answer to one step of the estimate dialogue means, read with the step's vocabulary.

The words live in knowledge/rules/interview.yaml (`answers:` per step, `understanding:` for
sentences): a word anywhere in the sentence counts (我是退休职工 -> 退休), a negation just before
it turns it around (不在衢州, 没买), place names answer "inside or outside the city", and amounts
are found inside sentences (花了差不多十万块). When the words point two ways the answer is asked
again: guessing wrong is worse than asking.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from bot.domain.estimate.amounts import AmountError, find_amounts, parse_amount, prepare
from bot.domain.estimate.rules import AnswerWords, comparable
from bot.domain.questions.text import _opencc, _traditional_characters, spaced_out_joined  # one shared OpenCC converter per process

RULES_YEAR_LONGEST = 40  # characters (or English letters) of a question only asking how current the rules used are
GO_ON_LONGEST = 20  # characters (or English letters) of a message only asking to go on
START_AGAIN_LONGEST = 20  # characters (or English letters) of a message only asking to start again

OUTSIDE = "outside"  # a place with no rules: outside the city, or a city we cannot estimate for
_GAP = ".{0,6}?"  # what … in a word stands for
_MAYBE_AMOUNT = re.compile(r"[0-9０-９]|[十百千万萬仟佰拾]")


@dataclass(frozen=True)
class Found:
    value: object
    start: int
    end: int
    negated: bool
    place: bool  # a place name rather than an answer word


class WordMatcher:
    """Words -> values, found anywhere in a comparable text, the longest word at each position."""

    def __init__(self, pairs: list[tuple[str, object, bool]], negations: tuple[str, ...], markers: tuple[str, ...] = (),
                 particles: str = ""):
        self.negations = negations
        self.particles = particles  # one-character particles that may follow a one-character answer (是啊)
        self.markers = markers  # 在, 去: 没有去外地 negates 外地 as 没有外地 would
        self.whole: dict[str, tuple[object, bool]] = {}  # digits and Latin words as the whole answer
        literal: dict[str, tuple[object, bool]] = {}
        gapped: list[tuple[str, object, bool]] = []
        latin: dict[str, tuple[object, bool]] = {}  # Latin words of 2+ letters: also as whole words in a sentence
        latin_gapped: list[tuple[str, object, bool]] = []  # stayed…hospital: a few English words between
        for word, value, place in pairs:
            parts = [comparable(part) for part in str(word).split("…")]
            if len(parts) > 1 and all(part.isascii() for part in parts):
                spelled_parts = [unicodedata.normalize("NFKC", part).lower().strip() for part in str(word).split("…")]
                latin_gapped.append((_LATIN_GAP.join(map(_latin_words, spelled_parts)), value, place))
            elif len(parts) > 1:
                gapped.append((_GAP.join(map(re.escape, parts)), value, place))
            elif parts[0].isascii():
                self.whole.setdefault(parts[0], (value, place))
                spelled = unicodedata.normalize("NFKC", str(word)).lower().strip()
                if len(parts[0]) >= 2 and re.fullmatch(r"[a-z][a-z' -]*[a-z0-9]", spelled):  # level 3 too
                    latin.setdefault(spelled, (value, place))
            else:
                literal.setdefault(parts[0], (value, place))
        # "I was hospitalized", "no huiqubao": whole words only (son is not in person), spaces or hyphens alike.
        self.latin = [(re.compile(r"(?<![a-z])" + pattern + r"(?![a-z0-9])"), value, place) for pattern, value, place in latin_gapped]
        self.latin += [(re.compile(r"(?<![a-z])" + _latin_words(word) + r"(?![a-z0-9])"), value, place)
                       for word, (value, place) in sorted(latin.items(), key=lambda item: -len(item[0]))]
        self.literal = literal
        alternatives = [re.escape(word) for word in sorted(literal, key=len, reverse=True)]
        self.gapped = [(re.compile(pattern), value, place) for pattern, value, place in gapped]
        self.pattern = re.compile("|".join(alternatives)) if alternatives else None

    def find(self, typed: str, spelled: str | None = None) -> list[Found]:
        """Words found in `typed` (comparable form); `spelled`, the same text with its spaces, lets
        Latin words be found inside a sentence."""
        if typed in self.whole:
            value, place = self.whole[typed]
            return [Found(value, 0, len(typed), False, place)]
        found = []
        if spelled and self.latin and _LATIN.search(spelled):
            taken: list[tuple[int, int]] = []
            for pattern, value, place in self.latin:
                for match in pattern.finditer(spelled):
                    if any(s < match.end() and match.start() < e for s, e in taken):
                        continue  # inside a longer word already found (special-drug, not drug)
                    taken.append((match.start(), match.end()))
                    start = len(_squeezed(spelled[:match.start()]))
                    # (not on dibao; I no get low-income status: Nigerian Pidgin "I don't have")
                    negated = re.search(r"(?<![a-z])(no|not|non|never|without|didn't|didnt|don't|dont|doesn't|doesnt|haven't|havent|hasn't|hasnt|isn't|isnt|wasn't|wasnt|hadn't|hadnt|weren't|werent|aren't|arent)\s+(?:(?:on|a|an|the|get|got|have|has|dey|be|receive|receiving|getting)\s+){0,2}$",
                                        spelled[:match.start()]) is not None \
                        or self._negated(typed, start)  # (她不是 dibao: a Chinese negation before the letters)
                    found.append(Found(value, start, start + len(_squeezed(match.group(0))), negated, place))
        if self.pattern is not None:
            negated_until = -1  # where the last negated word ends: 不在衢州市内 negates 市内 after 在衢州 too
            for match in self.pattern.finditer(typed):
                word = match.group(0)
                if len(word) == 1 and not self._alone(typed, match.end(), word):
                    # 不晓得, 不一定, 没印象: a one-character word (不, 没, 是, 有) leading other words
                    # negates or starts them; it answers only standing alone (不，没买; 是是是).
                    continue
                value, place = self.literal[word]
                negated = self._negated(typed, match.start()) or match.start() == negated_until
                negated_until = match.end() if negated else -1
                found.append(Found(value, match.start(), match.end(), negated, place))
        for pattern, value, place in self.gapped:
            for match in pattern.finditer(typed):
                if not any(f.start <= match.start() < f.end for f in found):
                    found.append(Found(value, match.start(), match.end(), self._negated(typed, match.start()), place))
        return found

    def _alone(self, typed: str, end: int, word: str) -> bool:
        """Nothing but a break, the word again (是是是) or particles (是啊) follows until the clause ends."""
        rest = typed[end:].split("|", 1)[0]
        return all(char == word or char in self.particles or not _HAN.match(char) for char in rest)

    def _negated(self, typed: str, start: int) -> bool:
        before = typed[:start]
        if before.endswith(self.negations):
            return True
        return before.endswith(self.markers) and before[:-1].endswith(self.negations)


_LATIN = re.compile(r"[a-z]{2}")
_LATIN_GAP = r"(?:[\s-]+[^\s,.;:!?]+){0,6}?[\s-]+"  # up to six words between the parts of stayed…hospital (three weeks in a level 3)


def _latin_words(word: str) -> str:
    """An English word or phrase as a pattern: spaces or hyphens alike (low-income, low income)."""
    return r"[\s-]*".join(map(re.escape, re.split(r"[\s-]+", word.strip())))
_HAN = re.compile(r"[\u3400-\u9fff]")
# 住了十几天, 花了好几万, 住了几天院: 几 counts, it does not ask (after 了, before a unit of time or times)
# 没有没有, 对对对: an old person's repeated answer, one word said again (没有没有 holds 有没有, which asks)
_SAID_AGAIN = re.compile(r"([\u4e00-\u9fff]{2,4}?)\1+|([\u4e00-\u9fff])\2{2,}")


def said_once(text: str) -> str:
    """没有没有 → 没有, 都不是都不是 → 都不是, 对对对 → 对: a word said again is said once."""
    return _SAID_AGAIN.sub(lambda match: match.group(1) or match.group(2), text)


_A_FEW = re.compile(r"(?:[十百千万]|好)几|几(?=[十百千万])|(?<=了)几(?=天|个月|个星期|周|次|回)"
                    r"|(?<=[前这那头过])几(?=天|日|个月|个星期|周|年)|几(?=天前|日前|个月前|周前|年前)")  # (前几天在开化住院 tells when)
# Steps whose buttons are labelled with words (衢州, 城乡居民医保, 住院…): one character of one label answers.
_LABELLED_TABLES = ("city", "scheme", "care", "level", "in_city")
# …算市内吗, 算不算本地: at "in the city or outside", the place before it is what is answered
_COUNTS_AS_IN_CITY = re.compile(r"(?:的医院|的卫生院|那边|这边|那里)?(?:算不算|也算|算|属不属于|属于|是不是)(?:在)?(?:衢州)?(?:市内|市里|本地|衢州|外地|市外)?的?"
                                r"(?:吗|呢|吧|不)?[?？。!！\s]*$")
_GUESSED = re.compile(r"^(?:应该是|可能是|大概是|好像是|应该|可能|大概|好像)|吧?\s*[?？]+\s*$|吧\s*$")
_CLAUSE_BREAK = re.compile(r"[,，。;；!！?？、:：\s]+")
_PUNCTUATION_BREAK = re.compile(r"[,，。;；!！?？、:：]+")


def _in_the_last_clause(before: str, words: tuple[str, ...]) -> bool:
    """One of `words` in the last clause of `before` (the text up to an amount; spaces part no clause:
    call it 20500)."""
    clause = _PUNCTUATION_BREAK.split(before)[-1]
    return any(word in clause for word in words)


def _squeezed(text: str) -> str:
    """`text` as comparable() spells it, for positions (comparable falls back to the text when nothing is left)."""
    return re.sub(r"[\s\W_]+", "", text)


class Unread(Exception):
    """Nothing usable in the answer. `reason`: question | unsure | ambiguous | unknown | uncovered | hospital_name | amount:<why>."""

    def __init__(self, reason: str, value=None):
        super().__init__(reason)
        self.reason = reason
        self.value = value  # for uncovered: the value understood


UNSURE = object()  # "not sure" where the step allows it: the estimate states what it assumes


def _names_any(typed: str, words: tuple[str, ...]) -> bool:
    compared = comparable(typed)
    return any(word in compared for word in words)


_A_RATE = re.compile(r"[0-9]\s*[%％]")  # (低保户的大病保险是报70%吗？: a rate checked is a rule asked)
GAP_LONGEST = 6  # characters a … in a word may stand for (大病…了多少: 大病保险给了多少)
LATIN_GAP_LONGEST = 30  # …in an English word, letters (about five words): why…zero


def _gapped_words(words) -> re.Pattern:
    """One pattern for words that may hold … (a few characters in between), as compared."""
    # (an English word's parts may stand a few words apart, compared without spaces: why is critical illness insurance zero)
    parts = [f".{{0,{LATIN_GAP_LONGEST if str(word).replace('…', '').isascii() else GAP_LONGEST}}}".join(
        re.escape(comparable(part)) for part in str(word).split("…")) for word in words]
    return re.compile("|".join(sorted(parts, key=len, reverse=True)) or "(?!)")


def simplified(typed: str) -> str:
    """Traditional characters as simplified (職工 -> 职工, 兩萬 -> 两万): the vocabulary is simplified; and characters
    typed one by one with spaces between (衢 州 居 保) as one run."""
    typed = spaced_out_joined(typed)
    # Most messages have no traditional character: no conversion (twice per question otherwise).
    return typed if _traditional_characters().isdisjoint(typed) else _opencc("t2s").convert(typed)


class AnswerReader:
    """Reads typed answers for the dialogue's steps; matchers are built once per knowledge load."""

    def __init__(self, words: AnswerWords):
        self.words = words
        self.known = words.understanding
        self.negations = tuple(sorted({comparable(w) for w in self.known.negations}, key=len, reverse=True))
        # (她不是 低保, 不是 dibao: a negation of two characters or more, then a pause typed as a space, still negates
        # what follows; a lone 不 before a space is an answer of its own, 不 没买, and 没有 ends what came before as often,
        # 自费没有 底保户)
        longer = [re.escape(word) for word in self.negations if len(word) >= 2 and word.startswith(("不", "唔"))]
        every = "|".join(re.escape(word) for word in self.negations)
        # (not 不是 不是低保: a negation said again after the pause is the answer said twice)
        self._negation_paused = re.compile(rf"((?:{'|'.join(longer)}))\s+(?=\S)(?!{every})") if longer else None
        self._unsure = tuple(comparable(w) for w in self.known.unsure)
        self._finding_out = tuple(sorted({comparable(w) for w in self.known.finding_out}, key=len, reverse=True))
        self._questions = tuple(unicodedata.normalize("NFKC", w).lower() for w in self.known.question_words)
        self._none = tuple(comparable(w) for w in self.known.none_words if not str(w).isascii())
        self._payment_denied = tuple(comparable(w) for w in self.known.payment_denied_words)
        self._none_latin = tuple(re.compile(r"(?<![a-z'])" + _latin_words(unicodedata.normalize("NFKC", str(w)).lower()) + r"(?![a-z'])")
                                 for w in self.known.none_words if str(w).isascii())  # whole words: no is not in know
        self._markers = tuple(comparable(w) for w in self.known.care_place_markers if len(comparable(w)) == 1)
        self._calculate = tuple(comparable(w) for w in self.known.calculate_words)
        self._calculate_not_after = tuple(comparable(w) for w in self.known.calculate_not_after)
        self._amount_questions = tuple(comparable(w) for w in self.known.amount_questions)
        self._rule_words = tuple(comparable(w) for w in self.known.rule_words)
        self._premium_words = tuple(comparable(w) for w in self.known.premium_words)
        self._yearly_cap_words = tuple(comparable(w) for w in self.known.yearly_cap_words)
        self._result_words = _gapped_words(self.known.result_words)
        self._earlier_words = _gapped_words(self.known.earlier_words)
        self._taken_as_words = tuple(prepare(w) for w in self.known.taken_as_words)
        # 衡阳的，哦不，衢州的; 三级，不对，二级: what follows the last of these, at a pause, answers
        corrections = sorted({unicodedata.normalize("NFKC", str(w)).lower() for w in (*self.known.correction_words, "哦不", "噢不", "啊不")}, key=len, reverse=True)
        self._correction_at_a_pause = re.compile(r"(?:^|(?<=[\s,.!?;:~…，。！？；：、哦噢啊呃]))(?:" + "|".join(map(re.escape, corrections)) + ")")
        self._bare_amount = re.compile("|".join(map(re.escape, sorted(
            {comparable(w) for w in (*self.known.amount_questions, *self.known.bare_amount_words)} - {""}, key=len, reverse=True))) or "(?!)")
        self._back_to_the_result = tuple(comparable(w) for w in self.known.back_to_the_result)
        self._why = tuple(comparable(w) for w in self.known.why_words)
        self.insurance_words = tuple(comparable(w) for w in self.known.insurance_words)
        self._stop = tuple(comparable(w) for w in self.known.stop)
        self._restart = tuple(comparable(w) for w in self.known.restart)
        self._back = tuple(comparable(w) for w in self.known.back)
        self._go_on = tuple(comparable(w) for w in self.known.go_on)
        self._result_asked = tuple(comparable(w) for w in self.known.result_asked)
        self._rules_year_asked = tuple(comparable(w) for w in self.known.rules_year_asked)
        self._own_sum = tuple(comparable(w) for w in self.known.own_sum)
        self._own_sum_checked = tuple(comparable(w) for w in self.known.own_sum_checked)
        fillers = sorted({comparable(w) for w in self.known.answer_fillers} - {""}, key=len, reverse=True)
        self._opening_fillers = re.compile(rf"^(?:(?:{'|'.join(map(re.escape, fillers))})[\s,，。.、~…]*)+") if fillers else None
        self._ordinals = {comparable(w): place for place, words in enumerate(self.known.ordinals, 1) for w in words}
        fillers = sorted({comparable(w) for w in self.known.ordinal_fillers} - {""}, key=len, reverse=True)
        self._ordinal_fillers = re.compile("|".join(map(re.escape, fillers)) or "(?!)")
        self.not_money_after = tuple(self.known.not_money_after)
        self.rate_units = tuple(self.known.rate_units)
        self.rough = (tuple(prepare(w) for w in self.known.rough_before), tuple(prepare(w) for w in self.known.rough_after))
        self.best_figure_words = tuple(sorted({prepare(w) for w in self.known.best_figure_words} - {""}, key=len, reverse=True))
        self._later = tuple(comparable(w) for w in self.known.later_words)
        self._past = self.past_words = tuple(comparable(w) for w in self.known.past_words)
        self._not_a_cost_words = tuple(prepare(w) for w in self.known.amount_labels.not_a_cost)
        # A plan and its other spellings (惠衢保, Huiqubao): named in an answer, it is its subject.
        self._topic_names = {plan: (plan, *names) for plan, names in self.known.plan_names.items()}
        self._matchers: dict[tuple, WordMatcher] = {}
        self._sound_tables: dict[tuple, object] = {}
        self._spellings: dict[tuple, object] = {}  # (_respelled) built when first needed

    # --- vocabularies -------------------------------------------------------------------------

    def matcher(self, table: str, region: str | None = None) -> WordMatcher:
        key = (table, region)
        matcher = self._matchers.get(key)
        if matcher is None:
            matcher = self._matchers[key] = WordMatcher(self._pairs(table, region), self.negations, self._markers,
                                                        "".join(w for w in self.known.particles if len(w) == 1))
        return matcher

    def _pairs(self, table: str, region: str | None) -> list[tuple[str, object, bool]]:
        pairs = [(word, value, False) for value, choice in self.words.choices(table).items()
                 for word in [str(value), *choice.words]] if table in ("city", "scheme", "care", "level", "in_city", "yes_no") else []
        if table.startswith("named:"):  # named:scheme: the words naming a choice outright (城乡居民医保)
            name = table.split(":", 1)[1]
            values = {str(value): value for value in self.words.choices(name)}
            return [(word, values[key], False) for key, words in self.known.named_choices.get(name, {}).items()
                    if key in values for word in words]
        if table == "city":
            pairs += [(place, city, True) for city, places in self.known.places.items() for place in places]
            pairs += [(place, OUTSIDE, True) for place in self.known.other_places]
        elif table == "in_city":
            for city, choice in self.words.choices("city").items():
                # (the city's own name in letters mostly names the insurance: Quzhou resident insurance; a county's, Jiangshan, the place)
                names = [*(word for word in choice.words if not str(word).isascii()), *self.known.places.get(city, [])]
                pairs += [(name, city == region, True) for name in names]
            pairs += [(place, False, True) for place in self.known.other_places]
        elif table.startswith("yes_no:"):
            extra = self.known.step_words.get(table.split(":", 1)[1])
            if extra is not None:  # the step's own words first: they win over the shared ones
                pairs = [(w, True, False) for w in extra.yes] + [(w, False, False) for w in extra.no]
            pairs += self._pairs("yes_no", None)
        return pairs

    # --- reading --------------------------------------------------------------------------------

    def is_question(self, typed: str) -> bool:
        return self._first_question_word(typed)[0] is not None

    def before_question(self, typed: str) -> str:
        """The words before the first question word (要是买了能报吗 -> 要是买了能报)."""
        at, lowered = self._first_question_word(typed)
        return lowered[:at] if at is not None else lowered

    def _first_question_word(self, typed: str) -> tuple[int | None, str]:
        """(where the first question word is, None if there is none; the text as compared)."""
        lowered = said_once(unicodedata.normalize("NFKC", typed).lower())
        counted = _A_FEW.sub(lambda match: "_" * len(match.group(0)), lowered)  # (十几天 asks nothing)
        return min((counted.find(word) for word in self._questions if word in counted), default=None), lowered

    def means_none(self, typed: str) -> bool:
        """没有, 无: at 目录外药品费用 this is 0."""
        compared = comparable(typed)
        for word in self._payment_denied:
            compared = compared.replace(word, " ")
        if any(word in compared for word in self._none):
            return True
        spelled = unicodedata.normalize("NFKC", typed).lower()
        return any(pattern.search(spelled) for pattern in self._none_latin)

    def is_unsure(self, compared: str) -> bool:
        return any(word in compared for word in self._unsure)

    def choice(self, table: str, typed: str, region: str | None = None, allows_unsure: bool = False, prefer: list | None = None,
               in_a_case: bool = False, topic: str | None = None):
        """The one value `typed` names for this table; Unread when none, several or a question.

        in_a_case: `typed` is a whole case (能报多少 ends it; 在杭州住院 names where, not the city).
        topic: what the step asks about (惠衢保): named in the answer it is its subject, not the
        answer, so 有惠衢保 reads as 有 and 惠衢保没买 as 没买.
        """
        if not in_a_case and (split := self.corrected_within(typed)) is not None:
            typed = split[1]  # 三级，不对，二级: the correction answers
        if topic:
            if not self.names_topic(typed, topic):
                corrected = self.topic_sounds(topic).correct(comparable(typed))
                if topic in corrected:  # 有惠区保: the plan typed by its sound
                    typed = corrected
            for name in self._topic_names.get(topic, (topic,)):
                typed = re.sub(re.escape(name), " ", typed, flags=re.IGNORECASE)
        typed = said_once(typed)
        compared = comparable(typed)
        exact = self.matcher(table, region).whole.get(compared) or self.matcher(table, region).literal.get(compared)
        if exact is None and (unfilled := self._without_opening_fillers(typed)) != typed:
            typed, compared = unfilled, comparable(unfilled)  # (嗯呐 is a yes of its own)
            exact = self.matcher(table, region).whole.get(compared) or self.matcher(table, region).literal.get(compared)
        if exact is not None:
            return self._resolve(table, [Found(exact[0], 0, len(compared), False, exact[1])], prefer)
        if not in_a_case and len(compared) == 1 and _HAN.match(compared):
            single = self.single_character(table, compared)
            if single is not None:
                return single
        if not in_a_case and self.is_unsure(compared):
            if self._asks_besides_the_doubt(typed):  # 惠衢保是个啥？我也不知道他有没有: the question first
                raise Unread("question")
            if allows_unsure:
                return UNSURE
            raise Unread("unsure")
        if not in_a_case and (guess := _GUESSED.sub("", typed).strip()) and guess != typed.strip():
            try:  # 应该是二级吧？, 住院吧?: a guess at the answer, not a question
                return self.choice(table, guess, region, allows_unsure, prefer, topic=topic)
            except Unread:
                pass
        if not in_a_case and table == "in_city" and (place := _COUNTS_AS_IN_CITY.sub("", typed).strip()) and place != typed.strip() \
                and any(item.place for item in self.matcher(table, region).find(comparable(place))):
            try:  # 龙游算市内吗, 柯城的医院算不算: a place asked of, which the step's words place (not 异地备案了算不算本地)
                return self.choice(table, place, region, allows_unsure, prefer)
            except Unread:
                pass
        if not in_a_case and self.is_question(typed) and not (self.asks_amount(typed) and not table.startswith("yes_no")):
            # 住院能报多少 at "which care" is an answer; 惠衢保有什么用 is a question, and so is 低保户能多报多少
            # at a yes/no step (asked of 低保户 in general, not saying one is).
            raise Unread("question")
        matcher = self.matcher(table, region)
        spelled = unicodedata.normalize("NFKC", typed).lower()
        if not in_a_case:
            later = self._later_part(compared)
            if later is not None:  # 以前是低保，现在不是了: what holds now answers
                try:
                    return self._resolve(table, matcher.find(later), prefer)
                except Unread:
                    pass
            elif table.split(":")[-1] in self.known.past_steps and any(word in compared for word in self._past):
                raise Unread("ambiguous")  # 以前是低保户: what was, not what is now
        if (joined := self.negation_joined(typed)) != typed:
            typed, spelled = joined, unicodedata.normalize("NFKC", joined).lower()
        # Clauses kept apart: in 不，没有 the 不 is an answer of its own, not a negation of 没有.
        read = self._clauses(typed) if not in_a_case else compared
        found = matcher.find(read, spelled)
        if in_a_case:
            found = [item for item in found if item.value != OUTSIDE]
        if table == "in_city":  # 我老婆在杭州参保，她住院能报多少: where she is insured, not where care was
            found = [item for item in found if not (item.place and read.startswith(self.insurance_words, item.end))]
        if table.startswith("yes_no"):
            found = self._denied_after_it(found, read)
        try:
            return self._resolve(table, found, prefer)
        except Unread as unread:
            if unread.reason == "ambiguous" and table in self.known.named_choices:
                # 我爸退休以后…他是城乡居民医保: 退休 only suggests 职工; the scheme named outright wins
                try:
                    return self._resolve(table, self.matcher(f"named:{table}").find(read, spelled), prefer)
                except Unread:
                    pass
            if unread.reason != "unknown" or in_a_case:
                raise
            corrected = self._sounds(table, region).correct(compared)
            if corrected == compared:
                respelled = self._respelled(table, region, spelled)
                if respelled == spelled:
                    raise
                return self._resolve(table, matcher.find(comparable(respelled), respelled), prefer)
        # 衢洲, 渠州, 横阳, 居明: nothing was found, but the answer sounds like one of the step's words.
        return self._resolve(table, matcher.find(corrected), prefer)

    def _without_opening_fillers(self, typed: str) -> str:
        """嗯 那个 低保不是的: the answer after the sounds a speaker opens with (嗯 alone still says yes)."""
        if self._opening_fillers is None:
            return typed
        rest = self._opening_fillers.sub("", typed.strip())
        return rest if comparable(rest) else typed

    @staticmethod
    def _denied_after_it(found: list[Found], read: str) -> list[Found]:
        """低保不是的, 惠衢保没有: a yes word (the step's subject) and right after it a no: the no answers."""
        kept = []
        for at, item in enumerate(found):
            following = found[at + 1] if at + 1 < len(found) else None
            if item.value is True and not item.negated and following is not None and following.value is False \
                    and not following.negated and read[item.end:following.start] in ("", "的", "也", "都", "倒", "可"):
                continue
            kept.append(item)
        return kept

    def single_character(self, table: str, character: str):
        """A one-character whole answer (衢, 居, 住, 一, 内) that is in the label of one button of the
        step only: that button. In several labels (门: 普通门诊, 门诊慢性病) or none: None."""
        if table not in _LABELLED_TABLES:
            return None
        values = [value for value in self.words.choices(table)
                  if character in comparable(self.words.label(table, value))]
        return values[0] if len(values) == 1 else None

    def negation_joined(self, text: str) -> str:
        """The text without the pause typed between a negation and what it negates (她不是 低保)."""
        return self._negation_paused.sub(r"\1", text) if self._negation_paused is not None else text

    @staticmethod
    def _clauses(typed: str) -> str:
        """The comparable text with a break (|, never part of a word) where a clause ends."""
        return "|".join(filter(None, (comparable(part) for part in _CLAUSE_BREAK.split(typed))))

    def corrected_within(self, typed: str) -> tuple[str, str] | None:
        """(what came before, what follows) the last correction at a pause in a message (衡阳职工，不对，是衢州职工),
        None when there is none or nothing follows it."""
        lowered = unicodedata.normalize("NFKC", typed).lower()
        found = [match for match in self._correction_at_a_pause.finditer(lowered) if match.start() > 0]
        after = lowered[found[-1].end():].strip(" ,.!?;:~…，。！？；：、是") if found else ""
        return (lowered[:found[-1].start()], after) if after else None

    def _asks_besides_the_doubt(self, typed: str) -> bool:
        """A clause that asks without saying one does not know (是个啥 in 是个啥？我也不知道他有没有)."""
        clauses = [part for part in _CLAUSE_BREAK.split(typed) if part.strip()]
        return len(clauses) > 1 and any(self.is_question(part) and not self.is_unsure(comparable(part)) and not self._asks_how_to_find_out(part)
                                        for part in clauses)

    def _doubts_asking_where_to_look(self, typed: str) -> bool:
        """不知道 with only how to find out asked beside it (几级医院我不知道啊 这个怎么看)."""
        return self.is_unsure(comparable(typed)) and not self._asks_besides_the_doubt(typed) \
            and any(self._asks_how_to_find_out(part) for part in _CLAUSE_BREAK.split(typed) if part.strip())

    def _asks_how_to_find_out(self, part: str) -> bool:
        """这个怎么看, how do I tell: a finding-out word with at most a pointer beside it (not 惠衢保怎么查, a question of its own)."""
        compared = comparable(part)
        return any(word in compared and len(compared.replace(word, "", 1)) <= 2 for word in self._finding_out)

    def _later_part(self, compared: str) -> str | None:
        """The part from the last 现在/今年/后来 when something comes before it, else None."""
        at = max((compared.rfind(word) for word in self._later), default=-1)
        return compared[at:] if at > 0 else None

    def names_topic(self, typed: str, topic: str) -> bool:
        """Whether `typed` names the plan, by its name or another spelling (惠衢保, Huiqubao)."""
        lowered = typed.lower()
        return any(name.lower() in lowered for name in self._topic_names.get(topic, (topic,)))

    def topic_sounds(self, topic: str):
        """Sound-alike typos of a plan's name (惠区保, 会衢保), built when first needed."""
        return self.word_sounds((topic,))

    def word_sounds(self, words: tuple[str, ...]):
        """Sound-alike typos of these words (底保 for 低保), built when first needed."""
        key = ("words", words)
        sounds = self._sound_tables.get(key)
        if sounds is None:
            from bot.domain.questions.sounds import SoundTable

            sounds = self._sound_tables[key] = SoundTable([comparable(word) for word in words])
        return sounds

    def sound_corrected(self, table: str, compared: str) -> str:
        """`compared` (a whole message) with sound-alike typos of the table's main words spelled right
        (只工 -> 职工, 渠州 -> 衢州): each choice's label and first word only, since in a long
        message the short answer words find sound-alikes everywhere (在支付宝 is no 在职)."""
        key = ("main", table)
        sounds = self._sound_tables.get(key)
        if sounds is None:
            from bot.domain.questions.sounds import SoundTable

            words = [comparable(str(word)) for value, choice in self.words.choices(table).items()
                     for word in (self.words.label(table, value), *choice.words[:1])]
            sounds = self._sound_tables[key] = SoundTable(words)
        return sounds.correct(compared)

    def _respelled(self, table: str, region: str | None, spelled: str) -> str:
        """Quzhuo, resdent, hosptial stay: English a keystroke or two from the step's own words, written right."""
        if not _LATIN.search(spelled):
            return spelled
        key = (table, region)
        spelling = self._spellings.get(key)
        if spelling is None:
            from bot.domain.questions.spelling import EnglishSpelling  # rapidfuzz: only when an answer is not understood

            words = {word for typed, _, _ in self._pairs(table, region) for word in re.findall(r"[a-z]+", str(typed).lower())}
            spelling = self._spellings[key] = EnglishSpelling(words)
        return spelling.correct(spelled)

    def _sounds(self, table: str, region: str | None):
        """Sound-alike typos of the step's own words (places too), built when first needed."""
        key = (table, region)
        sounds = self._sound_tables.get(key)
        if sounds is None:
            from bot.domain.questions.sounds import SoundTable  # pypinyin's tables: only when an answer is not understood

            words = [comparable(str(word)) for word, _, _ in self._pairs(table, region) if "…" not in str(word)]
            sounds = self._sound_tables[key] = SoundTable(words)
        return sounds

    def _resolve(self, table: str, found: list[Found], prefer: list | None):
        values = set()
        for item in found:
            value = item.value
            if item.negated:
                if isinstance(value, bool) and not (item.place and value is False):
                    value = not value  # 不在衢州 -> outside; 没买 -> no; 不是外地 -> inside
                else:
                    continue  # 不是职工, 不在杭州: says what it is not, not what it is
            values.add(value)
        if len(values) > 1 and prefer:
            preferred = [value for value in prefer if value in values]
            if len(preferred) == 1:
                values = set(preferred)
        if len(values) > 1:
            raise Unread("ambiguous")
        if not values:
            raise Unread("unknown")
        (value,) = values
        if value == OUTSIDE:
            raise Unread("uncovered", value)
        return value

    def amount(self, typed: str, none_means_zero: bool = False):
        """The amount in `typed` (a bare amount or one inside a sentence)."""
        try:
            return parse_amount(typed)
        except AmountError as error:
            if error.reason not in ("not_a_number", "empty"):
                raise Unread(f"amount:{error.reason}") from None
            whole_error = error.reason
        prepared = prepare(typed)
        found = find_amounts(prepared, self.not_money_after, self.rate_units, self.rough)
        if any(self._not_a_cost(prepared[:at]) for at, _ in found):
            raise Unread("question")  # 起付线是700吧, 惠衢保一年交100块: another amount, not what was spent
        errors = [value for _, value in found if isinstance(value, AmountError)]
        taken = [value for at, value in found if not isinstance(value, AmountError) and self._taken_as(prepared[:at])]
        if len(taken) == 1 and all(error.reason == "not_exact" for error in errors):
            return taken[0]  # 两万出头，就按两万算吧: the rough figure, then the one to take
        if errors and errors[0].reason in ("not_exact", "rate"):
            raise Unread(f"amount:{errors[0].reason}")  # 十几万, 好几千: 几 here counts, it does not ask
        if self.is_question(typed):
            raise Unread("question")
        if not found and self.is_unsure(comparable(typed)):
            raise Unread("amount:unsure")  # 不知道有没有: not "none"; where to look is said
        if not found:
            if none_means_zero and self.means_none(typed):
                return parse_amount("0")
            raise Unread(f"amount:{whole_error}")
        values = {value for _, value in found if not isinstance(value, AmountError)}
        if errors:  # 一个月五千，吃了半年: the usable-looking 五千 is not the cost either
            raise Unread(f"amount:{errors[0].reason}")
        if len(values) != 1:
            raise Unread("amount:several")
        return values.pop()

    # --- whole messages ---------------------------------------------------------------------------

    def _taken_as(self, before: str) -> bool:
        """A word of taken_as_words (按, 就算, call it) in the clause before an amount: the figure to take."""
        return _in_the_last_clause(before, self._taken_as_words)

    def _not_a_cost(self, before: str) -> bool:
        """A word of amount_labels.not_a_cost (起付线, 保费, 一年交) in the clause before an amount."""
        return _in_the_last_clause(before, self._not_a_cost_words)

    def asks_to_start_again(self, typed: str) -> bool:
        """重新算, 那就重新算吧, start over: a few words asking for a new estimate (not 起付线几号重新算, a question)."""
        return len(typed) <= START_AGAIN_LONGEST and self.navigation(typed) == "restart" and not self.is_question(typed)

    def wants_calculation(self, typed: str) -> bool:
        """帮我算, 算一下, 算报销: start the estimate (not 结算报销 or 预算: 算 inside another word)."""
        compared = comparable(typed)
        for word in self._calculate:
            at = compared.find(word)
            while at >= 0:
                if not compared[:at].endswith(self._calculate_not_after) or not word.startswith("算"):
                    return True
                at = compared.find(word, at + 1)
        return False

    @staticmethod
    def may_hold_an_amount(typed: str) -> bool:
        """A cheap look before reading a whole case: digits, or a Chinese amount (十万, 两千)."""
        return _MAYBE_AMOUNT.search(typed) is not None

    @staticmethod
    def is_bare_amount(typed: str) -> bool:
        """The whole message is an amount (0, 5万): at a choice step it answers nothing and tells no new cost."""
        try:
            parse_amount(typed)
        except AmountError:
            return False
        return True

    def holds_an_amount(self, typed: str) -> bool:
        """An amount of money is written (not only a rate, a level or a count: 为什么是90%)."""
        return self.may_hold_an_amount(typed) and bool(find_amounts(prepare(typed), self.not_money_after, self.rate_units, self.rough))

    def tells_without_asking(self, typed: str) -> bool:
        """Neither a question nor about a rule (我是城乡居民医保，在上海三级医院住院，已经备案了; not
        衢州居民二级医院住院报销比例): if it tells a case, the resident means to work it out."""
        return not self.is_question(typed) and not _names_any(typed, self._rule_words)

    def asks_a_rule(self, typed: str) -> bool:
        """A question about a rule (二级医院的起付线是多少？, 低保户交医保是不是政府帮着交？), not the estimate's own
        (这次花了1000，能报多少): in the middle of an estimate it is answered, and the step asked again; a level it names
        (二级, level 2) is no answer, and no amount."""
        if self._doubts_asking_where_to_look(typed):
            return False  # (几级医院我不知道啊 这个怎么看: the step's hint says where to look)
        if self.asks_of_the_premium(typed) and not self.asks_amount(typed):
            return True  # (惠衢保一年那100块，政府也帮她交吗: the figure is what is paid in, no cost of the case)
        return self.is_question(typed) and not self.holds_an_amount(typed) and (
            (_names_any(typed, self._rule_words) or _A_RATE.search(typed)) and not self.asks_amount(typed)
            or _names_any(typed, self._yearly_cap_words))  # (一年最多能报多少 asks the yearly cap, not this bill's share)

    def asks_of_the_premium(self, typed: str) -> bool:
        """A question about paying in (低保户交居民医保还要自己出钱吗): no detail of an estimate."""
        return self.is_question(typed) and _names_any(typed, self._premium_words)

    def asks_amount(self, typed: str) -> bool:
        """能报多少, 自己出多少: a question an estimate answers."""
        return _names_any(typed, self._amount_questions)

    def stated_amount(self, typed: str, named_by: tuple[str, ...]) -> Decimal | None:
        """The one usable amount a message states, named by one of `named_by` in its clause (缴费基数八千五,
        每月药费1500; not 免赔额是一万, a figure checked); None for none or several."""
        if not self.may_hold_an_amount(typed):
            return None
        prepared = prepare(simplified(typed))
        found = [(at, value) for at, value in find_amounts(prepared, self.not_money_after, (), self.rough) if isinstance(value, Decimal)]
        if len(found) != 1 or found[0][1] <= 0:
            return None
        at, value = found[0]
        clause = _PUNCTUATION_BREAK.split(prepared[:at])[-1]  # (English words are no clauses: my contribution base is 6000)

        def nearest(words) -> int:  # where the last of these words ends in the clause (-1: none)
            return max((clause.rfind(word) + len(word) for word in words if word in clause), default=-1)

        # the word nearest the figure names it: 缴费基数八千五 (a base), not 特药免赔额是一万 (a figure of the rules checked)
        named = nearest([prepare(word) for word in named_by])
        return value if named >= 0 and named >= nearest(self._not_a_cost_words) else None

    def asks_how_it_was(self, typed: str) -> bool:
        """那以前呢, 原来是多少, before the change: how a result whose terms changed was before."""
        return self._earlier_words.search(comparable(typed)) is not None

    def asks_only_the_amount(self, typed: str) -> bool:
        """能报多少？, 那一共能报多少: an amount question and nothing else (not 一年最多报多少, 门诊能报多少)."""
        return self.asks_amount(typed) and not re.sub(r"[\W_]+", "", self._bare_amount.sub("", comparable(typed)))

    def without_result_words(self, compared: str) -> str:
        """The text without its questions about a figure of the result (自己得掏多少)."""
        return self._result_words.sub(" ", compared)

    def asks_about_the_result(self, typed: str) -> bool:
        """自己要出多少, 大病报了多少, How much do I pay myself?: a question about a figure of a result."""
        return self._result_words.search(comparable(typed)) is not None

    def asks_why(self, typed: str) -> bool:
        """为什么这么少, 花了五万才报一万多: why a figure of the result is what it is."""
        return self.asks_about_the_result(typed) and _names_any(typed, self._why)

    def asks_for_the_result(self, typed: str) -> bool:
        """刚才那个算完了吗, 结果呢, is it done?: whether the estimate is worked out, or its result again (no amount, short)."""
        compared = comparable(typed)
        return len(compared) <= GO_ON_LONGEST and any(word in compared for word in self._result_asked) \
            and not self.holds_an_amount(typed)

    def asks_the_rules_year(self, typed: str) -> bool:
        """这个60%是哪一年的政策, which year are these rates from?: the year of the rules a result used, which its sources
        give (a short question, no amount but a rate)."""
        compared = comparable(typed)
        return len(compared) <= RULES_YEAR_LONGEST and any(word in compared for word in self._rules_year_asked)

    def checks_an_own_sum(self, typed: str) -> bool:
        """我自己算的是一共报了五万七千多，对吧: the resident's own sum of a result, to be checked against it."""
        compared = comparable(typed)
        return any(word in compared for word in self._own_sum) and any(word in compared for word in self._own_sum_checked) \
            and self.holds_an_amount(typed)

    def points_back_to_the_result(self, typed: str) -> bool:
        """刚才那笔, back to my estimate: the estimate worked out before, whatever was asked since."""
        return _names_any(typed, self._back_to_the_result)

    def asked_after_stopping(self, typed: str) -> str | None:
        """不算了，惠衢保在哪里买？: the question asked after the words that stop the estimate, if any."""
        stops = (*self._stop, *(word for word in self.words.words_naming("navigation", "cancel") if len(word) > 1))
        for end in range(1, len(typed) + 1):
            if any(word in comparable(typed[:end]) for word in stops):
                rest = typed[end:].strip(" ,.!?;:，。！？；：、~")
                return rest if rest and self.is_question(rest) else None
        return None

    def ordinal(self, typed: str) -> int | None:
        """第二个, 选第一个吧, the second one: the place of the button meant, counted from 1; None for anything else."""
        compared = comparable(simplified(typed))
        return self._ordinals.get(compared) or self._ordinals.get(self._ordinal_fillers.sub("", compared))

    def navigation(self, typed: str) -> str | None:
        """back | cancel | restart | go_on when typed asks to move, stop, start again or go on where it was."""
        exact = self.words.lookup("navigation", typed)
        if exact is not None:
            return exact
        compared = comparable(typed)
        if any(word in compared for word in self._stop):
            return "cancel"
        if any(word in compared for word in self._restart):
            return "restart"
        if any(word in compared for word in self._back):
            return "back"
        if self.asks_for_the_result(typed) or len(compared) <= GO_ON_LONGEST and any(word in compared for word in self._go_on):
            return "go_on"
        return None
