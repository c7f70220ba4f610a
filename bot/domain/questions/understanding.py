"""Reading a question the way a resident writes it, before search: no aiogram, no I/O.

knowledge/understanding.yaml (staff-editable) supplies every list used here:
- fillers of spoken, voice-to-text messages, removed;
- sound-alike typos from pinyin keyboards (惠曲保, 亲请账户, 家庭公积), read as the word meant;
- neighbouring subjects we do not cover (生育保险, 公积金 …): such a question is declined by name;
- facets (product, scheme, care, year) the question names: an entry declaring another value
  for a named facet does not answer it;
- the role of a place the question names: where the resident is treated or lives, or whose
  insurance it is.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from pydantic import BaseModel, ConfigDict, Field

from bot.domain.questions.sounds import SoundTable
from bot.domain.questions.wordmatch import COMPARING, GAP, WordMap, alternation

_AGED = r"turned|turns|turning|aged|age|is|am|now"  # (she is 68, aged 80: the words before an English age)
# 我儿子17了, 他78了, 我妈今年72了: an age said without 岁 (after the person, or the person and a word of time)
_PERSON_BEFORE_AGE = "[子女儿孩娃妈媽爸父母他她爷爺奶婆公]"
_BARE_AGE = "(?:" + "|".join(f"(?<={_PERSON_BEFORE_AGE}{between})" for between in ("", "今年", "已经", "已經", "都", "也", "快", "今年都", "今年已经", "今年已經")) \
    + r")([0-9]{1,2})(?=多?了)"
AGE = re.compile(r"(?<![0-9一二两三四五六七八九十])([0-9]{1,2}|[一二两三四五六七八九十]{1,3})(?:周岁|岁)"
                 r"|(?<![0-9])([0-9]{1,2})[- ]?(?:years?|yrs?)[- ]?old"
                 rf"|{_BARE_AGE}"
                 rf"|\b(?:{_AGED})\s+([0-9]{{1,2}})\b(?!\s*(?:yuan|rmb|%|percent|people|relatives|days|months|years))")
# 我爸今年七十三衢州的居民医保…: an age after the person and a word of time, in words or two digits, with no unit of money
_SPOKEN_AGE = "(?:" + "|".join(f"(?<={_PERSON_BEFORE_AGE}{between})" for between in ("今年", "已经", "已經", "都", "今年都", "今年已经", "今年已經")) \
    + r")(?:[一二三四五六七八九]?十[一二三四五六七八九]?|[1-9][0-9])多?(?![0-9万萬千百元块塊毛角kKwW.点])"
AGE_WITHOUT_UNIT = re.compile(_BARE_AGE)
AGE_TOLD_IN_A_CASE = re.compile(f"{_BARE_AGE}|{_SPOKEN_AGE}")  # (the case reader blanks it: no amount of money)
# my mum is 68, aged 80, my dad, 72,: an English age said without "years old" (never money: see the case reader)
ENGLISH_AGE_WITHOUT_UNIT = re.compile(
    rf"\b(?:{_AGED}|she's|he's|i'm)\s+([0-9]{{1,2}})\b(?!\s*(?:yuan|rmb|kuai|%|percent|k\b|w\b|,?\s*000))"
    r"|\b(?:mum|mom|mother|dad|father|grandma|grandpa|grandmother|grandfather|son|daughter|wife|husband|in-law),\s*([0-9]{1,2})\s*,",
    re.IGNORECASE)
# an age told, then a short question whether one may (她也能买吗): one clause, the age is what is asked of
_AGE_THEN_ASKED = re.compile(r"(岁了?)[\s,]+(?=\S{0,5}(?:能|可以|让)[^不\s]\S{0,4}$)")
# 是不是比居民高, 居民的话又是多少, 跟居民比: the other side weighed against the first
_WEIGHED = re.compile(r"比[^较如方]|又是|又报|又能|又交|\bvs\.?(?!\w)|\bversus\b|compared (?:with|to)\b|\brespectively\b|\bthe two\b|\beach\b")
_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


# two things joined to be compared: up to six characters (or two English words) each side of 和/跟/与/vs, or of 还是 (二级医院还是三级医院)
_THAN = re.compile(r"([\u4e00-\u9fff0-9]{2,8})比(?!例|较|如|方)(?:去|在)?([\u4e00-\u9fff0-9]{2,8})")  # 社区比三甲多报几成
_JOINED = re.compile(r"([\u4e00-\u9fff0-9]{2,8}|[a-z0-9-]+(?: [a-z0-9-]+)?)" + COMPARING.format(more="|还是") +
                     r"(?:去|在)?([\u4e00-\u9fff0-9]{2,8}|[a-z0-9-]+(?: [a-z0-9-]+)?)")


# the words joining two sides each asked of (Understanding.each_side), and the pauses ending a clause
_JOINER = re.compile(r"和|跟|与|同|以及|还有|及|、|/|\b(?:and|vs\.?|versus)\b")
_CLAUSE_PAUSE = re.compile(r"[,.!?;:，。！？；：]+|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_REPEATED = re.compile(r"([\u4e00-\u9fff]{2,}?)\1")


def _once(text: str) -> str:
    """A side's question as it reads said once (衢州居民门诊起付线门诊起付线 → 衢州居民门诊起付线), trimmed."""
    return " ".join(_REPEATED.sub(r"\1", text).split())


def _found(pattern: re.Pattern | None, text: str) -> str | None:
    """What a word list's pattern (None when the list is empty) finds first in the text."""
    match = pattern.search(text) if pattern is not None else None
    return match.group(0) if match else None


def _bigrams(text: str) -> set[str]:
    return {text[at:at + 2] for at in range(len(text) - 1)} if not text.isascii() else set(text.split())


def small_number(text: str) -> int:
    """3, 三, 十五, 二十 → the number (ages, counts: two digits at most)."""
    if text.isdigit():
        return int(text)
    tens, _, ones = text.rpartition("十")
    if "十" not in text:
        return _DIGITS.get(text, 0)
    return (_DIGITS.get(tens, 1) if tens else 1) * 10 + _DIGITS.get(ones, 0)
# what one is not (是不是 asks), up to a pause or a bracket: 衢州居民（不是职工）门诊 still asks of outpatient care
_NEGATED = re.compile(r"(?<!是)不是[^\s,.!?;:()、，。！？；：（）]{0,6}|\b(?:not|no|never|without|isn't|isnt|aren't|hasn't|hasnt)(?: in| on)? (?:an? |any |on |the |in )?[a-z]+(?:-[a-z]+)?\b")
# 共济的钱能给我爸交长护险吗: a cost paid just before the neighbour's name (not 湖南的长期护理保险一个月交多少)
_PAID_BEFORE = re.compile(r"(?:交|缴|付|支付|买|购买|\bpay|\bpaying|\bcover|\bbuy|\bbuying|\bpurchase)[^,.!?;，。！？；]{0,16}$")
# 有没有跟居民那样的大病保险: what the asked thing is likened to is not asked (跟居民一样吗 compares: kept)
def _likened_at(text: str, match: re.Match) -> bool:
    """The word matched is only what something is likened to (像八达通一样)."""
    return text[:match.start()].endswith(("像", "跟", "和", "同")) and text[match.end():].startswith(("一样", "那样", "似的"))


_LIKENED = re.compile(r"(?:跟|像|和|同)[^\s,.!?;:，。！？；：跟像和同]{1,6}?(?:那样|一样|这样|似的)的")
# 19年交多少, 一九年, 二零二五年: a year said short or in numerals (not 交了15年, 25年前: a number of years)
_NUMERAL = "一二三四五六七八九零〇"
SHORT_YEAR = re.compile(rf"(?<![0-9{_NUMERAL}十了满够交缴过续共])((?:二[零〇])?[0-2一二零〇][0-9{_NUMERAL}])年(?!了|多|来|以上|以下|左右|内|后|前|里|间)")


def _the_year(said: str) -> str:
    digits = "".join(str("零一二三四五六七八九".index(c)) if c in "零一二三四五六七八九" else "0" if c == "〇" else c for c in said)
    return digits if len(digits) == 4 else f"20{digits}"


YEAR = re.compile(r"(?<![0-9.])(20[0-9]{2})(?:年|年度|(?![0-9.]|\s*(?:块|元|多块|多元|万|千|百|来块|左右|yuan|rmb)))")  # not 药费2000块
_A_DAY_AFTER = re.compile(r"(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]|[-/.]\d{1,2}[-/.]\d{1,2})")  # 2026年9月18日, 2026-09-18
# a figure said right after a cost (药费2000, 花了2000, 合计2000, 每月2000, 一年省2400): a sum of money, not the year 2000
_A_SUM_BEFORE = re.compile(r"(?:每月|每个月|一个月|每次|买药|开药|省|扣了|扣|月薪|工资|余额|还剩|剩|费|花了|花费|花掉|共|合计|总共|金额|自费|自付|交了|付了|掏了|用了|报了|报销了|¥|￥|约|大概|差不多|cost|costs|spent|paid|bill)\s*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # built when first validated: a cold `ask` unpickles, never validates


class SoundAlikeList(_Strict):
    words: list[str] = Field(default_factory=list)
    not_typos: list[str] = Field(default_factory=list)
    look_alike: dict[str, str] = Field(default_factory=dict)  # a character of our words -> characters written like it
    spelled_out: list[str] = Field(default_factory=list)  # also read when typed in pinyin letters (yibao: 医保)
    # the everyday words of a question written wholly in pinyin (you mei you, duo shao, ma), read only there
    sentence_words: list[str] = Field(default_factory=list)


_LOOKUP_REACH = 30  # characters between the request and what it asks to be looked up, inside one sentence


def _lookup_pattern(asking: list[str], status: list[str], recorded: list[str]) -> re.Pattern:
    """The request, then what it wants known (帮我查一下我妈那张卡里还剩多少钱: `rest` is where whose it is may stand); or
    what it wants known, then the request closing the message (上个月我妈亲情账户里刷了多少钱，你帮我看一眼: whose stands
    before, in `told`)."""
    asked, wanted = alternation(asking).pattern, alternation(status).pattern
    closing = rf"|(?P<told>^[^.?!;。？！]{{0,{_LOOKUP_REACH}}}?)(?:{alternation(recorded).pattern})[^.?!;。？！]{{0,{_LOOKUP_REACH}}}?" \
              rf"(?:{asked})[^,.?!;，。？！]{{0,6}}[.?!。？！]?$" if recorded else ""
    return re.compile(rf"(?:{asked})(?P<rest>[^.?!;。？！]{{0,{_LOOKUP_REACH}}}?(?:{wanted})){closing}")


class Lookups(_Strict):
    """A request that the bot look up someone's own record (帮我查一下我妈那张卡里还剩多少钱, can you check whether
    my father was added): one of `asking`, then within the sentence one of `whose` and one of `status`, and none of
    `not_with` (在哪查: where to look it up oneself, which the knowledge tells; 帮我查一下衡阳共济有没有人数限制 asks a rule)."""
    asking: list[str] = Field(min_length=1)
    whose: list[str] = Field(min_length=1)
    status: list[str] = Field(min_length=1)
    not_with: list[str] = Field(default_factory=list)
    # what only a record holds, when the request closes the message (…刷了多少钱，你帮我看一眼; not 有没有, which asks a
    # rule as often: 惠衢保有没有年龄限制，你帮我查一下)
    recorded: list[str] = Field(default_factory=list)


class OffTopic(_Strict):
    label: str
    label_en: str
    words: list[str] = Field(min_length=1)
    lookups: Lookups | None = None
    # The words say who the resident is (个体户), and these products of ours take anyone insured: a question
    # naming one of them asks of it (个体户能买惠衢保吗), not of the neighbouring subject.
    whoever_joins: list[str] = Field(default_factory=list)
    # A cost the money of these products of ours may pay in some regions (长期护理保险费 from the family-aid
    # account): a question naming one of them asks whether ours pays it, which its entries answer.
    paid_from: list[str] = Field(default_factory=list)
    # Words that make the neighbour's word a detail of ours (养老金 beside 个人账户: a retiree's account is credited a
    # share of the pension): a question naming one of them is not declined for the neighbour.
    unless_with: list[str] = Field(default_factory=list)
    unless_also: list[str] = Field(default_factory=list)  # …but with one of these the neighbour is asked after all
    # An insurance of the kind ours are (商业保险, 百万医疗): named beside one of our products, the question may
    # ask about ours (惠衢保一年多少钱，比相互宝贵不贵): ours is answered when it is what the question leads to.
    beside_ours: bool = False
    # Words by which a part that asks points back at the one the story tells of (他个人账户里剩的钱 after 我爸刚过世):
    # the neighbour is asked after all, though only the story names it.
    pointed_at_by: list[str] = Field(default_factory=list)
    # The words name where care is (出国了，在国外看病): told in the story, it is still what a question whether ours
    # pays (惠衢保能报吗) is asked of.
    where_care_is: bool = False
    # The words name a kind of care we have nothing on (镶假牙, 做双眼皮): told in the story, it is what a question
    # whether ours pays (这个惠衢保能报吗) is asked of.
    a_kind_of_care: bool = False


class FacetValue(_Strict):
    label: str
    label_en: str
    words: list[str] = Field(default_factory=list)
    # Other values of the dimension set aside when one of `outweighing` is named (不会用小程序: the counter is
    # asked, though the app is named only to say it cannot be used); those words name this value too
    outweighs: list[str] = Field(default_factory=list)
    outweighing: list[str] = Field(default_factory=list)
    # …unless one of these is named, and none of the value's own words: another's phone is then what is asked
    # (爸妈没有智能手机，能用我手机给他们亮码吗: the app on the asker's phone, not the counter)
    outweighing_unless: list[str] = Field(default_factory=list)


class Places(_Strict):
    care_before: list[str] = Field(default_factory=list)
    care_after: list[str] = Field(default_factory=list)
    insurance_after: list[str] = Field(default_factory=list)
    insurance_before: list[str] = Field(default_factory=list)
    rules_after: list[str] = Field(default_factory=list)  # insurance_after, unless care_before comes first
    # 按衢州的规定: a place whose rules are asked to apply, beside one of ours where care is
    rules_before: list[str] = Field(default_factory=list)
    # where the household is registered or the resident comes from (户口在, 老家; …户口): neither insurance nor care
    hometown_before: list[str] = Field(default_factory=list)
    hometown_after: list[str] = Field(default_factory=list)
    portable_products: list[str] = Field(default_factory=list)
    nationwide_products: list[str] = Field(default_factory=list)
    not_places: list[str] = Field(default_factory=list)
    nationwide_words: list[str] = Field(default_factory=list)  # 全国…: a rule of the whole country is asked
    # old names used all over China (新农合): a question naming one with no city says nothing of where one is insured
    unplaced_names: list[str] = Field(default_factory=list)
    region_products: dict[str, list[str]] = Field(default_factory=dict)
    region_apps: dict[str, list[str]] = Field(default_factory=dict)  # apps only some of our regions use
    everyday_apps: list[str] = Field(default_factory=list)  # apps whose menus differ: 支付宝里怎么查 is not WeChat's way


class AsksFor(_Strict):
    label: str
    label_en: str
    asked: list[str] = Field(min_length=1)
    answered: list[str] = Field(min_length=1)
    # a step of the same process, not a figure: another entry about the same product that gives
    # it may answer instead (the materials are listed beside "where to open the account")
    same_process: bool = False
    # a question of its own whatever it is asked about: an entry whose phrasings ask it answers
    # (按杭州的还是按衢州的报: the entry on whose rules apply, not the rates that matched)
    own_entry: bool = False
    # asked only of entries on these products (whether grandparents count is a question of family
    # aid or the family account; 给奶奶买惠衢保 asks no such thing); empty: of any entry
    products: list[str] = Field(default_factory=list)
    # the reply saying it is lacking shows the nearest entry of the same city and product beneath
    # (who may use Hengyang's family aid, under "nothing on cousins"); not for figures, which a
    # resident could read as the answer (a 300元 deductible under "a yearly limit")
    show_nearest: bool = False
    # a list that closes (湘潭…其他亲属都不包括) answers it wherever it ranks among the named city's entries
    closed_list_answers: bool = False
    # the entries asking it list who may (哪些家人能用): the list a closed_list_answers ask is judged by when
    # nothing else ranks (湘潭 老婆能不能用我的共济账户)
    lists_who: bool = False
    # asks how two things relate (有什么区别): an entry that answers it speaks of both, so a question
    # joining two products or schemes is not split into each one's own entry
    relates: bool = False
    # asks how much two things named in the question differ (一级和三级医院差多少): an answer giving each of
    # them (85% … 65%) answers it, whether or not it works out the difference
    compares: bool = False
    # the same for every product of a city (its phone number): a follow-up asking it takes only the
    # conversation's city (惠衢保… 要打电话问的话打哪个: Quzhou's hotline, not 惠衢保's entries)
    of_the_city: bool = False
    # asked tersely right after an answer that says it (从什么时候开始的, Since when? after the chronic rate), it is of
    # that answer, before any other entry's (the outpatient scheme's start, the re-review's date)
    of_the_last_answer: bool = False
    # asks which place's rules apply (用北京的标准吗): a place we lack named with it is one of the choices, not
    # the place whose rules are asked
    weighs_places: bool = False
    # not asked when the question names one of these: it asks that instead (给5岁孙女绑要刷脸吗 asks the face
    # check, not whether grandchildren count)
    not_with: list[str] = Field(default_factory=list)
    # asked only when the question names one of these too (foreigner … can join: whether a foreigner may join)
    only_with: list[str] = Field(default_factory=list)


class InsuranceNames(_Strict):
    ours: list[str] = Field(default_factory=list)
    # the parts of any insurance (保险公司, 保险费): no product's name, nor a sign that ours is asked
    parts: list[str] = Field(default_factory=list)
    asking: list[str] = Field(default_factory=list)
    not_names: list[str] = Field(default_factory=list)  # 出险, 风险: words ending in 险 that name no insurance


class Clauses(_Strict):
    """Where a long run of speech with no punctuation (voice input) starts a new clause."""
    subjects: list[str] = Field(default_factory=list)  # 我妈在长沙住院…: a subject starts a clause…
    bound_after: str = ""  # …unless it follows one of these characters (给我妈绑: an object)
    starts: list[str] = Field(default_factory=list)  # these always do (现在, 前两天, 但是)


class ExplainedWords(_Strict):
    """A message asking only what one word means (起付线是啥意思) gets that word's glossary entry."""
    asking: list[str] = Field(default_factory=list)  # 什么意思, what does … mean
    along: list[str] = Field(default_factory=list)  # words saying nothing of their own (请问, sorry, the)
    meaning: list[str] = Field(default_factory=list)  # 意思, mean: the meaning asked outright, wherever the word was read
    defining: list[str] = Field(default_factory=list)  # 就是, 指的是: what follows defines the word before, however wrongly
    terms: dict[str, list[str]] = Field(default_factory=dict)  # glossary entry id -> the words it explains
    # entries of terms that answer other questions too (huiqubao/settlement explains 3+N): still matched by words
    searched_too: list[str] = Field(default_factory=list)
    part_of: list[str] = Field(default_factory=list)  # longer words a term is only part of (统筹区): they name no term


class StatedFigure(_Strict):
    """A figure the resident states with one of these units (两百块, 80%, 20个家人) asks what the
    knowledge says of that amount: it is read as `asked` (多少钱), so a figure checked (惠衢保不是一年
    两百块吗) finds the entry giving the real one, whatever that figure is."""
    units: list[str] = Field(min_length=1)
    asked: str


class DescribedProduct(_Strict):
    """A product residents describe instead of naming it (那个一年一百块、谁都能买的补充险): a plan word
    in a message telling one of the product's own traits reads as the product's name."""
    name: str
    plan_words: list[str] = Field(min_length=1)
    traits: list[str] = Field(min_length=1)
    # The product's own city (衢州) and the plan words that, right after it, name the product with no trait told
    # (衢州的补充险, 衢州惠民保险: the city has one plan so called); after it, a generic plan word (保险) still needs one.
    home: list[str] = Field(default_factory=list)
    named_at_home: list[str] = Field(default_factory=list)
    # …and those that name it only pointed at (衢州那个保险, 衢州的那种险: one thing the resident has in mind)
    pointed_at_home: list[str] = Field(default_factory=list)


class RequestsToAct(_Strict):
    """A resident asking the bot to do a thing for them (帮我绑一下我妈, 你替我交一下惠衢保): the bot cannot act, and
    what helps is how the thing is done, so the request is read as that how-question (怎么绑一下我妈). Not after
    someone else who acts: 单位帮我交的 tells who pays, it asks nothing of the bot."""
    asked_by: list[str] = Field(min_length=1)
    acts: list[str] = Field(min_length=1)
    not_after: list[str] = Field(default_factory=list)  # someone else does it (单位帮我交, 儿子替我办)
    read_as: str


class MisnamedProduct(_Strict):
    """One of our products called by the name of another of ours (湘潭亲情卡…拿我医保个人账户里的钱: family aid;
    家庭共济…手机上替她亮码: the family account): what it is said to do tells which is meant, and its own name
    is read in place of the one used, unless the message names a look-alike's home (支付宝的亲情卡)."""
    name: str
    called: list[str] = Field(min_length=1)
    said_to_do: list[str] = Field(min_length=1)
    unless_with: list[str] = Field(default_factory=list)


class BoundAtHome(_Strict):
    """Binding asked in a city where the only binding our knowledge tells of is one product's (衡阳能去柜台绑吗, Heihe
    binding with Alipay: family aid's): that product is meant, and its name is read after the city's, unless the message
    names one of ours or a word of the other binding (亲情账户, 医保码)."""
    name: str
    name_en: str
    home: list[str] = Field(min_length=1)
    acts: list[str] = Field(min_length=1)
    unless_with: list[str] = Field(default_factory=list)


class UnderstandingFile(_Strict):
    version: int
    fillers: list[str] = Field(default_factory=list)
    addressed_as: list[str] = Field(default_factory=list)  # 工作人员, 客服: who the resident speaks to, as a clause of its own
    question_words: list[str] = Field(default_factory=list)
    question_endings: list[str] = Field(default_factory=list)  # 能用不, 行不: a part ending so asks
    switch_words: list[str] = Field(default_factory=list)  # all a follow-up swapping one thing holds besides it (那…呢)
    told_words: list[str] = Field(default_factory=list)  # all a message telling who the resident is holds besides it (我是…的)
    switch_markers: list[str] = Field(default_factory=list)  # …one of which it must hold (那, 呢, what about)
    leaning_starts: list[str] = Field(default_factory=list)  # a message starting so leans on the one before (她…)
    # …and anywhere in a message naming no product but where care is (在衢州外面看病，它还赔吗: the product just asked of)
    pointing_words: list[str] = Field(default_factory=list)
    relatives: list[str] = Field(default_factory=list)  # words naming a relative: a follow-up may swap who (那我小舅子呢)
    relative_subjects: list[str] = Field(default_factory=list)  # 他们, 孩子: a clause opening so tells of a relative
    before_words: list[str] = Field(default_factory=list)  # a follow-up asking how it was before (原来是多少)
    doubts: list[str] = Field(default_factory=list)  # 真的吗, 出处呢, are you sure?: the last answer, with its source, again
    # 你这资料是哪年的, 你算得准吗: asked of the assistant itself; when nothing answers, how it answers is said
    about_the_assistant: list[str] = Field(default_factory=list)
    changed_asks: list[str] = Field(default_factory=list)  # …and what else it may hold
    change_told: list[str] = Field(default_factory=list)  # an answer telling of a change (从6000元提高到8000元)
    # words naming one side of a comparison alike (社区卫生服务中心 and 一级; 以前 and 原来): a side named by one is
    # given by an answer saying another
    side_words: list[list[str]] = Field(default_factory=list)
    # words asking whether a way is the only one (是不是只能手机上办, 非得去窗口吗): the other way answers
    only_way_words: list[str] = Field(default_factory=list)
    clauses: Clauses = Clauses()
    # products a story names in passing (我在外地上班: where the asker lives); asked only where the message asks
    told_only_products: list[str] = Field(default_factory=list)
    told_product_names: list[str] = Field(default_factory=list)  # …unless named so (备案了之后…)
    english_spelling: list[str] = Field(default_factory=list)  # English words a misspelling is read as (insurence)
    told_place_pointers: list[str] = Field(default_factory=list)  # …counted where the asking part points back (在那边)
    weighing_words: list[str] = Field(default_factory=list)  # 一个是…一个是, versus: two glossary words weighed
    both_sides_words: list[str] = Field(default_factory=list)  # 双方: an answer saying where both sides must be insured
    asker_helped_words: list[str] = Field(default_factory=list)  # 给我用: the asker is the relative a product is shared with
    wish_words: list[str] = Field(default_factory=list)  # 想删掉他: a part telling what one wants done, which is asked
    asked_outright_words: list[str] = Field(default_factory=list)  # 请问…: the part they open is what is asked
    not_neighbour_words: list[str] = Field(default_factory=list)  # 一生平安: holds a neighbour's word (平安), names none
    pointing_back_words: list[str] = Field(default_factory=list)  # …请问这样还能报吗: the story is what is asked
    need_words: list[str] = Field(default_factory=list)  # 还有必要参加惠衢保吗: whether ours is needed beside a neighbour
    works_or_pays_words: list[str] = Field(default_factory=list)  # 在哈尔滨上班, 河南老家交的: where one is insured
    sharer_works_words: list[str] = Field(default_factory=list)  # 我在杭州上班: where the one who shares is insured
    earlier_pointers: list[str] = Field(default_factory=list)  # 说回刚才那个: back to the subject before the last question
    each_side_asked: list[str] = Field(default_factory=list)  # 各自, 哪个…高: two things joined are each asked of
    asker_relations: dict[str, dict[str, str]] = Field(default_factory=dict)  # 我是她儿媳妇: 她 is 婆婆
    each_part_asked: list[str] = Field(default_factory=list)  # 分别, respectively: each question of several is asked
    shared_with_relatives: list[str] = Field(default_factory=list)  # 岳父呢 after them: whether he may share it
    stated_figures: list[StatedFigure] = Field(default_factory=list)
    explained_words: ExplainedWords = ExplainedWords()
    sound_alike: SoundAlikeList = SoundAlikeList()
    off_topic: list[OffTopic] = Field(default_factory=list)
    facets: dict[str, dict[str, FacetValue]] = Field(default_factory=dict)
    generic_words: list[str] = Field(default_factory=list)
    paid_for_asked: list[str] = Field(default_factory=list)  # 能报多少: whether a thing is paid for
    join_asked: list[str] = Field(default_factory=list)  # 能买吗: whether one may join it
    unlisted_groups: list[str] = Field(default_factory=list)  # 军人家属: groups whose own treatment the knowledge never gives
    more_asked: list[str] = Field(default_factory=list)  # 有没有减免: a reduction or more cover asked
    # 跟惠衢保一起怎么理赔: a claim on a neighbouring insurance together with ours, which turns on the neighbour
    claimed_together: list[str] = Field(default_factory=list)
    context_words: list[str] = Field(default_factory=list)  # where a thing is done, not what is asked
    past_asked: list[str] = Field(default_factory=list)  # 以前每年交多少: the years before asked of a year's figures
    relative_years: dict[str, int] = Field(default_factory=dict)  # 明年: 1, 去年: -1 (years from the day asked)
    story_year_before: list[str] = Field(default_factory=list)  # since 2012: a year of the story, no facet
    story_year_after: list[str] = Field(default_factory=list)  # 2012年查出: likewise
    how_words: list[str] = Field(default_factory=list)  # a question asking for steps (怎么办理)
    plain_words: list[str] = Field(default_factory=list)  # words that name no detail of their own (需要, 多少)
    asks_for: list[AsksFor] = Field(default_factory=list)
    insurance_names: InsuranceNames = InsuranceNames()
    described_products: list[DescribedProduct] = Field(default_factory=list)
    misnamed_products: list[MisnamedProduct] = Field(default_factory=list)
    bound_at_home: list[BoundAtHome] = Field(default_factory=list)
    requests_to_act: RequestsToAct | None = None
    corrections: list[str] = Field(default_factory=list)  # 哦不, 打错了, I mean: what follows corrects what came before
    restatements: list[str] = Field(default_factory=list)  # 我是问: a correction only after a part that asks
    references: dict[str, list[str]] = Field(default_factory=dict)  # former / latter: 前面那个, 后者, the latter
    already_known: list[str] = Field(default_factory=list)  # 我知道, I know: what it ends or opens is told, not asked
    places: Places = Places()

    def facet_values(self, dimension: str) -> set[str]:
        return set(self.facets.get(dimension, {}))


Facets = dict[str, frozenset[str]]


_INSURANCE = re.compile(r"[\u4e00-\u9fff]{0,4}?(保险|险)")
_BEFORE_A_NAME = re.compile(r"[买卖办跟和与或给帮让说了在是有交问找个]")  # words that lead up to a product's name, not part of it
_BEFORE_A_DESCRIBED_NAME = "的个种份款这那"  # 一年一百块的补充险, 那个保险: the words before a plan told by its traits
_AT_HOME_LINKS = "市的那个|市的|的那个|的那种|那个|这个|那种|的"  # 衢州的那个补充险: between a city and its plan
_POINTING_LINKS = "市的那个|市那个|的那个|的那种|的这个|那个|这个|那种|那款"  # 衢州那个保险: a plan pointed at


def _named_at_home_pattern(home: list[str], named: list[str], pointed: list[str]) -> re.Pattern:
    """衢州的补充险 | 衢州那个保险 | 那个衢州保险: the plan word (the last group that matched) after its city."""
    either = lambda words: "|".join(map(re.escape, words)) or "(?!)"  # noqa: E731
    home_re = either(home)
    return re.compile(f"(?:{home_re})(?:(?:{_AT_HOME_LINKS})?({either(named)})|(?:{_POINTING_LINKS})({either(pointed)}))"
                      f"|(?:{_POINTING_LINKS})(?:{home_re})的?({either(pointed)})")
_PLAN_WORD_PARTS = ("公司", "费", "单", "期", "责任", "金")  # 保险公司, 保险费: not the plan itself
_NOT_A_WORD = re.compile(r"[\W_]+")  # punctuation of any kind, brackets and quotes too
_PUNCTUATION = re.compile(r"[\s,.!?;:~，。！？；：、…~·]+")


def _only(words: re.Pattern | None, text: str) -> bool:
    """The text holds nothing but these words and punctuation."""
    if words is not None:
        text = words.sub(" ", text)
    return not _PUNCTUATION.sub("", text)


_SINGLE_FILLER_AT = r"(?:^|(?<=[\s,.!?;:，。！？；：、…]))"


class Understanding:
    """Built once per knowledge load from understanding.yaml and a normaliser (TextTools.normalize)."""

    def __init__(self, spec: UnderstandingFile, normalize, sound_words: Iterable[str] = (), protected: Iterable[str] = (),
                 is_word=lambda text: False, typed_words: Iterable[str] = (), initials: dict[str, str] | None = None):
        """`sound_words`: more words to correct sound-alikes to (3+ characters are taken);
        `protected`: words never rewritten into another (place names, our own vocabulary);
        `typed_words`: words as residents type them (the synonyms' own: 医保码, 爸妈), read in a message typed in pinyin;
        `initials`: letters standing for a word (hqb: huiqubao, qqzh: 亲情账户), spelled out in such a message."""
        self.spec = spec
        norm = lambda words: [w for w in (normalize(x) for x in words) if w]  # noqa: E731
        fillers = norm(spec.fillers)
        self._filler_re = alternation(w for w in fillers if len(w) > 1)
        singles = sorted({w for w in fillers if len(w) == 1})
        # One-character fillers (喂, 嗯) are taken only where they stand alone: 额 is also in 免赔额.
        self._single_filler_re = re.compile(_SINGLE_FILLER_AT + "[" + re.escape("".join(singles)) + "]+") if singles else None
        addressed = alternation(norm(spec.addressed_as))
        # (工作人员，亲情账户怎么绑孩子: the one spoken to, standing alone between pauses, is not asked about)
        self._addressed_re = re.compile(rf"{_SINGLE_FILLER_AT}(?:{addressed.pattern})(?:你好|您好|在吗|在不在)?(?=[\s,.!?;:，。！？；：、…]|$)") \
            if addressed is not None else None
        self._context_re = alternation(norm(spec.context_words))
        self._switch_re = alternation(norm(spec.switch_words))
        self._told_re = alternation(norm(spec.told_words))
        self._asks_listing_who = tuple(str(index) for index, item in enumerate(spec.asks_for) if item.lists_who)
        self._asks_which_of_two = frozenset(str(index) for index, item in enumerate(spec.asks_for) if any("还是" in word for word in item.asked))
        self._switch_marker_re = alternation(norm(spec.switch_markers))
        self._before_re = alternation(norm(spec.before_words))
        self._doubts_re = alternation(norm(spec.doubts))
        self._about_the_assistant = alternation(norm(spec.about_the_assistant))
        self._relatives_re = alternation(norm(spec.relatives))
        subjects = alternation(norm(spec.relative_subjects))
        self._relative_subject_re = re.compile(rf"^(?:那|而|可是|但是)?(?:我的|我)?(?:{subjects.pattern})") if subjects is not None else None
        leaning = alternation(norm(spec.leaning_starts))
        self._leaning_re = re.compile(rf"(?:{leaning.pattern})(?![a-z])") if leaning is not None else None
        self._pointing_re = alternation(norm(spec.pointing_words))
        self._changed_asks_re = alternation(norm(spec.changed_asks))
        self.told_place_pointers = alternation(norm(spec.told_place_pointers))
        self.weighing = alternation(norm(spec.weighing_words))
        self.both_sides_words = tuple(norm(spec.both_sides_words))
        self.asker_helped = alternation(norm(spec.asker_helped_words))
        self.wish = alternation(norm(spec.wish_words))
        self.asked_outright = tuple(norm(spec.asked_outright_words))
        self._not_neighbour = alternation(norm(spec.not_neighbour_words))
        self._pointing_back = alternation(norm(spec.pointing_back_words))
        self.need = alternation(norm(spec.need_words))
        works_or_pays = alternation(norm(spec.works_or_pays_words))
        # (a place's name, then 市 or 省, 这边 or 老家, then the word: 杭州市这边上班)
        self.works_or_pays_there = re.compile(rf"\s*(?:市|省)?(?:这边|那边|老家)?(?:{works_or_pays.pattern})") if works_or_pays else None
        self.sharer_works = alternation(norm(spec.sharer_works_words))
        self._earlier_re = alternation(norm(spec.earlier_pointers))
        self._each_side_re = alternation(norm(spec.each_side_asked))
        self._each_part_re = alternation(norm(spec.each_part_asked))
        self._asker_relations = {norm([word])[0]: turned for word, turned in spec.asker_relations.items()}
        self._asker_told = re.compile(rf"我是(?P<pronoun>她|他)的?(?P<relation>{'|'.join(sorted(map(re.escape, self._asker_relations), key=len, reverse=True))})") \
            if spec.asker_relations else None
        self._change_told_re = alternation(norm(spec.change_told))
        self._off_topic = WordMap({word: topic for topic in spec.off_topic for word in norm(topic.words)})
        # (keyed by what the topic is, not the object: a snapshot of the knowledge holds copies)
        self._off_topic_unless = {(topic.label, topic.words[0]): (alternation(norm(topic.unless_with)), alternation(norm(topic.unless_also)))
                                  for topic in spec.off_topic if topic.unless_with}
        self._lookups = [(topic, _lookup_pattern(norm(topic.lookups.asking), norm(topic.lookups.status), norm(topic.lookups.recorded)),
                          alternation(norm(topic.lookups.whose)), alternation(norm(topic.lookups.not_with)))
                         for topic in spec.off_topic if topic.lookups]
        # One pattern per dimension, longest word first: 门诊共济 is basic insurance, not 共济 (family aid).
        self._facet_words: dict[str, dict[str, str]] = {}
        for dimension, values in spec.facets.items():
            words = self._facet_words[dimension] = {}
            for value, facet in values.items():
                for word in norm([*facet.words, *facet.outweighing]):  # (the words outweighing others name the value too)
                    words.setdefault(word, value)
        # (a gap in a facet's word stays inside a clause: 绑到我的共济上，手机上怎么弄 is no 绑到…手机上)
        self._facet_maps = {dimension: WordMap(words, within_part=True) for dimension, words in self._facet_words.items() if words}
        self._outweighing = [(dimension, value, frozenset(facet.outweighs), alternation(norm(facet.outweighing)))
                             for dimension, values in spec.facets.items() for value, facet in values.items() if facet.outweighs]
        self._outweighing_unless = [(dimension, value, alternation(norm(facet.outweighing_unless)), alternation(norm(facet.words)))
                                    for dimension, values in spec.facets.items() for value, facet in values.items()
                                    if facet.outweighing_unless]
        self._facets_of: dict[str, Facets] = {}  # phrasings and questions are read again and again
        # two values of a dimension joined to compare (compared()); built here, not when first asked, so that
        # the knowledge's snapshot (bot.domain.knowledge.snapshot) holds them compiled: the product one took
        # ~45 ms of a cold `ask`
        self._joined = {dimension: re.compile(rf"({words.pattern.pattern})(?:医保)?的?{COMPARING.format(more='')}({words.pattern.pattern})")
                        for dimension, words in self._facet_maps.items() if words.pattern is not None}
        self._generic_re = alternation(norm(spec.generic_words))
        self._paid_for_re = alternation(norm(spec.paid_for_asked))
        self._join_re = alternation(norm(spec.join_asked))
        self._unlisted_groups = alternation(norm(spec.unlisted_groups))
        self._more_asked = alternation(norm(spec.more_asked))
        self._claimed_together = alternation(norm(spec.claimed_together))
        self._references = [(which, pattern) for which in ("former", "latter")
                            if (pattern := alternation(norm(spec.references.get(which, [])))) is not None]
        corrections = alternation(norm(spec.corrections))
        # at a pause (衡阳的共济，哦不，是湘潭的): not 报销比例是不是不对
        # (after a filler too: 哦说错了, 嗐，打错了)
        self._correction_re = re.compile(rf"(?:^|(?<=[\s,.!?;:~…—\-哦噢啊呃嗐]))(?:{corrections.pattern})") if corrections else None
        restatements = alternation(norm(spec.restatements))
        self._restatement_re = re.compile(rf"(?<=[\s,.!?;:~…—\-])(?:{restatements.pattern})") if restatements else None
        known = alternation(norm(spec.already_known))
        # …我知道，then the ask / 我知道…，then the ask (not 我想知道, 不知道, 你知道吗)
        pause = r"[\s,.!?;:~…—\-]+"
        self._known_after_re = re.compile(rf"^(?P<told>.{{2,}}?)(?<![不想要你您])(?:{known.pattern})(?:了|的)?{pause}(?P<asked>.+)$") \
            if spec.already_known else None
        self._known_before_re = re.compile(rf"^(?:{known.pattern})(?:that|了)?\s*(?P<told>[^,.!?;:~…]{{2,}}?)[,.!?;:~…—\-]+\s*(?:but |那|但是|可是|不过)?(?P<asked>.+)$") \
            if spec.already_known else None
        self._described = [(norm([product.name])[0], norm(product.plan_words), alternation(norm(product.traits)), tuple(norm(product.home)))
                           for product in spec.described_products]
        self._misnamed = [(norm([product.name])[0], alternation(norm(product.called)), alternation(norm(product.said_to_do)),
                           alternation(norm(product.unless_with))) for product in spec.misnamed_products]
        self._bound_at_home = [(norm([bound.name])[0], bound.name_en, alternation(norm(bound.home)), alternation(norm(bound.acts)),
                                alternation(norm(bound.unless_with))) for bound in spec.bound_at_home]
        acting = spec.requests_to_act
        self._request_to_act = (re.compile(rf"(?:{alternation(norm(acting.asked_by)).pattern})(?=(?:{alternation(norm(acting.acts)).pattern}))"),
                                alternation(norm(acting.not_after)), norm([acting.read_as])[0]) if acting else None
        self._named_at_home = [(norm([product.name])[0], _named_at_home_pattern(
            norm(product.home), norm(product.named_at_home), norm(product.pointed_at_home)))
            for product in spec.described_products if product.home and product.named_at_home]
        self._how_re = alternation(norm(spec.how_words))
        # Words that name no detail of their own: how a question asks, who is concerned, in general terms.
        self._plain = frozenset([*norm(spec.plain_words), *norm(spec.question_words), *norm(spec.generic_words), *norm(spec.fillers),
                                 *norm(spec.context_words),
                                 *(word for dimension in ("member", "scheme", "status") for word in self._facet_words.get(dimension, {}))])
        self._plain_chars = frozenset(word for word in [*norm(spec.question_words), *norm(spec.plain_words)] if len(word) == 1)  # 哪查, 姐用
        self._question_re = alternation(norm(spec.question_words))
        english = alternation(w for w in norm(spec.question_words) if w.isascii())
        # an English question starts with its question word (the message's or a clause's), or asks
        # what one can (hui qu bao can cover…?): "my insurance is still in Quzhou" tells
        self._english_question_re = re.compile(rf"(?:^|[,;?]\s*|\b(?:and|but|so|also)\s+)(?:{english.pattern})|\b(?:can|could)\b") \
            if english else None
        clauses = spec.clauses
        subjects, starts = alternation(clauses.subjects), alternation([*clauses.starts, *fillers])
        bound = rf"(?<![{re.escape(clauses.bound_after)}])" if clauses.bound_after else ""
        self._clause_re = re.compile("|".join(([f"(?:{starts.pattern})"] if starts else [])
                                              + ([f"{bound}(?:{subjects.pattern})"] if subjects else []))) if starts or subjects else None
        endings = alternation(norm(spec.question_endings))
        # 中不中, 得不得, 用不用: a verb, 不 or 没, the verb again asks in any dialect; an ending asks after
        # something (报了没有), while 没有 alone answers
        self._asking_end = re.compile(r"([\u4e00-\u9fff])[不没]\1" + (rf"|(?<=\w)(?:{endings.pattern})[啊呀哈嘛呢吧]*$" if endings else ""))
        self._our_insurance = tuple(norm(spec.insurance_names.ours))
        self._insurance_parts = tuple(norm(spec.insurance_names.parts))
        self._asks = [(index, alternation(norm(item.asked), within_part=True), alternation(norm(item.answered)))
                      for index, item in enumerate(spec.asks_for)]
        # (比...多报 leaves 比 where it stands: only the words after the last gap ask how the sides compare)
        self._comparing = alternation({word.split(GAP)[-1] for item in spec.asks_for if item.compares for word in norm(item.asked)})
        self._side_words = [tuple(norm(words)) for words in spec.side_words]
        self._only_way = alternation(norm(spec.only_way_words))
        # a long list of gapped words is slow to search (~0.1 ms); a word of it can only match where its
        # first part stands, so that is looked for first (plain words, fast)
        self._asks_guard = {index: alternation({word.split(GAP)[0] for word in norm(item.asked)})
                            for index, item in enumerate(spec.asks_for) if len(item.asked) > 40}
        # a text can only ask what one of its words begins with: the first two characters of a word (one if
        # that is all its first part has) must stand in the text, which rules out most asks before any regex
        self._always_asked = tuple(index for index, item in enumerate(spec.asks_for)
                                   if any(word.startswith(GAP) for word in norm(item.asked)))
        self._asks_starting: dict[str, list[int]] = {}
        for index, item in enumerate(spec.asks_for):
            if index not in self._always_asked:
                for start in {word.split(GAP)[0][:2] for word in norm(item.asked) if word}:
                    self._asks_starting.setdefault(start, []).append(index)
        self._asked_in: dict[str, tuple[int, ...]] = {}  # text -> what it asks for (each search asks it often)
        self._answered_by: dict[tuple[int, str], bool] = {}  # (ask, answer) -> whether the answer gives it
        self._past_asked = alternation(norm(spec.past_asked))
        self._relative_years = {normalize(word): offset for word, offset in spec.relative_years.items() if normalize(word)}
        self._relative_year_re = alternation(list(self._relative_years))
        self.told_product_names = alternation(norm(spec.told_product_names))
        explained = spec.explained_words
        self._terms = WordMap({word: entry_id for entry_id, words in explained.terms.items() for word in norm(words)})
        self._term_parts = alternation(norm(explained.part_of))
        self._explaining = alternation(norm(explained.asking))
        self._meaning_asked = alternation(norm(explained.meaning))
        self._defining = tuple(norm(explained.defining))
        self._said_around = alternation(norm([*explained.asking, *explained.along]))
        self._story_year_before = tuple(norm(spec.story_year_before))
        self._story_year_after = tuple(norm(spec.story_year_after))
        self._asks_instead = {index: alternation(norm(item.not_with)) for index, item in enumerate(spec.asks_for) if item.not_with}
        self._asks_only = {index: alternation(norm(item.only_with)) for index, item in enumerate(spec.asks_for) if item.only_with}
        self._asking_words = tuple(norm(spec.insurance_names.asking))
        self._not_insurance = tuple(norm(spec.insurance_names.not_names))
        # a word the synonyms rewrite (特药 -> 特殊药品) is corrected to as written, then rewritten
        def as_typed(words: list[str]) -> list[str]:  # (爸妈 as typed, ba ma; the reading is normalised after, to 父母)
            return [typed for w in words if (typed := unicodedata.normalize("NFKC", w).lower())]

        as_written = set(as_typed(spec.sound_alike.words))
        targets = set(norm(spec.sound_alike.words)) | as_written | {w for w in norm(sound_words) if len(w) >= 3}
        self._normalize = normalize
        look_alike = {normalize(char): normalize(alike) for char, alike in spec.sound_alike.look_alike.items()}
        self.sounds = SoundTable(sorted(targets), [*norm(spec.sound_alike.not_typos), *norm(protected)], is_word, look_alike,
                                 spelled_out=norm(spec.sound_alike.spelled_out), sentence_words=[*as_typed(spec.sound_alike.sentence_words), *norm(spec.sound_alike.sentence_words)],
                                 typed_words=[*typed_words, *(word for subject in spec.off_topic for word in subject.words)],
                                 initials=initials)
        places = spec.places
        self._care_before = tuple(norm(places.care_before))
        self._care_after = tuple(norm(places.care_after))
        self.insurance_after = tuple(norm(places.insurance_after))
        self._insurance_before = tuple(norm(places.insurance_before))
        self._rules_after = tuple(norm(places.rules_after))
        self._rules_before = tuple(norm(places.rules_before))
        self.hometown_before = tuple(norm(places.hometown_before))
        self.hometown_after = tuple(norm(places.hometown_after))
        self.insurance_after_re = alternation([*self.insurance_after, *norm(places.rules_after)]) or re.compile(r"(?!)")
        self.told_only_products = frozenset(spec.told_only_products)
        self.shared_with_relatives = frozenset(spec.shared_with_relatives)
        # a number (digits, or 两百, 一千五) right before a unit; longest units first (块钱 before 块)
        self._stated = [(re.compile(rf"(?<![0-9a-z.])(?:\d[\d,.]*|[零一二两三四五六七八九十百千万]+)\s*(?:{'|'.join(map(re.escape, sorted(norm(figure.units), key=len, reverse=True)))})(?![a-z])"),
                         figure.asked) for figure in spec.stated_figures]
        self.portable_products = frozenset(places.portable_products)
        self.nationwide_products = frozenset(places.nationwide_products)
        self.not_places = frozenset(norm(places.not_places))
        self._nationwide = alternation(norm(places.nationwide_words))
        self._unplaced = alternation(places.unplaced_names)  # as typed: the synonyms would read 新农合 as 城乡居民医保
        self.region_products = {region: frozenset(products) for region, products in places.region_products.items()}
        self.region_apps = {region: tuple(norm(apps)) for region, apps in places.region_apps.items()}
        # an app named as where something is done (在支付宝里…, 用微信查, in Alipay), not one only heard of (微信群里说)
        apps = "|".join(map(re.escape, norm(places.everyday_apps))) or "(?!)"
        self._app_used = re.compile(rf"(?:用|在|去|进|打开|\b(?:in|on|with|via|through|use|using|open)\s*)(?P<before>{apps})"
                                    rf"|(?P<after>{apps})\s*(?:里|上|中|怎么|咋|能|可以|查|搜|看|办|绑)")

    # ---- the question's text ------------------------------------------------------------
    def clauses(self, text: str, shortest: int) -> list[str]:
        """A run of speech cut where a clause starts (我爸是衡阳职工医保给我妈绑了共济|我妈在长沙住院
        能用不): before a subject word not bound to the word before it, or at a filler; pieces
        shorter than `shortest` stay with the one before."""
        if self._clause_re is None:
            return [text]
        pieces: list[str] = []
        start = 0
        for match in self._clause_re.finditer(text):
            if match.start() - start >= shortest and len(text) - match.start() >= shortest:
                pieces.append(text[start:match.start()])
                start = match.start()
        pieces.append(text[start:])
        return pieces

    def figures_as_asked(self, normalized: str) -> str:
        """A figure stated with a unit (200元, 80%, 20个家人) followed by what it asks (多少钱, 比例多少,
        几个人; in an English question, the English): a figure the knowledge gives still points at its entry."""
        english = normalized.isascii()
        normalized = AGE_WITHOUT_UNIT.sub(r"\1岁", normalized)  # 我妈80了 asks as 80岁 does
        normalized = _AGE_THEN_ASKED.sub(r"\1", normalized)
        for pattern, asked in self._stated:
            if asked.isascii() == english:
                normalized = pattern.sub(lambda match: _as_asked(match, asked), normalized)
        return normalized

    def known_and_asked(self, normalized: str) -> tuple[str, str] | None:
        """(what a message tells as already known, what it asks besides) — 衡阳能共济我知道，湘潭呢 — or None."""
        for pattern in (self._known_before_re, self._known_after_re):
            found = pattern.match(normalized) if pattern is not None else None
            if found and found["told"].strip() and found["asked"].strip(" ,.!?;:~…—-"):
                return found["told"].strip(), found["asked"].strip()
        return None

    def pointer(self, normalized: str) -> tuple[str, int] | None:
        """("former" or "latter", where it stands) of a pointer back at one of two things named (前面那个, 后者, the
        latter), or None."""
        for which, pattern in self._references:
            if (found := pattern.search(normalized)) is not None:
                return which, found.start()
        return None

    def facet_spans(self, normalized: str, dimension: str) -> list[tuple[int, int]]:
        """Where the text names a value of the dimension (惠衢保, 大病保险 for product; terms: the glossary's words)."""
        words = self._terms if dimension == "terms" else self._facet_maps.get(dimension)
        return [match.span() for match in words.pattern.finditer(normalized)] if words is not None and words.pattern else []

    def last_correction(self, normalized: str) -> re.Match | None:
        """Where the message last corrects itself (哦不, 打错了, sorry I mean), None if it does not."""
        found = [match for match in self._correction_re.finditer(normalized) if match.start() > 0] if self._correction_re else []
        if self._restatement_re is not None:
            found += [match for match in self._restatement_re.finditer(normalized)
                      if self.asks_something(normalized[:match.start()]) or self.asks(normalized[:match.start()])]
        return max(found, key=lambda match: match.start(), default=None)

    def misnamed(self, normalized: str) -> str:
        """One of our products called by another of ours' name, read by its own (misnamed_products)."""
        for name, called, said_to_do, unless in self._misnamed:
            if name not in normalized and called.search(normalized) and said_to_do.search(normalized) \
                    and (unless is None or unless.search(normalized) is None):
                return called.sub(name, normalized)
        return normalized

    def bound_at_home(self, normalized: str) -> str:
        """Binding asked in a city whose binding is one product's, that product named after the city (bound_at_home):
        a second reading of a message the first leaves unanswered."""
        if not self._bound_at_home or self.facets(normalized).get("product"):
            return normalized
        for name, name_en, home, acts, unless in self._bound_at_home:
            if (city := home.search(normalized)) is not None and (act := acts.search(normalized)) is not None \
                    and (unless is None or unless.search(normalized) is None):
                said = f" {name_en} " if city.group(0).isascii() else name  # (衡阳共济能去柜台绑吗: after the city, as said)
                return f"{normalized[:city.end()]}{said}{normalized[city.end():]}"
        return normalized

    def as_how_asked(self, normalized: str) -> str:
        """A request that the bot act read as asking how it is done (requests_to_act)."""
        if self._request_to_act is None:
            return normalized
        pattern, actors, how = self._request_to_act

        def asked_of_us(found: re.Match) -> str:
            before = normalized[max(0, found.start() - 4):found.start()]
            return found.group(0) if actors is not None and any(m.end() == len(before) for m in actors.finditer(before)) else how
        return pattern.sub(asked_of_us, normalized)

    def described(self, normalized: str) -> str:
        """A product told by its traits (那个一年一百块的补充险) named: its plan word becomes the name, where
        that word stands alone (after 的, 那个 or a pause), not as the end of another plan's (养老保险)."""
        for name, at_home in self._named_at_home:
            if name not in normalized and (found := at_home.search(normalized)) is not None:
                plan = found.lastindex  # (the plan word named, or pointed at)
                if not normalized.startswith(_PLAN_WORD_PARTS, found.end(plan)):
                    return f"{normalized[:found.start(plan)]}{name}{normalized[found.end(plan):]}"
        for name, plans, traits, home in self._described:
            if name in normalized or not traits.search(normalized):
                continue
            for plan in plans:  # the most telling plan word first (补充险 before 保险 in 保险公司赔的那个补充险)
                for found in re.finditer(re.escape(plan), normalized):
                    ahead = normalized[:found.start()]
                    ahead = ahead[:-len(place)] if (place := next((p for p in home if ahead.endswith(p)), None)) else ahead
                    before = ahead[-1] if ahead else " "  # (一年百元的衢州保险: the plan's own city before it)
                    if (before in _BEFORE_A_DESCRIBED_NAME or _PUNCTUATION.match(before)) \
                            and not normalized.startswith(_PLAN_WORD_PARTS, found.end()):
                        return f"{normalized[:found.start()]}{name}{normalized[found.end():]}"
        return normalized

    def clean(self, normalized: str) -> str:
        """Fillers out, sound-alike typos corrected. Input and output are normalised text."""
        text = normalized
        if self._addressed_re is not None:
            text = self._addressed_re.sub(" ", text)
        if self._filler_re is not None:
            text = self._filler_re.sub(" ", text)
        if self._single_filler_re is not None:
            text = self._single_filler_re.sub(" ", text)
        text = _PUNCTUATION.sub(" ", text).strip()
        corrected = self.sounds.correct(text)
        return self._normalize(corrected) if corrected != text else corrected

    def product_word(self, normalized: str) -> str | None:
        """The first word in the text that names a product (共济 in 湘潭共济最多绑几个人)."""
        return self.facet_word(normalized, "product")

    def product_name(self, normalized: str) -> str | None:
        """The first product the text names, by its name (家庭共济 for 账户里的钱能给我妈用: a
        follow-up takes the product, not the question the words matched in); English as written."""
        words = self._facet_maps.get("product")
        found = words.search(normalized) if words is not None else None
        if found is None:
            return None
        return found[0] if normalized.isascii() else self.spec.facets["product"][found[1]].label

    def facet_word(self, normalized: str, dimension: str) -> str | None:
        """The first word in the text that names a value of the dimension (父母 for member in 把我父母绑到…)."""
        words = self._facet_maps.get(dimension)
        found = words.search(normalized) if words is not None else None
        return found[0] if found else None

    def facet_words(self, normalized: str, dimensions: Iterable[str]) -> list[tuple[str, str]]:
        """Every (dimension, word) the text names of these dimensions, in order of dimension; "relative"
        stands for the relatives list (a follow-up may swap who: 那我小舅子呢)."""
        found = [(dimension, match.group(0)) for dimension in dimensions if (words := self._facet_maps.get(dimension)) is not None
                 and words.pattern is not None for match in words.pattern.finditer(normalized)]
        if "relative" in dimensions and self._relatives_re is not None:
            relatives = [match.group(0) for match in self._relatives_re.finditer(normalized)]
            found = [(d, word) for d, word in found if word not in relatives] + [("relative", word) for word in relatives]
        return found

    def relative_word(self, normalized: str) -> str | None:
        return _found(self._relatives_re, normalized)

    def marks_a_switch(self, text: str) -> bool:
        return _found(self._switch_marker_re, text) is not None

    def only_switch_words(self, text: str) -> bool:
        """Nothing but switch_words and punctuation (那 … 呢 around what a follow-up swaps)."""
        return _only(self._switch_re, text)

    def tells_of_a_relative(self, clause: str) -> bool:
        """The clause opens with a relative or a pronoun for one (他们是在衡阳交的医保, 宝宝自己也得参保吧), not the asker."""
        return self._relative_subject_re is not None and self._relative_subject_re.match(clause) is not None

    def only_told_words(self, text: str) -> bool:
        """Nothing but told_words and punctuation (我是…的, 交的…: who the resident is, told after a question)."""
        return _only(self._told_re, text)

    def compared(self, normalized: str, dimension: str) -> tuple[str, list[str]] | None:
        """Two values of a dimension joined to compare (居民和职工, employees and residents): the joined
        span and each word, if they name different values."""
        joined = self._joined.get(dimension)
        if joined is None:
            return None
        words = self._facet_maps[dimension]
        match = joined.search(normalized)
        if match is None:
            return None
        found = [m.group(0) for m in words.pattern.finditer(match.group(0))]
        if len(found) < 2 or words.value(found[0]) == words.value(found[-1]):
            return None
        return match.group(0), [found[0], found[-1]]

    def as_the_one_asked_about(self, normalized: str) -> str:
        """我是她儿媳妇，能用我的账户给她付吗 → 能用我的账户给婆婆付吗: the asker told as the relative of the one
        asked about (asker_relations) names that one the other way round, in place of the pronoun."""
        told = self._asker_told.search(normalized) if self._asker_told is not None else None
        if told is None or (turned := self._asker_relations[told.group("relation")].get(told.group("pronoun"))) is None:
            return normalized
        rest = normalized[told.end():]
        return normalized[:told.start()] + (rest.replace(told.group("pronoun"), turned) if told.group("pronoun") in rest else turned + rest)

    def named_apart(self, normalized: str, dimension: str) -> list[str] | None:
        """Words naming two values of a dimension apart in a message that asks of each (衢州职工门诊最高支付限额是不是比居民
        高，各多少; 职工看门诊最多报多少，居民的话又是多少): the first word of each value, in order; None otherwise."""
        words = self._facet_maps.get(dimension)
        if words is None or words.pattern is None or not (_found(self._each_side_re, normalized) or _WEIGHED.search(normalized)):
            return None
        first: dict[str, str] = {}
        for match in words.pattern.finditer(normalized):
            first.setdefault(words.value(match.group(0)), match.group(0))
        return list(first.values()) if len(first) == 2 else None

    def members_apart(self, normalized: str) -> list[str] | None:
        """亲情账户给小孩加跟给老人加有啥区别, 15岁的孩子和17岁的孩子加亲情账户流程有啥区别: a child and a grown-up named
        (by word or age) in a message that weighs them: the message as asked of each, the other's words and ages left
        out, and the words weighing them; None otherwise."""
        words = self._facet_maps.get("member")
        if words is None or words.pattern is None or len(self.facets(normalized).get("member", ())) < 2 or not (
                _found(self._each_side_re, normalized) or _WEIGHED.search(normalized)
                or self._comparing is not None and self._comparing.search(normalized)):
            return None
        weighed = self.without_comparing(normalized)
        sides = []
        for value in ("child", "adult"):
            def other(match: re.Match) -> str:
                if match.re is AGE:
                    age = small_number(next(filter(None, match.groups())))
                    return match.group(0) if (age < 16) == (value == "child") else " "
                return match.group(0) if words.value(match.group(0)) == value else " "
            side = AGE.sub(other, words.pattern.sub(other, weighed))
            if self.facets(side).get("member") == frozenset({value}):
                sides.append(" ".join(side.split()))
        return sides if len(sides) == 2 else None

    def asks_each_part(self, normalized: str) -> bool:
        """The message asks each of the things it names (分别, respectively): none may go unsaid."""
        return _found(self._each_part_re, normalized) is not None

    EACH_SIDE_DIMENSIONS = ("product", "scheme", "status", "care", "condition")

    def each_side(self, normalized: str) -> list[str] | None:
        """Two things joined in one clause and each asked of (惠衢保和衢州居民医保，一年各自交多少; 衢州居民门诊起付线
        和职工门诊起付线各是多少; 慧衢保和衢州大病保险哪个封顶高), each side named by facet words the other lacks,
        of one dimension or of two: the message as asked of each side alone (the other side's own words and the
        words asking of each left out)."""
        if self._each_side_re is None or not self._each_side_re.search(normalized):
            return None
        relatives = [match.span() for match in self._relatives_re.finditer(normalized)] if self._relatives_re is not None else []
        for joiner in _JOINER.finditer(normalized):
            if any(end == joiner.start() or start == joiner.end() for start, end in relatives):
                continue  # (给老公孩子和爸妈都买惠衢保: people joined, not two things weighed)
            start = max((m.end() for m in _CLAUSE_PAUSE.finditer(normalized, 0, joiner.start())), default=0)
            end = next((m.start() for m in _CLAUSE_PAUSE.finditer(normalized, joiner.end())), len(normalized))
            left = self._facet_spans(normalized, start, joiner.start())
            right = self._facet_spans(normalized, joiner.end(), end)
            own_left = [(span, named) for span, named in left if named not in {named for _, named in right}]
            own_right = [(span, named) for span, named in right if named not in {named for _, named in left}]
            if not own_left or not own_right:
                own_left, own_right = self._one_value_two_words(normalized, left, right)
            if not own_left or not own_right:
                continue
            # (where both sides name a dimension, its words part them, and the rest of a side is shared: 职工和居民住院 is
            # 职工住院 and 居民住院; otherwise every word of a side's own does: 惠衢保和衢州居民医保)
            both = {dimension for _, (dimension, _) in left} & {dimension for _, (dimension, _) in right}
            own_left = [word for word in own_left if word[1][0] in both] or own_left
            own_right = [word for word in own_right if word[1][0] in both] or own_right
            first = normalized[:joiner.start()] + normalized[max(b for (_, b), _ in own_right):end] + normalized[end:]
            second = normalized[:min(a for (a, _), _ in own_left)] + normalized[joiner.end():]
            # (a word left out of Chinese leaves no pause behind: 各是多少 → 是多少)
            return [_once(self._each_side_re.sub(lambda word: " " if word.group(0).isascii() else "", side)) for side in (first, second)]
        return None

    def _one_value_two_words(self, text: str, left: list, right: list) -> tuple[list, list]:
        """门诊慢性病跟门诊特殊病种哪个报得多: both sides name one condition, each by a word of its own (each rule its own
        entry): those words part the sides; nothing otherwise."""
        def words(side):
            return [(span, named) for span, named in side if named[0] in self.WORDS_APART], \
                {text[a:b] for (a, b), named in side if named[0] in self.WORDS_APART}
        own_left, left_words = words(left)
        own_right, right_words = words(right)
        if not left_words or not right_words or any(a in b or b in a for a in left_words for b in right_words):
            return [], []
        return own_left, own_right

    WORDS_APART = ("condition",)  # one value of these has rules of its own by word (慢性病, 特殊病种)

    def words_apart(self, normalized: str) -> list[str]:
        """The words of the text naming a value that has rules of its own by word (慢性病 in 衢州门诊慢性病报多少)."""
        return [match.group(0) for dimension in self.WORDS_APART if (words := self._facet_maps.get(dimension)) is not None
                for match, _ in words.matches(normalized)]

    def _facet_spans(self, text: str, start: int, end: int) -> list[tuple[tuple[int, int], tuple[str, str]]]:
        """The facet words (of EACH_SIDE_DIMENSIONS) inside text[start:end]: where each stands, and what it names."""
        return [((start + match.start(), start + match.end()), (dimension, value)) for dimension in self.EACH_SIDE_DIMENSIONS
                if (words := self._facet_maps.get(dimension)) is not None for match, value in words.matches(text[start:end])]

    def switched_detail(self, text: str) -> str | None:
        """What a short follow-up swaps in, when that is all it says besides switch words (三级呢 → 三级,
        那以后呢 → 以后), whatever it is; None for a message not worded as a switch, or saying more."""
        if not self.marks_a_switch(text) or self._switch_re is None:
            return None
        rest = _PUNCTUATION.sub("", self._switch_re.sub("", text))
        if self.asks_something(rest):
            return None  # 那一年交多少钱啊 asks a thing of its own, of the product talked of
        return rest if 0 < len(rest) <= self.SWITCHED_DETAIL_LONGEST else None

    SWITCHED_DETAIL_LONGEST = 6  # characters: 三级, 二级医院, 特药, 以后; longer is a question of its own

    def apps_used(self, normalized: str) -> list[str]:
        """The everyday apps a question names as where it is done (places `everyday_apps`), in order."""
        return list(dict.fromkeys(m.group("before") or m.group("after") for m in self._app_used.finditer(normalized)))

    def asks_nationwide(self, text: str) -> bool:
        """The text asks a rule of the whole country (全国, nationwide)."""
        return self.nationwide_word(text) is not None

    def names_an_unplaced_name(self, text: str) -> bool:
        return self._unplaced is not None and self._unplaced.search(text) is not None

    def nationwide_word(self, text: str) -> str | None:
        found = self._nationwide.search(text) if self._nationwide is not None else None
        return found.group(0) if found else None

    def asks_of_the_last_answer(self, text: str) -> bool:
        """The text asks something that, asked tersely right after an answer saying it, is of that answer."""
        return any(self.spec.asks_for[int(ask)].of_the_last_answer for ask in self.asks(text))

    def leans_on_the_last(self, text: str) -> bool:
        """The message starts with a word pointing back (她, 那, it)."""
        return self._leaning_re is not None and self._leaning_re.match(text) is not None

    def points_to_earlier(self, text: str) -> bool:
        """The message goes back to what was talked of before the last question (说回惠衢保, 那刚才那个, back to…)."""
        return self._earlier_re is not None and self._earlier_re.search(text) is not None

    def as_leaning(self, normalized: str) -> str:
        """The words going back to an earlier subject as the one word that leans on it (那刚才那个，我爸… → 那，我爸…)."""
        if self._earlier_re is None:
            return normalized
        leaning = self._earlier_re.sub("那" if not normalized.isascii() else "that", normalized, count=1)
        return re.sub(r"^那+[,，\s]*", "那", leaning)

    def points_within(self, text: str) -> bool:
        """The message points back at the thing just asked of (它还赔吗, does it still pay) somewhere inside."""
        return self._pointing_re is not None and self._pointing_re.search(text) is not None

    def only_doubts(self, text: str) -> bool:
        """Only doubt of the answer just given, or where it comes from (真的吗, 出处呢, are you sure?)."""
        if self._doubts_re is None or not self._doubts_re.search(text):
            return False
        return self.only_switch_words(self._doubts_re.sub(" ", text))

    def asks_about_the_assistant(self, text: str) -> bool:
        """Asks how sure, or how current, the assistant's own answers are (你这资料是哪年的, 你算得准吗)."""
        return _found(self._about_the_assistant, text) is not None

    def asks_how_it_was(self, text: str) -> bool:
        """Only how it was before is asked (原来是多少, 以前呢): a before-word, and nothing else but
        switch words and changed_asks."""
        if self._before_re is None or not self._before_re.search(text):
            return False
        for pattern in (self._before_re, self._changed_asks_re):
            if pattern is not None:
                text = pattern.sub(" ", text)
        return self.only_switch_words(text)

    def past_asked(self, normalized: str) -> str | None:
        """The word asking of the years before (以前每年, 往年), if the question has one."""
        found = self._past_asked.search(normalized) if self._past_asked is not None else None
        return found.group(0) if found else None

    def relative_year(self, normalized: str) -> tuple[str, int] | None:
        """The word naming a year from the one asked in (明年, last year) and how many years on it is."""
        found = _found(self._relative_year_re, normalized)
        return (found, self._relative_years[found]) if found else None

    def tells_of_a_change(self, answer: str) -> bool:
        return self._change_told_re is not None and self._change_told_re.search(answer) is not None

    def plain_word(self, word: str) -> bool:
        """A word that names no detail of its own (多少, 需要, 家人): no sign of a detail we lack."""
        return (word in self._plain or any(part in self._plain for part in (word[:2], word[-2:]) if len(word) > 2)
                or any(char in self._plain_chars for char in word))

    def asks_how(self, normalized: str) -> bool:
        """The text asks for the steps of doing something (怎么办理, how do I)."""
        return self._how_re is not None and self._how_re.search(normalized) is not None

    def without_context(self, normalized: str) -> str:
        """The text without `context_words` (where a thing is done, not what is asked)."""
        if self._context_re is None:
            return normalized
        return self._context_re.sub(" ", normalized).strip()

    def asks_something(self, normalized: str) -> bool:
        if normalized.isascii():  # "my insurance is still in Quzhou" tells; "is it…", "…, can I" ask
            return self._english_question_re is not None and self._english_question_re.search(normalized) is not None
        return (self._question_re is not None and self._question_re.search(normalized) is not None
                or self._asking_end.search(normalized) is not None)

    # ---- what the question is about -----------------------------------------------------
    def off_topic(self, normalized: str, excusing: bool = True) -> tuple[str, str] | None:
        """The neighbouring subject a question names (its label), and the word that names it; none when the
        word says only who the resident is and the question names a product of ours (个体户能买惠衢保吗), or names
        a cost ours may pay — unless not `excusing` them (a neighbour named at all)."""
        products = None
        first = None
        if self._not_neighbour is not None:
            normalized = self._not_neighbour.sub(lambda found: " " * len(found.group(0)), normalized)
        for match, topic in self._off_topic.matches(normalized):
            word = match.group(0)
            unless, also = self._off_topic_unless.get((topic.label, topic.words[0]), (None, None))
            if unless is not None and unless.search(normalized) is not None and (also is None or also.search(normalized) is None):
                continue  # (退休了养老金三千一，个人账户每月划多少: the account's share of the pension is asked)
            if excusing and (topic.whoever_joins or topic.paid_from):
                products = self.facets(normalized).get("product", frozenset()) if products is None else products
                if products & set(topic.whoever_joins) or products & set(topic.paid_from) \
                        and _PAID_BEFORE.search(normalized, 0, match.start()) is not None:
                    continue  # (个体户 says who asks; another neighbour further on may still be asked)
            if not _likened_at(normalized, match):
                return topic.label, word
            first = first or (topic.label, word)  # (像八达通一样搭公车: the bus ride is asked, the card only likened)
        return first

    def record_looked_up(self, normalized: str) -> str | None:
        """The neighbouring subject (its label) of a request that the bot look up someone's own record (`lookups`),
        read before fillers are dropped: 帮我查一下 is a filler in 帮我查一下惠衢保多少钱."""
        for topic, asked, whose, unless in self._lookups:
            if (found := asked.search(normalized)) is not None and (
                    whose.search(normalized, found.start("rest")) is not None if found.group("rest") is not None
                    else whose.search(found.group("told")) is not None) and (unless is None or unless.search(normalized) is None):
                return topic.label
        return None

    def asks(self, text: str) -> set[str]:
        """What a question asks for (asks_for): indexes as strings, values of the dimension "asks"."""
        return {str(index) for index in self._asked(text)}

    def _asked(self, text: str) -> tuple[int, ...]:
        found = self._asked_in.get(text)
        if found is None:
            if len(self._asked_in) >= 4096:
                self._asked_in.clear()
            starts = {*text, *(text[at:at + 2] for at in range(len(text) - 1))}
            candidates = {*self._always_asked, *(index for start in starts for index in self._asks_starting.get(start, ()))}
            found = self._asked_in[text] = tuple(
                index for index in sorted(candidates)
                if (asked := self._asks[index][1]) is not None and asked.search(text) and self._may_ask(index, text))
        return found

    def _answers(self, index: int, answer: str) -> bool:
        key = (index, answer)
        found = self._answered_by.get(key)
        if found is None:
            answered = self._asks[index][2]
            found = self._answered_by[key] = answered is not None and answered.search(answer) is not None
        return found

    def forget(self) -> None:
        """Drop what was kept of the texts read (a benchmark times each question as new)."""
        self._asked_in.clear()

    def _may_ask(self, index: int, text: str) -> bool:
        guard, instead, only = self._asks_guard.get(index), self._asks_instead.get(index), self._asks_only.get(index)
        return (guard is None or guard.search(text) is not None) and (instead is None or instead.search(text) is None) \
            and (only is None or only.search(text) is not None)

    def same_process(self, ask: str) -> bool:
        return self.spec.asks_for[int(ask)].same_process

    def asks_how_they_relate(self, normalized: str) -> bool:
        return any(self.spec.asks_for[int(ask)].relates for ask in self.asks(normalized))

    def asks_which_of_two(self, ask: str) -> bool:
        """The ask is itself a choice between two (先扣…还是…: whose account first)."""
        return ask in self._asks_which_of_two

    def closed_list_answers(self, ask: str) -> bool:
        return self.spec.asks_for[int(ask)].closed_list_answers

    def asks_listing_who(self) -> tuple[str, ...]:
        """The asks whose entries list who may (asks_for `lists_who`: 哪些家人能用), in their order."""
        return self._asks_listing_who

    def shows_nearest(self, ask: str) -> bool:
        return self.spec.asks_for[int(ask)].show_nearest

    def of_the_city(self, ask: str) -> bool:
        return self.spec.asks_for[int(ask)].of_the_city

    def asks_of_the_city(self, normalized: str) -> bool:
        return any(self.of_the_city(ask) for ask in self.asks(normalized))

    def weighs_places(self, normalized: str) -> bool:
        return any(self.spec.asks_for[int(ask)].weighs_places for ask in self.asks(normalized))

    def own_entry(self, ask: str) -> bool:
        return self.spec.asks_for[int(ask)].own_entry

    def unanswered_ask(self, question: str, answer: str, promised: set[str], products: Iterable[str] = ()) -> str | None:
        """What the question asks for that the answer says nothing of, unless the entry's own
        phrasings ask it too (`promised`: the entry is meant to answer it) or the entry is on a
        product it is never asked of (`products`: the entry's)."""
        for index in self._asked(question):
            key = str(index)
            if key in promised:
                continue
            scope = self.spec.asks_for[index].products
            if scope and products and not set(scope) & set(products):
                continue
            if not self._answers(index, answer):
                if self.spec.asks_for[index].compares and self.gives_each_side(question, answer) \
                        and not any(len(values) > 1 for values in self.facets(question).values()):
                    # (居民和职工…差多少 joins two schemes: each one's own entry answers, or the lack is said)
                    continue
                return key
        return None

    def says(self, ask: str, answer: str) -> bool:
        """Whether an answer gives what the ask asks for (one of its `answered` words)."""
        return self._answers(int(ask), answer)

    def compares(self, ask: str) -> bool:
        return self.spec.asks_for[int(ask)].compares

    def without_comparing(self, normalized: str) -> str:
        """The text without its words asking how two things compare (差多少, 有什么区别): what is asked of each side."""
        return " ".join(self._comparing.sub(" ", normalized).split()) if self._comparing is not None else normalized

    def gives_each_side(self, question: str, answer: str) -> bool:
        """The two things the question joins (一级医院和三级医院, A vs B, 社区比三甲) are each named by the answer,
        each by words of its own (一级 … 三级) or by words naming that side alike (side_words: 社区 … 一级), so the
        answer gives both sides of the comparison."""
        for pattern in (_JOINED, _THAN):
            for joined in pattern.finditer(question.replace(",", "")):
                left, right = joined.group(1), joined.group(2)
                own_left, own_right = _bigrams(left) - _bigrams(right), _bigrams(right) - _bigrams(left)
                if self._given(left, own_left, answer) and self._given(right, own_right, answer):
                    return True
        return False

    def asks_if_the_only_way(self, normalized: str, ways: Iterable[str]) -> bool:
        """The text asks whether one of `ways` (channel values: online) is the only way (是不是只能在小程序上申请)."""
        if self._only_way is None:
            return False
        words = [word for dimension, word in self.facet_words(normalized, ("channel",))
                 if self._facet_maps["channel"].value(word) in ways]
        return any(re.search(f"(?:{self._only_way.pattern})[^,，。?？!！]{{0,4}}?{re.escape(word)}", normalized) for word in words)

    @staticmethod
    def sides(normalized: str) -> tuple[str, list[str]] | None:
        """The first two things a text joins (职工看门诊和居民看门诊): the joined span and each side."""
        joined = _JOINED.search(normalized)
        return (joined.group(0), [joined.group(1), joined.group(2)]) if joined else None

    def _given(self, side: str, own: set[str], answer: str) -> bool:
        return any(pair in answer for pair in own) or any(
            any(word in side for word in alike) and any(word in answer for word in alike) for alike in self._side_words)

    def word_explained(self, normalized: str) -> tuple[str, str] | None:
        """The glossary entry of the one word a message asks the meaning of (起付线是啥意思, sorry, what's a
        deductible?), and what else the message says (单子上写的: the caller judges whether that asks anything);
        None for 起付线是多少."""
        terms = {entry_id for _, entry_id in self._terms.each(normalized)}
        if len(terms) != 1 or self._explaining is None or self._explaining.search(normalized) is None:
            return None
        rest = self._terms.pattern.sub(" ", normalized)
        rest = self._said_around.sub(" ", rest) if self._said_around is not None else rest
        return next(iter(terms)), " ".join(_NOT_A_WORD.split(rest)).strip()

    def points_back(self, normalized: str) -> bool:
        """The text points back at what was told before it (这样还能报吗, 像她这样的老人)."""
        return self._pointing_back is not None and self._pointing_back.search(normalized) is not None

    def names_a_term(self, normalized: str) -> bool:
        """Some glossary word is in the text (no clause of a message without one can ask what one means)."""
        return self._terms.pattern is not None and self._terms.pattern.search(normalized) is not None

    def term_named(self, normalized: str) -> str | None:
        """The glossary entry of the one word of it a message names, whatever it asks of the word (统筹基金和个人账户有啥
        区别, 封顶线是说一年至少要花到这个数吧); None beside a word it is only part of (统筹区, 全国统筹)."""
        terms = self._terms_in(normalized)
        return terms[0] if len(terms) == 1 and terms[0] not in self.spec.explained_words.searched_too else None

    def terms_named(self, normalized: str) -> list[str]:
        """The glossary entries of the words a message names, in order (起付线和封顶线，一个是下限一个是上限吗: two);
        none beside a word one is only part of."""
        return [entry_id for entry_id in self._terms_in(normalized) if entry_id not in self.spec.explained_words.searched_too]

    def _terms_in(self, normalized: str) -> list[str]:
        """Every glossary entry whose word the message names, once each, in order; none beside a word one is only part of."""
        if self._term_parts is not None and self._term_parts.search(normalized):
            return []
        return list(dict.fromkeys(entry_id for _, entry_id in self._terms.each(normalized)))

    def asks_the_meaning_outright(self, normalized: str) -> bool:
        """起付线到底是啥意思, what does … mean: the meaning asked, not what a word of ours amounts to (门诊起付线是啥)."""
        return _found(self._meaning_asked, normalized) is not None

    def defines(self, before: str) -> bool:
        """The text ends with words defining what it names (封顶线就是…, 起付线指的是…)."""
        return bool(self._defining) and before.endswith(self._defining)

    def without_terms(self, normalized: str) -> str:
        """The text without the glossary's words (起付线, cap)."""
        return self._terms.pattern.sub(" ", normalized)

    def claims_together(self, normalized: str) -> bool:
        """Asks how a neighbouring insurance and ours pay together (跟惠衢保一起怎么理赔, both pay?)."""
        return _found(self._claimed_together, normalized) is not None

    def unlisted_group(self, normalized: str) -> str | None:
        """A group of people named whose own treatment the knowledge never gives (军人家属, 残疾人)."""
        return _found(self._unlisted_groups, normalized)

    def asks_for_more(self, normalized: str) -> bool:
        """The text asks for a reduction or more cover (有没有减免, 能不能多报, any discount)."""
        return _found(self._more_asked, normalized) is not None

    def asks_if_paid_for(self, normalized: str) -> bool:
        """The text asks whether, or how much, something is paid for (能报多少, is it covered)."""
        return _found(self._paid_for_re, normalized) is not None

    def asks_to_join(self, normalized: str) -> bool:
        """The text asks whether one may join or buy something (能买吗, can I join)."""
        return _found(self._join_re, normalized) is not None

    def names_our_insurance(self, normalized: str) -> bool:
        """The text names medical insurance as ours (医保, 医疗保险), not another kind."""
        return any(word in normalized for word in self._our_insurance)

    def other_insurance(self, normalized: str) -> str | None:
        """The name of an insurance product that is not ours (长期护理保险, 碎屏险), if one is named."""
        for match in _INSURANCE.finditer(normalized):
            start, end = match.start(1), match.end(1)
            if normalized[:end].endswith(self._our_insurance + self._insurance_parts + self._not_insurance) \
                    or normalized.startswith(self._our_insurance + self._insurance_parts, start):
                continue
            before = _BEFORE_A_NAME.split(normalized[match.start():start])[-1]  # 赶紧买门诊险: 门诊险, not 紧买门诊险
            if not before or before.endswith(self._asking_words):
                continue
            if self._off_topic.search(before + normalized[start:end]) is not None:
                continue  # (a neighbour's own words: off_topic has judged them, 共济的钱能交长期护理保险吗 asks of ours)
            return before + normalized[start:end]
        return None

    def pointers_at(self, label: str) -> list[str]:
        """The words pointing back at what the neighbouring subject tells of (off_topic `pointed_at_by`)."""
        return next((item.pointed_at_by for item in self.spec.off_topic if item.label == label), [])

    def says_who_asks(self, label: str) -> bool:
        """The neighbouring subject is who the resident is (个体户, 失业了: off_topic `whoever_joins`)."""
        return any(item.label == label and item.whoever_joins for item in self.spec.off_topic)

    def care_told_in(self, label: str, text: str) -> bool:
        """The neighbouring subject is a place of care (off_topic `where_care_is`), and the text tells of care there
        (one of its `unless_also` words: 出国了在国外看病, not I grew up in Singapore); or it is a kind of care itself."""
        topic = next((item for item in self.spec.off_topic if item.label == label and (item.where_care_is or item.a_kind_of_care)), None)
        if topic is None:
            return False
        if topic.a_kind_of_care:
            return True
        care = self._off_topic_unless[(topic.label, topic.words[0])][1]
        return care is not None and care.search(text) is not None

    def named_beside_ours(self, label: str) -> bool:
        """The neighbouring subject is an insurance like ours (off_topic `beside_ours`)."""
        return any(item.label == label and item.beside_ours for item in self.spec.off_topic)

    def facets(self, normalized: str) -> Facets:
        found = self._facets_of.get(normalized)
        if found is None:
            if len(self._facets_of) >= 4096:
                self._facets_of.clear()
            found = self._facets_of[normalized] = self._facets_anew(normalized)
        return found

    def _facets_anew(self, normalized: str) -> Facets:
        found: dict[str, frozenset[str]] = {}
        denied = " ".join(match.group(0) for match in _NEGATED.finditer(normalized))
        normalized = _LIKENED.sub(" ", _NEGATED.sub(" ", normalized))  # 我是职工医保不是居民的: the resident scheme is not asked
        for dimension, words in self._facet_maps.items():
            values = words.values(normalized)
            if values:
                found[dimension] = values
            elif dimension == "scheme" and (other := self._other_scheme(denied)):
                found[dimension] = other
        years = frozenset(match.group(1) for match in YEAR.finditer(normalized)
                          if not self._a_year_of_the_story(normalized, match) and not self._a_sum(normalized, match)) \
            | frozenset(_the_year(match.group(1)) for match in SHORT_YEAR.finditer(normalized)
                        if not self._a_year_of_the_story(normalized, match))
        if years:
            found["year"] = years
        for dimension, value, unless, own in self._outweighing_unless:
            if value in found.get(dimension, ()) and unless.search(normalized) and (own is None or not own.search(normalized)):
                found[dimension] = found[dimension] - {value}
                if not found[dimension]:
                    del found[dimension]
        for dimension, value, outweighed, outweighing in self._outweighing:
            if value in found.get(dimension, ()) and outweighing is not None and outweighing.search(normalized):
                found[dimension] = found[dimension] - outweighed
        if "member" in self._facet_words:
            ages = {small_number(next(filter(None, match.groups()))) for match in AGE.finditer(normalized)}
            members = {"child" for age in ages if age < 16} | {"adult" for age in ages if age > 16}
            if members:  # an age says more than a word: 我儿子今年三岁 is a child whatever else is named
                found["member"] = frozenset(members)
        return found

    def _other_scheme(self, denied: str) -> frozenset[str]:
        """Quzhou residents (not employees): of the two schemes, the one not denied is asked; not so when a
        status is denied (我不是退休的，还在上班 is still an employee)."""
        status = self._facet_maps.get("status")
        if not denied or status is not None and status.values(denied):
            return frozenset()
        schemes = set(self._facet_words["scheme"].values())
        not_this = self._facet_maps["scheme"].values(denied)
        return frozenset(schemes - not_this) if not_this and len(schemes) == 2 else frozenset()

    @staticmethod
    def _a_sum(normalized: str, match: re.Match) -> bool:
        """药费2000, spent 2000: a figure after a cost, without 年, is money."""
        return not match.group(0).endswith(("年", "年度")) and _A_SUM_BEFORE.search(normalized[:match.start()]) is not None

    def _a_year_of_the_story(self, normalized: str, match: re.Match) -> bool:
        """2012年查出糖尿病, diabetes since 2012: when something happened to the resident, not the rules' year."""
        before, after = normalized[:match.start()].rstrip(), normalized[match.end(1):]
        # (a day of it, 2026-09-18 or 2026年9月18日出生, is when something happened, not the rules' year)
        return before.endswith(self._story_year_before) or after.startswith(self._story_year_after) or _A_DAY_AFTER.match(after) is not None

    def unasked_product(self, question: str, phrasing: str, always: bool = False, named: frozenset[str] | None = None) -> bool:
        """The phrasing is about a product the question does not name (`named`: the products it
        names, if read already), and the question speaks of insurance in general words (or
        `always`: whatever words it uses)."""
        if not always and (self._generic_re is None or not self._generic_re.search(question)):
            return False
        offered = self.facets(phrasing).get("product", frozenset())
        named = self.facets(question).get("product", frozenset()) if named is None else named
        if not named:  # (the basic insurance is what a question naming no product is about: 衡阳门诊要绑医院不, of 门诊共济)
            offered -= {"basic"}
        return bool(offered) and not (offered & named)

    def subject_label(self, label: str, lang: str) -> str:
        """An off-topic subject's label in the resident's language."""
        if lang == "en":
            for topic in self.spec.off_topic:
                if topic.label == label:
                    return topic.label_en
        return label

    def label(self, dimension: str, value: str, lang: str) -> str:
        if dimension == "year":
            return value if lang == "en" else f"{value}年"
        if dimension == "asks":
            item = self.spec.asks_for[int(value)]
            return item.label_en if lang == "en" else item.label
        facet = self.spec.facets.get(dimension, {}).get(value)
        if facet is None:
            return value
        return facet.label_en if lang == "en" else facet.label

    # ---- places -------------------------------------------------------------------------
    def rules_asked_of(self, normalized: str, place: str) -> bool:
        """Whether the place is named as the one whose rules are asked to apply (也按衢州的规定报吗)."""
        return bool(self._rules_before) and any(normalized[:match.start()].endswith(self._rules_before)
                                                for match in re.finditer(re.escape(place), normalized))

    def role(self, normalized: str, start: int, end: int) -> str:
        """Whether a place named at [start, end) is where the resident is treated or lives
        ("care"), whose insurance is asked about ("insurance"), or neither is said ("unknown")."""
        after = normalized[end:].lstrip()  # English words stand apart: "live in shanghai"
        before = normalized[:start].rstrip()
        for tail in (after, after.lstrip("市省县区")):
            if tail.startswith(self.insurance_after):
                return "insurance"
            if tail.startswith(self._rules_after):
                return "care" if before.endswith(self._care_before) else "insurance"
        if after.startswith(self._care_after):  # 医保在北京住院: insured here, treated there
            return "care"
        if self._insurance_before and before.endswith(self._insurance_before):
            return "insurance"
        if before.endswith(self._care_before):
            return "care"
        return "unknown"


def conflicts(entry_facets: dict[str, tuple[str, ...]], asked: Facets) -> list[str]:
    """The dimensions on which an entry declares something other than what the question names.
    An entry declaring none ([]: checking a balance is about no product) clashes with any value."""
    clashing = []
    for dimension, values in asked.items():
        declared = entry_facets.get(dimension)
        if declared is not None and not values.intersection(declared):
            clashing.append(dimension)
    return clashing


def detect_language(text: str, to_simplified, to_traditional) -> str | None:
    """The script or language a question is written in: "en" (English words outnumber Chinese
    ones), "zh_Hant" (characters only traditional writing uses), "zh"; None when the text does
    not tell (an amount, "ok", one character)."""
    han = sum(1 for ch in text if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff")
    english = len(_ENGLISH_WORD.findall(text))
    if english >= 2 and english * 2 >= han:
        return "en"
    if han < 2:
        return None
    simplified = to_simplified(text)
    changed = sum(1 for a, b in zip(text, simplified) if a != b and a not in _SHARED_FORMS)
    if not changed:
        return "zh"
    # one traditional character among simplified ones is a typo (惠衝保…费用 is 惠衢保), not the script
    simplified_only = sum(1 for a, b in zip(text, to_traditional(text)) if a != b)
    return "zh_Hant" if changed > simplified_only else "zh"


def alike_in_both_scripts(text: str, to_simplified, to_traditional) -> bool:
    """Written alike in simplified and traditional characters (你好, 在吗; 什麼 too, a form both may use): the
    script is not told."""
    return to_traditional(text) == text and all(a == b or a in _SHARED_FORMS for a, b in zip(text, to_simplified(text)))


_ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")


# Characters OpenCC's t2s may rewrite although simplified writing uses them too.
_SHARED_FORMS = frozenset("著乾瞭於籲餘夥隻鍾麼")


_NUMERAL = re.compile(r"[\d,.]+|[零一二两三四五六七八九十百千万]+")
_ONE_AS_AN_ARTICLE_AFTER = ("的", "有")


def _as_asked(match: re.Match, asked: str) -> str:
    """A stated figure followed by what it asks; a lone 一 after 的 or 有 is an article (想把以前绑的一个亲戚解掉,
    我有一个亲戚), not a figure."""
    if _NUMERAL.match(match.group(0)).group(0) == "一" and match.string[:match.start()].rstrip().endswith(_ONE_AS_AN_ARTICLE_AFTER):
        return match.group(0)
    return f"{match.group(0)} {asked}"
