"""Loading the knowledge folder: every file read, validated and cross-checked, each problem with
its file and line."""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ValidationError

from bot.domain.knowledge.answers import AnswerTemplates
from bot.domain.knowledge.schema import (YEAR_VALUE, Entry, EntryFile, KnowledgeBase, LoadResult, RegionsFile, SourcesFile,
                                         SynonymsFile, TopicsFile, _with_file_facets, resolve_sources)
from bot.domain.knowledge.yamlsource import Problem, YamlDocument, YamlError, pydantic_problems, read_yaml
from bot.domain.questions.understanding import UnderstandingFile

# Files at the top of the knowledge folder that are not entry files.
SPECIAL_FILES = {"regions.yaml", "synonyms.yaml", "topics.yaml", "sources.yaml", "understanding.yaml"}


def _comparable(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"[\s\W_]+", "", text)


class _Loader:
    def __init__(self, root: Path, today: date):
        self.root = root
        self.today = today
        self.problems: list[Problem] = []

    def name(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def read(self, path: Path) -> YamlDocument | None:
        try:
            return read_yaml(path, self.name(path))
        except YamlError as error:
            self.problems.extend(error.problems)
            return None

    def parse(self, model: type[BaseModel], document: YamlDocument, data: object, prefix=()) -> BaseModel | None:
        try:
            return model.model_validate(data)
        except ValidationError as error:
            self.problems.extend(pydantic_problems(document, error, self.name(document.path), prefix))
            return None

    def special(self, model: type[BaseModel], filename: str) -> tuple[BaseModel | None, YamlDocument | None]:
        path = self.root / filename
        if not path.exists():
            self.problems.append(Problem(self.name(path), 1, f"missing: the knowledge needs {filename}"))
            return None, None
        document = self.read(path)
        if document is None:
            return None, None
        return self.parse(model, document, document.data), document


def load_knowledge(root: Path, today: date | None = None) -> LoadResult:
    """Load and check every knowledge file under `root`. Never raises for a content problem."""
    from bot.domain.estimate.rules import load_rules  # rules are knowledge too, validated the same way

    today = today or date.today()
    loader = _Loader(root, today)
    if not root.is_dir():
        return LoadResult(None, [Problem(str(root), 1, "not a knowledge directory")])
    regions, regions_doc = loader.special(RegionsFile, "regions.yaml")
    topics, _ = loader.special(TopicsFile, "topics.yaml")
    vocabulary, _ = loader.special(SynonymsFile, "synonyms.yaml")
    understanding, understanding_doc = (loader.special(UnderstandingFile, "understanding.yaml")
                                        if (root / "understanding.yaml").exists() else (UnderstandingFile(version=1), None))
    if understanding is not None and understanding_doc is not None:
        products = understanding.facet_values("product")
        for index, item in enumerate(understanding.asks_for):
            for value in item.products:
                if value not in products:
                    loader.problems.append(Problem(loader.name(understanding_doc.path), understanding_doc.line_of(("asks_for", index, "products")),
                                                   f"asks_for {item.label!r}: unknown product {value!r}; facets.product has: {', '.join(sorted(products))}"))
    register, _ = loader.special(SourcesFile, "sources.yaml")
    documents = register.sources if register else None
    if regions and documents is not None:
        for region_id, region in regions.regions.items():
            if region.hotline_source:
                line = regions_doc.line_of(("regions", region_id, "hotline_source"))
                loader.problems.extend(resolve_sources([region.hotline_source], documents, loader.name(regions_doc.path), lambda _: line, f"{region_id}: "))
    topic_ids = {topic.id for topic in topics.topics} if topics else set()
    region_ids = set(regions.regions) if regions else set()

    entries: dict[str, Entry] = {}
    where: dict[str, tuple[YamlDocument, int]] = {}
    phrasing_owner: dict[str, str] = {}
    unread_ids: set[str] = set()  # ids in files or entries that did not load: not reported again as missing
    files = 0
    for path in sorted(root.rglob("*.yaml")):
        relative = path.relative_to(root)
        if relative.parts[0] == "rules" or (len(relative.parts) == 1 and path.name in SPECIAL_FILES):
            continue
        files += 1
        document = loader.read(path)
        if document is None:
            unread_ids |= _declared_ids(path)
            continue
        name = loader.name(path)
        header = loader.parse(EntryFile, document, document.data)
        if header is None:
            unread_ids |= _declared_ids(path)
            continue
        if regions and header.region not in region_ids:
            loader.problems.append(Problem(name, document.line_of(("region",)), f"unknown region {header.region!r}; known: {', '.join(sorted(region_ids))}"))
        if topics and header.topic not in topic_ids:
            loader.problems.append(Problem(name, document.line_of(("topic",)), f"unknown topic {header.topic!r}; topics.yaml has: {', '.join(sorted(topic_ids))}"))
        for index, raw in enumerate(header.entries):
            prefix = ("entries", index)
            if isinstance(raw, dict):
                raw = {**raw, "region": header.region, "topic": header.topic,
                       "facets": _with_file_facets(header.facets, raw.get("facets"))}
            entry = loader.parse(Entry, document, raw, prefix)
            if entry is None:
                if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                    unread_ids.add(raw["id"])
                continue
            loader.problems.extend(_phrasing_problems(entry, document, prefix, name))
            line = document.line_of(prefix)
            if entry.id in entries:
                first_doc, first_line = where[entry.id]
                loader.problems.append(Problem(name, line, f"duplicate id {entry.id!r} (also at {loader.name(first_doc.path)}:{first_line})"))
                continue
            entries[entry.id] = entry
            where[entry.id] = (document, line)
            if understanding is not None:
                for problem in _facet_problems(entry, understanding):
                    facet_line = document.line_of(prefix + ("facets",)) if isinstance(raw, dict) and "facets" in (header.entries[index] or {}) else document.line_of(("facets",))
                    loader.problems.append(Problem(name, facet_line, f"{entry.id}: {problem}"))
            if documents is not None:
                loader.problems.extend(resolve_sources(entry.sources, documents, name, lambda index: document.line_of(prefix + ("sources", index)), f"{entry.id}: "))
            for offset, phrasing in enumerate([entry.question, *entry.variants, entry.question_en, *entry.variants_en]):
                key = _comparable(phrasing)
                owner = phrasing_owner.setdefault(key, entry.id)
                if owner != entry.id:
                    loader.problems.append(Problem(name, line, f"{entry.id}: phrasing {phrasing!r} is also a phrasing of {owner!r}; a question must lead to one entry"))

    answering: dict[tuple[str, str], str] = {(entry.group, entry.region): entry_id for entry_id, entry in entries.items() if entry.group}
    for entry_id, entry in entries.items():
        document, line = where[entry_id]
        for index, group in enumerate(entry.also_answers):
            index_line = document.line_of(("entries", _entry_index(document, entry_id), "also_answers", index))
            if not any(group == other.group for other in entries.values()):
                loader.problems.append(Problem(loader.name(document.path), index_line, f"{entry_id}: also_answers names group {group!r}, which no entry has"))
            elif (owner := answering.setdefault((group, entry.region), entry_id)) != entry_id:
                loader.problems.append(Problem(loader.name(document.path), index_line,
                                               f"{entry_id}: group {group!r} is already answered in this region by {owner!r}"))
        for index, target in enumerate(entry.related):
            if target not in entries and target not in unread_ids:
                index_line = document.line_of(("entries", _entry_index(document, entry_id), "related", index))
                loader.problems.append(Problem(loader.name(document.path), index_line, f"{entry_id}: related entry {target!r} does not exist"))

    if understanding is not None and understanding_doc is not None:
        for entry_id in understanding.explained_words.terms:
            if entry_id not in entries and entry_id not in unread_ids:
                loader.problems.append(Problem(loader.name(understanding_doc.path), understanding_doc.line_of(("explained_words", "terms", entry_id)),
                                               f"explained_words: entry {entry_id!r} does not exist"))
        for at, entry_id in enumerate(understanding.explained_words.searched_too):
            if entry_id not in understanding.explained_words.terms:
                loader.problems.append(Problem(loader.name(understanding_doc.path), understanding_doc.line_of(("explained_words", "searched_too", at)),
                                               f"explained_words.searched_too: {entry_id!r} is not one of the terms"))

    templates = AnswerTemplates()
    for entry_id, entry in entries.items():
        document, _ = where[entry_id]
        index = _entry_index(document, entry_id)
        for field_name in ("answer", "answer_en"):
            error = templates.check(entry, field_name, today)
            if error:
                template_line, message = error
                base = document.line_of(("entries", index, field_name))
                loader.problems.append(Problem(loader.name(document.path), base + template_line, f"{entry_id}: {field_name} template: {message}"))

    rules, rule_problems = load_rules(root / "rules", loader.name, documents)
    loader.problems.extend(rule_problems)
    if regions and vocabulary and topics and not loader.problems:
        for region_id in getattr(rules, "regions", lambda: [])():
            if region_id not in region_ids:
                loader.problems.append(Problem(loader.name(root / "rules"), 1, f"rules name unknown region {region_id!r}"))
    if loader.problems or not (regions and topics and vocabulary and register):
        return LoadResult(None, sorted(set(loader.problems)))
    knowledge = KnowledgeBase(
        entries=entries,
        regions=regions.regions,
        uncovered_places=tuple(regions.uncovered_places),
        topics=tuple(topics.topics),
        vocabulary=vocabulary,
        templates=templates,
        files=files,
        rules=rules,
        understanding=understanding,
        sources=dict(register.sources),
        small_talk=topics.small_talk,
        as_of=today,
    )
    return LoadResult(knowledge, [])


def _facet_problems(entry: Entry, understanding: UnderstandingFile) -> list[str]:
    problems = []
    for dimension, values in entry.facets.items():
        if dimension == "year":
            problems += [f"facet year {value!r} is not a year like 2025" for value in values if not YEAR_VALUE.match(value)]
            continue
        known = understanding.facet_values(dimension)
        if not known:
            dimensions = sorted([*understanding.facets, "year"])
            problems.append(f"unknown facet {dimension!r}; understanding.yaml has: {', '.join(dimensions)}")
            continue
        problems += [f"unknown {dimension} {value!r}; understanding.yaml has: {', '.join(sorted(known))}"
                     for value in values if value not in known]
    return problems


_DECLARED_ID = re.compile(r"^\s*(?:-\s+)?id:\s*[\"']?([a-z0-9][a-z0-9/_-]*)", re.M)
_CJK_GAP = re.compile(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]")


def _declared_ids(path: Path) -> set[str]:
    """Entry ids a file that cannot be read seems to declare: references to them are not errors of their own."""
    try:
        return set(_DECLARED_ID.findall(path.read_text(encoding="utf-8", errors="replace")))
    except OSError:
        return set()


def _phrasing_problems(entry: Entry, document: YamlDocument, prefix: tuple, name: str) -> list[Problem]:
    """Two phrasings merged into one, e.g. by a "- " indented under the item above (YAML folds the lines)."""
    problems = []
    advice = "each phrasing starts with '- ' on its own line, at the same indentation as the others"
    for field_name in ("variants", "variants_en"):
        phrasings = getattr(entry, field_name)
        typical = sorted(len(text) for text in phrasings)[len(phrasings) // 2] if phrasings else 0
        for index, text in enumerate(phrasings):
            location = prefix + (field_name, index)
            line = document.line_of(location)
            if location in document.multiline or "\n" in text:
                problems.append(Problem(name, line, f"{entry.id}: {field_name} item {index + 1} runs over several lines ({text!r}): two phrasings merged? {advice}"))
            elif field_name == "variants" and _CJK_GAP.search(text):
                problems.append(Problem(name, line, f"{entry.id}: variant {text!r} has a space between Chinese words: two phrasings merged? {advice}"))
            elif len(phrasings) >= 3 and len(text) >= 3 * typical and len(text) - typical >= (15 if field_name == "variants" else 45):
                problems.append(Problem(name, line, f"{entry.id}: {field_name} item {index + 1} is far longer than the others ({text!r}): two phrasings merged? {advice}"))
    for field_name in ("question", "question_en"):
        if prefix + (field_name,) in document.multiline or "\n" in getattr(entry, field_name):
            problems.append(Problem(name, document.line_of(prefix + (field_name,)), f"{entry.id}: {field_name} runs over several lines; write it on one line"))
    return problems


def _entry_index(document: YamlDocument, entry_id: str) -> int:
    for index, raw in enumerate(document.data.get("entries") or []):
        if isinstance(raw, dict) and raw.get("id") == entry_id:
            return index
    return 0
