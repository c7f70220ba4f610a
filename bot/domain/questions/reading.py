"""Reading a resident's message before it is searched: normalised, fillers out, typos corrected;
of a long spoken message the parts that ask and the parts that tell the story; several questions in
one message. Pure Python, no aiogram."""
from __future__ import annotations

import re
from typing import Collection

from bot.domain.questions.places import Places
from bot.domain.questions.text import TextTools, spaced_out_joined
from bot.domain.questions.understanding import Understanding

_PARTS = re.compile(r"[\s,.!?;:~，。！？；：、…～]+")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_ENGLISH_SENTENCES = re.compile(r"(?<!\d)[.!?;]+(?!\d)")  # not at a comma: "I don't use a smartphone, how…" is one
_LIKENED = re.compile(r"一样|像|比|够不够|相比|比起|\blike\b|same as|compared")  # (比例 is taken out first: a rate, no likening)
_INSURED = re.compile(r"参保|医保|社保|户口|insured|insurance|hukou")
_BESIDE_THEN_THERE = re.compile(r"([^\s,.!?;:的]{2,4}?)在([^\s,.!?;:的]{2,4}?)的?(?:隔壁|旁边|附近|边上|对面)[\s,.!?;:]*(?:那边|那里|那儿)")
_HEDGE = re.compile(r"([^,.!?;:\s]{2,12}?)还是([^,.!?;:\s]{2,12}?)来[着著]")  # (叫)大病保险还是重大疾病险来着
# 有商业医疗险的人, 已经买了百万医疗, already got a … policy: an insurance the person holds…
_HOLDS = re.compile(r"(?:有|买了|买过|已经有|已有|已买|入了|got|have|has|already)\W?$")
# …and may they still join ours (还能参加惠衢保吗, still let into huiqubao?)
_MAY_JOIN = re.compile(r"(?:能|可以|让|允许|准|能不能|可不可以)(?:再|还|也)?(?:参加|参保|投保|买|加入|办|入保)"
                       r"|\b(?:can|may|still|allowed to|eligible to|let)\b.*\b(?:join|buy|into|enrol|enroll|sign up|apply)")
# a treatment of the story paid with the card (…做个双眼皮，能拿医保卡刷吗): whether insurance pays for it is asked
_PAID_WITH_THE_CARD = re.compile(r"(?:能|可以|可不可以|能不能)(?:拿|用)?(?:医保卡|社保卡|医保码|医保)?(?:刷|报|付)|刷医保|走医保|用医保")
# A telling part that is the money of what it names (公积金账户里的钱，可以代扣家人的医保费吗): the topic the ask is of
_ITS_MONEY = re.compile(r"(?:的钱|的余额|里的钱|里剩的钱|里面的钱)\s*$")
# An insurance beside ours only held (我有商业险, 也买了百万医疗), not said to have paid (商业险赔了一部分): what ours pays is its own rule
_PAID_BY_IT = re.compile(r"报了|报过|赔了|赔过|理赔|报销了|报销过|给报|给赔|\b(?:paid|covered|reimbursed)\b")
# 还能报吗, still pay: whether ours pays beside it, which no rule of ours says
_STILL = re.compile(r"还|仍|照样|照常|\bstill\b|\banyway\b")
# 是 / 是不是 / 就是 and a few words before a neighbour: what a thing named before it is taken to be
_GUESSED = re.compile(r"(?:是不是|是否|就是|算是|属于|是)(?:(?!哪|什么|谁|啥|几)[^,，。;；?？!！]){0,8}$")  # (not 是哪家商业保险公司: a question of it)
# 用医保个账能帮爸妈缴吗 after 上海的沪惠保: the asking part pays for what the story named (not 买药, 交的医保)
# 起付线是医院收的挂号费吗, 门诊那个4000是不是先交的押金: a clause guessing what a thing is, asking nothing else of it
_GUESS_CLAUSE = re.compile(r"(?:是不是|就是|算是|是)([^\s,.!?;:]{1,14}?)(?:吗|吧|嘛|呀|啊)?(?=[\s,.!?;:]|$)")
# (a guess is a kind of thing: 医院收的挂号费, not a rule, 按剩下的月份折算, 得先签约一家医院, 有上限, 最多加五个人, nor a
# choice, 分开算还是合起来算)
_ASKS_MORE = re.compile(r"\d|[一二两三四五六七八九十百千万][个名位人岁块元年]|最多|最少|上限|能|可以|报|赔|多少|怎么|哪|几|什么|啥|谁|要|交(?!的)|买|办|一样|一回事|同一|得|必须|先|会|有|没|才|只|还是"
                        r"|^(?:按|跟|和|在|从|给|被|对|都|也|还|只|又|就|才)")
_FIGURE = re.compile(r"\d|[一二两三四五六七八九十百千万][个名位人岁块元年成]")
_PAYS_FOR = re.compile(r"缴|投保|续保|买(?!药)|交(?!的)|\b(?:pay for|buy|purchase)\b")
# 不是…那个, 跟…不是一回事: a neighbour named to say ours is not it
_SET_APART_BEFORE = re.compile(r"(?:(?<!是)不是|并非|而不是|不是说)[^,，。;；?？!！]{0,6}$")
_SET_APART_AFTER = re.compile(r"[^,，。;；?？!！]{0,4}(?:不是一回事|不是一个东西|不一样吧|不是同一个)")
_POINTS_BACK = re.compile(r"那个|这个|那种|这种|它|哪个|\b(?:it|that one|this one|(?:that|this|the|their) (?:policy|insurer|insurance company))\b"
                          r"|\bclaims?\b.*\b(?:with|from) them\b")  # (…a ping an policy, how do we claim with them)
_HAN = re.compile(r"[\u3400-\u9fff]")
# 跟衡阳一样(，)同时10个…, 像湘潭共济那样要填电话: a measure, then a claim of at least two characters that asks on
_LIKENED_WITH_A_CLAIM = re.compile(r"也?(?:跟|和|与|同|像)[^\s,.!?;:，。？！；：跟像和同]{1,10}?(?<!不)(?:一样|那样|似的|相同|一致)"
                                   r"(?=[\s,，]?(?!都|也都|的)[^\s,.!?;:，。？！；：吗吧呢啊嘛]{2})")
# 不是黑河, 除了浙里办, other than Alipay: what follows, up to a pause, is set apart
_SET_APART_PLACE = re.compile(r"(?:(?<!是)不是|并非|而不是|除了|\bother than\b|\bapart from\b|\bbesides\b|\bnot in\b)"
                              r"(?P<named>[^,，。;；?？!！嗯]{1,12}?)(?:以外|之外|(?=[,，。;；?？!！嗯]|$))")  # (除了浙里办以外惠衢保…; 嗯: a spoken pause)
_WHICH_BETTER = re.compile(r"哪个更?(?:划算|好|值|合适|便宜|靠谱)|哪一个更?好|which (?:one )?is (?:better|cheaper|a better deal)")  # both weighed
_OTHER_PEOPLE = re.compile(r"同事|朋友|邻居|同学|老乡|\bcolleague|\bfriend|\bneighbou?r")  # people who are no relatives
_SELF = r"(?:我自己|我本人|本人|自己|我)"  # the resident, naming their own insurance city (我自己是昭通医保)
# A part telling what a caller, a text or a seller said (来电说, 短信说, 有人打电话说, 业务员说; someone phoned saying):
# claims a resident checks, not asks (a relative's or the counter's words, 他说…这样行吗, are often what is asked)
_REPORTED = re.compile(r"(?:有人|陌生人|来电|打电话|电话里|短信|业务员|中介|卖保险的|网上|群里)(?:跟我|和我|给我|对我)?说"
                       r"|\b(?:someone|somebody|a caller|a text|an sms|a message|a salesman|an agent)\b.{0,20}\b(?:said|says|saying|claims?|claimed|told me)\b"
                       r"|\b(?:phoned|texted|called) (?:me )?saying\b")
_SWITCHED_TO = re.compile(r"(?:换到|换成|换做|换作)$")
_TOLD_BY = re.compile(r"听说|说是|同事说|说的|据说|\bheard\b|\bsaid\b|\bsays\b")
_THIRD_PERSON = re.compile(r"[他她]")  # 她账户里的钱能给我用吗: asked of the relative just named, not of the resident
_CHANNELS = ("浙里办", "支付宝", "微信", "邻礼通", "公众号", "小程序", "alipay", "wechat", "zheliban", "linlitong")


def _own_insurance_city(places: str) -> re.Pattern:
    """我自己是昭通医保, 我是杭州参保的: one of these places (an alternation) named as the resident's own insurance city."""
    return re.compile(rf"{_SELF}(?:是|就是|的医保是|的医保在|医保在|在)?({places})[市的]*(?:医保|参保|职工|居民|城乡)")


_AGE_THIS_YEAR = re.compile(r"(?:今年|虚岁)(?=[0-9一二三四五六七八九十两]{1,3}(?:岁|周岁|了|多))")  # (虚岁九十三了: the age the old way)
# 我爸都75了: an age without 岁, told right after the person
_AGE_WITHOUT_SUI = re.compile(r"(?<=[爸妈爷奶婆公娘爹])(?:都|已经|快|也)?(?:[1-9][0-9]|[一二三四五六七八九]十[一二三四五六七八九]?)(?=了)")
_SOME_NUMBER = re.compile(r"[0-9十百千万两一二三四五六七八九好]几|几[十百千万]")  # 十几年, 好几万, 几千: no question
# the words a question ends on (要刷脸吗, 交几块钱, 在哪个app弄, 能不能, 用得不), not those a statement holds (可以, 能)
_ASKING_TAIL = re.compile(r"吗|么|嘛|呢|多少|多久|多长|几|哪|啥|什么|怎么|怎样|咋|如何|谁|何时|([\u4e00-\u9fff])[不没]\1|[不没伐冇][?？]?$|没有[?？]?$")
# where a message pauses between questions (…，…; 顺便问下); a space between Chinese words too, unless it spaces keywords
_ASKED_BEFORE = re.compile(r"(?:吗|呢|么|\?|？)[\s,，。]*$")  # a clause closed as a question, right before what follows
_PAUSE_NOT_SPACE = re.compile(r"[,，。；;!！]+|顺便问下|顺便问一下|顺便问问")
_PAUSE = re.compile(rf"{_PAUSE_NOT_SPACE.pattern}|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_SPACES = re.compile(r"\s+")
_QUESTIONS = re.compile(r"[?？]+|(?:还有|另外|还想问|再问一下|再问下|and also|also,)"
                        r"|[,，](?=(?:那|还有|又)?(?:啥时候|什么时候|几时|几月|在哪|去哪|哪里|怎么交|怎么买|怎么办|咋办|咋弄|要不要|能不能)[^,，]{0,8}[?？]?$)"
                        r"|,\s*and\s+(?=(?:how|what|when|where|which|who|whose|can|could|do|does|is|are|will|should)\b)")


# where someone is, told as a part of its own (我在外地, 人在外地打工, 他常年在外省上班)
_WHEREABOUTS = re.compile(r"(?:我|人|本人|我人|我们|他|她|孩子|儿子|女儿|老公|老婆)?(?:现在|目前|常年|一直|长期|人)?在(?:外地|外省|省外|市外|外面|外头)"
                          r"(?:打工|上班|工作|读书|上学|生活|住|带孙子|带娃)?")


def _written_in_chinese(question: str) -> bool:
    """Chinese, not English with a name or a word in characters (My father 张国平 was diagnosed…)."""
    han = len(_HAN.findall(question))
    return han > 0 and len(_LATIN_LETTER.findall(question)) <= 4 * han


def _pieces(question: str) -> list[str]:
    """A message between spaces and punctuation; English, whose words are no parts, between sentence ends."""
    return [piece for piece, _ in _pieces_and_how_set_apart(question)]


def _pieces_and_how_set_apart(question: str) -> list[tuple[str, bool]]:
    """_pieces, each with whether only spaces set it apart from the one before (no punctuation)."""
    if not _written_in_chinese(question):
        return [(piece, False) for piece in _ENGLISH_SENTENCES.split(question) if piece.strip()]
    found, previous, end = [], 0, 0
    for match in _PARTS.finditer(question + "。"):
        if match.start() > end:
            found.append((question[end:match.start()], bool(found) and not question[previous:end].strip()))
        previous, end = match.start(), match.end()
    return found


_CLOSED_BY_A_PARTICLE = re.compile(r"[吗嘛么][?？!！]?$")  # 惠衢保今年还能买吗: a yes-no question, whole


class MessageReader:
    SPOKEN_PARTS = 3  # a message in this many parts or more is read as spoken (see read())
    CLAUSE_RUN = 16  # a run of speech this long without a pause is cut into its clauses…
    CLAUSE_SHORTEST = 4  # …of at least this many characters
    READ_CACHED = 2048  # questions whose reading is kept: residents ask the same things

    def __init__(self, tools: TextTools, understanding: Understanding, places: Places, domain_words: list[str],
                 vocabulary: Collection[str] = ()):
        self.tools, self.understanding, self.places = tools, understanding, places
        self.vocabulary = vocabulary  # the words the knowledge's phrasings use
        self._read: dict[str, str] = {}  # question -> how search reads it (read())
        # question -> its runs (_runs) and its parts (_parts): each reading asks for them several times
        self._runs_of: dict[str, list[list[str]] | None] = {}
        self._parts_of: dict[str, tuple[list[str], list[str]]] = {}
        self._domain_re = re.compile("|".join(map(re.escape, domain_words))) if domain_words else None

    def forget(self) -> None:
        """Drop what was kept of the questions read (a benchmark times each question as new)."""
        self._read.clear()
        self._runs_of.clear()
        self._parts_of.clear()
        self.understanding.forget()
        self.places.forget()

    def of_the_one_pointed_at(self, question: str) -> str:
        """惠衢保和大病保险，后面那个是自动有的吗 / 长沙医保和衡阳医保，前面那个…: of two cities, products, schemes or
        words the glossary explains named before a pointer back (前面那个, 后者, the former), the other one left out;
        the message as typed when it points at none."""
        normalized = self.tools.normalize(question)
        pointer = self.understanding.pointer(normalized)
        names = self.places.names_pattern()
        if pointer is None:
            # 金华在衢州隔壁，那边的居民医保…: 那边 after "A is beside B" points at A
            beside = _BESIDE_THEN_THERE.search(normalized)
            if beside is None or names is None or not (names.fullmatch(beside.group(1)) and names.fullmatch(beside.group(2))):
                return question
            return normalized[:beside.start(2)] + normalized[beside.end(2):]
        which, at = pointer
        before = normalized[:at]
        for spans in ([match.span() for match in names.finditer(before)] if names is not None else [],
                      *(self.understanding.facet_spans(before, dimension) for dimension in ("product", "scheme", "terms"))):
            if len(spans) == 2:
                start, end = spans[1] if which == "former" else spans[0]
                return normalized[:start] + normalized[end:]
        return question

    CORRECTED_PLACE_WITHIN = 3  # characters: 是去南京, 是在杭州 open a correction on the place put right

    def corrected(self, question: str) -> str:
        """A message correcting itself (衡阳的共济，哦不，是湘潭的，怎么开通): what follows the last correction,
        with what the part before named and it leaves unsaid (places, the product, the scheme); when the
        correction asks nothing of its own (惠衢保多少钱，哦不，亲情账户), the part before with what it swaps in.
        The message as typed when it corrects nothing."""
        understanding = self.understanding
        normalized = self.tools.normalize(question)
        found = understanding.last_correction(normalized)
        if found is None:
            return question
        before, after = normalized[:found.start()], normalized[found.end():]
        if found.group(0).endswith("不是"):
            after = "不是" + after  # 哦不是黑河，我说的是衡阳: 黑河 is set apart, not asked
        if not after.strip(" ,.!?;:~…—-") or not (self.mentions_domain(before) or self.tools.has_anchor(before)
                                                 or understanding.facets(before) or self.places.named(before) != ([], [])):
            return question
        if understanding.asks_something(after) or understanding.asks(after):
            kept = []
            covered_after, elsewhere_after = self.places.named(after)
            if not covered_after and not elsewhere_after:
                kept += self.places.names_in(before)
            elif not covered_after and not self._insured_there_oneself(after, elsewhere_after):
                # 我在衢州参保，要去上海…不对，是去南京住院: the place corrected (the last before, when the correction
                # opens on its own), not the resident's insurance city (Family aid in Hengyang — sorry, I mean Changsha)
                opening = after.lstrip(" ,.:;!?~…—-")
                said_first = min((opening.find(name) for name in elsewhere_after if name in opening), default=-1)
                named_before = self.places.names_in(before)
                swapped = named_before[-1] if 0 <= said_first <= self.CORRECTED_PLACE_WITHIN and named_before else None
                kept += [name for name in self.places.names_in(before, covered_only=True) if name != swapped]
            # (惠衢保理赔要哪些材料，不是惠衢保，我说错了，是平安e生保…: a neighbour's product put in its place, none of ours kept)
            swapped_for_a_neighbour = understanding.off_topic(after) is not None
            for dimension in ("product", "scheme"):
                if dimension == "product" and swapped_for_a_neighbour:
                    continue
                if not understanding.facets(after).get(dimension) and (word := understanding.facet_word(before, dimension)):
                    kept.append(word)
            # …and what it was about (医保余额, 个账), when the correction does not say it again
            kept += [word for word in dict.fromkeys(self._domain_re.findall(before)) if word not in after and word not in kept] \
                if self._domain_re is not None else []
            if understanding.relative_word(after) or _OTHER_PEOPLE.search(after):
                # 给我老婆买…不对，是给我一个同事买: the person put right, the one before not asked of
                kept = [word for word in kept if not understanding.relative_word(word)]
            return " ".join([*kept, after.strip(" ,.!?;:~…—-")])
        swapped = before
        for old, new in self._swapped(before, after):
            swapped = swapped.replace(old, new)
        return swapped if swapped != before else question

    def without_the_hometown(self, question: str) -> str:
        """A place named only as where the household is registered or the resident comes from (户口在衡阳，在衢州上班交的
        职工医保; 老家湘潭，但医保交在娄底) is left out when the message says another place is where the insurance is. The
        message as typed otherwise: 老家衢州参的保 (the insurance), 老家黑河，在黑河上班 (one city), 户口落在衢州 (the only
        place: a newborn's resident insurance goes by it), 社保交在上海，老家是衢州的，能买惠衢保吗 (the hometown's own product)."""
        understanding = self.understanding
        if not understanding.hometown_before and not understanding.hometown_after:
            return question
        normalized = self.tools.normalize(question)
        home, homes, elsewhere, insured = [], set(), set(), set()
        for name in dict.fromkeys(self.places.names_in(normalized)):
            for found in re.finditer(re.escape(name), normalized):
                before, after = normalized[:found.start()].rstrip(), normalized[found.end():].lstrip("市县区 ")
                starts = [len(before) - len(word) for word in understanding.hometown_before if word and before.endswith(word)]
                ends = [word for word in understanding.hometown_after if word and after.startswith(word)]
                place, role = self.places.names[name] or name, understanding.role(normalized, found.start(), found.end())
                if (starts or ends) and role != "insurance":
                    end = len(normalized) - len(after) + (max(map(len, ends)) if ends else 0)
                    home.append((min(starts) if starts else found.start(), end))
                    homes.add(place)
                    continue
                elsewhere.add(place)
                if role == "insurance":
                    insured.add(place)
        if not home or not insured - homes or homes & elsewhere:
            return question
        products = understanding.facets(normalized).get("product", frozenset())
        if any(products & understanding.region_products.get(place, frozenset()) for place in homes):
            return question  # (社保交在上海，老家是衢州的，能买惠衢保吗: whether one insured elsewhere may join Quzhou's own)
        kept = normalized
        for start, end in sorted(home, reverse=True):
            kept = kept[:start] + " " + kept[end:].lstrip("的人")
        return kept

    def without_what_is_set_apart(self, question: str) -> str:
        """A place, or a way of doing it, named only to be set apart (我是哈尔滨参保的，不是黑河; 除了浙里办，还有哪里能买;
        other than Alipay, where else…) is left out: what remains is asked. The message as typed otherwise."""
        normalized = self.tools.normalize(question)
        kept = normalized
        for found in reversed(list(_SET_APART_PLACE.finditer(normalized))):
            named = found.group("named").strip()
            places = self.places.names_in(named)
            rest = kept[:found.start()] + kept[found.end():]
            # (a place set apart from another named: 不是黑河 beside 哈尔滨; 我不是衢州户口，在衢州上班 names it again)
            if places and named.startswith(places[0]) and self.places.names_in(rest) and places[0] not in rest \
                    or not places and self._is_a_channel(named):
                kept = kept[:found.start()] + " " + kept[found.end():]
        return kept if kept != normalized else question

    def without_what_it_is_likened_to(self, question: str) -> str:
        """What the asked thing is likened to, with a claim still made of it (惠衢保一年封顶是不是跟居民门诊一样只有4000;
        湘潭是不是也跟衡阳一样，同时10个累计20个) is only the measure: the claim is asked of the thing. Not a likening
        asked as such (衢州和衡阳一样吗) nor of both (湘潭和衡阳一样都要…). The message as typed otherwise."""
        normalized = self.tools.normalize(question)
        found = _LIKENED_WITH_A_CLAIM.search(normalized)
        if found is None or len(_HAN.findall(normalized[:found.start()])) < 2 \
                or self.understanding.asks_for_more(found.group(0)):  # (残疾人…是不是也跟低保一样按70%: asks for more)
            return question
        return normalized[:found.start()] + " " + normalized[found.end():]

    def as_typed_around(self, part: str, typed: str) -> str:
        """A part of the question read without its likening (衡阳绑共济要，上传户口本吗), as typed when the likening stood
        inside it (衡阳绑共济要像亲情账户那样上传户口本吗); the part as it is otherwise."""
        normalized = self.tools.normalize(typed)
        found = _LIKENED_WITH_A_CLAIM.search(normalized)
        if found is None:
            return part
        before, after = normalized[:found.start()], normalized[found.end():]
        joined = re.sub(r"[\s,，]+", "", part)
        for end in range(len(before), 0, -1):  # the part's words before the likening, then after it
            head = re.sub(r"[\s,，]+", "", before[-end:])
            if joined.startswith(head) and (tail := joined[len(head):]) and re.sub(r"[\s,，]+", "", after).startswith(tail):
                return before[-end:] + found.group(0) + after[:len(tail) + len(after) - len(after.lstrip())]
        return part

    def of_the_city_asked(self, question: str) -> str:
        """A message telling one of our cities' rules and then asking of another (黑河能给兄弟姐妹共济，换到湘潭，我弟能绑吗;
        衡阳三级门诊起付线300，那衢州职工呢): what it tells is asked of the city named last, in a clause of its own that
        asks. The message as typed otherwise (黑河和衡阳的共济有什么不一样 compares them; 在湘潭看病 is where care is;
        跟衡阳一样吗 only likens)."""
        normalized = self.tools.normalize(question)
        names = self.places.names_in(normalized, covered_only=True)
        if len({self.places.names[name] for name in names}) < 2 or any(
                self.understanding.role(normalized, found.start(), found.end()) == "care"
                and not _SWITCHED_TO.search(normalized[:found.start()])  # (…，换到昭通可以吗: asked of it, not care there)
                for name in names for found in re.finditer(re.escape(name), normalized)):
            return question
        last = max(names, key=normalized.rfind)
        if last in self.places.likened_names(normalized):
            return question  # (…有没有衡阳那种10个的上限; …，昭通是可以的: the measure, not the city asked of)
        at = normalized.rfind(last)
        if self.places.compared(normalized) and (_ASKED_BEFORE.search(normalized[:at]) or self.understanding.asks_something(
                re.split(r"[,，。;；!！\s]+", normalized[:at].rstrip(" ,，。;；"))[-1])):
            return question  # (黑河共济能绑兄弟姐妹吗，湘潭呢; 湘潭慢性病自付比例多少，衡阳呢: the first city is asked too, not told)
        relative = self.understanding.relative_word(normalized[at + len(last):at + len(last) + 6])
        if relative is not None and normalized[at + len(last):].lstrip("市的").startswith(relative):
            return question  # (我湘潭职工，能给衡阳的我妈用共济吗: where the relative is, not the city asked of)
        clause_start = max(normalized.rfind(mark, 0, at) for mark in ",，。;；?？!！ ") + 1
        clause = normalized[clause_start:at] + _PARTS.split(normalized[at:])[0]
        others = [name for name in names if self.places.names[name] != self.places.names[last]]
        if any(name in clause for name in others) or _LIKENED.search(clause) or _TOLD_BY.search(clause) \
                or not (self.understanding.asks_something(clause) or self.understanding.asks(clause)):
            return question  # (昭通能绑几个，跟衡阳一样是10个吗: 衡阳 only likened to; …衡阳一级医院是不用的: told, not asked)
        return re.sub("|".join(map(re.escape, sorted(others, key=len, reverse=True))), last, normalized)

    def of_the_residents_own_city(self, question: str) -> str:
        """A message naming several of our cities, one of them the resident's own insurance city (我自己是昭通医保)
        and the others only relatives' or passing (我老公是衢州的，他爸在湘潭上班): the part that asks, naming no
        city and no relative, asks of the resident's own. The message as typed otherwise."""
        normalized = self.tools.normalize(question)
        names = self.places.names_in(normalized, covered_only=True)
        if len({self.places.names[name] for name in names}) < 2:
            return question
        pattern = "|".join(map(re.escape, sorted(set(names), key=len, reverse=True)))
        own = {self.places.names[match.group(1)] for match in _own_insurance_city(pattern).finditer(normalized)}
        if len(own) != 1:
            return question
        pieces = [piece for piece in _PARTS.split(normalized) if piece]
        asking = pieces[-1] if pieces else ""
        if self.places.names_in(asking, covered_only=True) or self.understanding.relative_word(asking) or _THIRD_PERSON.search(asking) \
                or not (self.understanding.asks_something(asking) or self.understanding.asks(asking)):
            return question
        name = next(name for name in names if self.places.names[name] in own)
        others = [other for other in names if self.places.names[other] not in own]
        return re.sub("|".join(map(re.escape, sorted(others, key=len, reverse=True))), name, normalized)

    @staticmethod
    def _insured_there_oneself(text: str, places: list[str]) -> bool:
        """我是杭州参保的, I'm insured in Hangzhou: one of these places is the resident's own insurance city."""
        pattern = "|".join(map(re.escape, places))
        return _own_insurance_city(pattern).search(text) is not None or re.search(rf"(?:i'm|i am) insured in (?:{pattern})", text) is not None

    def _is_a_channel(self, named: str) -> bool:
        """浙里办, 支付宝, alipay: a way of doing it, which the knowledge's steps name."""
        return any(channel in named for channel in _CHANNELS)

    def _swapped(self, before: str, after: str) -> list[tuple[str, str]]:
        """(word before, word after) for each place, product and scheme the correction names in place of one before."""
        understanding, pairs = self.understanding, []
        old_places, new_places = self.places.names_in(before), self.places.names_in(after)
        # (哦不是衡阳，我们是黑河的: the place named again to be set apart is not the one swapped in)
        new_places = [name for name in new_places if name not in old_places] or new_places
        if old_places and new_places:
            pairs.append((old_places[0], new_places[0]))
        for dimension in ("product", "scheme"):
            old, new = understanding.facet_word(before, dimension), understanding.facet_word(after, dimension)
            if old and new and old != new:
                pairs.append((old, new))
        return pairs

    def several_questions(self, question: str) -> list[tuple[str, str]] | None:
        """Two or more questions in one message (惠衢保多少钱？在哪买？), each (with the places, product,
        scheme and care the message names, which the second rarely repeats; as typed); None for one question."""
        parts = [piece for part in _QUESTIONS.split(question) if part.strip() for piece in self._asking_pieces(part)]
        understanding = self.understanding
        asking = [part for part in parts if understanding.asks_something(self.tools.normalize(part))]
        if len(asking) < 2:
            return None
        whole = self.read(question)
        product = understanding.product_word(whole)
        questions = []
        facets = understanding.facets(whole)
        lang = "en" if question.isascii() else "zh"
        for part in asking:
            context = self.places.left_unsaid(whole, self.tools.normalize(part))
            own = understanding.facets(self.read(part))
            if product and not own.get("product"):
                context.append(product)
            # 衢州居民住院三级医院报多少？起付线多少？: the second asks of the same scheme and care (and year: 明年…涨没涨，缴费标准是多少)
            context += [understanding.label(dimension, value, lang) for dimension in ("scheme", "care", "year")
                        if dimension not in own and len(facets.get(dimension, ())) == 1 for value in facets[dimension]]
            questions.append((" ".join([*context, part]), part))
        return questions

    def _asking_pieces(self, part: str) -> list[str]:
        """A part split at its pauses (，。；, 顺便问下, a space between Chinese words) into the questions it holds: a
        piece is a question of its own where it ends on a question word and names a subject (惠衢保多少钱 亲情账户怎么绑);
        words asking nothing stay with the question after them (我妈72了，农村户口，惠衢保能买吗), and a piece leaning on
        the one before, or naming nothing, stays with it. English is left whole: its commas and spaces end no questions."""
        if part.isascii():
            return [part]
        understanding, pieces, pending, reopened = self.understanding, [], "", False
        pause = _PAUSE if len(_SPACES.findall(part)) < self.KEYWORDS_SPACED else _PAUSE_NOT_SPACE
        for piece in pause.split(part):
            if not piece.strip():
                continue
            normalized = self.tools.normalize(piece)
            # a piece asks where it ends asking (攒了好几万用不掉 tells: its 几 asks nothing; 工会的人说卡里的钱可以给家里人用
            # reports)…
            asks = _ASKING_TAIL.search(_SOME_NUMBER.sub("", normalized)[-self.ASKING_END:]) is not None
            # (…惠衢保今年还能买吗 在哪买: after a question closed by its particle, a piece that asks is a question of its own)
            closed = asks and bool(pieces) and _CLOSED_BY_A_PARTICLE.search(pieces[-1]) is not None
            if pieces and not pending and not closed and (understanding.leans_on_the_last(normalized) or not self._names_a_subject(normalized)):
                # (…，那个跟医保码是同一个东西吗; …，赔几成: it asks of what came before)
                pending, reopened = pieces.pop(), True
            pending = f"{pending}，{piece}" if pending else piece
            # …of a subject it names
            if asks and (closed or self._names_a_subject(self.tools.normalize(pending))):
                pieces.append(pending)
                pending, reopened = "", False
        if pending:
            if not pieces:
                return [part]
            if reopened:  # (…，居民医保个人缴多少，分别是: a question with words after it that ask nothing is still one)
                pieces.append(pending)
            else:
                pieces[-1] = f"{pieces[-1]}，{pending}"
        return pieces

    def _names_a_subject(self, normalized: str) -> bool:
        """Names one of our subjects, or a neighbouring one (住房公积金每月交多少 is a question of its own)."""
        return self.mentions_domain(normalized) or bool(self.understanding.facets(normalized)) \
            or self.understanding.off_topic(normalized) is not None or self.tools.has_anchor(normalized)  # (衢州医保热线多少)

    KEYWORDS_SPACED = 3  # spaces: 衡阳 职工 门诊 还有什么保障 is keywords, not questions
    ASKING_END = 8  # characters: 在哪个app里开, 交几块钱, 要刷脸吗

    def read(self, question: str) -> str:
        """The question as search reads it: normalised, fillers out, typos corrected, and of a long
        spoken message only the parts that ask, name our subjects, a place, or who is concerned
        (我家孩子十岁: a facet)."""
        read = self._read.get(question)
        if read is None:
            if len(self._read) >= self.READ_CACHED:
                self._read.clear()
            read = self._read[question] = self._read_anew(question)
        return read


    def _read_anew(self, question: str) -> str:
        tools, understanding = self.tools, self.understanding
        question = _AGE_THIS_YEAR.sub("", question)  # 我妈今年78了: an age, not this year's plan asked
        question = _AGE_WITHOUT_SUI.sub(lambda age: age.group(0) + "岁", question)
        # a product told by its traits anywhere in the message is named before its parts are weighed
        normalized = tools.normalize(question)
        if (turned := understanding.as_the_one_asked_about(normalized)) != normalized:  # (我是她儿媳妇…给她付: 婆婆)
            question = normalized = tools.normalize(turned)
        if (meant := understanding.misnamed(normalized)) != normalized:  # (湘潭亲情卡…我个人账户里的钱: family aid)
            question = normalized = meant
        # a request that we act, asking nothing else (你帮我绑一下我妈): how it is done; 帮我把15个亲戚全绑上 asks how many
        if not understanding.asks_something(normalized) and not understanding.asks(normalized) \
                and (how := understanding.as_how_asked(normalized)) != normalized:
            question = normalized = how
        if (described := understanding.described(normalized)) != normalized and not self._elsewheres_own(normalized):
            question = described
        runs = self._runs(question)
        parts = [clause for run in runs for clause in run] if runs else None
        if parts and any(understanding.asks_something(part) for part in parts):  # 黑河 共济 条件: keywords, no story
            # a run between pauses is kept whole (its clauses tell one thing: 他卡里的钱|能不能给我爸妈用)
            kept = [clause for run in runs if any(self._telling(clause) for clause in run) for clause in run]
            if kept:  # a comma keeps where a part ends (住宁波, 医保在衢州交)
                return understanding.figures_as_asked(tools.normalize(",".join(kept)))
        return understanding.figures_as_asked(understanding.clean(tools.normalize(question)))

    def _elsewheres_own(self, normalized: str) -> bool:
        """The message names a place we do not cover other than as where care is (杭州的那个一百块的补充险):
        a plan told by its traits may be that place's own."""
        return any(self.understanding.role(normalized, found.start(), found.end()) != "care"
                   for place in self.places.named(normalized)[1] for found in re.finditer(re.escape(place), normalized))

    def _telling(self, part: str) -> bool:
        """The part asks, names our subjects, a neighbouring one, a place, who is concerned (我家孩子
        十岁: a facet), a detail asked about (车祸对方全责: who is liable), or a word our phrasings
        use (手机昨晚被偷了: 手机); a part only the resident's story has words for (在夜市) is let go."""
        understanding = self.understanding
        return (understanding.asks_something(part) or self.tools.has_anchor(part) or self.mentions_domain(part)
                or self.places.named(part) != ([], []) or bool(understanding.facets(part)) or bool(understanding.asks(part))
                or understanding.off_topic(part) is not None or any(len(word) > 1 and word in self.vocabulary for word in self.tools.analyze(part)[0]))

    def spoken_parts(self, question: str) -> list[str] | None:
        """A long spoken message's parts (between spaces and punctuation, and the clauses of a
        long run without a pause), each cleaned; None for a question in fewer than SPOKEN_PARTS
        parts, unless a run was cut into clauses (a story told in one breath)."""
        runs = self._runs(question)
        return [clause for run in runs for clause in run] if runs else None

    def _runs(self, question: str) -> list[list[str]] | None:
        """The message's runs between pauses, each as its cleaned clauses; None for a short question."""
        return self._kept(self._runs_of, question, self._runs_anew)

    def _kept(self, cache: dict, question: str, build):
        if question not in cache:
            if len(cache) >= self.READ_CACHED:
                cache.clear()
            cache[question] = build(question)
        return cache[question]

    def _runs_anew(self, question: str) -> list[list[str]] | None:
        question = self.tools.to_simplified(question)  # clauses are cut at words written simplified (给我媽交 is 给我妈交)
        chinese = _written_in_chinese(question)
        pieces: list[str] = []
        for piece, spaced in _pieces_and_how_set_apart(spaced_out_joined(question)):  # English words are not parts…
            if pieces and chinese and (not _HAN.search(piece) or spaced and _LATIN_LETTER.match(pieces[-1][-1])):
                # …not even in a Chinese message (惠衢保 refund 怎么弄), nor the Chinese words an English phrase runs on
                # into (的钱 can it pay 商业保险)
                pieces[-1] += " " + piece
            else:
                pieces.append(piece)
        clauses = self.understanding.clauses
        runs = [clauses(piece, self.CLAUSE_SHORTEST) if len(piece) >= self.CLAUSE_RUN else [piece] for piece in pieces]
        # English sentences are a story told (I live in Shanghai now. Does Huiqubao cover…?)
        if len(pieces) < (2 if not chinese else self.SPOKEN_PARTS) and all(len(run) == 1 for run in runs):
            return None
        clean, normalize = self.understanding.clean, self.tools.normalize
        cleaned = [[part for part in (clean(normalize(clause)) for clause in run) if part] for run in runs]
        return [run for run in cleaned if run]


    def story_and_ask(self, question: str) -> tuple[list[str], list[str]] | None:
        """A long spoken message's parts that tell the story and those that ask something; None
        for a short question, or one whose parts all ask or none does."""
        parts = self.spoken_parts(question)
        if not parts:
            return None
        asking = [part for part in parts if self.understanding.asks_something(part)]
        if not asking or len(asking) == len(parts):
            return None
        return [part for part in parts if part not in asking], asking


    def focus(self, question: str) -> str | None:
        """The asking parts, with the story's parts that name a place or a facet, which the asking
        parts may leave out (那个惠衢保还要…报吗)."""
        split = self.story_and_ask(question)
        if split is None:
            return None
        story, asking = split
        context = [part for part in story if self.places.named(part) != ([], []) or self.understanding.facets(part)]
        return " ".join(context + asking)


    def asked_in_the_asking_parts(self, question: str) -> dict[str, frozenset[str]] | None:
        """The facets the parts that ask name, in a message some of whose parts only tell (职工住院
        报销比例多少？只查到居民的: the employee scheme is asked, the resident one only mentioned);
        None for a message that does not tell and ask apart."""
        parts, asking = self._parts(question)
        if not asking or len(asking) == len(parts):
            return None
        return dict(self.understanding.facets(",".join(asking)))

    def _parts(self, question: str) -> tuple[list[str], list[str]]:
        """The message's parts, cleaned (between spaces and punctuation, English between sentence
        ends), and those of them that ask something."""
        return self._kept(self._parts_of, question, self._parts_anew)

    def _parts_anew(self, question: str) -> tuple[list[str], list[str]]:
        normalize, understanding = self.tools.normalize, self.understanding
        parts = [part for part in (understanding.clean(normalize(p)) for p in _pieces(question)) if part]
        return parts, [part for part in parts if understanding.asks_something(part)]

    def asking_pieces(self, question: str, or_all: bool = False) -> list[str]:
        """The parts of a message in two or more that ask something (cleaned); none for one part. With
        or_all, every part when none asks (长沙职工门诊起付线也是二级200三级300吧，跟衡阳一样对吧)."""
        parts, asking = self._parts(question)
        return (asking or (parts if or_all else [])) if len(parts) > 1 or or_all else []

    def only_told(self, question: str, word: str) -> bool:
        """The word stands only in parts of the message that ask nothing, and a part that asks names a
        product of ours or our insurance and no neighbour (商业保险都不收她，那个惠衢保她能买不; 退休金刚到账…
        想查一下医保账户里还剩多少钱)."""
        parts, asking = self._parts(question)
        # (a product named only in a telling part is not enough: 看到说西湖益联保…比惠衢保高…能不能买那个 asks of the neighbour)
        # (中风后做康复理疗，衢州医保能报多少: insurance in general asked to pay is asked to pay for the neighbour told)
        return any(self.understanding.facets(part).get("product") and not (_PAYS_FOR.search(part) and not self._names_a_plan(part))
                   or self.understanding.names_our_insurance(part) and not self.understanding.asks_if_paid_for(part) for part in asking) \
            and len(asking) < len(parts) \
            and bool(asking) and not any(word in part or self.understanding.off_topic(part) for part in asking) \
            and not any(part.isascii() and _POINTS_BACK.search(part) for part in asking) \
            and not any(word in part and _ITS_MONEY.search(part) for part in parts if part not in asking) \
            and not any(_WHICH_BETTER.search(part) for part in asking) \
            and any(word in part for part in parts)  # (…想退保，钱能退回来吗: the asking part names a neighbour too)
        # (宁波天一甬宁保的免赔额是2万吧，跟惠衢保比哪个划算: the two weighed, the neighbour is asked of too)
        # (…only has a Canadian birth certificate. Can we use it to bind him?: in English "it" is the neighbour told;
        # 那个 and 这个 are too often fillers in Chinese to say so)

    def asks_pointing_at(self, question: str, pointers: list[str]) -> bool:
        """A part that asks holds one of these words pointing back at the story (他个人账户里剩的钱…)."""
        return bool(pointers) and any(pointer in part for part in self._parts(question)[1] for pointer in pointers)

    def told_beside_ours(self, question: str, word: str) -> bool:
        """An insurance like ours told only as part of the story, where every part that asks is about ours,
        names no neighbour and does not point back at it (他自己还买了个重疾险，我想问他账户里攒的钱我看病可以花吗):
        ours is asked. Not where the asking part asks if it pays (旅游险报了一部分，回来衢州医保还能报吗)."""
        parts, asking = self._parts(question)
        if self.asks_if_ours_is_needed(question):
            return False
        # (a name of ours only hesitated over beside the neighbour's names nothing of ours: 是叫重大疾病险还是大病险来着)
        understanding, normalized = self.understanding, _HEDGE.sub(" ", self.tools.normalize(question))
        held = self._only_held(parts, word)
        return bool(asking) and len(asking) < len(parts) and any(word in part for part in parts) \
            and (bool(understanding.facets(normalized).get("product")) or understanding.names_our_insurance(normalized)) \
            and all(word not in part and not understanding.off_topic(part) and not understanding.other_insurance(part)
                    and not _POINTS_BACK.search(part) and not _PAYS_FOR.search(part) and self.tools.has_anchor(part)
                    and (not understanding.asks_if_paid_for(part) or held and not _STILL.search(part)) for part in asking)

    def _only_held(self, parts: list[str], word: str) -> bool:
        """Every part naming the neighbour says it is held (我家也买了商业险), none that it paid (商业险赔了两万)."""
        naming = [part for part in parts if word in part]
        return bool(naming) and all(_HOLDS.search(part[:part.find(word)].rstrip()[-8:]) and not _PAID_BY_IT.search(part)
                                    for part in naming)

    def _names_a_plan(self, part: str) -> bool:
        """The part names one of our plans one buys (a region's own product: 惠衢保), not only an account or a right."""
        named = self.understanding.facets(part).get("product", frozenset())
        return any(named & own for own in self.understanding.region_products.values())

    def likened_beside_ours(self, question: str, word: str) -> bool:
        """An insurance like ours (商业保险, 相互宝) named only to liken ours to it, where a part that asks names
        ours (惠衢保一年多少钱，比相互宝贵不贵; 惠衢保跟百万医疗一样要看健康告知吗): ours is what is asked. Not when
        a part asks of it alone or of both at once (尊享e生的免赔额是多少; 惠衢保和百万医疗哪个划算, 能同时报吗)."""
        _, asking = self._parts(question)
        understanding = self.understanding
        naming = [part for part in asking if word in part or understanding.off_topic(part) or understanding.other_insurance(part)]
        return any(understanding.facets(part).get("product") for part in asking) \
            and all(_LIKENED.search(part.replace("比例", "")) and not _WHICH_BETTER.search(part) for part in naming)

    def guessed_as_ours(self, question: str, word: str) -> bool:
        """The neighbour is only the resident's guess at what a thing of ours is (惠衢保是意外险吧, 惠衢保是不是保险公司推销的
        商业险; search asks it of an insurance like ours only): every part naming it names ours before it, as what is said to be it. Not where
        a part asks of the neighbour itself (惠衢保就是西湖益联保吧？西湖益联保多少钱) or names it first (西湖益联保是不是惠衢保)."""
        parts, _ = self._parts(question)
        naming = [part for part in parts if word in part]
        understanding = self.understanding
        for part in naming:
            before = part[:part.find(word)]
            guess = _GUESSED.search(before)
            if guess is None:
                return False
            named = before[:guess.start()]
            if not (understanding.facets(named).get("product") or understanding.facet_spans(named, "terms")):
                return False
        return bool(naming)

    def without_a_wrong_guess(self, question: str, lacking: set[str]) -> str | None:
        """The message asked of what the thing guessed at is (起付线是什么), where a clause only guesses what a thing
        of ours is, the guess names nothing of ours and is what the message was declined for: a topic we lack, or a
        thing asked for we lack (`lacking`, the understanding's asks): 起付线是医院收的挂号费吗, 门诊那个4000是不是先交的押金;
        not 惠衢保是不是能报种植牙, 惠衢保是100吗, 新农合跟居民医保是一回事吗."""
        understanding = self.understanding
        normalized = self.tools.normalize(question)  # (as typed: reading drops 就是 as a filler)
        if understanding.last_correction(normalized) is not None:
            return None  # (亲情账户……打错了，是支付宝的亲情卡: what follows 是 is what is meant)
        for match in _GUESS_CLAUSE.finditer(normalized):
            # the thing guessed at is named just before (衢州居民医保门诊 4000 是不是…; not 亲情账户 打错了 是支付宝的亲情卡)
            clauses = [clause for clause in _PARTS.split(normalized[:match.start()]) if clause and not clause.isdigit()]
            subject, guess = (clauses[-1] if clauses else ""), match.group(1)
            named = [subject[a:b] for dimension in ("product", "terms") for a, b in understanding.facet_spans(subject, dimension)]
            explained = understanding.word_explained(f"{subject}是什么")
            glossary_word = explained is not None and not explained[1]
            # (封顶线就是报销前得先自己垫的那段钱, 起付线指的是报销的上限: a word of the glossary defined, however wrongly, is no rule)
            defined = glossary_word and understanding.defines(normalized[:match.start(1)]) and not _FIGURE.search(guess)
            if not (named or understanding.facets(subject)) or "不是" in subject or understanding.facets(guess).get("product") \
                    or understanding.facet_spans(guess, "terms") or _ASKS_MORE.search(guess) and not defined:
                continue
            neighbour, other = understanding.off_topic(guess), understanding.other_insurance(guess)
            # (统筹报销就是花我个人账户里的钱吧: a word of the glossary alone, guessed at: its meaning is asked)
            if neighbour or other or understanding.asks(guess) & lacking or glossary_word:
                rest = normalized[match.end():]
                # (…我想给我妈办个亲情号, …西湖益联保今年多少钱: the guessed one is wanted, or asked of)
                if any(word in rest for word in named) or neighbour and neighbour[1] in rest or other and other in rest:
                    return None
                return normalized[:match.start()] + "是什么" + normalized[match.end():]
        return None

    def set_apart(self, question: str, word: str) -> bool:
        """The neighbour is named only to be set apart from ours (不是支付宝亲情卡那个, 不是公积金账户, 跟商业重疾险不是一回事吧):
        the question is about ours, whatever it names beside."""
        normalized = self.tools.normalize(question)
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(word), normalized)]
        return bool(spans) and all(_SET_APART_BEFORE.search(normalized[:a]) or _SET_APART_AFTER.match(normalized[b:b + 12])
                                   for a, b in spans)

    def held_beside_ours(self, question: str, word: str) -> bool:
        """An insurance like ours that the person holds, named to ask whether they may still join ours
        (有商业医疗险的人还能参加惠衢保吗; already got a pingan policy, still let into huiqubao?): ours is asked,
        its eligibility. Not whether to buy, nor what either pays (买了百万医疗还要买惠衢保吗, 能同时报吗)."""
        normalized = self.tools.normalize(question)
        at = normalized.find(word)
        return at >= 0 and bool(_HOLDS.search(normalized[max(0, at - 8):at].rstrip())) \
            and bool(_MAY_JOIN.search(normalized[at + len(word):])) \
            and bool(self.understanding.facets(normalized[at + len(word):]).get("product"))

    def asks_if_ours_is_needed(self, question: str) -> bool:
        """买了平安的商业医疗险，还有必要参加惠衢保吗: whether ours is needed beside an insurance the story tells, which
        turns on that insurance (we lack it)."""
        _, asking = self._parts(question)
        need = self.understanding.need
        return need is not None and any(need.search(part) for part in asking)

    def asks_if_the_story_is_paid(self, question: str) -> bool:
        """孩子想去做个双眼皮，能拿医保卡刷吗: a part asking only whether the card pays, naming nothing of ours, asks it of
        what the story tells."""
        _, asking = self._parts(question)
        return bool(asking) and all(_PAID_WITH_THE_CARD.search(part) and not self.understanding.facets(part).get("product")
                                    for part in asking)

    def told_of_care(self, question: str, neighbour: tuple[str, str]) -> bool:
        """A part naming the neighbour's word tells of care there (出国了在国外看病: care abroad)."""
        label, word = neighbour
        return any(word in part and self.understanding.care_told_in(label, part) for part in self._parts(question)[0])

    def asks_if_paid(self, question: str) -> bool:
        """A part that asks asks whether, or how much, something is paid for (出国了在国外看病，惠衢保能报吗)."""
        return any(self.understanding.asks_if_paid_for(part) for part in self._parts(question)[1])

    def told_in_passing(self, question: str, products: frozenset[str]) -> frozenset[str]:
        """Of `products`, those only the telling parts name, and never beside insurance (我在外地上班
        照顾不到: where the asker lives; not 我爸医保在外地交的: where a relative is insured), nor where
        a part that asks after them points back at that place (住在外地，在那边看病怎么报)."""
        understanding = self.understanding
        parts, _ = self._parts(question)
        found: set[str] = set()
        pointers = understanding.told_place_pointers
        for part in parts:
            named = understanding.facets(part).get("product", frozenset()) & products
            if named and (understanding.asks_something(part) or _INSURED.search(part)
                          or understanding.told_product_names is not None and understanding.told_product_names.search(part)):
                return frozenset()
            if found and pointers is not None and understanding.asks_something(part) and pointers.search(part):
                return frozenset()
            found |= named
        return frozenset(found)

    def without_whereabouts(self, question: str) -> str | None:
        """The message without its parts that only tell where the asker is (我在外地，衢州惠衢保什么时候能报名):
        care elsewhere is not asked, and words of it would draw the ranking to its entries; None when no part
        is only that."""
        if _WHEREABOUTS.search(question) is None:
            return None  # (most messages: no need to read their parts)
        understanding = self.understanding
        told = self.told_in_passing(question, understanding.told_only_products)
        if not told:
            return None
        parts, asking = self._parts(question)
        # (not 我在外地，看病怎么报 / 惠衢保能赔吗: care or a payment asked there is care elsewhere)
        if not all(understanding.facets(part).get("product") and "care" not in understanding.facets(part)
                   and not understanding.asks_if_paid_for(part) for part in asking):
            return None
        kept = [part for part in parts if part in asking or not _WHEREABOUTS.fullmatch(part)]
        return "，".join(kept) if len(kept) < len(parts) else None

    def hedged_beside_ours(self, question: str, word: str) -> bool:
        """是叫大病保险还是重大疾病险来着: the word is one of two names the resident hesitates between, the other
        one ours (a product of ours or a word the glossary explains): ours is meant."""
        word = self.tools.normalize(word)
        for hedge in _HEDGE.finditer(self.tools.normalize(question)):
            names = hedge.group(1, 2)
            if any(word in name for name in names) and any(
                    word not in name and (self.understanding.facets(name).get("product") or self.understanding.facet_spans(name, "terms"))
                    for name in names):
                return True
        return False

    def only_in_what_others_said(self, question: str, word_found) -> bool:
        """What `word_found` finds (a detail asked for) stands only in parts that tell what someone else said
        (来电说…不马上转钱就断保了; a salesman says…), none in a part that asks: the resident does not ask it."""
        parts, asking = self._parts(question)
        reported = [part for part in parts if part not in asking and _REPORTED.search(part)]
        return bool(asking) and bool(reported) and not any(word_found(part) for part in asking) \
            and any(word_found(part) for part in (*reported, *self._after_reported(parts, asking, reported)))

    def only_told_beside_its_own_ask(self, question: str, word_found, says_what_is_asked) -> bool:
        """What `word_found` finds (a detail asked for) stands only in a story's parts that tell (我还没去办备案), while
        the parts that ask have an ask of their own that the answer says (`says_what_is_asked`: 全国有多少家医院能直接结算),
        or the last of them opens by saying it asks (请问…: 以前都要跑到窗口去打印。…请问衢州参保人可以在哪些地方查):
        the story's detail is not what is asked."""
        parts, asking = self._parts(question)
        wish = self.understanding.wish
        own = [part for part in asking if self.understanding.asks(part)]
        found_at = [at for at, part in enumerate(parts) if part not in asking and word_found(part)]
        # (the story comes before the question that closes it: what follows the last part that asks is no story)
        last_asking = max(at for at, part in enumerate(parts) if part in asking) if asking else -1
        # (请问给不满十六岁的孩子添加亲情账户，需要做人脸验证吗: the opening word may stand a part before the ask, which
        # asks too; not when the question points back at the story: 之前没办备案，请问这样还能报吗)
        opened_at = next((at for at in range(max(last_asking - 1, 0), last_asking + 1)
                          if parts[at].lstrip(" ,，。").startswith(self.understanding.asked_outright)), None)
        outright = opened_at is not None and not any(self.understanding.points_back(part) for part in parts[opened_at:last_asking + 1])
        if opened_at is not None and parts[opened_at] not in asking:
            asking = [*asking, parts[opened_at]]
        # (the two parts before too: 我想把爸妈、兄弟姐妹、爷爷奶奶都绑上 is one wish in three parts; beside a question
        # asked outright no wish told is asked: 想每个月核对一下余额…以前都要跑到窗口去打印…请问在哪些地方查)
        wished = wish is not None and not outright and any(wish.search(part) for at in found_at for part in parts[max(at - 2, 0):at + 1])
        return len(parts) - len(asking) >= 3 and bool(found_at) and not wished and max(found_at) < last_asking \
            and not any(word_found(part) for part in asking) and (outright or bool(own)) and all(says_what_is_asked(part) for part in own)

    @staticmethod
    def _after_reported(parts: list[str], asking: list[str], reported: list[str]) -> list[str]:
        """The telling parts right after one that reports (来电说惠衢保今天最后一天, 不马上转钱就断保了): what was said too."""
        after, carrying = [], False
        for part in parts:
            if part in reported:
                carrying = True
            elif part in asking:
                carrying = False
            elif carrying:
                after.append(part)
        return after

    def asking_parts(self, question: str) -> str | None:
        """Of a long spoken message, the parts that ask something; None for a short question."""
        split = self.story_and_ask(question)
        return self.tools.normalize(" ".join(split[1])) if split else None


    def without_domain_words(self, normalized: str) -> str:
        """The text with our own words blanked: 云南医保 is an app's name, not Yunnan's insurance."""
        return self._domain_re.sub(lambda m: " " * len(m.group(0)), normalized) if self._domain_re is not None else normalized


    def mentions_domain(self, normalized: str) -> bool:
        return self._domain_re is not None and self._domain_re.search(normalized) is not None
