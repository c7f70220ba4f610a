"""Ranking knowledge entries by how well their phrasings match a question. Pure Python.

Every phrasing of every entry (question, variants, question_en, variants_en) is a document.
Documents are indexed twice: by character bigrams and by jieba words, each with BM25 weights
precomputed into impact-ordered posting lists. A query scores only the documents on its terms'
posting lists; the two rankings are fused by normalised score, and an entry scores as its best
phrasing. An entry's score adds, more weakly, all its phrasings taken as one document and its
answer's character bigrams.

The overlap of a match is the IDF-weighted overlap between the question and the matched
phrasing in both directions (sqrt of the shares of each side's IDF mass that the other covers).
What to do with a ranking (answer, decline, ask for the city) is decided in search.py.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from operator import itemgetter
from typing import Callable, Iterable

from bot.domain.knowledge.schema import Entry
from bot.domain.questions.text import TextTools

_NOT_WORD = re.compile(r"[\W_]+")
_TEMPLATE_CODE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def exact_key(text: str) -> str:
    """A phrasing as typed, without punctuation or spaces: the key of the word-for-word lookup."""
    return _NOT_WORD.sub("", text)


@dataclass(frozen=True)
class Candidate:
    """One ranked entry, for explain() and the decision rules."""

    entry: Entry
    score: float  # fused ranking score of its best phrasing
    overlap: float  # IDF-weighted overlap with its best phrasing (0..1)
    phrasing: str  # that phrasing


class _Field:
    """One BM25 field over all documents: impact-ordered posting lists with weights precomputed."""

    K1 = 1.2
    B = 0.75
    BUDGET = 1200  # postings per query and field; exact whenever the query's lists total less (shipped knowledge: at most ~1050)
    MIN_SHARE = 40

    def __init__(self, documents: list[tuple[str, ...]], overlaps: bool = True):
        count = len(documents)
        lengths = [len(terms) for terms in documents]
        average = (sum(lengths) / count) if count else 1.0
        frequencies: dict[str, dict[int, int]] = {}
        for doc, terms in enumerate(documents):
            for term in terms:
                postings = frequencies.setdefault(term, {})
                postings[doc] = postings.get(doc, 0) + 1
        self.count = count
        self.idf: dict[str, float] = {}
        self.postings: dict[str, tuple[tuple[int, ...], tuple[float, ...], float]] = {}
        k1, b = self.K1, self.B
        for term, postings in frequencies.items():
            idf = self._idf(len(postings))
            self.idf[term] = idf
            weighted = sorted(
                ((doc, idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths[doc] / max(average, 1e-9))))
                 for doc, tf in postings.items()),
                key=itemgetter(1),
                reverse=True,
            )
            docs = tuple(doc for doc, _ in weighted)
            weights = tuple(weight for _, weight in weighted)
            self.postings[term] = (docs, weights, weights[0])
        self.unknown_idf = self._idf(0)
        # for the confidence (phrasing fields only): each document's distinct terms and the sum of their IDF
        self.doc_terms = [frozenset(terms) for terms in documents] if overlaps else []
        self.doc_mass = [math.fsum(self.idf[t] for t in terms) for terms in self.doc_terms]

    def _idf(self, df: int) -> float:
        return math.log(1.0 + (self.count - df + 0.5) / (df + 0.5))

    def scores(self, terms: Iterable[str]) -> dict[int, float]:
        """BM25 scores of the documents on the terms' posting lists. Rarest terms first; the
        work per query is capped at BUDGET postings, a common term getting at least its
        MIN_SHARE highest-weighted ones. (The shipped knowledge never reaches the cap.)"""
        # terms come as a set, whose order changes from run to run: sorting them first makes the
        # float sums, and so the order of equal scores, the same in every process
        lists = [self.postings[t] for t in sorted(terms) if t in self.postings]
        lists.sort(key=lambda posting: len(posting[0]))
        accumulator: dict[int, float] = {}
        get = accumulator.get
        remaining = self.BUDGET
        for position, (docs, weights, _) in enumerate(lists):
            allowance = max(self.MIN_SHARE, remaining // (len(lists) - position))
            if len(docs) > allowance:
                docs, weights = docs[:allowance], weights[:allowance]
            remaining -= len(docs)
            for doc, weight in zip(docs, weights):
                accumulator[doc] = get(doc, 0.0) + weight
        return accumulator

    def query_mass(self, terms: frozenset[str], unknown: float | None = None) -> float:
        """The IDF mass of a question's terms; a term no document has weighs `unknown` (the
        highest IDF unless told otherwise)."""
        idf = self.idf
        unknown = self.unknown_idf if unknown is None else unknown
        return math.fsum(idf.get(t, unknown) for t in terms)


def _fuse(first: tuple[_Field, frozenset, float], second: tuple[_Field, frozenset, float],
          top: int | None) -> dict[int, float] | Callable[[int], float]:
    """Normalised score fusion of two fields: each field's scores divided by its best, weighted,
    summed. With `top`, over the union of each field's `top` documents; without, a lookup."""
    (field_a, terms_a, weight_a), (field_b, terms_b, weight_b) = first, second
    scores_a, scores_b = field_a.scores(terms_a), field_b.scores(terms_b)
    if top is None:
        factor_a = weight_a / max(scores_a.values()) if scores_a else 0.0
        factor_b = weight_b / max(scores_b.values()) if scores_b else 0.0
        get_a, get_b = scores_a.get, scores_b.get
        return lambda doc: get_a(doc, 0.0) * factor_a + get_b(doc, 0.0) * factor_b
    # sorted()[:top] is what heapq.nlargest returns (ties included), and faster at these sizes
    best_a = sorted(scores_a.items(), key=itemgetter(1), reverse=True)[:top]
    best_b = sorted(scores_b.items(), key=itemgetter(1), reverse=True)[:top]
    factor_a = weight_a / best_a[0][1] if best_a else 0.0
    factor_b = weight_b / best_b[0][1] if best_b else 0.0
    docs = {doc for doc, _ in best_a}
    docs.update(doc for doc, _ in best_b)
    get_a, get_b = scores_a.get, scores_b.get
    return {doc: get_a(doc, 0.0) * factor_a + get_b(doc, 0.0) * factor_b for doc in docs}


class Ranker:
    """The phrasing, entry and answer indexes of one knowledge base, and the ranking over them."""

    TOP_DOCS = 40  # documents taken from each ranking into the fusion
    POOL = 60  # entries whose scores are completed from their other phrasings and answer
    OVERLAP_DOCS = 4  # an entry's best-scoring phrasings whose overlap is measured
    ENTRY_WEIGHT = 1.0  # ranking: all of an entry's phrasings as one document
    ANSWER_WEIGHT = 0.5  # ranking: the entry's answer text
    LONG_QUESTION = 1.5  # overlap: a question heavier than this many phrasings counts as this heavy
    STORY_WORDS = 8  # a question of this many words tells a story: its words may be spread over an entry's phrasings…
    SPREAD_SHARE = 0.9  # …and that spread overlap counts at this share (at 1.0, or from 6 or 7 words, questions
    # that must be declined were answered: 衢州异地转诊要先在哪家医院开转诊单)

    def __init__(self, entries: list[Entry], tools: TextTools, strip_places: Callable[[str], str],
                 place_words: list[str]):
        self.tools = tools
        self.entries = entries
        # phrasing documents, deduplicated by their normalised text
        doc_of: dict[str, int] = {}
        owners: list[list[int]] = []
        texts: list[str] = []
        entry_docs: list[list[int]] = []
        for number, entry in enumerate(entries):
            mine: list[int] = []
            for phrasing in (entry.question, *entry.variants, entry.question_en, *entry.variants_en):
                content = strip_places(tools.normalize(phrasing))
                doc = doc_of.get(content)
                if doc is None:
                    doc = doc_of[content] = len(texts)
                    texts.append(content)
                    owners.append([])
                if number not in owners[doc]:
                    owners[doc].append(number)
                    mine.append(doc)
            entry_docs.append(mine)
        # answer documents, deduplicated too
        answer_of: dict[str, int] = {}
        answer_texts: list[str] = []
        self.entry_answer = []
        for entry in entries:
            text = tools.normalize(_TEMPLATE_CODE.sub(" ", entry.answer) + " " + _TEMPLATE_CODE.sub(" ", entry.answer_en))
            number = answer_of.get(text)
            if number is None:
                number = answer_of[text] = len(answer_texts)
                answer_texts.append(text)
            self.entry_answer.append(number)
        exact: dict[str, tuple[int, ...]] = {}
        for doc, text in enumerate(texts):
            key = exact_key(text)
            if key:
                exact.setdefault(key, tuple(owners[doc]))
        tools.learn(texts, place_words)
        analysed = [tools.analyze(text) for text in texts]
        self.doc_text = texts
        self.doc_owners = [tuple(o) for o in owners]
        self.words = _Field([a[0] for a in analysed])
        self.grams = _Field([a[1] for a in analysed])
        # every phrasing of an entry as one document (from the analyses above), deduplicated
        bag_of: dict[tuple[int, ...], int] = {}
        bags: list[tuple[int, ...]] = []
        self.entry_bag = []
        for docs in entry_docs:
            key = tuple(sorted(docs))
            number = bag_of.get(key)
            if number is None:
                number = bag_of[key] = len(bags)
                bags.append(key)
            self.entry_bag.append(number)
        self.bag_words = _Field([tuple(t for d in bag for t in analysed[d][0]) for bag in bags], overlaps=False)
        self.bag_grams = _Field([tuple(t for d in bag for t in analysed[d][1]) for bag in bags], overlaps=False)
        self.bag_terms = [(frozenset(t for d in bag for t in analysed[d][0]), frozenset(t for d in bag for t in analysed[d][1]))
                          for bag in bags]
        self.answer_grams = _Field([tools.char_bigrams(text) for text in answer_texts], overlaps=False)
        self.doc_mass = [a + b for a, b in zip(self.words.doc_mass, self.grams.doc_mass)]
        tools.save_analyses()
        self.exact = exact

    def exact_matches(self, content: str) -> list[Candidate]:
        """Entries with a phrasing that is the question word for word (confidence 1)."""
        return [Candidate(self.entries[number], math.inf, 1.0, content)
                for number in self.exact.get(exact_key(content), ())]

    def rank(self, normalized_content: str, limit: int | None = None) -> list[Candidate]:
        """Entries by fused score: their best phrasing, plus all their phrasings taken together
        and their answer (weaker); each with the overlap of its best-overlapping phrasing."""
        words, grams = self.tools.analyze(normalized_content)
        word_set, gram_set = frozenset(words), frozenset(grams)
        if not word_set and not gram_set:
            return []
        top = self.TOP_DOCS
        phrasings = _fuse((self.words, word_set, 0.5), (self.grams, gram_set, 0.5), top)
        best: dict[int, float] = {}
        matched: dict[int, list[int]] = {}
        pool = self.POOL
        for doc, score in sorted(phrasings.items(), key=itemgetter(1), reverse=True):
            for owner in self.doc_owners[doc]:
                docs = matched.get(owner)
                if docs is not None:
                    docs.append(doc)
                elif len(best) < pool:
                    best[owner] = score
                    matched[owner] = [doc]
        half_bag = self.ENTRY_WEIGHT / 2
        bag = _fuse((self.bag_words, word_set, half_bag), (self.bag_grams, gram_set, half_bag), None)
        answer_scores = self.answer_grams.scores(gram_set)
        answer_factor = self.ANSWER_WEIGHT / max(answer_scores.values()) if answer_scores else 0.0
        answer_get = answer_scores.get

        def answer(number: int) -> float:
            return answer_get(number, 0.0) * answer_factor

        entry_bag, entry_answer = self.entry_bag, self.entry_answer
        scored = [(score + bag(entry_bag[number]) + answer(entry_answer[number]), number) for number, score in best.items()]
        scored.sort(key=itemgetter(0), reverse=True)
        if limit is not None:
            scored = scored[:limit]
        # A bigram no phrasing has, straddling two words (钱我, 的我), is words run together in
        # spoken text, not content; one inside a word we lack (停车 in 停车场) is content.
        inside = {gram for gram in gram_set if gram not in self.grams.idf and any(gram in word for word in word_set)}
        query_mass = (self.words.query_mass(word_set) + self.grams.query_mass(gram_set - inside, unknown=0.0)
                      + self.grams.query_mass(frozenset(inside)))
        confidence, shared_of = self._confidence(word_set, gram_set, query_mass)
        story = len(word_set) >= self.STORY_WORDS
        result = []
        for score, number in scored:
            overlap, doc = -1.0, -1
            for d in matched[number][: self.OVERLAP_DOCS]:  # best-scoring first: it wins ties
                value = confidence(d)
                if value > overlap:
                    overlap, doc = value, d
            if story:
                overlap = max(overlap, self._spread_overlap(word_set, gram_set, query_mass, entry_bag[number], doc, shared_of[doc]))
            result.append(Candidate(self.entries[number], score, overlap, self.doc_text[doc]))
        return result

    def _spread_overlap(self, word_set: frozenset[str], gram_set: frozenset[str], query_mass: float, bag: int,
                        doc: int, shared: float) -> float:
        """A long question's overlap with an entry whose phrasings each say part of it (我爸妈在老家
        不会用智能手机…帮他们亮码: 老人不会用手机 in one phrasing, 手机 and 爸妈 in others): how much of
        the question all its phrasings cover, with how much of the best phrasing (`shared` with the
        question) the question covers."""
        word_idf, gram_idf = self.words.idf.__getitem__, self.grams.idf.__getitem__
        words, grams = self.bag_terms[bag]
        spread = math.fsum(map(word_idf, word_set & words)) + math.fsum(map(gram_idf, gram_set & grams))
        return self.SPREAD_SHARE * self._overlap(spread, shared, query_mass, self.doc_mass[doc])

    def _confidence(self, word_set: frozenset[str], gram_set: frozenset[str],
                    query_mass: float) -> tuple[Callable[[int], float], dict[int, float]]:
        """A phrasing's overlap with the question, each phrasing measured once per question (the
        same phrasing is often matched by several cities' entries); and, per phrasing measured, the
        IDF mass it shares with the question."""
        known: dict[int, float] = {}
        shared_of: dict[int, float] = {}
        word_idf, gram_idf = self.words.idf.__getitem__, self.grams.idf.__getitem__
        word_terms, gram_terms, doc_mass = self.words.doc_terms, self.grams.doc_terms, self.doc_mass

        def confidence(doc: int) -> float:
            value = known.get(doc)
            if value is None:
                shared = shared_of[doc] = math.fsum(map(word_idf, word_set & word_terms[doc])) + math.fsum(map(gram_idf, gram_set & gram_terms[doc]))
                value = known[doc] = self._overlap(shared, shared, query_mass, doc_mass[doc])
            return value

        return confidence, shared_of

    def _overlap(self, covered: float, shared: float, query_mass: float, mass: float) -> float:
        """sqrt(share of the question covered × share of the phrasing the question covers). A long
        message tells a story around its question: it is not held against a phrasing beyond
        LONG_QUESTION times the phrasing's own weight."""
        if covered <= 0 or shared <= 0 or query_mass <= 0 or mass <= 0:
            return 0.0
        asked = min(query_mass, self.LONG_QUESTION * mass)
        return math.sqrt(min(covered / asked, 1.0) * min(shared / mass, 1.0))
