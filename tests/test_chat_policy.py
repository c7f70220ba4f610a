"""Where the bot talks (bot/telegram/chat_policy.py): private chats; in groups only a pointer to a
private chat when commanded or mentioned; never in channels; every button press answered."""
from datetime import datetime, timezone

from aiogram.methods import AnswerCallbackQuery, SendMessage

from bot.testing.client import BOT_USER, DialogueClient

GROUP = {"id": -100123, "type": "supergroup", "title": "衢州参保群"}


def group_message(chat: DialogueClient, text: str, **fields) -> dict:
    message = {
        "message_id": 77, "date": datetime.now(timezone.utc), "chat": GROUP,
        "from": chat.user.model_dump(exclude_none=True), "text": text, **fields,
    }
    return {"message": message}


def sent(chat: DialogueClient, start: int) -> list:
    return chat.session.calls[start:]


async def test_a_group_gets_only_a_pointer_to_a_private_chat_and_only_when_addressed():
    async with DialogueClient() as chat:
        start = len(chat.session.calls)
        await chat.feed(group_message(chat, "惠衢保多少钱"))  # ordinary group talk
        await chat.feed(group_message(chat, "/start@other_bot", entities=[{"type": "bot_command", "offset": 0, "length": 16}]))
        assert not [call for call in sent(chat, start) if isinstance(call, SendMessage)]

        for update in (
            group_message(chat, "/start", entities=[{"type": "bot_command", "offset": 0, "length": 6}]),
            group_message(chat, "/faq@yibao_helper_bot", entities=[{"type": "bot_command", "offset": 0, "length": 21}]),
            group_message(chat, "@yibao_helper_bot 惠衢保多少钱", entities=[{"type": "mention", "offset": 0, "length": 17}]),
            group_message(chat, "惠衢保多少钱", reply_to_message={
                "message_id": 5, "date": datetime.now(timezone.utc), "chat": GROUP, "from": BOT_USER.model_dump(), "text": "…"}),
        ):
            [reply] = await chat.feed(update)
            assert "私聊" in reply.text and "https://t.me/yibao_helper_bot" in reply.text
            assert "100" not in reply.text  # no answer in the group: the pointer only
        assert not chat.errors


async def test_channel_posts_edits_and_senderless_messages_are_ignored():
    async with DialogueClient() as chat:
        channel = {"id": -100999, "type": "channel", "title": "医保资讯"}
        post = {"message_id": 1, "date": datetime.now(timezone.utc), "chat": channel, "text": "/start"}
        private = {"id": chat.user.id, "type": "private"}
        updates = [
            {"channel_post": post},
            {"edited_channel_post": {**post, "edit_date": 1}},
            {"edited_message": {**post, "chat": private, "from": chat.user.model_dump(exclude_none=True), "edit_date": 1}},
            {"message": {**post, "chat": GROUP, "sender_chat": channel}},  # posted on behalf of a chat: no `from`
        ]
        start = len(chat.session.calls)
        for update in updates:
            assert await chat.feed(update) == []
        assert sent(chat, start) == [] and not chat.errors


async def test_every_button_press_is_answered_with_a_notice_when_unknown():
    async with DialogueClient() as chat:
        await chat.send("/start")
        for data in ("a:nonsense", "garbage", "a:est:💥" * 20, ""):
            start = len(chat.session.calls)
            await chat.press_data(data)
            answers = [call for call in sent(chat, start) if isinstance(call, AnswerCallbackQuery)]
            assert len(answers) == 1, data
            assert "失效" in answers[0].text
        # a game button (no data) and a button under an inline message (no message)
        for query in ({"game_short_name": "g"}, {"data": "a:faq", "inline_message_id": "x"}):
            start = len(chat.session.calls)
            await chat.feed({"callback_query": {"id": "9", "from": chat.user.model_dump(exclude_none=True), "chat_instance": "1", **query}})
            [answer] = [call for call in sent(chat, start) if isinstance(call, AnswerCallbackQuery)]
            assert answer.text
        # a known button still works and is answered once
        start = len(chat.session.calls)
        await chat.press_data("a:faq:")
        assert len([call for call in sent(chat, start) if isinstance(call, AnswerCallbackQuery)]) == 1
        assert any(isinstance(call, SendMessage) for call in sent(chat, start))
        assert not chat.errors


async def test_a_button_under_an_old_inaccessible_message_still_works():
    async with DialogueClient() as chat:
        vote = "a:vote:national-family-account-app|up"
        inaccessible = {"message_id": 3, "date": 0, "chat": {"id": chat.user.id, "type": "private"}}
        for data in (vote, "a:faq:"):
            start = len(chat.session.calls)
            await chat.feed({"callback_query": {"id": "7", "from": chat.user.model_dump(exclude_none=True), "chat_instance": "1",
                                                "data": data, "message": inaccessible}})
            assert any(isinstance(call, AnswerCallbackQuery) for call in sent(chat, start))
        assert not chat.errors


async def test_a_city_button_for_an_unknown_city_says_it_is_stale():
    async with DialogueClient() as chat:
        await chat.send("/city")
        replies = await chat.press_data("a:setcity:atlantis")
        assert [reply.text for reply in replies] == ["这个按钮已经失效了，请发 /start 重新开始。"]
