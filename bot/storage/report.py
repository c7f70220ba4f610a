"""What staff want to know from the bot's memory: what it could not answer, what residents disliked,
what is asked most. Reads one or several SQLite files (one per replica) and merges them.

Used by `python -m bot report` and by the admin commands /stats and /unanswered.
Question texts are stored masked (see bot.storage.database); nothing here unmasks anything.
"""
from __future__ import annotations

import csv
import re
import sqlite3
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import sqlite_utils

UNANSWERED = ("declined", "suggested")
SIMILARITY = 0.5  # Jaccard of character bigrams above which two questions count as the same one
_PUNCTUATION = re.compile(r"[\W_]+", re.UNICODE)
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_MASK = re.compile(r"\[[^\]]{1,6}\]")  # [身份证号], [手机号]…: placeholders, not wording


def open_readonly(path: Path | str) -> sqlite_utils.Database:
    """A replica's file, opened read-only: a report never migrates, locks or creates a database."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no such database: {path}")
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    return sqlite_utils.Database(connection)


# ---- grouping similar questions ------------------------------------------------------------------

def normalize_question(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = _MASK.sub(" ", text)
    return _PUNCTUATION.sub(" ", text).strip()


def shingles(text: str) -> frozenset[str]:
    """Character bigrams of the CJK runs plus whole ASCII words; a one-character question is its character."""
    normalized = normalize_question(text)
    words = set(_ASCII_WORD.findall(normalized))
    grams: set[str] = set()
    for run in _ASCII_WORD.sub(" ", normalized).split():
        if len(run) == 1:
            grams.add(run)
        grams.update(run[index:index + 2] for index in range(len(run) - 1))
    return frozenset(words | grams)


def jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    if not left and not right:
        return 1.0
    return len(left & right) / len(left | right)


@dataclass
class Cluster:
    """Questions worded alike: how often, which outcomes, the most frequent wording as the example."""

    example: str
    count: int = 0
    outcomes: Counter = field(default_factory=Counter)
    wordings: Counter = field(default_factory=Counter)
    last_asked: str = ""

    @property
    def variants(self) -> int:
        return len(self.wordings)


def group_questions(rows: Iterable[dict], threshold: float = SIMILARITY) -> list[Cluster]:
    """Greedy clustering of the normalised wordings, the most frequent first: each joins the group
    holding the most similar wording already seen (character-bigram Jaccard ≥ threshold), else starts
    its own. An index from bigram to groups keeps this fast on large files.
    Rows need `text`, `outcome`, `asked_at`."""
    by_text: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        text = (row.get("text") or "").strip()
        if text:
            by_text[normalize_question(text) or text].append(row)
    order = sorted(by_text.items(), key=lambda item: (-len(item[1]), item[0]))
    clusters: list[Cluster] = []
    members: list[list[frozenset[str]]] = []
    by_gram: dict[str, set[int]] = defaultdict(set)
    for key, rows_of_key in order:
        signature = shingles(key)
        candidates = set().union(*(by_gram[gram] for gram in signature)) if signature else set()
        best, best_score = None, threshold
        for index in sorted(candidates):
            score = max(jaccard(signature, other) for other in members[index])
            if score >= best_score and (best is None or score > best_score):
                best, best_score = index, score
        if best is None:
            wording = Counter(row["text"].strip() for row in rows_of_key).most_common(1)[0][0]
            clusters.append(Cluster(example=wording))
            members.append([])
            best = len(clusters) - 1
        members[best].append(signature)
        for gram in signature:
            by_gram[gram].add(best)
        home = clusters[best]
        for row in rows_of_key:
            home.count += 1
            home.outcomes[row.get("outcome") or "?"] += 1
            home.wordings[row["text"].strip()] += 1
            home.last_asked = max(home.last_asked, row.get("asked_at") or "")
    for cluster in clusters:  # the example: the group's most frequent wording
        cluster.example = cluster.wordings.most_common(1)[0][0]
    clusters.sort(key=lambda cluster: (-cluster.count, -cluster.variants, cluster.example))
    return clusters


# ---- the report ----------------------------------------------------------------------------------

@dataclass
class EntryCount:
    entry_id: str
    asked: int = 0   # free-text questions answered with this entry
    opened: int = 0  # opened from a button (suggestion, related question, FAQ list)

    @property
    def total(self) -> int:
        return self.asked + self.opened


@dataclass
class EntryVotes:
    entry_id: str
    up: int = 0
    down: int = 0


@dataclass
class Report:
    sources: list[str]
    since: str | None
    users: int
    questions: int
    outcomes: Counter
    votes_up: int
    votes_down: int
    unanswered: list[Cluster]
    top_entries: list[EntryCount]
    votes: list[EntryVotes]

    def share(self, outcome: str) -> float:
        return self.outcomes.get(outcome, 0) / self.questions if self.questions else 0.0

    @property
    def most_disliked(self) -> list[EntryVotes]:
        return sorted((item for item in self.votes if item.down), key=lambda item: (-item.down, item.up, item.entry_id))

    @property
    def most_liked(self) -> list[EntryVotes]:
        return sorted((item for item in self.votes if item.up), key=lambda item: (-item.up, item.down, item.entry_id))


def _rows(db: sqlite_utils.Database, table: str, columns: str, time_column: str, since: str | None,
          where: str = "", params: Sequence = (), limit: int | None = None) -> list[dict]:
    if table not in db.table_names():
        return []  # an older file, from before the table existed
    clauses, values = ([where] if where else []), list(params)
    if since:
        clauses.append(f"{time_column} >= ?")
        values.append(since)
    sql = f"SELECT {columns} FROM {table}" + (f" WHERE {' AND '.join(clauses)}" if clauses else "")
    sql += f" ORDER BY {time_column} DESC" + (f" LIMIT {int(limit)}" if limit else "")
    cursor = db.execute(sql, values)
    names = [description[0] for description in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def build_report(databases: Sequence[sqlite_utils.Database], since: str | None = None, *,
                 sources: Sequence[str] = (), recent: int | None = None, top: int = 10) -> Report:
    """Merge every database's rows. `since` is an ISO date (inclusive); `recent` keeps only the
    newest N unanswered questions per database (the admin command's window)."""
    user_ids: set = set()
    outcomes: Counter = Counter()
    unanswered_rows: list[dict] = []
    entries: dict[str, EntryCount] = {}
    votes: dict[str, EntryVotes] = {}
    placeholders = ", ".join("?" for _ in UNANSWERED)
    for db in databases:
        for row in _rows(db, "users", "*", "last_seen", since):
            user_ids.add(row.get("user_hash") or row.get("id"))  # schema 3 names users by hash, 1-2 by id
        for row in _rows(db, "questions", "outcome, entry_id", "asked_at", since):
            outcomes[row["outcome"] or "?"] += 1
            if row["outcome"] == "answered" and row["entry_id"]:
                entries.setdefault(row["entry_id"], EntryCount(row["entry_id"])).asked += 1
        # What the resident typed (masked); files from before schema 3 have the normalised text only.
        text = "COALESCE(typed, text) AS text" if "typed" in db["questions"].columns_dict else "text"
        unanswered_rows += _rows(db, "questions", f"{text}, outcome, asked_at", "asked_at", since,
                                 f"outcome IN ({placeholders})", UNANSWERED, limit=recent)
        for row in _rows(db, "suggestion_picks", "entry_id", "picked_at", since):
            if row["entry_id"]:
                entries.setdefault(row["entry_id"], EntryCount(row["entry_id"])).opened += 1
        for row in _rows(db, "feedback", "entry_id, vote", "given_at", since):
            item = votes.setdefault(row["entry_id"] or "?", EntryVotes(row["entry_id"] or "?"))
            if (row["vote"] or 0) > 0:
                item.up += 1
            elif (row["vote"] or 0) < 0:
                item.down += 1
    ranked = sorted(entries.values(), key=lambda item: (-item.total, -item.asked, item.entry_id))[:top]
    return Report(
        sources=list(sources),
        since=since,
        users=len(user_ids),
        questions=sum(outcomes.values()),
        outcomes=outcomes,
        votes_up=sum(item.up for item in votes.values()),
        votes_down=sum(item.down for item in votes.values()),
        unanswered=group_questions(unanswered_rows),
        top_entries=ranked,
        votes=list(votes.values()),
    )


def report_from_files(paths: Sequence[Path | str], since: str | None = None, **options) -> Report:
    databases = [open_readonly(path) for path in paths]
    try:
        return build_report(databases, since, sources=[str(path) for path in paths], **options)
    finally:
        for db in databases:
            db.close()


# ---- output --------------------------------------------------------------------------------------

def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def clip(text: str, width: int) -> str:
    if display_width(text) <= width:
        return text
    out, used = "", 0
    for char in text:
        size = 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if used + size > width - 1:
            break
        out, used = out + char, used + size
    return out + "…"


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], numeric: Sequence[int] = ()) -> str:
    """A plain-text table that lines up with Chinese (double-width) characters."""
    cells = [[str(value) for value in headers]] + [[str(value) for value in row] for row in rows]
    widths = [max(display_width(row[column]) for row in cells) for column in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        parts = []
        for column, value in enumerate(row):
            pad = " " * (widths[column] - display_width(value))
            parts.append(pad + value if column in numeric else value + pad)
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(cells[0]), rule, *(line(row) for row in cells[1:])])


def outcome_summary(outcomes: Counter) -> str:
    return ", ".join(f"{name} {count}" for name, count in sorted(outcomes.items(), key=lambda item: (-item[1], item[0])))


def render_text(report: Report, limit: int = 20) -> str:
    total = report.questions
    percent = lambda outcome: f"{report.share(outcome) * 100:.1f}%"  # noqa: E731
    lines = [
        f"Report for {', '.join(report.sources) or '-'}" + (f" since {report.since}" if report.since else ""),
        f"Users: {report.users}   Questions: {total}   answered {percent('answered')}, suggested {percent('suggested')}, declined {percent('declined')}",
        f"Feedback: 👍 {report.votes_up}   👎 {report.votes_down}",
        "",
        f"Questions the bot declined or was unsure about ({sum(cluster.count for cluster in report.unanswered)} in {len(report.unanswered)} groups)",
    ]
    if report.unanswered:
        rows = [(cluster.count, cluster.variants, outcome_summary(cluster.outcomes), clip(cluster.example, 60)) for cluster in report.unanswered[:limit]]
        lines.append(table(("count", "wordings", "outcomes", "example"), rows, numeric=(0, 1)))
    else:
        lines.append("(none)")
    lines += ["", "Answers with the most 👎"]
    disliked = report.most_disliked[:limit]
    lines.append(table(("entry", "👎", "👍"), [(item.entry_id, item.down, item.up) for item in disliked], numeric=(1, 2)) if disliked else "(none)")
    lines += ["", "Answers with the most 👍"]
    liked = report.most_liked[:limit]
    lines.append(table(("entry", "👍", "👎"), [(item.entry_id, item.up, item.down) for item in liked], numeric=(1, 2)) if liked else "(none)")
    lines += ["", "Most asked entries"]
    top = report.top_entries[:limit]
    lines.append(table(("entry", "total", "asked", "opened"), [(item.entry_id, item.total, item.asked, item.opened) for item in top], numeric=(1, 2, 3)) if top else "(none)")
    return "\n".join(lines)


def write_csv(report: Report, path: Path | str) -> None:
    """The grouped unanswered questions, for a spreadsheet (UTF-8 with BOM so Excel shows Chinese)."""
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(["count", "declined", "suggested", "wordings", "example", "last_asked", "other_wordings"])
        for cluster in report.unanswered:
            others = [text for text, _ in cluster.wordings.most_common() if text != cluster.example]
            writer.writerow([cluster.count, cluster.outcomes.get("declined", 0), cluster.outcomes.get("suggested", 0),
                             cluster.variants, cluster.example, cluster.last_asked, " | ".join(others[:10])])
