"""Staff commands: /reload, /stats, /unanswered — for the user ids in ADMIN_IDS only.

Everyone else falls through to the other routers, where the faq router's `not_for_you` gives the
ordinary reply to unknown text: nothing tells a resident these commands exist (they are not in the
command menu either).
"""
from __future__ import annotations

import asyncio
import html
import logging

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message

from bot.config import Settings
from bot.domain.assistant import KnowledgeStore
from bot.storage.database import Database
from bot.storage.report import build_report, outcome_summary
from bot.telegram.callbacks import FeatureRouter
from bot.telegram.views import send_view
from bot.views.presenter import Presenter, View

log = logging.getLogger("bot.admin")

PROBLEMS_SHOWN = 50  # more than this and staff should run `python -m bot check-knowledge`
UNANSWERED_WINDOW = 500  # /unanswered groups the newest N declined or suggested questions
GROUPS_SHOWN = 15
EXAMPLE_CHARS = 60


async def is_admin(message: Message, settings: Settings) -> bool:
    """Async on purpose: aiogram runs synchronous filters in a worker thread."""
    user = message.from_user
    return user is not None and user.id in settings.admin_ids


def _short(text: str, limit: int = EXAMPLE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def create_router() -> Router:
    router = FeatureRouter(name="admin")
    router.message.filter(is_admin)

    @router.command(Command("reload"))
    async def reload_knowledge(message: Message, store: KnowledgeStore, presenter: Presenter, database: Database, locale: str, trace: dict) -> None:
        log.info("admin=%s: reloading knowledge from %s", database.user_hash(message.from_user.id), store.directory)
        problems = await asyncio.to_thread(store.reload)  # parsing and indexing take a moment
        if problems:
            trace["outcome"] = "refused"
            lines = [presenter.tr(locale, "知识库有 {count} 个问题，没有重新加载，仍在使用上一次加载成功的知识库。", count=len(problems)), ""]
            lines += [html.escape(str(problem)) for problem in problems[:PROBLEMS_SHOWN]]
            if len(problems) > PROBLEMS_SHOWN:
                lines.append(presenter.tr(locale, "……还有 {count} 个问题，请运行 python -m bot check-knowledge 查看全部。", count=len(problems) - PROBLEMS_SHOWN))
            await send_view(message.bot, message.chat.id, View("\n".join(lines)))
            return
        knowledge = store.current.knowledge
        trace["outcome"] = "reloaded"
        text = presenter.tr(locale, "知识库已重新加载：{entries} 条问答，{files} 个文件。", entries=len(knowledge.entries), files=knowledge.files)
        await send_view(message.bot, message.chat.id, View(text))

    @router.command(Command("stats"))
    async def stats(message: Message, database: Database, presenter: Presenter, locale: str) -> None:
        report = build_report([database.db], top=5)
        title = presenter.tr(locale, "统计")
        lines = [
            f"<b>{title}</b>",
            presenter.tr(locale, "用户：{users}　提问：{questions}", users=report.users, questions=report.questions),
            presenter.tr(locale, "已回答 {answered}，给出建议 {suggested}，无法回答 {declined}",
                         answered=f"{report.share('answered'):.0%}", suggested=f"{report.share('suggested'):.0%}",
                         declined=f"{report.share('declined'):.0%}"),
            presenter.tr(locale, "反馈：👍 {up}　👎 {down}", up=report.votes_up, down=report.votes_down),
        ]
        if report.top_entries:
            heading = presenter.tr(locale, "问得最多的问答")
            lines += ["", f"<b>{heading}</b>"]
            lines += [f"{item.total}× {html.escape(item.entry_id)}" for item in report.top_entries]
        disliked = report.most_disliked[:5]
        if disliked:
            heading = presenter.tr(locale, "👎 最多的回答")
            lines += ["", f"<b>{heading}</b>"]
            lines += [f"👎 {item.down} 👍 {item.up}  {html.escape(item.entry_id)}" for item in disliked]
        await send_view(message.bot, message.chat.id, View("\n".join(lines)))

    @router.command(Command("unanswered"))
    async def unanswered(message: Message, database: Database, presenter: Presenter, locale: str) -> None:
        report = build_report([database.db], recent=UNANSWERED_WINDOW)
        if not report.unanswered:
            await send_view(message.bot, message.chat.id, presenter.text(locale, "最近没有无法回答或不确定的问题。"))
            return
        total = sum(cluster.count for cluster in report.unanswered)
        heading = presenter.tr(locale, "最近无法回答或不确定的问题：{count} 个，分成 {groups} 组", count=total, groups=len(report.unanswered))
        lines = [f"<b>{heading}</b>", ""]
        for cluster in report.unanswered[:GROUPS_SHOWN]:
            lines.append(f"{cluster.count}× {html.escape(_short(cluster.example))}  <i>({html.escape(outcome_summary(cluster.outcomes))})</i>")
        if len(report.unanswered) > GROUPS_SHOWN:
            lines.append(presenter.tr(locale, "完整列表：python -m bot report"))
        await send_view(message.bot, message.chat.id, View("\n".join(lines)))

    return router
