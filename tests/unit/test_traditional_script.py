"""Traditional-script replies contain no simplified characters.

How a simplified character is recognised, using OpenCC's own tables (no word list of our own):

1. Simplified-only characters. Convert every CJK character alone with the bot's converter
   (s2tw). A character the converter changes, that no simplified-to-traditional table (s2t,
   s2tw, s2hk) produces from another character, and that t2s does not simplify, does not stand
   in traditional text on its own: 里 (→裡), 划 (→劃), 着 (→著), 别 (→別), 这 (→這). Any of
   these in a zh_Hant reply is an error unless it sits in a phrase listed in KEPT_IN_PHRASES,
   where traditional text really writes it (公里, 岳父). This rule covers every rendered text, the hand-translated catalogue included.

2. Phrase-table choices. Where a reply is converted from a known simplified text (answers,
   questions, titles, names), each character is compared with the conversion of the same
   character alone. OpenCC's phrase table may choose another form (头发 → 頭髮, correct) or
   misfire (别着急 → 彆著急, 账户里扣 → 賬戶里扣): every such choice must be one of
   REVIEWED_PHRASE_CHOICES, so a new one is looked at by a person before residents see it.

Fixes go into synonyms.yaml `traditional_overrides` (phrases), not into single answers.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

import opencc
import pytest

from bot.domain.assistant import Assistant
from bot.domain.knowledge.loading import load_knowledge
from bot.domain.questions.text import TRADITIONAL_CONFIG, TextTools
from bot.testing.client import shared_store
from bot.views.presenter import Presenter
from bot.views.render import Renderer
from tests.conftest import KNOWLEDGE, ROOT

CJK = re.compile(r"[\u4e00-\u9fff]")
# Words in which traditional text keeps a character that is simplified-only on its own.
KEPT_IN_PHRASES = ("公里", "里程", "鄰里", "千里", "岳父", "岳母")
# Traditional forms a phrase gives instead of the single-character one: each checked by hand.
REVIEWED_PHRASE_CHOICES = {
    "了解": "瞭→了: modern usage (override in synonyms.yaml)",
    "平台": "臺→台: both standard, 平台 is usual (override in synonyms.yaml)",
    "裡扣": "OpenCC keeps 里 in 里扣 (a place name); inside = 裡 (override)",
    "劃進": "OpenCC reads 划进 as rowing in; 劃 = transfer money (override)",
    "別著": "OpenCC reads 别着 as 彆着 (pin on); 别着急 = 別著急 (override)",
    "關係": "係 for relationship",
    "聯繫": "繫 for contact",
    "複審": "複 for re-examine",
    "週歲": "週歲: full years of age",
    "註冊": "註 for register",
    "註銷": "註 for cancel a registration",
    "公佈": "佈 for announce",
    "定製": "製 for made to order",
    "分鐘": "鐘 for minutes (not the surname 鍾)",
    "儘早": "儘 for as early as possible",
    "簽署": "簽 for sign",
    "簽名": "簽 for signature",
    "岳父": "岳, not 嶽 (mountain), for in-laws",
}
TODAY = date(2026, 11, 23)


@lru_cache(maxsize=1)
def simplified_only() -> frozenset[str]:
    characters = [chr(code) for code in range(0x4E00, 0xA000)]
    joined = "\n".join(characters)  # one call per table; newlines keep every character on its own

    def each(config: str) -> list[str]:
        converted = opencc.OpenCC(config).convert(joined).split("\n")
        assert len(converted) == len(characters)
        return converted

    # A traditional form in any standard (OpenCC's Taiwan, Hong Kong and generic tables) ...
    produced = {result for config in ("s2t", "s2tw", "s2hk") for character, result in zip(characters, each(config)) if result != character}
    # ... or a character t2s simplifies is traditional; what s2tw changes and is neither is simplified only.
    traditional = {character for character, back in zip(characters, each("t2s")) if back != character}
    return frozenset(
        character for character, forward in zip(characters, each(TRADITIONAL_CONFIG))
        if forward != character and character not in produced and character not in traditional
    )


def simplified_characters(text: str) -> list[str]:
    masked = text
    for phrase in KEPT_IN_PHRASES:
        masked = masked.replace(phrase, "□" * len(phrase))
    only = simplified_only()
    return [f"{character} in …{text[max(0, index - 4):index + 5]}…" for index, character in enumerate(masked) if character in only]


def unreviewed_phrase_choices(source: str, converted: str, tools: TextTools) -> list[str]:
    if len(source) != len(converted):  # overrides keep lengths today; a change here needs a new alignment
        return [f"length changed: {source!r} -> {converted!r}"]
    found = []
    for index, (character, result) in enumerate(zip(source, converted)):
        alone = tools.to_traditional(character)
        if not CJK.match(character) or result == alone:
            continue
        context = converted[max(0, index - 3):index + 4]
        if not any(phrase in context and result in phrase for phrase in REVIEWED_PHRASE_CHOICES):
            found.append(f"{character}→{result} (alone {alone}) in …{context}…")
    return found


@pytest.fixture(scope="module")
def knowledge():
    result = load_knowledge(KNOWLEDGE, today=TODAY)
    assert result.ok, result.problems
    return result.knowledge


@pytest.fixture(scope="module")
def tools(knowledge):
    return TextTools(knowledge.vocabulary)


def simplified_texts(knowledge):
    """Every knowledge text a zh_Hant reply converts: answers, questions, names, titles."""
    for entry in knowledge.entries.values():
        yield entry.id, knowledge.render_answer(entry, "zh", TODAY)
        yield entry.id + " question", entry.question
    for region_id, region in knowledge.regions.items():
        for text in (region.name, region.hotline_note, *region.channels):
            if text:
                yield region_id, text
    for topic in knowledge.topics:
        yield topic.id, topic.title
    for doc_id, document in knowledge.sources.items():
        yield doc_id, document.title
        if document.publisher:
            yield doc_id, document.publisher


def test_the_check_knows_the_reported_slips():
    only = simplified_only()
    assert {"里", "划", "着", "别", "这", "账"} <= only
    assert not {"裡", "劃", "著", "別", "賬", "公", "医"} & only - {"医"}  # 医 is simplified (醫)
    assert "医" in only


def test_converted_knowledge_has_no_simplified_characters(knowledge, tools):
    problems = []
    for where, text in simplified_texts(knowledge):
        converted = tools.to_traditional(text)
        problems += [f"{where}: {problem}" for problem in simplified_characters(converted)]
        problems += [f"{where}: {problem}" for problem in unreviewed_phrase_choices(text, converted, tools)]
    assert not problems, "\n".join(problems)


def test_every_zh_hant_reply_and_template_is_traditional(knowledge):
    assistant = Assistant(shared_store(KNOWLEDGE, clock=lambda: TODAY))
    presenter = Presenter(Renderer(ROOT / "locales"), assistant)
    problems = []
    for entry in knowledge.entries.values():
        reply = assistant.ask(entry.question, lang="zh_Hant", city=entry.region)
        problems += [f"{entry.id}: {p}" for p in simplified_characters(presenter.plain_answer(reply, "zh_Hant"))]
    views = [presenter.greeting("zh_Hant", "王"), presenter.help("zh_Hant"), presenter.faq_topics("zh_Hant"),
             presenter.city_picker("zh_Hant", "quzhou")]
    views += [presenter.city_set(region_id, "zh_Hant") for region_id, region in knowledge.regions.items() if region.selectable]
    for question in ("今天天气怎么样", "北京医保怎么报销"):
        views.append(presenter.reply(assistant.ask(question, lang="zh_Hant"), "zh_Hant", html=False))
    for view in views:
        problems += simplified_characters(view.text)
        problems += [p for row in view.buttons for button in row for p in simplified_characters(button.label)]
    assert not problems, "\n".join(problems)


def test_zh_hant_catalogue_and_estimates_are_traditional(knowledge):
    """Hand-translated template strings, and the estimate texts that mix them with knowledge labels."""
    from decimal import Decimal

    from babel.messages.pofile import read_po

    from bot.domain.estimate.reimburse import EstimateRequest, estimate
    from bot.views.estimate_presenter import EstimatePresenter

    with (ROOT / "locales" / "zh_Hant" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalogue = read_po(handle, locale="zh_Hant")
    problems = [f"{message.id!r}: {problem}" for message in catalogue if message.id and isinstance(message.string, str)
                for problem in simplified_characters(message.string)]
    presenter = EstimatePresenter(Renderer(ROOT / "locales"))
    for request in (EstimateRequest("quzhou", "resident", "inpatient", level=3, in_quzhou=False, in_scope=Decimal(100000),
                                    out_of_list=Decimal(20000), hardship=True, huiqubao=True),
                    EstimateRequest("quzhou", "resident", "outpatient", level=1, in_scope=Decimal(50000)),
                    EstimateRequest("hengyang", "employee", "chronic", in_scope=Decimal(1000)),
                    EstimateRequest("heihe", "resident", "inpatient", level=1, in_scope=Decimal(10000))):
        problems += simplified_characters(presenter.result(estimate(request, knowledge.rules), "zh_Hant").text)
    assert not problems, "\n".join(problems)


def test_a_form_both_scripts_may_use_does_not_tell_the_script():
    from bot.domain.questions.understanding import alike_in_both_scripts
    from opencc import OpenCC
    to_simplified, to_traditional = OpenCC("t2s").convert, OpenCC("s2t").convert
    assert alike_in_both_scripts("低保是什麼意思", to_simplified, to_traditional)  # (什麼: the talk's script is kept)
    assert alike_in_both_scripts("你好", to_simplified, to_traditional)
    assert not alike_in_both_scripts("低保是什么意思呢，怎么报", to_simplified, to_traditional)
