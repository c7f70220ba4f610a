"""The `understanding:` section of knowledge/rules/interview.yaml: how typed sentences are read.

Kept apart from rules.py so that the reader's vocabulary can grow without touching the rule schema.
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # built when first validated: a cold `ask` unpickles, never validates


Words = list[str]


class StepWords(_Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    yes: Words = Field(default_factory=list, alias="true")
    no: Words = Field(default_factory=list, alias="false")


class AmountLabels(_Strict):
    out_of_list: Words = Field(default_factory=list)
    special_drug: Words = Field(default_factory=list)
    in_scope: Words = Field(default_factory=list)
    not_a_cost: Words = Field(default_factory=list)
    total: Words = Field(default_factory=list)  # 一共, 总共: the cost as a whole (目录外 included, if any)
    fund_paid: Words = Field(default_factory=list)  # 今年门诊已经报过三千: what the fund paid this year (for the cap)


class Understanding(_Strict):
    places: dict[str, Words] = Field(default_factory=dict)  # region id -> places inside it
    other_places: Words = Field(default_factory=list)
    negations: Words = Field(default_factory=list)
    unsure: Words = Field(default_factory=list)
    unsure_steps: list[str] = Field(default_factory=list)
    finding_out: Words = Field(default_factory=list)  # 这个怎么看 beside 不知道: how to find out, part of the doubt
    question_words: Words = Field(default_factory=list)
    prefer: dict[str, list[str]] = Field(default_factory=dict)
    step_words: dict[str, StepWords] = Field(default_factory=dict)
    # table -> choice -> words that name it outright (城乡居民医保): they win over words that only suggest one (退休)
    named_choices: dict[str, dict[str, Words]] = Field(default_factory=dict)
    none_words: Words = Field(default_factory=list)
    payment_denied_words: Words = Field(default_factory=list)  # 怎么没赔钱: 没 of a payment, not "none"
    plan_names: dict[str, Words] = Field(default_factory=dict)  # 惠衢保 -> Huiqubao: other spellings of a plan
    whole_cost_words: Words = Field(default_factory=list)  # 全部是医保范围内的: nothing outside the list
    amount_labels: AmountLabels = Field(default_factory=AmountLabels)
    not_money_after: Words = Field(default_factory=list)
    rate_units: Words = Field(default_factory=list)  # 一个月五千, 每盒八千: a price per unit, not the cost
    rough_before: Words = Field(default_factory=list)  # 不到两万: a bound, not an amount
    rough_after: Words = Field(default_factory=list)  # 两万出头, 两万以上
    best_figure_words: Words = Field(default_factory=list)  # 自费的药 大概三万五: a best figure, the label before still holds
    taken_as_words: Words = Field(default_factory=list)  # 两万出头，就按两万算: the figure named after one of these is taken
    particles: Words = Field(default_factory=list)  # 是啊, 不哦: after a one-character answer it still stands alone
    past_words: Words = Field(default_factory=list)  # 以前是低保户: at past_steps, what was is asked again
    past_steps: list[str] = Field(default_factory=list)
    follow_up_ends: Words = Field(default_factory=list)  # …也花了3万呢: a case told as a follow-up, not a question about its parts
    later_words: Words = Field(default_factory=list)  # 以前是低保，现在不是了: the part from 现在 answers
    replaced_words: Words = Field(default_factory=list)  # 不是三万二，是一万五千八: the amount after them is no cost
    exact_words: Words = Field(default_factory=list)  # 三万多，具体是三万一千四: the rough amount made exact
    moved_words: Words = Field(default_factory=list)  # 医保从衡阳转回衢州了: insured in the second city
    part_of_total_words: Words = Field(default_factory=list)  # 合计5万，其中自费3000: the amount is part of the whole
    month_words: Words = Field(default_factory=list)  # 每个月药费3000: the price per unit is a month's
    year_words: Words = Field(default_factory=list)  # 那一年下来呢: after a month's estimate, the year is asked
    pointing_back_words: Words = Field(default_factory=list)  # 这个大病15000: a figure of the result shown, asked about
    level_asked_words: Words = Field(default_factory=list)  # 市人民医院是几级？: a hospital's level asked
    other_person_words: Words = Field(default_factory=list)  # 我女儿也是…: a relative's case likened to the last
    also_words: Words = Field(default_factory=list)
    same_hospital_words: Words = Field(default_factory=list)  # 也在那家医院看的: another person's case at the last one's level
    another_case_words: Words = Field(default_factory=list)  # 再帮我算一个: a new case, whoever it is of
    clause_starts: Words = Field(default_factory=list)  # 然后, 帮我算: a case spoken on without pauses parts before them
    care_done_words: Words = Field(default_factory=list)  # 住, 看: right after a place, care was had there (医保在上海住的院)
    # After a result or in the middle: a changed detail with one of these is the case changed (不对我是职工, 那二级医院呢)
    correction_words: Words = Field(default_factory=list)  # 不对, 其实, 说错了, actually
    addendum_words: Words = Field(default_factory=list)  # 对了, 忘了说: a detail added to the case, as a correction
    what_if_words: Words = Field(default_factory=list)  # 那…呢, 如果是, what if
    what_if_asks: Words = Field(default_factory=list)  # 要是买了能报吗: asked of the changed case
    unchanged_words: Words = Field(default_factory=list)  # 其他都一样: with a what-if, the rest of the case is kept
    care_place_markers: Words = Field(default_factory=list)
    care_place_fillers: Words = Field(default_factory=list)  # 在我们衢江区: between a marker and the place
    care_words: Words = Field(default_factory=list)  # 在杭州看病: after a place, it is where care was
    insurance_words: Words = Field(default_factory=list)
    home_before: Words = Field(default_factory=list)  # 我是黑河的: the place one is insured in
    home_after: Words = Field(default_factory=list)
    deductible_words: Words = Field(default_factory=list)  # 今年已经付过100元起付线
    paid_words: Words = Field(default_factory=list)
    other_year_words: Words = Field(default_factory=list)  # 去年起付线交过了: paid in another year, not this one
    calculate_words: Words = Field(default_factory=list)
    calculate_not_after: Words = Field(default_factory=list)  # 结算报销: 算报销 inside another word
    amount_questions: Words = Field(default_factory=list)
    rule_words: Words = Field(default_factory=list)
    premium_words: Words = Field(default_factory=list)
    yearly_cap_words: Words = Field(default_factory=list)
    earlier_words: Words = Field(default_factory=list)  # 那以前呢: after a result whose terms changed, how it was before
    bare_amount_words: Words = Field(default_factory=list)  # 那一共能报多少: an amount question and only these
    result_words: Words = Field(default_factory=list)  # 自己要出多少 just after a result: its figures again
    back_to_the_result: Words = Field(default_factory=list)  # 刚才那笔: the result, though other questions came since
    why_words: Words = Field(default_factory=list)  # 为什么这么少: the amounts in the message quote the result
    restart: Words = Field(default_factory=list)
    stop: Words = Field(default_factory=list)
    back: Words = Field(default_factory=list)
    go_on: Words = Field(default_factory=list)  # 接着算 after a question in between: the step again
    result_asked: Words = Field(default_factory=list)  # 算完了吗, 结果呢: the step it is at, or the result again
    rules_year_asked: Words = Field(default_factory=list)  # 这个60%是哪年的规定 after a result: it again, with its sources
    own_sum: Words = Field(default_factory=list)  # 我自己算的是…: the resident's own sum of the result
    own_sum_checked: Words = Field(default_factory=list)  # …对吧: asked to be checked
    ordinals: list[Words] = Field(default_factory=list)  # 第二个, the second one: the button at that place in the row
    answer_fillers: Words = Field(default_factory=list)  # 嗯 那个 三级的: sounds before an answer, not part of it
    ordinal_fillers: Words = Field(default_factory=list)  # 选第二个吧: words around an ordinal that do not change it
