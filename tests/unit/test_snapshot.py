"""The built knowledge is kept between runs (a cold `ask` skips loading and indexing), keyed by
everything it was built from; an edit, a damaged file or an untrusted folder means building afresh."""
from __future__ import annotations

import pickle
import re
import shutil
from pathlib import Path

import pytest

from bot.domain import assistant as assistant_module
from bot.domain.assistant import Assistant, KnowledgeStore
from bot.domain.knowledge import snapshot
from bot.domain.questions import sounds

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def knowledge(tmp_path, monkeypatch) -> Path:
    monkeypatch.setattr(snapshot, "_base", lambda: tmp_path)  # the other caches of the temp dir stay
    copy = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", copy)
    return copy


def forbid_building(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("built afresh although a snapshot was there")

    monkeypatch.setattr(assistant_module, "load_knowledge", refuse)


def test_a_second_start_answers_from_the_snapshot(knowledge, monkeypatch):
    first = KnowledgeStore(knowledge)
    assert first.reload() == []
    expected = Assistant(first).ask("惠衢保多少钱")
    forbid_building(monkeypatch)
    second = KnowledgeStore(knowledge)
    assert second.reload() == []
    reply = Assistant(second).ask("惠衢保多少钱")
    assert reply.entry.id == expected.entry.id and reply.answer == expected.answer
    assert Assistant(second).ask("惠衢保多少錢", "zh_Hant").answer != reply.answer  # converters work after unpickling


def test_an_edit_is_built_afresh_and_served(knowledge):
    assert KnowledgeStore(knowledge).reload() == []
    path = knowledge / "quzhou" / "huiqubao.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("每人每年100元", "每人每年120元"), encoding="utf-8")
    store = KnowledgeStore(knowledge)
    assert store.reload() == []
    assert "120元" in Assistant(store).ask("惠衢保一年交多少钱").answer


def test_a_damaged_snapshot_is_ignored(knowledge):
    assert KnowledgeStore(knowledge).reload() == []
    for path in snapshot._folder().glob("*.pickle"):
        path.write_bytes(b"not a pickle")
    store = KnowledgeStore(knowledge)
    assert store.reload() == [] and Assistant(store).ask("惠衢保多少钱").entry is not None


def test_a_folder_others_may_write_to_is_not_trusted(knowledge, monkeypatch):
    assert KnowledgeStore(knowledge).reload() == []
    snapshot._folder().chmod(0o777)
    assert snapshot._folder() is None
    forbid_building(monkeypatch)
    with pytest.raises(AssertionError, match="built afresh"):
        KnowledgeStore(knowledge).reload()


def test_an_edit_to_the_text_analysis_code_does_not_reuse_old_analyses(monkeypatch):
    """The phrasings' analyses and jieba's small dictionary are cached in the temp dir; a new
    stemmer with old cached analyses would match questions against stale words."""
    from bot.domain.knowledge.loading import load_knowledge
    from bot.domain.questions import text
    from bot.domain.questions.text import TextTools

    vocabulary = load_knowledge(Path(__file__).resolve().parents[2] / "knowledge").knowledge.vocabulary
    tools = TextTools(vocabulary)
    tools.learn(["惠衢保多少钱"], [])
    before = tools._analysis_key()
    monkeypatch.setattr(text, "_own_source", lambda: b"an edited module")
    assert tools._analysis_key() != before


def test_regexes_are_kept_compiled(knowledge, monkeypatch):
    """Compiling the index's ~600 alternations again took most of a cold `ask`: a snapshot keeps their code."""
    assert KnowledgeStore(knowledge).reload() == []
    re.purge()  # the patterns built above would otherwise come from re's own cache

    def refuse(*args, **kwargs):
        raise AssertionError("a regex of the snapshot was compiled again")

    store = KnowledgeStore(knowledge)
    with monkeypatch.context() as patches:
        patches.setattr(re._compiler, "compile", refuse)
        patches.setattr(snapshot, "load", lambda key, load=snapshot.load: load(key) or refuse())  # load() hides errors
        loaded = store.reload()
    assert loaded == [] and Assistant(store).ask("惠衢保多少钱").entry is not None


def test_a_kept_regex_is_the_one_re_compiles():
    patterns = [re.compile(r"(?P<amount>\d+(?:\.\d+)?)\s*(元|块)", re.I), re.compile(r"(?<![a-z])huiqubao(?![a-z])"),
                re.compile(rb"[\x00-\x1f]+"), re.compile(r"(?x) a | b  # comment"), re.compile("惠衢保|亲情账户")]
    kept = pickle.loads(pickle.dumps([snapshot._pattern_reduction(pattern) for pattern in patterns]))
    for pattern, (function, arguments) in zip(patterns, kept):
        restored = function(*arguments)
        assert restored == pattern and restored.groupindex == pattern.groupindex and restored.groups == pattern.groups


def test_a_damaged_kept_regex_is_compiled_anew():
    assert snapshot._compiled_pattern("a+", re.UNICODE, [1, 2, 3], 0, {}, (None,)) == re.compile("a+")


def test_the_first_question_after_a_snapshot_builds_no_patterns_or_sound_tables(knowledge, monkeypatch):
    """The places' and facets' long alternations and the misheard-place tables are built with the index, so
    that a snapshot holds them: built at the first question, they cost a cold `ask` ~0.1 s."""

    assert KnowledgeStore(knowledge).reload() == []
    store = KnowledgeStore(knowledge)
    assert store.reload() == []

    def refuse(*args, **kwargs):
        raise AssertionError("built at the first question")

    with monkeypatch.context() as patches:
        patches.setattr(re, "compile", refuse)
        patches.setattr(sounds.SoundTable, "__init__", refuse)
        reply = Assistant(store).ask("惠衢保和大病保险哪个报的多")
    assert reply.entry is not None
