from bot.telegram.views import split_message


def test_short_text_is_one_part():
    assert split_message("你好") == ["你好"]


def test_long_text_splits_at_lines_under_the_limit():
    text = "\n".join(f"<b>第{i}行</b> " + "医保" * 40 for i in range(200))
    parts = split_message(text, limit=4096)
    assert len(parts) > 1
    assert all(len(part) <= 4096 for part in parts)
    assert "\n".join(parts) == text
    assert all(part.count("<b>") == part.count("</b>") for part in parts)


def test_a_single_huge_line_is_cut():
    parts = split_message("字" * 9000, limit=4096)
    assert [len(part) for part in parts] == [4096, 4096, 808]


def test_leading_empty_lines_are_dropped_as_before():
    assert split_message("\n\n你好\n\n再见") == ["你好\n\n再见"]
    assert split_message("") == [""]
