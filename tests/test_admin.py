"""Staff commands through the real dispatcher: /reload, /stats, /unanswered, and their invisibility to residents."""
import re
from pathlib import Path

import pytest

from bot.config import Settings
from bot.telegram.routers import admin
from bot.testing.client import DialogueClient

ADMIN = 777_001
RESIDENT = 777_002
QUESTION = "亲情账户在哪个App开通"
LINE = re.compile(r"^[^\s:]+\.yaml:\d+: ", re.M)


def settings_for(tmp_path: Path, knowledge_dir: Path | None = None, **extra) -> Settings:
    values = dict(bot_token=None, redis_url=None, database_path=tmp_path / "bot.sqlite3", admin_ids=[ADMIN])
    if knowledge_dir is not None:
        values["knowledge_dir"] = knowledge_dir
    return Settings(**values, **extra)


def text_of(replies) -> str:
    return "\n".join(reply.text for reply in replies)


def break_answer_field(directory: Path) -> int:
    """Rename one `answer_en:` key: the loader reports the unknown key and the missing field, with the line."""
    path = directory / "quzhou" / "huiqubao.yaml"
    text = path.read_text(encoding="utf-8")
    match = re.search(r"\n(\s+)answer_en: ", text)
    line = text[: match.start()].count("\n") + 2
    path.write_text(text[: match.start()] + "\n" + match.group(1) + "answer_english: " + text[match.end():], encoding="utf-8")
    return line


async def test_reload_refuses_broken_knowledge_and_keeps_serving(tmp_path, knowledge_copy):
    settings = settings_for(tmp_path, knowledge_copy)
    async with DialogueClient(user_id=ADMIN, settings=settings) as chat:
        before = text_of(await chat.send(QUESTION))
        assert "国家医保服务平台" in before

        pristine = (knowledge_copy / "quzhou" / "huiqubao.yaml").read_text(encoding="utf-8")
        line = break_answer_field(knowledge_copy)
        replies = await chat.send("/reload")
        refused = text_of(replies)
        assert f"huiqubao.yaml:{line}:" in refused, refused
        assert LINE.search(refused)
        assert "仍在使用上一次加载成功的知识库" in refused
        # the problem lines are HTML-escaped in what was sent (the loader quotes with ' and may use < >)
        assert all("<" not in part.html.replace("<b>", "").replace("</b>", "") or "&lt;" in part.html for part in replies)

        # the old knowledge still answers
        assert "国家医保服务平台" in text_of(await chat.send(QUESTION))
        assert "惠衢保" in text_of(await chat.send("惠衢保一年交多少钱"))

        (knowledge_copy / "quzhou" / "huiqubao.yaml").write_text(pristine, encoding="utf-8")
        ok = text_of(await chat.send("/reload"))
        entries = len(chat.services.store.current.knowledge.entries)
        assert f"{entries} 条问答" in ok, ok
        assert "知识库已重新加载" in ok


async def test_reload_splits_a_long_problem_list(tmp_path, knowledge_copy):
    settings = settings_for(tmp_path, knowledge_copy)
    async with DialogueClient(user_id=ADMIN, settings=settings) as chat:
        for number in range(80):
            (knowledge_copy / "quzhou" / f"broken-{number:02d}-{'x' * 60}.yaml").write_text("- just\n- a list\n", encoding="utf-8")
        replies = await chat.send("/reload")
        assert all(len(reply.html) <= 4096 for reply in replies)
        text = text_of(replies)
        assert len(LINE.findall(text)) == admin.PROBLEMS_SHOWN
        assert "check-knowledge" in text
        assert "国家医保服务平台" in text_of(await chat.send(QUESTION))


async def test_stats_and_unanswered_for_an_admin(tmp_path):
    settings = settings_for(tmp_path)
    async with DialogueClient(user_id=RESIDENT, settings=settings) as resident:
        await resident.send(QUESTION)
        await resident.press("👎")
        await resident.send("亲情账户在哪个app开通？")
        await resident.press("👍")
        for text in ("火星的医保怎么报销", "火星医保怎么报销呢", "今天天气怎么样"):
            await resident.send(text)
    async with DialogueClient(user_id=ADMIN, settings=settings) as chat:
        stats = text_of(await chat.send("/stats"))
        assert "用户：2" in stats  # the admin is a user too, touched by this very update
        assert "提问：5" in stats, stats
        assert "👍 1" in stats and "👎 1" in stats
        assert "family-account/where-open" in stats
        assert "%" in stats

        unanswered = await chat.send("/unanswered")
        text = text_of(unanswered)
        assert "3 个，分成 2 组" in text, text
        assert re.search(r"2× 火星.*医保怎么报销", text), text
        assert "1× 今天天气怎么样" in text
        assert "亲情账户" not in text


async def test_unanswered_when_there_is_nothing(tmp_path):
    async with DialogueClient(user_id=ADMIN, settings=settings_for(tmp_path)) as chat:
        assert "最近没有" in text_of(await chat.send("/unanswered"))


async def test_unanswered_escapes_what_residents_typed(tmp_path):
    settings = settings_for(tmp_path)
    async with DialogueClient(user_id=RESIDENT, settings=settings) as resident:
        await resident.send("<b>火星</b> & 医保")
    async with DialogueClient(user_id=ADMIN, settings=settings) as chat:
        replies = await chat.send("/unanswered")
        assert "<b>火星" not in "".join(reply.html for reply in replies)


@pytest.mark.parametrize("command", ["/reload", "/stats", "/unanswered", "/reload@yibao_helper_bot"])
async def test_a_resident_gets_the_ordinary_reply(tmp_path, command):
    async with DialogueClient(user_id=RESIDENT, settings=settings_for(tmp_path)) as chat:
        loaded = chat.services.store.current
        replies = await chat.send(command)
        ordinary = await chat.send("火星的医保怎么报销")
        assert chat.services.store.current is loaded  # no reload happened
    text = text_of(replies).lower()
    assert replies, "the bot must answer something"
    for word in ("reload", "stats", "unanswered", "admin", "管理", "知识库", "统计"):
        assert word not in text, (word, text)
    # the same kind of answer as any unknown text: the decline template with its hotline
    assert [reply.buttons for reply in replies] == [reply.buttons for reply in ordinary]


async def test_admin_commands_are_not_in_the_command_menu():
    from bot.telegram import runner

    assert not {"reload", "stats", "unanswered"} & set(runner.COMMANDS)


async def test_an_admin_still_gets_ordinary_answers(tmp_path):
    async with DialogueClient(user_id=ADMIN, settings=settings_for(tmp_path)) as chat:
        assert "国家医保服务平台" in text_of(await chat.send(QUESTION))


async def test_an_edited_answer_is_served_after_reload(tmp_path, knowledge_copy):
    """Answers and views are cached per loaded knowledge: a reload must never leave a stale one."""
    settings = settings_for(tmp_path, knowledge_copy)
    async with DialogueClient(user_id=ADMIN, settings=settings) as chat:
        assert "100元" in text_of(await chat.send("惠衢保一年交多少钱"))
        path = knowledge_copy / "quzhou" / "huiqubao.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("每人每年100元", "每人每年100元（已核对）", 1), encoding="utf-8")
        assert "问题" not in text_of(await chat.send("/reload"))
        assert "已核对" in text_of(await chat.send("惠衢保一年交多少钱"))
