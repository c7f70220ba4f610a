"""Jinja2 rendering with gettext: one environment per locale, templates in `templates/`.

Locales: "zh" (simplified, the default and the msgid language), "zh_Hant", "en".
Templates mark every user-facing string with `_()`; `html=True` environments escape values.
"""
from __future__ import annotations

import re
from functools import cached_property, lru_cache
from pathlib import Path

from babel.support import NullTranslations, Translations
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from bot.views.compiled import compiled_catalogues

LOCALES = ("zh", "zh_Hant", "en")
DEFAULT_LOCALE = "zh"
TEMPLATES = Path(__file__).parent / "templates"
DOMAIN = "messages"
FORMAT_TAGS = re.compile(r"</?(?:b|i)>")


@lru_cache(maxsize=256)  # a pure function of the code, asked on most updates (Telegram sends a few dozen codes)
def normalize_locale(code: str | None) -> str:
    """Map what Telegram or a user says (zh-hans, zh-TW, en-US, zh-Hant…) to one of LOCALES."""
    if not code:
        return DEFAULT_LOCALE
    code = code.replace("-", "_").lower()
    if code.startswith("zh"):
        return "zh_Hant" if any(tag in code for tag in ("hant", "_tw", "_hk", "_mo")) else "zh"
    if code.startswith("en"):
        return "en"
    return DEFAULT_LOCALE


class Renderer:
    def __init__(self, locales_dir: Path):
        self.locales_dir = compiled_catalogues(locales_dir)  # missing or stale .mo files compiled now
        self._environments: dict[tuple[str, bool], Environment] = {}

    def translations(self, locale: str) -> NullTranslations:
        if locale == DEFAULT_LOCALE:
            return NullTranslations()
        return Translations.load(str(self.locales_dir), [locale], DOMAIN)

    @cached_property
    def _catalogues(self) -> dict[str, NullTranslations]:
        return {locale: self.translations(locale) for locale in LOCALES}

    def gettext(self, locale: str, message: str, **values) -> str:
        text = self._catalogues[locale].gettext(message)
        return text.format(**values) if values else text

    def environment(self, locale: str, html: bool) -> Environment:
        key = (locale, html)
        if key not in self._environments:
            environment = Environment(
                loader=FileSystemLoader(TEMPLATES),
                autoescape=html,
                undefined=StrictUndefined,
                trim_blocks=True,
                lstrip_blocks=True,
                extensions=["jinja2.ext.i18n"],
                auto_reload=False,  # templates ship with the code: no stat() of the file on every render
            )
            environment.install_gettext_translations(self._catalogues[locale], newstyle=True)
            self._environments[key] = environment
        return self._environments[key]

    def render(self, template: str, locale: str, html: bool = False, **context) -> str:
        text = self.environment(locale, html).get_template(template).render(**context).strip()
        # Templates may use <b> and <i>; plain-text front ends (console, `ask`) drop them.
        return text if html else FORMAT_TAGS.sub("", text)
