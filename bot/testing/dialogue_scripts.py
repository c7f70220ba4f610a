"""Scripted conversations in YAML (see tests/dialogues/README.md), run against the real dispatcher."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from bot.domain.knowledge.yamlsource import Problem, YamlError, pydantic_problems, read_yaml
from bot.testing.client import DialogueClient, Reply


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


STEP_LOCATION = re.compile(r"^steps\.(\d+)(\.|:)")
# Scripts that expose a known, reported bug wait in a `pending/` folder: running a folder skips
# them (pytest reports them as skipped); name the file or the pending folder itself to run them.
PENDING = "pending"


def _step_numbers(problem: Problem) -> Problem:
    """pydantic says `steps.2.expect`; people count steps from 1, as the runner's failures do."""
    message = STEP_LOCATION.sub(lambda found: f"step {int(found.group(1)) + 1}{found.group(2)}", problem.message)
    message = message.replace("Value error, ", "")
    return Problem(problem.file, problem.line, message)


def load_script(path: Path) -> Script:
    try:
        document = read_yaml(path)
    except YamlError as error:
        raise MalformedScript([error.problem]) from None
    except OSError as error:
        raise MalformedScript([Problem(str(path), 1, f"cannot read the file: {error.strerror or error}")]) from None
    try:
        return Script.model_validate(document.data)
    except ValidationError as error:
        raise MalformedScript([_step_numbers(problem) for problem in pydantic_problems(document, error, str(path))]) from None


def find_scripts(paths: list[Path]) -> list[Path]:
    """The scripts named, and the *.yaml/*.yml under the folders named (but not under their pending/ folders)."""
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        scripts = [item for pattern in ("*.yaml", "*.yml") for item in path.rglob(pattern)]
        found.extend(sorted(item for item in scripts if PENDING not in item.relative_to(path).parts[:-1]))
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
    """Run one script; never raises for a bad script or a misbehaving bot: the Outcome says what went wrong."""
    try:
        script = load_script(path)
    except MalformedScript as error:
        return Outcome(path.stem, str(path), False, "\n".join(["malformed script:"] + [f"  {problem}" for problem in error.problems]))
    user = script.user.model_dump()
    try:
        async with client_factory(user_id=user.pop("id"), **user) as chat:
            for number, step in enumerate(script.steps, 1):
                failure = await _run_step(chat, number, step)
                if failure:
                    return Outcome(script.name, str(path), False, failure)
    except Exception as error:  # the harness itself (or the bot outside any handler) broke
        return Outcome(script.name, str(path), False, f"the run stopped: {type(error).__name__}: {error}")
    return Outcome(script.name, str(path), True)


def _describe(step: Step) -> str:
    if step.send is not None:
        return f"send {step.send if len(step.send) <= 60 else step.send[:60] + '…'!r}"
    if step.press is not None:
        return f"press {step.press!r}"
    return "sticker" if step.send_sticker else "photo"


async def _run_step(chat, number: int, step: Step) -> str | None:
    """What failed at this step, as the runner reports it, or None."""
    errors_before = len(chat.errors)
    refused_before = len(chat.session.refused)
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
        return f"step {number} ({_describe(step)}): {error}"
    failures = [f"the bot raised {type(error).__name__}: {error}" for error in chat.errors[errors_before:]]
    failures += [f"Telegram would refuse a message: {problem}" for _, problem in chat.session.refused[refused_before:]]
    failures += check(step.expect, replies)
    if not failures:
        return None
    reply_text = "\n".join(reply.text for reply in replies) or "(nothing)"
    offered = [label for reply in replies for label in reply.labels]
    return "\n".join(
        [f"step {number} ({_describe(step)}):"]
        + [f"  {failure}" for failure in failures]
        + ["  actual reply:"]
        + [f"    {line}" for line in reply_text.splitlines()]
        + [f"  buttons: {offered}"]
    )
