"""Logging set-up: the bot token and residents' personal data never reach a log line."""
from __future__ import annotations

import logging

from bot.config import Settings
from bot.domain.privacy import mask_personal_data


class RedactSecrets(logging.Filter):
    def __init__(self, secrets: list[str]):
        super().__init__()
        self.secrets = [secret for secret in secrets if secret]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if any(secret in message for secret in self.secrets):
            for secret in self.secrets:
                message = message.replace(secret, "<redacted>")
            record.msg, record.args = message, None
        if record.exc_info and record.exc_info[1] is not None:
            text = str(record.exc_info[1])
            if any(secret in text for secret in self.secrets):
                record.exc_info = None
                record.exc_text = None
                record.msg = f"{record.msg} (exception hidden: it contained a secret)"
        return True


class MaskPersonalData(logging.Filter):
    """Masks ID, card and phone numbers and names in every record a handler writes: the message with
    its arguments, an exception's traceback and a stack. Our own lines never carry message text
    (user hashes only); this is the safety net for libraries and for tracebacks that quote input."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: leave it to logging's own error report
            return True
        masked = mask_personal_data(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_personal_data(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_personal_data(record.stack_info)
        return True


def setup_logging(settings: Settings) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    secrets = [settings.bot_token.get_secret_value() if settings.bot_token else "", settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""]
    handler.addFilter(RedactSecrets(secrets))
    handler.addFilter(MaskPersonalData())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level.upper())
