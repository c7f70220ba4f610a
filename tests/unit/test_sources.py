"""The source register: residents read titles, never file names; every cited section is in its document."""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

from decimal import Decimal

import opencc
import pytest

from bot.domain.assistant import Assistant
from bot.domain.estimate.reimburse import EstimateRequest, estimate
from bot.domain.knowledge.loading import load_knowledge
from bot.domain.knowledge.yamlsource import read_yaml
from bot.testing.client import shared_store
from bot.views.estimate_presenter import EstimatePresenter
from bot.views.presenter import Presenter
from bot.views.render import LOCALES, Renderer
from tests.conftest import KNOWLEDGE, ROOT

SEEDS = ROOT.parent / "shared" / "seeds"  # the articles the register was read from, when at hand
TODAY = date(2026, 11, 23)
PINYIN_GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")  # seed 004 writes 醫(yī)


@pytest.fixture(scope="module")
def knowledge():
    result = load_knowledge(KNOWLEDGE, today=TODAY)
    assert result.ok, result.problems
    return result.knowledge


def file_names(knowledge) -> set[str]:
    return {document.file for document in knowledge.sources.values() if document.file}


def citations(knowledge):
    """(where, doc id, section) of every citation in the entries and the rules."""
    for entry in knowledge.entries.values():
        for source in entry.sources:
            yield entry.id, source.doc, source.section
    rules = knowledge.rules
    for rule in (*rules.basic, *rules.critical_illness, *rules.supplementary):
        yield f"rules {rule.region} {type(rule).__name__} {rule.year}", rule.source.doc, rule.source.section
    for region_id, region in knowledge.regions.items():
        if region.hotline_source:
            yield f"regions.yaml {region_id} hotline", region.hotline_source.doc, region.hotline_source.section


def comparable(text: str) -> str:
    """Punctuation width, spaces, script and seed 004's pinyin glosses do not matter."""
    text = PINYIN_GLOSS.sub("", unicodedata.normalize("NFKC", text))
    return re.sub(r"\s+", "", opencc.OpenCC("t2s").convert(text))


def test_every_document_is_cited_and_every_citation_resolves(knowledge):
    cited = {doc for _, doc, _ in citations(knowledge)}
    assert cited <= set(knowledge.sources)
    assert set(knowledge.sources) <= cited, f"documents nobody cites: {set(knowledge.sources) - cited}"
    rules = knowledge.rules
    assert all(rule.source.document is not None for rule in (*rules.basic, *rules.critical_illness, *rules.supplementary))
    assert all(source.document is not None for entry in knowledge.entries.values() for source in entry.sources)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source articles (../shared/seeds) are not at hand")
def test_every_cited_section_occurs_in_its_source(knowledge):
    texts = {name: comparable((SEEDS / name).read_text(encoding="utf-8")) for name in file_names(knowledge) if (SEEDS / name).exists()}
    assert texts, "no registered file found in the seeds folder"
    missing = []
    for where, doc, section in citations(knowledge):
        text = texts.get(knowledge.sources[doc].file)
        if text is None:
            continue
        # "A / B" cites passage B under heading A: each part must be in the document.
        missing += [f"{where}: {doc}: {part!r}" for part in section.split(" / ") if comparable(part) not in text]
    assert not missing, "\n".join(missing)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source articles (../shared/seeds) are not at hand")
def test_register_titles_are_in_their_files(knowledge):
    for doc_id, document in knowledge.sources.items():
        if document.file and (SEEDS / document.file).exists():
            text = comparable((SEEDS / document.file).read_text(encoding="utf-8"))
            title = comparable(document.title).replace("?", "").replace("!", "")
            assert title in text.replace("?", "").replace("!", ""), doc_id


def test_no_reply_in_any_language_names_a_source_file(knowledge):
    assistant = Assistant(shared_store(KNOWLEDGE, clock=lambda: TODAY))
    renderer = Renderer(ROOT / "locales")
    presenter = Presenter(renderer, assistant)
    names = file_names(knowledge)
    stems = {name.rsplit(".", 1)[0] for name in names} | {name[:3] + "_" for name in names}
    replies = []
    for locale in LOCALES:
        for entry in knowledge.entries.values():
            replies.append(presenter.reply(assistant.entry_reply(entry.id, locale), locale).text)
        replies.append(presenter.reply(assistant.ask("今天天气怎么样", lang=locale), locale).text)
    estimates = EstimatePresenter(renderer)
    request = EstimateRequest("quzhou", "resident", "inpatient", level=3, in_quzhou=True, in_scope=Decimal(100000),
                              out_of_list=Decimal(20000), huiqubao=True)
    for locale in LOCALES:
        replies.append(estimates.result(estimate(request, knowledge.rules), locale).text)
    assert all(replies)
    leaks = [reply for reply in replies if any(name in reply for name in names) or re.search(r"\b\d{3}_[0-9a-f]{6,}", reply)]
    assert not leaks, leaks[0]
    assert not any(stem in reply for stem in stems if len(stem) > 4 for reply in replies)


def test_replies_show_title_and_year_english_title_in_english(knowledge):
    assistant = Assistant(shared_store(KNOWLEDGE, clock=lambda: TODAY))
    presenter = Presenter(Renderer(ROOT / "locales"), assistant)
    entry = knowledge.entries["huiqubao/premium"]
    document = knowledge.sources[entry.sources[0].doc]
    chinese = presenter.plain_answer(assistant.ask(entry.question), "zh")
    assert f"《{document.title}》（{document.year}年）" in chinese
    english = presenter.plain_answer(assistant.ask(entry.question_en, lang="en"), "en")
    assert document.title_en in english and str(document.year) in english and document.title not in english


def test_check_knowledge_rejects_an_unknown_source_id(knowledge_copy: Path):
    path = knowledge_copy / "quzhou" / "huiqubao.yaml"
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("doc: huiqubao-2021")].count("\n") + 1
    path.write_text(text.replace("doc: huiqubao-2021", "doc: huiqubao-2012", 1), encoding="utf-8")
    rules = knowledge_copy / "rules" / "quzhou.yaml"
    rules_text = rules.read_text(encoding="utf-8")
    rules_line = rules_text[: rules_text.index("doc: quzhou-policy-2025")].count("\n") + 1
    rules.write_text(rules_text.replace("doc: quzhou-policy-2025", "doc: quzhou-2025", 1), encoding="utf-8")
    problems = [str(problem) for problem in load_knowledge(knowledge_copy).problems]
    assert any(p.startswith(f"knowledge/quzhou/huiqubao.yaml:{line}:") and "'huiqubao-2012'" in p and "sources.yaml" in p for p in problems), problems
    assert any(p.startswith(f"knowledge/rules/quzhou.yaml:{rules_line}:") and "'quzhou-2025'" in p for p in problems), problems
    assert len(problems) == 2, problems


def test_a_broken_register_is_reported_once_not_at_every_citation(knowledge_copy: Path):
    register = knowledge_copy / "sources.yaml"
    register.write_text(register.read_text(encoding="utf-8").replace("    title_en: Quzhou launches", "    titel_en: Quzhou launches", 1), encoding="utf-8")
    problems = [str(problem) for problem in load_knowledge(knowledge_copy).problems]
    assert problems and all(p.startswith("knowledge/sources.yaml:") for p in problems), problems


def test_register_keys_are_documented():
    """SCHEMA.md names every field a staff member may write in sources.yaml."""
    schema = (KNOWLEDGE / "SCHEMA.md").read_text(encoding="utf-8")
    document = read_yaml(KNOWLEDGE / "sources.yaml").data
    keys = {key for entry in document["sources"].values() for key in entry}
    assert all(key in schema for key in keys), keys - {key for key in keys if key in schema}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source articles (../shared/seeds) are not at hand")
def test_every_phone_number_an_answer_gives_is_in_a_document_it_cites(knowledge):
    """No hotline from memory: 12393 was called the national line in 22 answers without a source."""
    phone = re.compile(r"(?<![\d-])(?:0\d{3}-)?123\d\d(?!\d)")
    problems = []
    for entry in knowledge.entries.values():
        cited = "".join((SEEDS / document.file).read_text(encoding="utf-8") for document in knowledge.documents_of(entry)
                        if document.file and (SEEDS / document.file).exists())
        for language in ("zh", "en"):
            for number in phone.findall(knowledge.render_answer(entry, language, TODAY)):
                if number not in cited:
                    problems.append(f"{entry.id} ({language}): {number}")
    for region_id, region in knowledge.regions.items():
        if region.hotline and region.hotline not in (SEEDS / region.hotline_source.document.file).read_text(encoding="utf-8"):
            problems.append(f"regions.yaml {region_id}: {region.hotline}")
    assert not problems, "\n".join(problems)
