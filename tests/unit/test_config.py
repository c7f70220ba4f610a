import pytest

from bot.config import Settings


@pytest.mark.parametrize(
    "value, expected",
    [("123,456", [123, 456]), ("[123, 456]", [123, 456]), (" 123 , 456 ", [123, 456]), ("123", [123]), ("[]", []), ("", [])],
)
def test_admin_ids_from_the_environment(monkeypatch, value, expected):
    monkeypatch.setenv("ADMIN_IDS", value)
    assert Settings(_env_file=None).admin_ids == expected


def test_admin_ids_default_to_nobody(monkeypatch):
    monkeypatch.delenv("ADMIN_IDS", raising=False)
    assert Settings(_env_file=None).admin_ids == []


def test_admin_ids_in_code_and_garbage(monkeypatch):
    assert Settings(_env_file=None, admin_ids=[7, 8]).admin_ids == [7, 8]
    monkeypatch.setenv("ADMIN_IDS", "12,abc")
    with pytest.raises(ValueError):
        Settings(_env_file=None)
