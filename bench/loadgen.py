"""Load generator, run in its own process: pushes bounded batches of updates to a running bot and
times until the fake Bot API server has recorded one reply (sendMessage) per update.

    python -m bench.loadgen polling FAKE_URL COUNT ROUNDS
    python -m bench.loadgen webhook FAKE_URL COUNT ROUNDS WEBHOOK_URL SECRET
Prints `RESULT {"rates": [...updates/s per round], ...}`.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import sys
import time

import aiohttp

QUESTION = "惠衢保多少钱"
CONCURRENCY = 64  # webhook: requests in flight at once
REPLY_TIMEOUT = 60.0  # seconds a round may take at most

_users = itertools.count(7_000_000)  # one update per user: flood control (per user) never applies


def update(update_id: int) -> dict:
    user = next(_users)
    return {"update_id": update_id, "message": {
        "message_id": 1, "date": int(time.time()), "text": QUESTION,
        "chat": {"id": user, "type": "private", "first_name": "Bench"},
        "from": {"id": user, "is_bot": False, "first_name": "Bench", "language_code": "zh-hans"}}}


def message_payload(update_: dict) -> dict:
    return {"chat_id": update_["message"]["chat"]["id"], "text": QUESTION}


async def replies(http: aiohttp.ClientSession, fake: str) -> int:
    async with http.get(f"{fake}/_test/calls", params={"method": "sendMessage"}) as response:
        return len((await response.json())["result"])


async def wait_replies(http: aiohttp.ClientSession, fake: str, count: int) -> bool:
    params = {"method": "sendMessage", "count": str(count), "timeout": str(REPLY_TIMEOUT)}
    async with http.get(f"{fake}/_test/calls", params=params, timeout=aiohttp.ClientTimeout(total=REPLY_TIMEOUT + 10)) as response:
        return response.status == 200


async def polling_round(http, fake: str, count: int) -> float:
    updates = [{"message": update(0)["message"]} for _ in range(count)]
    started = time.perf_counter()
    async with http.post(f"{fake}/_test/updates", json=updates) as response:
        response.raise_for_status()
    if not await wait_replies(http, fake, count):
        raise TimeoutError(f"fewer than {count} replies within {REPLY_TIMEOUT}s")
    return time.perf_counter() - started


async def webhook_round(http, fake: str, count: int, url: str, secret: str, ids) -> float:
    queue = [update(next(ids)) for _ in range(count)]
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret}
    failures = []

    async def post_all(items):
        for item in items:
            async with http.post(url, json=item, headers=headers) as response:
                if response.status != 200:
                    failures.append(response.status)
                await response.read()

    started = time.perf_counter()
    await asyncio.gather(*(post_all(queue[i::CONCURRENCY]) for i in range(CONCURRENCY)))
    if failures:
        raise RuntimeError(f"webhook answered {failures[0]} to {len(failures)} of {count} updates")
    if not await wait_replies(http, fake, count):
        raise TimeoutError(f"fewer than {count} replies within {REPLY_TIMEOUT}s")
    return time.perf_counter() - started


async def main(argv: list[str]) -> dict:
    mode, fake, count, rounds = argv[0], argv[1], int(argv[2]), int(argv[3])
    ids = itertools.count(1_000_000)
    rates, seconds = [], []
    connector = aiohttp.TCPConnector(limit=CONCURRENCY + 4)
    async with aiohttp.ClientSession(connector=connector) as http:
        for number in range(rounds + 1):  # round 0 warms the bot up (first-use costs), not reported
            n = max(count // 10, 20) if number == 0 else count
            async with http.post(f"{fake}/_test/reset") as response:
                response.raise_for_status()
            if mode == "polling":
                elapsed = await polling_round(http, fake, n)
            else:
                elapsed = await webhook_round(http, fake, n, argv[4], argv[5], ids)
            if number:
                seconds.append(elapsed)
                rates.append(n / elapsed)
    return {"rates": rates, "seconds": seconds, "count": count}


if __name__ == "__main__":
    print("RESULT " + json.dumps(asyncio.run(main(sys.argv[1:]))), flush=True)
