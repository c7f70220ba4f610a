"""Papers, travel, the minimum allowance, office holidays, a drug's listing and the unemployed's insurance are
neighbours we do not cover: declined with the hotline, never answered from one of our entries."""
import pytest


@pytest.mark.parametrize("question", [
    "How do I apply for a passport for my newborn?",
    "Where do I register my baby's hukou in Quzhou?",
    "衢州医保码能不能坐公交…打错了，是衢州市民卡坐公交怎么充值",
    "How do I apply for 低保 status in 衡阳?",
    "今年春节衢州医保窗口放几天假",
    "衢州门诊慢性病报销，我是说，医保药品目录里有没有司美格鲁肽",
    "我失业了，医保怎么交",
])
def test_a_neighbour_of_daily_life_is_declined(index, question):
    result = index.search(question)
    assert result.outcome == "declined" and result.decline_reason == "uncovered_topic"


@pytest.mark.parametrize(("question", "entry_id"), [
    ("失业了还能买惠衢保吗", "huiqubao/who-can-join"),  # who asks, of a product anyone insured may join
    ("孩子刚出生还没上户口，用出生证明绑亲情账户要填什么", "family-account/bind-by-birth-certificate"),
])
def test_our_subject_asked_beside_such_a_word_is_answered(index, question, entry_id):
    result = index.search(question)
    assert result.outcome == "answered" and result.entry.id == entry_id


def test_retirees_asking_whether_they_keep_paying_are_told_it_is_lacking(index):
    result = index.search("女，衢州，职工医保交了18年，退休后还要不要继续交？")
    assert result.outcome == "declined" and result.decline_reason == "not_in_knowledge"


@pytest.mark.parametrize("question", [
    "惠衢保跟水滴筹比起来哪个更划算",  # which is the better deal weighs the neighbour too
    "湘潭移动的亲情号码怎么设置",  # a phone plan's family number, not 亲情账户
    "Does Huiqubao pay for my dog's vet bills?",
    "What's the pension increase for Quzhou retirees this year?",  # (the retirees' account names the pension only as its measure)
    "US pharmacy counter says my copay is $40, is that normal with my plan?",
    "惠衢保急診能不能報…不對，我是問香港醫管局急症室收費多少",
    "What documents does a kindergarten in Xiangtan need for enrolment?",
])
def test_a_neighbour_beside_one_of_ours_is_declined(index, question):
    assert index.search(question).outcome == "declined"


def test_an_old_name_used_all_over_china_asked_with_no_city_asks_which_city(index):
    # 新农合: the one city whose resident premium we have is not said to be the resident's
    assert index.search("新农合今年一个人交多少").outcome == "need_city"
    assert index.search("衢州新农合今年一个人交多少").entry.id == "quzhou/resident/premium"
    assert index.search("城乡居民医保一年交多少钱").entry.id == "quzhou/resident/premium"  # (as before: no old name)
