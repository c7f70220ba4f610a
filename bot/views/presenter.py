"""Turns domain results into views (text + buttons) for every front end: Telegram, console, `ask`.

No aiogram here: Telegram turns a View into a message with an inline keyboard, the console
into numbered choices, `ask` into plain text.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from bot.domain.assistant import Assistant, Reply
from bot.views.render import Renderer


VIEW_CACHE = 2048  # answered views kept (entries × languages × alternatives seen)


@dataclass(frozen=True)
class Button:
    label: str
    action: str  # entry | topic | faq | city | setcity | vote | estimate | lang | help
    value: str = ""


@dataclass(frozen=True)
class View:
    text: str
    buttons: list[list[Button]] = field(default_factory=list)


class Presenter:
    def __init__(self, renderer: Renderer, assistant: Assistant):
        self.renderer = renderer
        self.assistant = assistant
        self._answered_views: dict[tuple, View] = {}
        self._views_of = None  # the loaded knowledge the cached views were made from

    def tr(self, locale: str, message: str, **values) -> str:
        return self.renderer.gettext(locale, message, **values)

    def _render(self, template: str, locale: str, html: bool, **context) -> str:
        return self.renderer.render(template, locale, html=html, **context)

    def reply(self, reply: Reply, locale: str, html: bool = True) -> View:
        if reply.outcome != "answered":
            return self._reply(reply, locale, html)
        # An answered view depends only on these and on the knowledge in use (a reload starts afresh); the same
        # entry is shown with the note that it is one city's rule only to a resident who named no city.
        loaded = self.assistant.store.current
        if loaded is not self._views_of:
            self._answered_views.clear()
            self._views_of = loaded
        key = (reply.entry.id, reply.answer, locale, html, reply.several, reply.compared, reply.only_city, reply.figures_city, reply.left_out, reply.unanswered,
               reply.lacking_cities, tuple(entry.id for entry in reply.suggestions), tuple(entry.id for entry in reply.related),
               tuple(entry.id for entry in reply.also_asked), reply.lacking_for, reply.missing)
        view = self._answered_views.get(key)
        if view is None:
            if len(self._answered_views) >= VIEW_CACHE:
                self._answered_views.clear()
            view = self._answered_views[key] = self._reply(reply, locale, html)
        return view

    def _reply(self, reply: Reply, locale: str, html: bool) -> View:
        assistant = self.assistant
        if reply.outcome == "answered" and (reply.compared or reply.several):
            return self._compared(reply, locale, html)
        if reply.outcome == "answered":
            entry = reply.entry
            sources = [self._citation(document, locale) for document in assistant.knowledge.documents_of(entry)]
            lacking = {**assistant.hotline(reply.lacking_for, None, locale), "city": assistant.region_name(reply.lacking_for, locale),
                       "missing": reply.missing, "told": assistant.region_name(entry.region, locale)} if reply.lacking_for else None
            text = self._render("answer.j2", locale, html, answer=reply.answer, sources=sources, only_city=reply.only_city, figures_city=reply.figures_city, lacking=lacking,
                                checked=entry.checked.isoformat(), unsure=bool(reply.suggestions) and not reply.general,
                                general=reply.general)
            offered = [*reply.suggestions, *reply.related]
            # (a rule that holds everywhere offers each city's own, by the city's name)
            buttons = [[Button(assistant.region_name(other.region, locale) if reply.general and other in reply.suggestions
                               else assistant.question_of(other, locale), "entry", other.id)] for other in offered]
            buttons.append([Button("👍", "vote", f"{entry.id}|up"), Button("👎", "vote", f"{entry.id}|down")])
            return View(text, buttons)
        region = reply.region
        channels = region.channels_en if locale == "en" and region.channels_en else [assistant.localize(channel, locale) for channel in region.channels]
        hotline = {**assistant.hotline(reply.region_id, None, locale), "channels": channels}
        if reply.outcome in ("suggested", "need_city"):
            template = "need_city.j2" if reply.outcome == "need_city" else "suggestions.j2"
            text = self._render(template, locale, html, hotline=hotline)
            buttons = [[Button(self._suggestion_label(entry, locale, reply.outcome), "entry", entry.id)] for entry in reply.suggestions]
            return View(text, buttons)
        nearest = assistant.question_of(reply.nearest, locale) if reply.nearest else None
        # what the knowledge says on the very city and product asked (who may use Hengyang's family aid, for
        # 表哥) is shown under the "we lack this" line where asks_for says so; other facts stay behind a button
        shown = assistant.entry_reply(reply.nearest.id, locale) if reply.nearest_shown else None
        nearest_sources = [self._citation(document, locale) for document in assistant.knowledge.documents_of(reply.nearest)] if shown else []
        read_from = [self._citation(document, locale) for document in assistant.knowledge.documents_read_for(reply.region_id)] \
            if reply.decline_reason == "about_the_assistant" else []
        subject = reply.subject
        if reply.decline_reason == "uncovered_place" and subject and subject.isascii():
            subject = subject.title()  # read from the lowered question: changsha is Changsha
        text = self._render("declined.j2", locale, html, reason=reply.decline_reason, hotline=hotline, subject=subject,
                            missing=reply.missing, nearest=nearest, differs=reply.nearest_differs,
                            nearest_answer=shown.answer.strip() if shown else "", nearest_sources=nearest_sources,
                            read_from=read_from)
        buttons = [[Button(nearest, "entry", reply.nearest.id)]] if reply.nearest else []
        return View(text, [*buttons, [Button(self.tr(locale, "常见问题"), "faq")]])

    def _compared(self, reply: Reply, locale: str, html: bool) -> View:
        """Each city's (or scheme's) own answer, one after the other, each with its source: one city's
        answer must not read as both cities'."""
        assistant = self.assistant
        # each under the question it answers: a part on another product or city than the one asked reads as such
        blocks = [{"title": assistant.question_of(entry, locale), "answer": assistant.entry_reply(entry.id, locale).answer.strip(),
                   "sources": [self._citation(document, locale) for document in assistant.knowledge.documents_of(entry)]}
                  for entry in [reply.entry, *reply.also_asked]]
        # 亲情账户跟家庭共济有什么区别: two of our products, not one rule in two cities or schemes
        told = [reply.entry, *reply.also_asked]
        products = len({entry.facets.get("product", ()) for entry in told}) > 1
        # 是不是只能手机上办: one thing done in more than one way (each entry on a way of its own)
        ways = not products and all(entry.facets.get("channel") for entry in told) and len({entry.facets["channel"] for entry in told}) > 1
        # 给小孩加跟给老人加有啥区别: one thing done for people of different ages (each entry on its own age group)
        members = not products and not ways and all(entry.facets.get("member") for entry in told) \
            and len({entry.facets["member"] for entry in told}) > 1
        text = self._render("compared.j2", locale, html, blocks=blocks, checked=reply.entry.checked.isoformat(), several=reply.several,
                            products=products, ways=ways, members=members, left_out=reply.left_out, hotline=self.assistant.national_hotline(),
                            unanswered=reply.unanswered, lacking_cities=[assistant.hotline(region, None, locale) for region in reply.lacking_cities],
                            own_hotline=self._own_hotline(reply.unanswered_region or reply.entry.region, locale) if reply.unanswered else None)
        return View(text, [[Button("👍", "vote", f"{reply.entry.id}|up"), Button("👎", "vote", f"{reply.entry.id}|down")]])

    def _own_hotline(self, region_id: str, locale: str) -> str:
        """The number to ask what an answer leaves open: the city's own, else the national one."""
        hotline = self.assistant.hotline(region_id, None, locale)
        return hotline["number"] or hotline["fallback"]

    def _citation(self, document, locale: str) -> str:
        """Title, publisher and year of a cited document (sources.yaml); its file name is for staff only."""
        if locale == "en":
            title, publisher = document.title_en, document.publisher_en
        else:
            title, publisher = self.assistant.localize(document.title, locale), document.publisher and self.assistant.localize(document.publisher, locale)
        if publisher and document.year:
            return self.tr(locale, "《{title}》（{publisher}，{year}年）", title=title, publisher=publisher, year=document.year)
        if document.year:
            return self.tr(locale, "《{title}》（{year}年）", title=title, year=document.year)
        if publisher:
            return self.tr(locale, "《{title}》（{publisher}）", title=title, publisher=publisher)
        return self.tr(locale, "《{title}》", title=title)

    def _suggestion_label(self, entry, locale: str, outcome: str) -> str:
        if outcome == "need_city":
            return self.assistant.region_name(entry.region, locale)
        return self.assistant.question_of(entry, locale)

    def plain_answer(self, reply: Reply, locale: str) -> str:
        """What `ask` prints: the same text the chat shows, without markup, suggestions listed."""
        view = self.reply(reply, locale, html=False)
        lines = [view.text]
        offered = [button for row in view.buttons for button in row if button.action == "entry"]
        if reply.outcome == "answered":
            offered = offered[: len(reply.suggestions)]
        lines += [f"{number}. {button.label}" for number, button in enumerate(offered, 1)]
        return "\n".join(lines)

    def greeting(self, locale: str, name: str, html: bool = True) -> View:
        text = self._render("start.j2", locale, html, name=name)
        return View(text, self.main_menu(locale))

    def small_talk(self, kind: str, locale: str, name: str, answering: bool = False) -> View:
        """The reply to a greeting, thanks or acknowledgement sent alone; answering: in the middle of an estimate,
        whose step is shown again after it (so no menu here)."""
        if answering:
            if kind == "thanks":
                return self.text(locale, "不客气！我们接着算，回答下面这一步就行。")
            if kind == "again":
                return self.text(locale, "好的，再说一遍这一步：")
            return self.text(locale, "您好！我们正在估算报销，回答下面这一步就行；不想算了可以点“取消”。")
        if kind == "thanks":
            return self.text(locale, "不客气！还有什么想问的，直接发给我就行。")
        if kind == "along":  # 好的, 嗯 after an answer: heard, nothing asked
            return self.text(locale, "好的！还有什么想问的，直接发给我就行。")
        if kind == "again":  # nothing said a moment ago to say again
            return View(self.tr(locale, "您想再问哪一条？把问题直接发给我，或者点下面的主题。"), self.main_menu(locale))
        return self.greeting(locale, name)

    def again(self, view: View, locale: str) -> View:
        """The last answer once more (再说一遍, 没看懂), said to be so."""
        lead = self.tr(locale, "好的，再说一遍：")
        return View(f"{lead}\n\n{view.text}", view.buttons)

    def main_menu(self, locale: str) -> list[list[Button]]:
        topics = [Button(self.topic_title(topic, locale), "topic", topic.id) for topic in self.assistant.knowledge.topics]
        rows = [topics[index:index + 2] for index in range(0, len(topics), 2)]
        rows.append([Button(self.tr(locale, "🧮 报销估算"), "estimate", "start")])
        rows.append([Button(self.tr(locale, "📍 选择城市"), "city"), Button(self.tr(locale, "🌐 语言"), "lang")])
        return rows

    def topic_title(self, topic, locale: str) -> str:
        return topic.title_en if locale == "en" else self.assistant.localize(topic.title, locale)

    def help(self, locale: str, html: bool = True) -> View:
        return View(self._render("help.j2", locale, html), self.main_menu(locale))

    def faq_topics(self, locale: str, html: bool = True) -> View:
        return View(self._render("faq_topics.j2", locale, html), self.main_menu(locale)[:-2])

    def topic_questions(self, topic_id: str, locale: str, html: bool = True) -> View | None:
        knowledge = self.assistant.knowledge
        topic = next((topic for topic in knowledge.topics if topic.id == topic_id), None)
        if topic is None:
            return None
        entries = knowledge.entries_in_topic(topic_id)
        buttons = [[Button(self._entry_label(entry, locale), "entry", entry.id)] for entry in entries]
        buttons.append([Button(self.tr(locale, "⬅️ 返回"), "faq")])
        return View(self._render("topic.j2", locale, html, title=self.topic_title(topic, locale), count=len(entries)), buttons)

    def _entry_label(self, entry, locale: str) -> str:
        label = self.assistant.question_of(entry, locale)
        if entry.group:
            # Per-city versions of one question: say which city each is for.
            prefix = self.assistant.region_name(entry.region, locale)
            if prefix not in label:
                label = f"{prefix}｜{label}"
        return label

    def city_picker(self, locale: str, current: str | None, html: bool = True) -> View:
        regions = self.assistant.knowledge.regions
        buttons = [
            Button(("✅ " if region_id == current else "") + self.assistant.region_name(region_id, locale), "setcity", region_id)
            for region_id, region in regions.items() if region.selectable
        ]
        rows = [buttons[index:index + 2] for index in range(0, len(buttons), 2)]
        current_name = self.assistant.region_name(current, locale) if current in regions else None
        return View(self._render("city.j2", locale, html, current=current_name), rows)

    def city_set(self, region_id: str, locale: str, html: bool = True) -> View:
        region = self.assistant.knowledge.regions[region_id]
        name = self.assistant.region_name(region_id, locale)
        return View(self._render("city_set.j2", locale, html, name=name, hotline=region.hotline), self.main_menu(locale))

    def text(self, locale: str, message: str, **values) -> View:
        return View(self.tr(locale, message, **values))
