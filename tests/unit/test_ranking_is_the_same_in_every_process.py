"""A question's confidence must not depend on the process that asks it. Python orders sets of
strings differently in each process (PYTHONHASHSEED); ranking once summed IDF weights and broke
equal scores in that order, so the same question got 0.744 in one run and 0.779 in the next, enough
to cross a threshold. Each process here gets its own hash seed."""
import json
import os
import subprocess
import sys

from tests.conftest import ROOT

# questions whose confidence differed between two runs of the same code
QUESTIONS = [
    "Hengyang family mutual aid, max how many relatives can I bind?",
    "How many relatives can a Hengyang employee bind for family mutual aid at the same time?",
    "Village doctor in Zhaotong on the employee scheme - what do I bring to set up family aid at the service hall?",
    "How many relatives can a Heihe employee bind for family mutual aid? My husband has a very large family and would like to include all of them.",
    "My e-voucher was activated in Blipay years ago and I forgot the password. Where can I reset it?",
    "我51岁，龙游人，在县城开理发店，个体户，自己交居民医保，今年居民医保什么时候交费？",
    "Quzhou medical insurance hotline number pls, the one in the group is wrong. Sent from my iPhone",
    "Quzhou big disease insurance, from how much start to pay, ratio how much?",
    "Black River family mutual aid one person can bind how many relatives?",
    "How much does my mother pay for Quzhou resident medical insurance in 2025?",
    "For kids under 16 the family account still needs a face scan, right?",
    "衢州新生儿怎么参保有时间要求吗？生孩子的生育津贴怎么领",
]


def _answers(seed: int) -> list[tuple]:
    env = dict(os.environ, PYTHONHASHSEED=str(seed))
    proc = subprocess.run([sys.executable, "-m", "bot", "ask", "--json", "-"], input="\n".join(QUESTIONS) + "\n",
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=300, check=True)
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    return [(row["question"], row["entry_id"], row["confidence"]) for row in rows]


def test_confidences_do_not_depend_on_the_hash_seed():
    first = _answers(1)
    assert len(first) == len(QUESTIONS)
    for seed in (2, 3, 4):
        assert _answers(seed) == first, f"hash seed {seed} ranks differently from seed 1"
