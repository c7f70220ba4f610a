"""A message that corrects itself (算了不问这个, scratch that, 我是问 after a question): what follows is asked."""
import pytest


@pytest.mark.parametrize(("question", "entry_id"), [
    ("用身份证号绑亲情账户要传几样材料，算了先不问这个，10岁的孩子绑的时候要刷脸吗", "family-account/under-16"),
    ("惠衢保一年保費多少…算了不問這個，我媽有既往病史，這樣還能買嗎", "huiqubao/who-can-join"),
])
def test_a_question_dropped_for_another_is_not_answered(index, question, entry_id):
    result = index.search(question)
    assert result.outcome == "answered" and result.entry.id == entry_id


@pytest.mark.parametrize("question", [
    "衡阳慢病报销…算了，衡阳南岳衡山门票多少钱",
    "Quzhou out-of-town registration — scratch that, how do I swap a foreign driving licence for a Chinese one?",
])
def test_a_question_dropped_for_one_off_our_subjects_is_declined(index, question):
    assert index.search(question).outcome == "declined"


def test_i_mean_restates_only_after_a_question(index):
    understanding = index.understanding
    told = index.tools.normalize("衡阳这边说慢病门诊自付降了，我每个月降压药差不多两千块，我是想问这个自付比例现在是几成啊")
    asked = index.tools.normalize("惠衢保急诊能不能报，我是问香港的急诊收费多少")
    assert understanding.last_correction(told) is None
    assert understanding.last_correction(asked) is not None
