"""Views of the reimbursement dialogue: each step's question with buttons, and the result."""
from __future__ import annotations

from decimal import Decimal

from bot.domain.interview import N_, Interview, Step
from bot.domain.reimburse import Estimate
from bot.presenter import Button, View
from bot.render import Renderer

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


def amount_label(value: str) -> str:
    amount = Decimal(value)
    if amount >= 10000 and amount % 10000 == 0:
        return f"{amount // 10000}万"
    return f"{amount}元" if amount else "0"


class EstimatePresenter:
    STEPS_CACHED = 1024

    def __init__(self, renderer: Renderer):
        self.renderer = renderer
        self._steps: dict[tuple, View] = {}

    def tr(self, locale: str, message: str, **values) -> str:
        return self.renderer.gettext(locale, message, **values)

    def step(self, step: Step, number: int, locale: str, hint: str | None = None, html: bool = True) -> View:
        # A step's view depends only on these (the step's options and prompt values come from the
        # rules, immutable until a reload makes new steps): rendered once, then reused.
        key = (step.name, step.kind, tuple(step.options), tuple(sorted(step.values.items())), number, locale, hint, html)
        view = self._steps.get(key)
        if view is None:
            if len(self._steps) >= self.STEPS_CACHED:
                self._steps.clear()
            view = self._steps[key] = self._step(step, number, locale, hint, html)
        return view

    def _step(self, step: Step, number: int, locale: str, hint: str | None, html: bool) -> View:
        text = self.renderer.render("estimate_question.j2", locale, html=html, step=step, number=number, hint=hint)
        if step.kind == "choice":
            choices = [Button(self.tr(locale, option.label_msgid), "est", option.value) for option in step.options]
        else:
            choices = [Button(amount_label(value), "est", value) for value in QUICK_AMOUNTS.get(step.name, [])]
        rows = [choices[index:index + 3] for index in range(0, len(choices), 3)]
        rows.append([Button(self.tr(locale, "⬅️ 返回"), "est-back"), Button(self.tr(locale, "✖️ 取消"), "est-cancel")])
        return View(text, rows)

    def result(self, estimate: Estimate, locale: str, html: bool = True) -> View:
        text = self.renderer.render("estimate_result.j2", locale, html=html, estimate=estimate)
        buttons = [[Button(self.tr(locale, "🔄 重新估算"), "estimate", "start"), Button(self.tr(locale, "✏️ 修改一项"), "est-change")]]
        return View(text, buttons)

    def change_menu(self, interview: Interview, answers: dict, locale: str) -> View:
        buttons = [[Button(self.tr(locale, STEP_NAMES[name]), "est-edit", name)] for name in answers if name in STEP_NAMES]
        buttons.append([Button(self.tr(locale, "✖️ 取消"), "est-cancel")])
        return View(self.tr(locale, "想修改哪一项？"), buttons)

    def cancelled(self, locale: str, was_answering: bool) -> View:
        if not was_answering:
            return View(self.tr(locale, "现在没有要取消的操作。可以直接打字提问，或发 /help 看看我能做什么。"))
        return View(self.tr(locale, "好的，已取消估算。需要时发 /estimate 重新开始。"))
