"""Rhetorical and leading questions (难道…？, a figure put forward to be checked) and look-alike strokes (剐脸, 冐名)."""
import pytest


@pytest.mark.parametrize(("question", "entry_id"), [
    ("衢州大病保险，难道自己花了一万就能进大病？", "quzhou/resident/critical-illness"),  # 一万 is checked, not lacking
    ("乡镇卫生院住院花了一万，居民医保报销比例多少", "quzhou/resident/base-level-bonus"),
    ("亲情账户绑小孩难道要剐脸认证？", "family-account/under-16"),  # 剐 is written like 刷
    ("2026年拿家里人的医保卡去看病算冐名就医吗，会怎么处罚", "family-aid/national/impersonation"),  # 冐名 is no 茂名
])
def test_a_leading_question_gets_the_fact(index, question, entry_id):
    result = index.search(question)
    assert result.outcome == "answered" and result.entry.id == entry_id
