"""Settings, read once at start from the environment and `.env`."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def knowledge_dir_default() -> Path:
    return PROJECT_ROOT / "knowledge"


class Settings(BaseSettings):
    # An empty value (BOT_TOKEN= as .env.example has it) means "not set", not an empty token.
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True)

    bot_token: SecretStr | None = Field(default=None, description="Telegram bot token; absent -> console mode")
    bot_api_base_url: str | None = Field(default=None, description="another Bot API server, e.g. http://127.0.0.1:8081")
    bot_api_timeout: float = Field(default=60.0, description="seconds to wait for a Bot API reply; a send that times out is not repeated")
    knowledge_dir: Path = Field(default_factory=knowledge_dir_default)
    locales_dir: Path = PROJECT_ROOT / "locales"
    database_path: Path = PROJECT_ROOT / "data" / "bot.sqlite3"
    # NoDecode: the environment gives a string, parsed by `_admin_ids` (`123,456` or `[123, 456]`).
    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list, description="Telegram user ids allowed to use /reload, /stats, /unanswered")
    redis_url: str | None = None
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_host: str = "0.0.0.0"
    webhook_port: int = 8080
    webhook_path: str = "/telegram/webhook"
    throttle_rate: float = Field(default=1.0, description="messages (and button presses) per second one user may keep sending; 0 turns flood control off")
    throttle_burst: int = Field(default=5, description="how many messages one user may send at once before the rate applies")
    log_level: str = "INFO"
    # Key of the hash that names users in the database and logs; unset: a random key kept in the data directory.
    user_hash_secret: SecretStr | None = Field(default=None, description="secret key for user hashes (set the same on every replica)")

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _admin_ids(cls, value: Any) -> Any:
        """ADMIN_IDS=123,456 or ADMIN_IDS=[123, 456] (spaces allowed); an empty value means no admins."""
        if isinstance(value, int):
            return [value]
        if not isinstance(value, str):
            return value
        text = value.strip()
        if not text:
            return []
        if text.startswith("["):
            return json.loads(text)
        return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
