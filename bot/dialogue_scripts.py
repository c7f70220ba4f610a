"""Scripted conversations in YAML (see tests/dialogues/README.md), run against the real dispatcher."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from bot.domain.yamlsource import Problem, YamlError, pydantic_problems, read_yaml
from bot.testing import DialogueClient, Reply


class Expect(BaseModel):
    model_config = ConfigDict(extra="forbid")
    contains: list[str] = Field(default_factory=list)
    contains_any: list[str] = Field(default_factory=list)
    not_contains: list[str] = Field(default_factory=list)
    matches: list[str] = Field(default_factory=list)
    buttons: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _regexes_compile(self) -> "Expect":
        for pattern in self.matches:
            try:
                re.compile(pattern)
            except re.error as error:
                raise ValueError(f"matches: bad regular expression {pattern!r}: {error}") from None
        return self


class Step(BaseModel):
    model_config = ConfigDict(extra="forbid")
    send: str | None = None
    press: str | None = None
    send_sticker: bool = False
    send_photo: bool = False
    expect: Expect | None = None

    @model_validator(mode="after")
    def _one_action(self) -> "Step":
        actions = [self.send is not None, self.press is not None, self.send_sticker, self.send_photo]
        if sum(actions) != 1:
            raise ValueError("a step needs exactly one of send, press, send_sticker, send_photo")
        return self


class ScriptUser(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: int | None = None
    first_name: str = "测试用户"
    language_code: str | None = "zh-hans"


class Script(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    user: ScriptUser = Field(default_factory=ScriptUser)
    steps: list[Step] = Field(min_length=1)


@dataclass
class Outcome:
    name: str
    path: str
    passed: bool
    detail: str = ""


class MalformedScript(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


def load_script(path: Path) -> Script:
    try:
        document = read_yaml(path)
    except YamlError as error:
        raise MalformedScript([error.problem]) from None
    try:
        return Script.model_validate(document.data)
    except ValidationError as error:
        raise MalformedScript(pydantic_problems(document, error, str(path))) from None


def find_scripts(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        found.extend(sorted(path.rglob("*.yaml")) if path.is_dir() else [path])
    return found


def check(expect: Expect | None, replies: list[Reply]) -> list[str]:
    """What failed, as sentences; empty when the replies meet the expectation."""
    if not replies:
        return ["the bot sent nothing"]
    if expect is None:
        return []
    text = "\n".join(reply.text for reply in replies)
    labels = [label for reply in replies for label in reply.labels]
    failures = [f"expected the reply to contain {item!r}" for item in expect.contains if item not in text]
    if expect.contains_any and not any(item in text for item in expect.contains_any):
        failures.append(f"expected the reply to contain one of {expect.contains_any!r}")
    failures += [f"expected the reply NOT to contain {item!r}" for item in expect.not_contains if item in text]
    failures += [f"expected the reply to match /{pattern}/" for pattern in expect.matches if not re.search(pattern, text)]
    failures += [f"expected a button {label!r}" for label in expect.buttons if not any(label in offered for offered in labels)]
    return failures


async def run_script(path: Path, client_factory=DialogueClient) -> Outcome:
    try:
        script = load_script(path)
    except MalformedScript as error:
        return Outcome(path.stem, str(path), False, f"malformed script:\n  {error}".replace("\n", "\n  "))
    async with client_factory(**script.user.model_dump()) as chat:
        for number, step in enumerate(script.steps, 1):
            try:
                if step.send is not None:
                    replies = await chat.send(step.send)
                elif step.press is not None:
                    replies = await chat.press(step.press)
                elif step.send_sticker:
                    replies = await chat.send_sticker()
                else:
                    replies = await chat.send_photo()
            except LookupError as error:
                return Outcome(script.name, str(path), False, f"step {number} (press {step.press!r}): {error}")
            failures = check(step.expect, replies)
            if failures:
                action = step.send or step.press or ("sticker" if step.send_sticker else "photo")
                reply_text = "\n".join(reply.text for reply in replies) or "(nothing)"
                offered = [label for reply in replies for label in reply.labels]
                detail = "\n".join(
                    [f"step {number} ({action!r}):"]
                    + [f"  {failure}" for failure in failures]
                    + ["  actual reply:"]
                    + [f"    {line}" for line in reply_text.splitlines()]
                    + [f"  buttons: {offered}"]
                )
                return Outcome(script.name, str(path), False, detail)
    return Outcome(script.name, str(path), True)
