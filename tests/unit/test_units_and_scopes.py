"""A figure asked in another unit than the knowledge states it (a cap per month or per visit, when only a
yearly cap is known) is said to be missing, never given as the yearly one. Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from tests.unit.shipped import lacking_asks


@pytest.mark.parametrize("question", ["衢州职工门诊一年能报8000，那一个月最多能报多少", "衢州居民门诊每次看门诊最多报多少",
                                      "衢州居民医保住一次院最多能报多少"])
def test_a_cap_per_month_or_visit_is_said_to_be_missing(index, question):
    result = index.search(question)
    assert (result.outcome, result.decline_reason) == ("declined", "not_in_knowledge")
    asks = lacking_asks(index, result)
    assert "每个月或每次最多报多少" in asks


@pytest.mark.parametrize("question", ["衡阳职工一次最多能绑几个亲属", "衢州职工门诊一年最多报多少"])
def test_people_at_once_or_a_yearly_cap_are_no_such_cap(index, question):
    assert index.search(question).outcome == "answered"


def test_a_company_employee_is_on_the_employee_scheme(index):
    # (the knowledge has no employee inpatient rates: said so, never the residents' given as theirs)
    result = index.search("我是衢州公司的员工，住院的话医保帮我出几成？")
    assert (result.outcome, result.decline_reason) == ("declined", "not_in_knowledge")


def test_a_scheme_from_abroad_is_a_subject_we_lack(index):
    assert index.search("Does PhilHealth reimburse my confinement in a Hengyang hospital po?").decline_reason == "uncovered_topic"


def test_a_share_of_the_salary_deducted_is_the_contribution_asked(index):
    result = index.search("Kindly tell what percent of my salary is deducted every month for employee medical insurance in Quzhou.")
    assert (result.outcome, result.decline_reason) == ("declined", "not_in_knowledge")


def test_a_deductible_asked_per_stay_where_none_is_said_is_missing(index):
    result = index.search("惠衢保目录外药品免赔1万，住一次院扣一次1万吗")
    asks = lacking_asks(index, result)
    assert (result.outcome, asks) == ("declined", ["每次都扣还是一年扣一次"])


def test_travel_costs_are_a_subject_we_lack(index):
    assert index.search("从衢州坐高铁去杭州看病的车票能报销吗").decline_reason == "uncovered_topic"


def test_how_many_years_one_purchase_covers_is_asked_as_the_cover_period(index):
    # (never a channel's steps as its answer: the cover period, or an honest "not in our knowledge")
    result = index.search("惠衢保买一次能保几年")
    assert result.outcome != "answered" or result.entry.id == "huiqubao/cover-period"
    assert "有效期（一次管多久）" in lacking_asks(index, result) or result.outcome == "answered"


def test_a_check_up_needed_to_join_asks_about_joining_not_about_paying_for_one(index):
    joining = index.search("Is a medical check-up required to enrol my father in Hui Qu Bao?")
    assert joining.decline_reason != "uncovered_topic"
    assert index.search("Does Quzhou insurance pay for a check-up?").decline_reason == "uncovered_topic"
