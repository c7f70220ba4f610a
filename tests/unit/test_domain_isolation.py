"""Domain code (knowledge, search, reimbursement) must not depend on the Telegram framework."""
import subprocess
import sys

from tests.conftest import ROOT

# every module of the domain and the views (front-end neutral), found by walking their folders
DOMAIN_MODULES = sorted(
    ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    for folder in ("bot/domain", "bot/views") for path in (ROOT / folder).rglob("*.py")
)


def test_domain_imports_no_aiogram():
    code = (
        "import sys, importlib\n"
        f"for name in {DOMAIN_MODULES!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'aiogram' or m.startswith('aiogram.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"domain imported: {result.stdout}"
