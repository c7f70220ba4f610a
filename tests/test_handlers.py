"""Handlers through the real dispatcher (DialogueClient), checked at the level of Bot API calls."""
from pathlib import Path

from aiogram.client.default import Default
from aiogram.enums import ParseMode
from aiogram.methods import AnswerCallbackQuery, SendMessage

from bot.config import Settings
from bot.storage.fsm import SQLiteStorage
from bot.telegram.callbacks import Act
from bot.testing.client import DialogueClient, shared_store
from bot.views.presenter import Presenter, View

E1_TYPED = ["衢州", "居民", "住院", "三级", "市内", "10万", "2万", "否", "是"]


def sent_messages(chat: DialogueClient, start: int = 0) -> list[SendMessage]:
    return [call for call in chat.session.calls[start:] if isinstance(call, SendMessage)]


def parse_mode(chat: DialogueClient, method) -> str | None:
    value = method.parse_mode
    return chat.bot.default[value.name] if isinstance(value, Default) else value


async def test_start_is_html_with_the_user_name_escaped():
    async with DialogueClient(first_name="<b>x</b>&") as chat:
        await chat.send("/start")
        [message] = sent_messages(chat)
        assert parse_mode(chat, message) == ParseMode.HTML
        assert "&lt;b&gt;x&lt;/b&gt;&amp;" in message.text
        assert "<b>x</b>" not in message.text
        assert chat.history[-1].text.count("<b>x</b>&") == 1  # what the resident reads
        assert not chat.session.refused and not chat.errors


def callback_data_in(chat: DialogueClient, start: int = 0) -> list[tuple[str, str]]:
    found = []
    for call in chat.session.calls[start:]:
        markup = getattr(call, "reply_markup", None)
        for row in getattr(markup, "inline_keyboard", None) or []:
            for button in row:
                found.append((button.text, button.callback_data or ""))
    return found


async def test_every_button_the_bot_can_produce_has_callback_data_under_64_bytes():
    seen: dict[str, str] = {}
    async with DialogueClient() as chat:
        for command in ("/start", "/help", "/faq", "/city", "/lang"):
            await chat.send(command)
        # Walk every menu button, every topic, every question button, every city and language, breadth first.
        queue = [data for _, data in callback_data_in(chat)]
        pressed: set[str] = set()
        while queue:
            data = queue.pop(0)
            action = Act.unpack(data).action
            if data in pressed or action in ("estimate", "vote"):
                continue
            pressed.add(data)
            start = len(chat.session.calls)
            await chat.press_data(data)
            queue += [found for _, found in callback_data_in(chat, start)]
        assert len(pressed) > 100  # topics, every entry, related questions, cities, languages
        # Free-text replies: answers, did-you-mean, which-city, declined.
        for question in ("惠衢保一年交多少钱", "查余额", "家庭共济能绑几个人", "今天天气怎么样", "广州医保怎么报销"):
            await chat.send(question)
        for label, data in callback_data_in(chat):
            seen[data] = label
    # The estimate: every step's buttons on a few whole paths, the result and the change menu.
    paths = [E1_TYPED, ["衡阳", "职工", "门诊", "三级", "1000"], ["衢州", "职工", "特殊药品", "5万", "是"],
             ["衢州", "职工", "门诊特殊病种", "1万", "0", "是"]]
    for path in paths:
        async with DialogueClient() as chat:
            await chat.send("/estimate")
            for answer in path:
                await chat.send(answer)
            for _ in range(12):  # steps the path did not foresee: take the first choice
                labels = [label for label, _ in chat.last_keyboard()]
                if any("修改一项" in label for label in labels):
                    break
                await chat.press(labels[0])
            await chat.press("修改一项")
            for label, data in callback_data_in(chat):
                seen[data] = label
            assert not chat.errors, chat.errors
    too_long = {label: data for data, label in seen.items() if len(data.encode("utf-8")) > 64}
    assert not too_long
    assert any(data.startswith("a:est") for data in seen) and any(data.startswith("a:vote") for data in seen)


def test_every_knowledge_entry_fits_in_callback_data():
    store = shared_store(Settings(bot_token=None).knowledge_dir)
    entry_ids = list(store.current.knowledge.entries)
    assert len(entry_ids) > 100
    for entry_id in entry_ids:
        for value in (entry_id, f"{entry_id}|down", f"{entry_id}|up"):
            for action in ("entry", "vote"):
                assert len(Act(action=action, value=value).pack().encode("utf-8")) <= 64, entry_id


async def test_a_message_longer_than_4096_characters_is_split(monkeypatch):
    long_text = "\n".join(f"第{number}行：" + "医保" * 40 for number in range(200))  # ~17,000 characters
    assert len(long_text) > 3 * 4096
    monkeypatch.setattr(Presenter, "help", lambda self, locale, html=True: View(long_text, self.main_menu(locale)))
    async with DialogueClient() as chat:
        replies = await chat.send("/help")
        messages = sent_messages(chat)
        assert len(messages) >= 4
        assert all(len(message.text) <= 4096 for message in messages)
        assert "\n".join(message.text for message in messages) == long_text
        assert [message.reply_markup is not None for message in messages] == [False] * (len(messages) - 1) + [True]
        assert not chat.session.refused and not chat.errors
        assert replies[-1].buttons


async def test_two_clients_never_share_dialogue_state_or_city():
    async with DialogueClient() as first, DialogueClient() as second:
        assert first.user.id != second.user.id
        await first.send("/city")
        await first.press("湘潭")
        await first.send("/estimate")
        await first.send("衢州")
        # The second resident: no city, no dialogue in progress.
        replies = await second.send("家庭共济能绑几个人")
        assert "哪个城市" in replies[-1].text
        replies = await second.send("惠衢保一年交多少钱")
        assert "100元" in replies[-1].text
        replies = await second.send("/cancel")
        assert "没有要取消" in replies[-1].text
        # The first is still where they were.
        replies = await first.send("居民")
        assert "第3步" in replies[-1].text
        await first.send("/cancel")
        replies = await first.send("家庭共济能绑几个人")
        assert "哪个城市" not in replies[-1].text and any("湘潭" in label for label in replies[-1].labels)


async def test_a_handler_exception_gets_an_apology_and_the_next_update_is_served(monkeypatch):
    async with DialogueClient() as chat:
        assistant = chat.services.assistant

        def broken(*args, **kwargs):
            raise RuntimeError("search index exploded")

        monkeypatch.setattr(assistant, "ask", broken)
        replies = await chat.send("惠衢保一年交多少钱")
        assert [type(error) for error in chat.errors] == [RuntimeError]
        assert len(replies) == 1 and "抱歉" in replies[0].text
        assert "search index exploded" not in replies[0].text and "Traceback" not in replies[0].text
        monkeypatch.undo()
        replies = await chat.send("惠衢保一年交多少钱")
        assert "100元" in replies[-1].text
        assert len(chat.errors) == 1


async def test_a_button_handler_exception_is_apologised_for_too(monkeypatch):
    async with DialogueClient() as chat:
        await chat.send("/faq")
        monkeypatch.setattr(Presenter, "topic_questions", lambda *args, **kwargs: 1 / 0)
        replies = await chat.press("惠衢保")
        assert chat.errors and "抱歉" in replies[-1].text
        monkeypatch.undo()
        replies = await chat.press("惠衢保")
        assert any("惠衢保一年交多少钱" in label for label in replies[-1].labels)


async def test_answers_end_with_source_and_check_date():
    async with DialogueClient() as chat:
        for question in ("惠衢保一年交多少钱", "亲情账户在哪个App开通", "衢州职工普通门诊怎么报销", "黑河家庭共济哪些亲属可以用"):
            [reply] = await chat.send(question)
            lines = [line for line in reply.text.splitlines() if line.strip()]
            source = next(index for index, line in enumerate(lines) if line.startswith("来源："))
            assert lines[source + 1].startswith("核对日期：")
            assert lines[source + 1].removeprefix("核对日期：")[:2] == "20"  # an ISO date
            assert lines[source + 2:] == ["这个回答有帮助吗？"], lines  # nothing after but the feedback question
            assert reply.labels[-2:] == ["👍", "👎"]


async def test_estimate_dialogue_survives_a_dispatcher_restart(tmp_path: Path):
    settings = Settings(bot_token=None, redis_url=None, database_path=tmp_path / "bot.sqlite3")
    fsm_file = tmp_path / "fsm.sqlite3"
    async with DialogueClient(user_id=777, settings=settings, storage=SQLiteStorage(fsm_file)) as chat:
        await chat.send("/estimate")
        for answer in E1_TYPED[:3]:
            replies = await chat.send(answer)
        assert "第4步" in replies[-1].text
    # A new process: new dispatcher, new storage object on the same file, same resident.
    async with DialogueClient(user_id=777, settings=settings, storage=SQLiteStorage(fsm_file)) as chat:
        for answer in E1_TYPED[3:]:
            replies = await chat.send(answer)
        assert "85,909.00" in replies[-1].text and "34,091.00" in replies[-1].text
        assert not chat.errors
    # Someone else on the same storage has no dialogue in progress.
    async with DialogueClient(user_id=778, settings=settings, storage=SQLiteStorage(fsm_file)) as other:
        replies = await other.send("三级")
        assert "步：" not in replies[-1].text


async def test_callback_answers_stop_the_button_spinner():
    async with DialogueClient() as chat:
        await chat.send("/start")
        for label in ("惠衢保", "惠衢保一年交多少钱", "👍"):
            start = len(chat.session.calls)
            await chat.press(label)
            answers = [call for call in chat.session.calls[start:] if isinstance(call, AnswerCallbackQuery)]
            assert len(answers) == 1, label
