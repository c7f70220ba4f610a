"""Each folder of bot/ is one layer, and imports point down only (README: How the code is laid out)."""
import ast
from pathlib import Path

from tests.conftest import ROOT

# layer -> the other layers it may import
ALLOWED = {
    "domain": set(),
    "views": {"domain"},
    "storage": {"domain"},
    "telegram": {"config", "domain", "storage", "views"},
    "testing": {"config", "domain", "storage", "telegram", "views"},
    "tools": {"domain"},
    "cli": {"config", "domain", "storage", "telegram", "testing", "views"},
}
# The dialogue state storage implements aiogram's storage interface: it needs aiogram's types,
# which bot.telegram loads (see bot/telegram/__init__.py).
EXCEPTIONS = {("bot/storage/fsm.py", "telegram")}


def _imported_layers(path: Path) -> set[str]:
    layers = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [node.module] if isinstance(node, ast.ImportFrom) and node.module else \
            [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
        layers.update(name.split(".")[1] for name in names if name.startswith("bot.") and name.count(".") >= 1)
    return layers


def test_every_module_sits_in_a_layer_folder():
    loose = sorted(p.name for p in (ROOT / "bot").glob("*.py") if p.name not in {"__init__.py", "__main__.py", "config.py"})
    assert not loose, f"modules outside a layer folder: {loose}"


def test_imports_point_down_only():
    wrong = []
    for layer, allowed in ALLOWED.items():
        for path in sorted((ROOT / "bot" / layer).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            for target in _imported_layers(path) - allowed - {layer}:
                if (relative, target) not in EXCEPTIONS:
                    wrong.append(f"{relative} imports bot.{target}")
    assert not wrong, "\n".join(wrong)
