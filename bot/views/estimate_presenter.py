"""Views of the reimbursement dialogue: each step's question with buttons, and the result."""
from __future__ import annotations

from decimal import Decimal

from bot.domain.estimate.answer_reader import simplified
from bot.domain.estimate.interview import ALL_PAID, N_, UNSURE_NOTES, WORD_TABLE, Interview, Step
from bot.domain.estimate.reimburse import Estimate
from bot.views.presenter import Button, View
from bot.views.render import Renderer

# One-tap amounts for residents who find typing hard; any other amount can be typed.
QUICK_AMOUNTS = {
    "in_scope": ["3000", "8000", "10000", "50000", "100000"],
    "special_drug": ["5000", "10000", "50000", "100000"],
    "out_of_list": ["0", "5000", "10000", "20000", "50000"],
}

# Names of the dialogue's answers, on the "change one answer" buttons.
STEP_NAMES = {
    "city": N_("城市"),
    "scheme": N_("医保类型"),
    "care": N_("就医情况"),
    "level": N_("医院级别"),
    "in_quzhou": N_("是否市内就医"),
    "in_scope": N_("政策范围内费用"),
    "special_drug": N_("特殊药品费用"),
    "out_of_list": N_("目录外药品费用"),
    "hardship": N_("困难群体"),
    "huiqubao": N_("是否参加惠衢保"),
}


# Told in a whole case but not asked by a step: shown with what was understood, without a 修改 button.
GIVEN_NAMES = {"deductible_used": N_("今年已付起付线"), "fund_paid_this_year": N_("今年医保已报销"), "total_told": N_("总费用")}

PAYER_NAMES = {"basic": N_("基本医保"), "critical_illness": N_("大病保险")}


AMOUNT_IN_WAN = N_("%(count)s万")


def amount_label(value: str, tr=lambda text: text) -> str:
    """A quick amount's button, in ten thousands where round (10万; `tr` writes 万 in the resident's script)."""
    amount = Decimal(value)
    if amount >= 10000 and amount % 10000 == 0:
        return tr(AMOUNT_IN_WAN) % {"count": amount // 10000}
    return f"{amount}元" if amount else "0"


class EstimatePresenter:
    STEPS_CACHED = 1024

    def __init__(self, renderer: Renderer):
        self.renderer = renderer
        self._steps: dict[tuple, View] = {}

    def tr(self, locale: str, message: str, **values) -> str:
        return self.renderer.gettext(locale, message, **values)

    def step(self, step: Step, number: int, locale: str, hint: str | None = None, html: bool = True,
             unsure_of: Step | None = None, lacking: str | None = None, hotline: dict | None = None) -> View:
        """The question of `step`; unsure_of: the step just answered "not sure" (its assumption is said first);
        lacking: the insurance city told, whose rules we lack (the city is then offered, not asked for);
        hotline: where to ask what cannot be estimated (Assistant.hotline), said with `lacking` or a step's missing options."""
        # A step's view depends only on these (the step's options and prompt values come from the
        # rules, immutable until a reload makes new steps): rendered once, then reused.
        note = self._unsure_note(unsure_of, locale) if unsure_of is not None else None
        key = (step.name, step.kind, tuple(step.options), tuple(sorted(step.values.items())), step.missing, number, locale, hint, html, note,
               lacking, tuple(sorted(hotline.items())) if hotline else None)
        view = self._steps.get(key)
        if view is None:
            if len(self._steps) >= self.STEPS_CACHED:
                self._steps.clear()
            view = self._steps[key] = self._step(step, number, locale, hint, html, note, lacking, hotline)
        return view

    def _unsure_note(self, step: Step, locale: str) -> str:
        values = {name: self.tr(locale, msgid) for name, msgid in step.values.items() if name != "region"}
        return self.tr(locale, UNSURE_NOTES[step.name]) % values

    def _step(self, step: Step, number: int, locale: str, hint: str | None, html: bool, note: str | None,
              lacking: str | None = None, hotline: dict | None = None) -> View:
        text = self.renderer.render("estimate_question.j2", locale, html=html, step=step, number=number, hint=hint, note=note,
                                    lacking=lacking, hotline=hotline)
        if step.kind == "choice":
            choices = [Button(self.tr(locale, option.label_msgid), "est", option.value) for option in step.options]
        else:
            # Its own action: the console knows a bare number here is an amount, not a button.
            choices = [Button(amount_label(value, lambda text: self.tr(locale, text)), "est-amt", value) for value in QUICK_AMOUNTS.get(step.name, [])]
        rows = [choices[index:index + 3] for index in range(0, len(choices), 3)]
        rows.append([Button(self.tr(locale, "⬅️ 返回"), "est-back"), Button(self.tr(locale, "✖️ 取消"), "est-cancel")])
        return View(text, rows)

    def summary(self, interview: Interview, answers: dict, aside: dict, locale: str, html: bool = True,
                elsewhere: str | None = None, talked_of: str | None = None, hotline: dict | None = None) -> View:
        """What a whole case in one message was read as, with a 修改 button per item; elsewhere: the
        insurance city named that the rules lack (said plainly before the city is asked); talked_of: the
        city the talk was about, when the case names none and the rules lack it; hotline: where to ask
        (Assistant.hotline) what the rules lack of the case (衢州城乡居民医保 门诊特殊病种)."""
        items = []
        for name in STEP_NAMES:
            if name in answers:
                value = answers[name]
                if name in WORD_TABLE and value is not None:
                    value = interview.words.label(WORD_TABLE[name], value)
                items.append((STEP_NAMES[name], value))
        for name, label in GIVEN_NAMES.items():
            if name in answers:
                value = answers[name]
                items.append((label, N_("已付过") if value == ALL_PAID else value))
        case = [interview.words.label(table, answers[name]) for name, table in (("city", "city"), ("scheme", "scheme")) if name in answers]
        aside_items = [(STEP_NAMES[name], interview.words.label(WORD_TABLE[name], value)) for name, value in aside.items() if name in WORD_TABLE]
        text = self.renderer.render("estimate_summary.j2", locale, html=html, items=items, aside=aside_items, case=case,
                                    elsewhere=elsewhere, talked_of=talked_of, hotline=hotline)
        edits = [Button(self.tr(locale, "✏️ 修改{name}", name=self.tr(locale, STEP_NAMES[name])), "est-edit", name) for name in STEP_NAMES if name in answers]
        return View(text, [edits[index:index + 2] for index in range(0, len(edits), 2)])

    def with_summary(self, summary: View, question: View) -> View:
        """One message: what was understood, then the next question; its buttons, the 修改 buttons, then 返回/取消."""
        return View(f"{summary.text}\n\n{question.text}", [*question.buttons[:-1], *summary.buttons, question.buttons[-1]])

    def result(self, estimate: Estimate, locale: str, html: bool = True, interview: Interview | None = None) -> View:
        """The estimate; with the interview, composed rates (85% + 5) and rules older than the newest are explained."""
        parts = interview.rate_parts(estimate) if interview is not None else {}
        older = {}  # payer or plan msgid -> year of its rules, where older than the newest rules
        for line in estimate.lines:
            if interview is not None and line.year < interview.newest_rule_year():
                older.setdefault(line.plan or PAYER_NAMES[line.payer], line.year)
        text = self.renderer.render("estimate_result.j2", locale, html=html, estimate=estimate, rate_parts=parts,
                                    older=older)
        buttons = [[Button(self.tr(locale, "🔄 重新估算"), "estimate", "start"), Button(self.tr(locale, "✏️ 修改一项"), "est-change")]]
        return View(text, buttons)

    def change_menu(self, interview: Interview, answers: dict, locale: str) -> View:
        buttons = [[Button(self.tr(locale, STEP_NAMES[name]), "est-edit", name)] for name in STEP_NAMES if name in answers]
        # (cancelling the change keeps the result: a what-if may follow)
        buttons.append([Button(self.tr(locale, "✖️ 取消"), "est-keep")])
        return View(self.tr(locale, "想修改哪一项？"), buttons)

    def kept(self, locale: str) -> View:
        return View(self.tr(locale, "好的，不改了，刚才的估算结果不变。还可以接着问，比如“那三级医院呢”。"))

    def cancelled(self, locale: str, was_answering: bool) -> View:
        if not was_answering:
            return View(self.tr(locale, "现在没有要取消的操作。可以直接打字提问，或发 /help 看看我能做什么。"))
        return View(self.tr(locale, "好的，已取消估算。需要时发 /estimate 重新开始。"))


def offer_estimate(view: View, question: str, assistant, presenter, locale: str) -> View:
    """The FAQ's reply to a 能报多少 question, plus a button to work out an amount (used by routers/faq.py).

    Questions with amounts or 帮我算 never get here: the estimate router starts the dialogue for them.
    """
    interview = assistant.store.current.interview
    if not (interview.reader.asks_amount(simplified(question)) or assistant.wants_estimate(question)):
        return view
    # "offer": the estimate starts from what the question said (remembered by routers/faq.py), not from scratch.
    return View(view.text, [*view.buttons, [Button(presenter.tr(locale, "🧮 算一算我能报多少"), "estimate", OFFERED)]])


OFFERED = "offer"  # the value of the button offer_estimate adds
