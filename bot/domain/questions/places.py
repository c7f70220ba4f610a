"""Where a question is asked about: our regions and the places we know we do not cover, named in
a question, and the role a place plays in it (where one is treated or lives, or insured)."""
from __future__ import annotations

import re
from typing import Iterator

from bot.domain.knowledge.schema import KnowledgeBase
from bot.domain.questions.text import TextTools
from bot.domain.questions.sounds import SoundTable, syllables_of
from bot.domain.questions.understanding import Understanding
from bot.domain.questions.wordmatch import COMPARING, alternation

NATIONAL = "national"
_THERE_AFTER = re.compile(r"外地(?:那边|那里|那儿|那头)")
# what a place is measured against another by (是不是比衡阳低, 比衢州贵): the other is only the measure
_MEASURED = "(?:的)?(?:低|高|多|少|贵|便宜|好|差|强|划算|优惠)"
# 住在长沙我姐家, stays with my sister in Changsha: the relative is only whose home it is, not who is asked about
_HOST_HOME = re.compile(r"(?<=外地)[我他她]?的?(?:孩子|子女|兄弟姐妹|父母|亲戚|朋友)(?:家|那里|那边|那儿)"
                        r"|\bwith (?:my|his|her|our) (?:child|children|sibling|siblings|parents|relatives|family)(?= in\b)")
_THERE = re.compile(r"(?:那边|那里|那儿|那头|这边)")
# 在那边住院, hospitalised there: where something is done, pointing back to a place named before
_THERE_DONE = re.compile(r"(?<=[在去到])(?P<zh>那边|那里|那儿)|\b(?:hospitali[sz]ed|treated|admitted|operated on|sick|ill)(?P<en> there)\b")
_OFFICE_AFTER = re.compile(r"市?(?:医保局|医疗保障局|医保中心|社保局|医保服务中心)")
_OURS_AFTER = re.compile(rf"{_THERE.pattern}|呢|的话|的")  # (那香坛呢, 香坛的话: one of our cities)
ADMIN_SUFFIXES = "市县区省州旗盟"
_HAN_NAME = re.compile(r"[\u3400-\u9fff]{2,}")
_POINTING = frozenset("这那哪我你他她它")  # pronouns and words pointing, which no typed place name stands for
# whether two things agree is asked (…和衡阳的一样不, 跟衡阳一样是10个吗, the same as…?)
_AGREE_ASKED = re.compile(r"(?:一样|相同|差不多|一致)(?:吗|么|嘛|不|没|吧|呢|\?|？|$)|一样(?:是|都是|也是)[^,，。]{0,8}(?:吗|么|不)"
                          r"|是不是一样|是否一样|是否相同|the same\b|same as\b")


class Places:
    def __init__(self, knowledge: KnowledgeBase, tools: TextTools):
        self.tools = tools
        names: dict[str, str | None] = {}  # normalised name -> region id, None for a place we do not cover
        for region_id, region in knowledge.regions.items():
            if region_id == NATIONAL:
                continue
            for name in (region.name, region.name_en, *region.aliases):
                key = tools.normalize(name)
                if key:
                    names.setdefault(key, region_id)
        for name in knowledge.uncovered_places:
            key = tools.normalize(name)
            if key:
                names.setdefault(key, None)
        for name, region_id in list(names.items()):  # Chang Sha, Hei He: a name in letters typed a syllable at a time
            if name.isascii() and len(spaced := syllables_of(name)) > 1:
                names.setdefault(" ".join(spaced), region_id)
        self.names = names
        # our cities' own names (湘潭, not the county 湘乡 an alias names): a message may open with one typed by its sound
        self._city_names = frozenset(tools.normalize(region.name) for region_id, region in knowledge.regions.items()
                                     if region_id != NATIONAL and region.name)
        self._names_in: dict[str, list[str]] = {}
        self._misheard_read: dict[str, str] = {}
        # region id -> its province, as its aliases name it (湖南衡阳: 湖南): 云南医保 is Zhaotong's own app
        self.provinces = {region_id: {alias[: -len(region.name)] for alias in region.aliases
                                      if region.name and alias.endswith(region.name) and len(alias) > len(region.name)}
                          for region_id, region in knowledge.regions.items()}
        self._pattern = alternation(names)  # English names whole words only: not xian in xiangtan
        self.words = [p for p in names if len(p) > 1]  # jieba learns them as words
        # (without_there) a place's name, then 那边 ending the question or before what belongs to the place
        self._there_after_name = re.compile(rf"({self._pattern.pattern}){_THERE.pattern}(?=\s*(?:呢|吗|的|医保|社保|共济|[?？。!！,，]|$))") \
            if self._pattern is not None else None
        # Built here rather than when first asked, so that the knowledge's snapshot (bot.domain.knowledge.snapshot)
        # holds them ready: a cold `ask` spent ~0.1 s compiling them and reading the sound tables.
        ours_first = "|".join(re.escape(name) for name in sorted((n for n, region in names.items() if region), key=len, reverse=True))
        # (衡阳共济和湘潭共济: a few words of what is compared may follow the first name)
        self._compared = re.compile(rf"({ours_first})[市县]?的?[\u4e00-\u9fff]{{0,4}}?{COMPARING.format(more='|以及|,')}(?:in\s+|在)?({ours_first})"
                                    rf"|({ours_first})({ours_first})(?=两边|两地|两个|两市|之间)")  # (衡阳湘潭两边规定一样吗)
        # (衡阳的共济出了市还能用吗，湘潭的呢: a later part that only swaps in another of our cities asks the same of it)
        self._switched_to = re.compile(rf"[\s,，。;；?？!！]+(?:那|那么|还有)?({ours_first})[市县]?(?:的|那边|这边|那里|那儿)?(?:呢|又怎么样|又如何|又是怎样|怎么样)(?=$|[\s,，。?？!！;；])")
        self._likened = re.compile(rf"(?:跟|和|与|同|像)(?:{ours_first})[市的]?(?:一样|相同|差不多|一致|比|那样|那种|似的)"
                                   rf"|比(?:{ours_first})[市的]?{_MEASURED}"  # (长沙…报销比例是不是比衡阳低)
                                   rf"|\b(?:the way|like|as in|as|than)\s+(?:{ours_first})\b")  # (…像衡阳那样, the way heihe does)
        self._likened_names = re.compile(rf"(?:跟|和|与|同|像)({ours_first})(?:市|那边|那里|那儿)?[^,，。？?！!]{{0,10}}?"
                                         rf"(?:一样|相同|差不多|一致|比|那样|似的)|\b(?:the way|like|same as|as in|as)\s+({ours_first})\b"
                                         rf"|(?:我们|咱们|俺们)({ours_first})(?:市|这边|那边)?(?:是|才|都是)\d"  # (…？我们衢州是440)
                                         rf"|比({ours_first})[市的]?{_MEASURED}|\bthan\s+({ours_first})\b"  # (…是不是比衡阳低)
                                         rf"|({ours_first})(?:市|这边|那边)?(?:那种|那样)"  # (有没有衡阳那种10个的上限)
                                         rf"|({ours_first})(?:市|这边|那边)?(?:是可以的|都可以|可以的|都行|就可以|就行)")  # (…，昭通是可以的)
        # (with_misheard_names) our cities' names and those we lack, as typed by their sound
        self._misheard = (SoundTable([name for name, region in names.items() if region and _HAN_NAME.fullmatch(name)],
                                     is_word=tools.is_word, least_same=0, keyed_shortest=2),
                          SoundTable([name for name, region in names.items() if not region and _HAN_NAME.fullmatch(name)],
                                     is_word=tools.is_word, keyed_shortest=None))

    def forget(self) -> None:
        """Drop the readings kept (a benchmark times each question as new)."""
        self._misheard_read.clear()
        self._names_in.clear()

    def with_misheard_names(self, text: str, understanding: Understanding) -> str:
        """尚海医保, 在坤明上班, 香坛的家庭共济: a place's name typed as it sounds, where the words around it make
        it a place (where care is, or one is insured) and it is no word of its own (职工, 伤害 stay). Our cities'
        names need share no character (香坛, 恒羊) and may stand before 呢 or 的 too; a place we lack shares one
        (尚海, not 没走 for 梅州); a misspelling of one of our words is that word (衔阳 is 衡阳, not 咸阳)."""
        read = self._misheard_read.get(text)
        if read is None:  # (residents ask the same things: a reading is kept)
            if len(self._misheard_read) >= 4096:
                self._misheard_read.clear()
            read = self._misheard_read[text] = self._misheard_names(text, understanding)
        return read

    def _misheard_names(self, text: str, understanding: Understanding) -> str:
        for table, after in zip(self._misheard, (_OURS_AFTER, _THERE)):
            for start, end, name in reversed(table.spans(text)):
                typed = text[start:end]
                if any(a != b and a in _POINTING for a, b in zip(typed, name)):
                    continue  # (这一期 is no 浙一, 那边 no 南边: a word pointing is typed as meant)
                ours = understanding.sounds.correct(typed)
                if ours != typed:  # (衔阳, 痕阳: our word's misspelling is that word)
                    if not self.names.get(ours):
                        continue
                    name = ours
                named = text[:start] + name + text[end:]
                office = _OFFICE_AFTER.match(text, end) is not None  # (京华医保局: a city's office, whatever else 京华 is)
                # (相谈用家庭共计…: a message opening with the name, about our subjects, names the city it asks of)
                opening = start == 0 and after is _OURS_AFTER and name in self._city_names \
                    and self.tools.has_anchor(self.tools.normalize(text))  # (not 想先弄清楚: 湘乡 is a county's name)
                if (office or not self.tools.is_word(typed) and not self.tools.is_common_word(typed)) \
                        and (office or opening or understanding.role(named, start, start + len(name)) != "unknown" or after.match(text, end)):
                    text = named
        return text

    def names_pattern(self) -> re.Pattern | None:
        """Every place name we know, ours and those we lack."""
        return self._pattern

    def without_there(self, text: str) -> str:
        """那衡阳那边呢, 长沙那边的共济: 那边 after a place's name, ending the question or before what belongs to the
        place, says no more than the name (not 株洲那边能绑几个人, which asks of what is done there)."""
        if self._there_after_name is None or not _THERE.search(text):
            return text
        return self._there_after_name.sub(r"\1", text)

    def with_there_named(self, text: str) -> str:
        """儿子在南京读研，在那边住院: 那边 (there) points back to the one place named before it, a place we lack: it is
        named where it is pointed at, so that it reads as the place of care."""
        match = _THERE_DONE.search(text) if self._pattern is not None else None
        if match is None:
            return text
        start, end = match.span("zh") if match.group("zh") else match.span("en")
        before = {found.group(0) for found in self._pattern.finditer(text[:start].lower())}
        if len(before) != 1 or self.names[place := before.pop()] is not None:
            return text  # (one of ours pointed back at is asked of as it is: 我在衡阳上班，在那边看病)
        return text[:start] + (place if match.group("zh") else f" in {place}") + text[end:]

    def strip(self, normalized: str) -> str:
        """The text without place names: where a question is asked is not word overlap."""
        if self._pattern is None:
            return normalized
        return self._pattern.sub(" ", normalized).strip()

    def names_in(self, normalized: str, covered_only: bool = False) -> list[str]:
        """The place names in a text as written, in order (only ours with covered_only)."""
        if self._pattern is None:
            return []
        found = self._names_in.get(normalized)
        if found is None:  # a question is looked at several times (its swap, its context, its places)
            if len(self._names_in) >= 4096:
                self._names_in.clear()
            found = self._names_in[normalized] = [match.group(0) for match in self._pattern.finditer(normalized)]
        return [name for name in found if self.names[name]] if covered_only else list(found)

    def compared(self, normalized: str) -> list[str]:
        """Covered regions a text joins to compare (黑河和湘潭的共济, 衡阳、湘潭, Heihe and Xiangtan; 衡阳的…，湘潭的呢), in order."""
        regions: list[str] = []
        for match in self._compared.finditer(normalized):
            for name in filter(None, match.groups()):
                if self.names[name] not in regions:
                    regions.append(self.names[name])
        # (…，衡阳和湘潭怎么说，昭通呢; 衡阳绑共济用什么app，湘潭呢，昭通呢: the first city asked of and each swapped in)
        switches = list(self._switched_to.finditer(normalized))
        if switches:
            first = [self.names[name] for name in self.names_in(normalized[:switches[0].start()], covered_only=True)][:1]
            regions = list(dict.fromkeys([*first, *regions, *(self.names[switched.group(1)] for switched in switches)]))
        return regions if len(regions) > 1 else []

    def asked_of(self, normalized: str) -> list[str]:
        """Our cities a text names, but those named only as the measure (有没有衡阳那种10个的上限, …昭通都行)."""
        likened = {self.names[name] for name in self.likened_names(normalized)}
        return [region for region in self.named(normalized)[0] if region not in likened]

    def likened_and_asked(self, normalized: str) -> list[str]:
        """Two of our cities, one asked of and the other likened to with a question whether they agree (衢州…能给哪些家里人用，
        和衡阳的一样不): both, the one asked first; each is answered, so that the measure is not taken on trust."""
        if not _AGREE_ASKED.search(normalized):
            return []
        likened = [self.names[name] for name in self.likened_names(normalized)]
        regions = list(dict.fromkeys(self.names[name] for name in self.names_in(normalized, covered_only=True)))
        if len(regions) != 2 or len(set(likened)) != 1:
            return []
        return [region for region in regions if region != likened[0]] + likened[:1]

    def likened_to_ours(self, normalized: str) -> bool:
        """A city of ours named only as what another is likened to (…跟衡阳一样对吧, 和衢州比): the other is asked about."""
        return self._likened.search(normalized) is not None

    def likened_names(self, normalized: str) -> list[str]:
        """Our cities' names a text likens another to (会不会跟湘潭一样, 跟衢州的440比贵不贵, 比例跟衡阳那种70%一样不,
        like Quzhou): told as the measure, not asked about."""
        return [next(filter(None, match.groups())) for match in self._likened_names.finditer(normalized)]

    def left_unsaid(self, normalized: str, other: str, covered_only: bool = False) -> list[str]:
        """The place names a text names (once each, in order) that `other` does not: the context a
        question taken on its own leaves out (衢州… 备案在哪办)."""
        return [place for place in dict.fromkeys(self.names_in(normalized, covered_only)) if place not in other]

    def named(self, normalized: str) -> tuple[list[str], list[str]]:
        """(covered region ids in order of appearance, uncovered place names) named in a text."""
        covered: list[str] = []
        uncovered: list[str] = []
        if self._pattern is None:
            return covered, uncovered
        for match in self._pattern.finditer(normalized):
            region = self.names[match.group(0)]
            if region is None:
                uncovered.append(match.group(0))
            elif region not in covered:
                covered.append(region)
        return covered, uncovered

    def usable_elsewhere(self, normalized: str, asked: dict, covered: list[str], understanding: Understanding) -> bool:
        """A question naming places we do not cover is still ours when it is about one of our
        products that holds wherever the resident is treated or lives (惠衢保, remote-care
        registration) and no such place is named as the resident's insurance city; or about the
        national app, which is the same wherever one is insured. A city of ours named beside
        them is the place asked about, unless only the other place is named as an insurance city
        (在衢州上班，医保在杭州交的: Hangzhou's rules are asked)."""
        products = asked.get("product", frozenset())
        if products and products <= understanding.nationwide_products:
            return True
        ours = {understanding.role(normalized, m.start(), m.end()) for m in self._pattern.finditer(normalized) if self.names[m.group(0)]}
        if self._insured_there(normalized, understanding):  # …unless one of ours is named as an insurance city too
            # (湘潭参保的，我妈在长沙参保), or a city of ours is asked about for a relative insured there (湘潭共济 儿子在株洲参保能绑不)
            return "insurance" in ours or bool(covered and products) and self.only_relatives_insured_there(normalized, understanding)
        return bool(covered) or bool(products & understanding.portable_products)

    def only_relatives_insured_there(self, normalized: str, understanding: Understanding) -> bool:
        """Places we do not cover are named as insurance cities, each in a clause about a relative (老婆在贵州参保)."""
        insured = self._insured_there(normalized, understanding)
        return bool(insured) and all(self._a_relatives(normalized, match.start(), understanding) for match in insured)

    def _insured_there(self, normalized: str, understanding: Understanding) -> list[re.Match]:
        """The places we do not cover that the text names as where someone is insured."""
        if self._pattern is None:
            return []
        return [match for match in self._pattern.finditer(normalized)
                if self.names[match.group(0)] is None and understanding.role(normalized, match.start(), match.end()) == "insurance"]

    def asked_elsewhere(self, part: str, understanding: Understanding) -> str | None:
        """A place we do not cover that a part of a message names as what it asks about (长沙职工门诊
        起付线是多少): not where care is given, nor a relative's insurance city, and the part names
        none of our cities."""
        if self._pattern is None:
            return None
        matches = list(self._pattern.finditer(part))
        likened = [span.span() for span in self._likened.finditer(part)]
        # (杭州职工门诊起付线也跟衢州一样是300: 衢州 is only what Hangzhou is likened to)
        if any(self.names[match.group(0)] and not any(a <= match.start() < b for a, b in likened) for match in matches):
            return None
        uncovered = [match for match in matches if self.names[match.group(0)] is None]  # (…the same as in Hengyang: ours, likened)
        return next((match.group(0) for match, relatives in self._not_as_care(part, uncovered, understanding) if not relatives), None)

    def a_relatives_place(self, normalized: str, understanding: Understanding) -> str | None:
        """A place we do not cover, named in a clause about a relative (她是上海本地的职工医保), not where care is."""
        if self._pattern is None:
            return None
        uncovered = [match for match in self._pattern.finditer(normalized) if self.names[match.group(0)] is None]
        return next((match.group(0) for match, relatives in self._not_as_care(normalized, uncovered, understanding) if relatives), None)

    def _not_as_care(self, text: str, matches: list[re.Match], understanding: Understanding) -> Iterator[tuple[re.Match, bool]]:
        """Each of the places matched that the text does not name as where care is, and whether a relative's clause names it."""
        for match in matches:
            if understanding.role(text, match.start(), match.end()) != "care":
                yield match, self._a_relatives(text, match.start(), understanding)

    @classmethod
    def _a_relatives(cls, normalized: str, start: int, understanding: Understanding) -> bool:
        """The clause naming a place, up to it, is about a relative (爸妈在老家株洲参的保, 她在株洲参保)."""
        clause = re.split(r"[\s,.!?;:，。！？；：、]", normalized[:start])[-1]
        return cls.about_a_relative(clause, understanding) and (len(clause) > 1 or bool(understanding.facets(clause).get("member")))  # not 他杭州的账户

    @staticmethod
    def about_a_relative(clause: str, understanding: Understanding) -> bool:
        """The clause speaks of a relative (她住院能报多少, 我妈…), not of the resident."""
        return bool(understanding.facets(clause).get("member")) or clause.startswith(("他", "她"))

    def as_elsewhere(self, normalized: str, understanding: Understanding, role: str = "care") -> str:
        """A place we do not cover, named as where the resident is treated or lives, is "外地"
        for our knowledge (在北京住院 asks what 在外地住院 asks); with role="insurance", one
        named as where someone is insured (我是杭州医保 asks what 外地医保 asks)."""
        at: dict[int, str] = {}  # each mention's own role, worked out once
        roles: dict[str, set[str]] = {}
        for match in self._pattern.finditer(normalized):
            at[match.start()] = understanding.role(normalized, match.start(), match.end())
            roles.setdefault(match.group(0), set()).add(at[match.start()])

        def role_at(match: re.Match) -> str:
            # (常住长沙我姐家，在长沙医院: named once plainly, once as where care is)
            own = at[match.start()]
            told = roles[match.group(0)] - {"unknown"}
            return next(iter(told)) if own == "unknown" and len(told) == 1 else own

        def replace(match: re.Match) -> str:
            if self.names[match.group(0)] is None and role_at(match) == role:
                if match.group(0).isascii():  # English: "live in" already says it; "insured in" does not
                    return "another city" if role == "insurance" else "elsewhere"  # ("live in" already says where)
                return "外地"
            return match.group(0)

        # (在广州那边参保: "那边" after the place says nothing more)
        return self.tools.normalize(_HOST_HOME.sub("", _THERE_AFTER.sub("外地", self._pattern.sub(replace, normalized))))

    def unknown(self, content: str, understanding: Understanding) -> str | None:
        """A place we have no knowledge for that regions.yaml does not list: a place name (from
        jieba's dictionary) with its 市/县/区/省 (萧山区, 永康市), or one right before 医保, 社保 and
        the like (永康医保, 广东居民医保). Common words ending in 区 (地区, 社区) are not place names."""
        gazetteer = self.tools.place_names()
        not_places = understanding.not_places
        # A place name ends right before 医保 (or the like), or with its own 市/县/区/省.
        before_scheme = {match.start() for match in understanding.insurance_after_re.finditer(content)}
        suffixed = {index + 1 for index, char in enumerate(content) if char in ADMIN_SUFFIXES}
        for end in sorted(before_scheme | suffixed):
            for size in range(min(7, end), 1, -1):
                word = content[end - size:end]
                if word not in gazetteer or word in not_places or word in self.names:
                    continue
                if end in before_scheme or size >= 3:
                    return word
        return None
