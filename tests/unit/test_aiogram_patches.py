"""The start-up optimisations in bot/telegram/__init__.py are active on the pinned versions."""
import subprocess
import sys

from tests.conftest import ROOT


def test_patches_apply_and_types_still_work():
    code = (
        "import logging, resource\n"
        "logging.basicConfig(level=logging.WARNING)\n"
        "import bot.telegram\n"
        "from aiogram.methods.base import Response\n"
        "from aiogram.types import Message, Update\n"
        "assert Response._yibao_kept is not None, 'Response models are not kept'\n"
        "assert not Update.__pydantic_complete__, 'aiogram types were built eagerly'\n"
        "update = Update.model_validate({'update_id': 1, 'message': {'message_id': 1, 'date': 0,"
        " 'chat': {'id': 1, 'type': 'private'}, 'text': 'hi'}})\n"
        "assert update.message.text == 'hi'\n"
        "assert Response[Message] is Response[Message]\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
    assert "skipped" not in result.stderr, result.stderr
