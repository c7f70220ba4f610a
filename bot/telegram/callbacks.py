from aiogram.filters.callback_data import CallbackData


class Act(CallbackData, prefix="a"):
    """Every button of a View: what it does and on what (an entry id, a topic, a city…)."""

    action: str
    value: str = ""
