"""FSM storage keys without Telegram ids: the dialogue-state file alone names nobody either."""
from __future__ import annotations

import hashlib
import hmac
from typing import Literal

from aiogram.fsm.storage.base import DefaultKeyBuilder, StorageKey


class KeyedKeyBuilder(DefaultKeyBuilder):
    """aiogram's key (bot, chat, user, thread, destiny) hashed with the user-hash secret: state is
    only ever looked up by key, never listed back to ids, so a keyed hash serves as well."""

    def __init__(self, secret: bytes, **options) -> None:
        super().__init__(**options)
        self._secret = secret

    def build(self, key: StorageKey, part: Literal["data", "state", "lock"] | None = None) -> str:
        plain = super().build(key)
        digest = hmac.new(self._secret, plain.encode(), hashlib.sha256).hexdigest()[:32]
        return self.separator.join(item for item in (self.prefix, digest, part) if item)
