from functools import lru_cache

from aiogram.filters.callback_data import CallbackData
from pydantic import ConfigDict


class Act(CallbackData, prefix="a"):
    """Every button of a View: what it does and on what (an entry id, a topic, a city…)."""

    model_config = ConfigDict(frozen=True)  # shared between updates by the cache below

    action: str
    value: str = ""

    @classmethod
    @lru_cache(maxsize=4096)
    def unpack(cls, value: str) -> "Act":
        # Every callback handler's filter unpacks the same data again (a pydantic model each time):
        # a pressed button is parsed once. Refusals (TypeError, ValueError) are raised, not cached.
        return super().unpack(value)
