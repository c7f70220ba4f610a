"""Generated knowledge of any size, made from the shipped entries (in memory, deterministic).

Entry k of the copy c of a shipped entry gets id `<id>~c<c>`, its group (if any) becomes
`<group>~c<c>` so groups stay consistent within a copy, and every phrasing is perturbed: words
taken from other phrasings of the shipped knowledge are inserted, one character or word may be
dropped, and a polite prefix may be added. Answers are kept (templates stay valid).
"""
from __future__ import annotations

import dataclasses
import random
import re
from pathlib import Path

from bot.domain.knowledge.loading import load_knowledge
from bot.domain.knowledge.schema import Entry, KnowledgeBase

from bench.common import PROJECT

KNOWLEDGE_DIR = PROJECT / "knowledge"
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]{2,4}")
_EN_WORD = re.compile(r"[A-Za-z]{3,}")
PREFIXES = ("请问", "想问一下", "咨询一下", "麻烦问下", "")
EN_PREFIXES = ("please tell me ", "quick question: ", "i want to know ", "")


def shipped(directory: Path = KNOWLEDGE_DIR) -> KnowledgeBase:
    result = load_knowledge(directory)
    if not result.ok:
        raise SystemExit(f"knowledge is broken: {result.problems[:3]}")
    return result.knowledge


def _vocabulary(knowledge: KnowledgeBase) -> tuple[list[str], list[str]]:
    zh, en = set(), set()
    for entry in knowledge.entries.values():
        for text in (entry.question, *entry.variants):
            zh.update(_CJK_WORD.findall(text))
        for text in (entry.question_en, *entry.variants_en):
            en.update(word.lower() for word in _EN_WORD.findall(text))
    return sorted(zh), sorted(en)


def _perturb_zh(text: str, words: list[str], rng: random.Random) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 2)):
        position = rng.randint(0, len(chars))
        chars[position:position] = list(rng.choice(words))
    if len(chars) > 6 and rng.random() < 0.3:
        del chars[rng.randrange(len(chars))]
    return rng.choice(PREFIXES) + "".join(chars)


def _perturb_en(text: str, words: list[str], rng: random.Random) -> str:
    tokens = text.split()
    for _ in range(rng.randint(1, 2)):
        tokens.insert(rng.randint(0, len(tokens)), rng.choice(words))
    if len(tokens) > 4 and rng.random() < 0.3:
        del tokens[rng.randrange(len(tokens))]
    return rng.choice(EN_PREFIXES) + " ".join(tokens)


def scaled(knowledge: KnowledgeBase, size: int, seed: int = 20250101) -> KnowledgeBase:
    """A knowledge base of exactly `size` entries: the shipped ones first, then perturbed copies."""
    rng = random.Random(seed)
    zh_words, en_words = _vocabulary(knowledge)
    originals = list(knowledge.entries.values())
    entries: dict[str, Entry] = {}
    for entry in originals[:size]:
        entries[entry.id] = entry
    copy = 0
    while len(entries) < size:
        copy += 1
        for entry in originals:
            if len(entries) >= size:
                break
            suffix = f"~c{copy}"
            entries[entry.id + suffix] = entry.model_copy(update={
                "id": entry.id + suffix,
                "group": entry.group + suffix if entry.group else None,
                "question": _perturb_zh(entry.question, zh_words, rng),
                "variants": [_perturb_zh(v, zh_words, rng) for v in entry.variants],
                "question_en": _perturb_en(entry.question_en, en_words, rng),
                "variants_en": [_perturb_en(v, en_words, rng) for v in entry.variants_en],
                "related": [target + suffix for target in entry.related],
            })
    return dataclasses.replace(knowledge, entries=entries)


def questions(knowledge: KnowledgeBase, dev_file: Path | None = None) -> list[str]:
    """Every phrasing of every shipped entry, plus the development questions when the file exists."""
    found: list[str] = []
    for entry in knowledge.entries.values():
        found.extend((entry.question, *entry.variants, entry.question_en, *entry.variants_en))
    for path in ([dev_file] if dev_file else DEV_FILES):
        if path and path.is_file():
            try:
                import yaml

                data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
                found.extend(str(item["q"]) for item in data if isinstance(item, dict) and item.get("q"))
            except Exception:  # the benchmark must not need this file
                pass
            break
    return found


DEV_FILES = (PROJECT.parent / "shared" / "eval" / "faq-dev.yaml", Path("/work/shared/eval/faq-dev.yaml"))


def build_index(knowledge: KnowledgeBase):
    """(TextTools, SearchIndex) exactly as KnowledgeStore.reload builds them."""
    from bot.domain.questions.search import SearchIndex
    from bot.domain.questions.text import TextTools

    tools = TextTools(knowledge.vocabulary)
    return tools, SearchIndex.build(knowledge, tools)


def store_for(knowledge: KnowledgeBase, directory: Path = KNOWLEDGE_DIR):
    """A KnowledgeStore serving `knowledge` (generated knowledge never touches the disk)."""
    from bot.domain.assistant import KnowledgeStore, Loaded
    from bot.domain.estimate.interview import Interview

    tools, index = build_index(knowledge)
    store = KnowledgeStore(directory)
    store._current = Loaded(knowledge, tools, index, Interview(knowledge.rules))
    return store
