"""Refresh the gettext catalogues from locales/messages.pot.

Traditional Chinese strings start as OpenCC conversions of the simplified msgids; a translator's
edit is never overwritten. English is translated by hand; untranslated strings fall back to Chinese.
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

LOCALES = ("zh", "zh_Hant", "en")
# Keys in knowledge/rules/*.yaml whose values are shown to residents and translated as msgids.
RULE_MSGID_KEYS = {"label", "plan", "name"}


def rule_msgids(rules_dir: Path) -> set[str]:
    """Button labels and plan names live in the rules YAML, where pybabel cannot see them."""
    found: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in RULE_MSGID_KEYS and isinstance(value, str):
                    found.add(value)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in sorted(rules_dir.glob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


def source_titles(knowledge_dir: Path) -> dict[str, str]:
    """Document titles of sources.yaml -> their English titles: the estimate names the rules' sources."""
    path = knowledge_dir / "sources.yaml"
    if not path.exists():
        return {}
    register = yaml.safe_load(path.read_text(encoding="utf-8")).get("sources") or {}
    return {document["title"]: document.get("title_en", "") for document in register.values()}


def traditional(text: str, overrides: dict[str, str]) -> str:
    for wrong, right in overrides.items():
        text = text.replace(wrong, right)
    return text


def refresh(locales_dir: Path, rules_dir: Path) -> None:
    import opencc

    from bot.domain.questions.text import TRADITIONAL_CONFIG

    to_traditional = opencc.OpenCC(TRADITIONAL_CONFIG)
    # The same fixes the bot applies to knowledge answers (synonyms.yaml traditional_overrides).
    vocabulary = yaml.safe_load((rules_dir.parent / "synonyms.yaml").read_text(encoding="utf-8"))
    overrides = vocabulary.get("traditional_overrides") or {}
    for locale in LOCALES:
        po_path = locales_dir / locale / "LC_MESSAGES" / "messages.po"
        po_path.parent.mkdir(parents=True, exist_ok=True)
        if po_path.exists():
            with po_path.open("rb") as handle:
                catalog = read_po(handle, locale=locale)
        else:
            catalog = Catalog(locale=locale, domain="messages")
        with (locales_dir / "messages.pot").open("rb") as handle:
            template = read_po(handle)  # fresh per locale: update() shares message objects with it
        for msgid in rule_msgids(rules_dir):
            if msgid not in template:
                template.add(msgid, auto_comments=["knowledge/rules"])
        titles = source_titles(rules_dir.parent)
        for msgid in titles:
            if msgid not in template:
                template.add(msgid, auto_comments=["knowledge/sources.yaml"])
        catalog.update(template, no_fuzzy_matching=True)
        for message in catalog:
            if not message.id or message.string:
                continue
            if locale == "zh_Hant":
                message.string = traditional(to_traditional.convert(message.id), overrides)
            elif locale == "en" and titles.get(message.id):
                message.string = titles[message.id]
        with po_path.open("wb") as handle:
            write_po(handle, catalog, omit_header=False, sort_output=True, no_location=True, ignore_obsolete=True)
        missing = sum(1 for message in catalog if message.id and not message.string)
        print(f"{po_path}: {len(catalog)} messages, {missing} untranslated")


if __name__ == "__main__":
    refresh(Path(sys.argv[1] if len(sys.argv) > 1 else "locales"), Path(sys.argv[2] if len(sys.argv) > 2 else "knowledge/rules"))
