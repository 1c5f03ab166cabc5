"""The record of a run: its summary, its `runs` row, and the markdown artifact Prefect shows."""

import json
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from prefect.artifacts import create_markdown_artifact

from flows import runtime
from warehouse import writer

PACKAGES = ("newsetl", "prefect", "trafilatura", "spacy", "pyarrow", "duckdb", "py3langid", "httpx", "feedparser")


class Stages:
    """Which stage a run is in, and the wall-clock seconds spent in each: `stages("fetch")` enters one."""

    def __init__(self, first: str) -> None:
        self.current = first
        self.seconds: Counter = Counter()
        self._since = time.perf_counter()

    def __call__(self, name: str) -> None:
        now = time.perf_counter()
        self.seconds[self.current] += now - self._since
        self.current, self._since = name, now

    def totals(self) -> dict[str, float]:
        self(self.current)  # count the time in the stage the run is in
        return {k: round(v, 3) for k, v in self.seconds.items()}


class TopEntities:
    """The entities named by the most new articles of a run. Past `keep` distinct names the rarest are
    dropped, so a long run holds a bounded table (and the top of a huge run is approximate)."""

    def __init__(self, keep: int = 20_000) -> None:
        self.keep = keep
        self.articles: Counter = Counter()

    def add(self, mentions: list[dict]) -> None:
        named = {(m["article_id"], m["canonical"], m["label"]) for m in mentions if m["version"] == 1}
        self.articles.update((name, label) for _, name, label in named)
        if len(self.articles) > 2 * self.keep:
            self.articles = Counter(dict(self.articles.most_common(self.keep)))

    def top(self, n: int = 10) -> list[tuple[str, str, int]]:
        return [(name, label, count) for (name, label), count in self.articles.most_common(n)]


@dataclass
class RunSummary:
    run_id: str
    flow: str
    warehouse: str
    status: str
    counts: dict[str, int]
    failures_by_reason: dict[str, int]
    seconds: float
    error: str | None = None
    failed_stage: str | None = None
    stage_seconds: dict[str, float] = field(default_factory=dict)
    source_pages: dict[str, int] = field(default_factory=dict)
    top_entities: list[tuple[str, str, int]] = field(default_factory=list)  # (name, label, new articles)

    def as_dict(self) -> dict:
        return self.__dict__.copy()


# This process's run in progress, and once a signal stopped it, its summary: the CLI that called the flow says
# what was kept in one line (the flow's Prefect state is Cancelled, and carries no result).
_this_run: dict = {}


@dataclass
class Ending:
    """How a run ended: completed; failed (an error, logged with its traceback); or cancelled by a signal (Ctrl-C,
    SIGTERM), where what was committed stays and the batch in progress was not written."""

    status: str = "completed"
    error: str | None = None
    interrupted: BaseException | None = None  # the signal's exception, raised again for a supervisor

    def ended_by(self, exc: BaseException, stage: str, log) -> bool:
        """Record the exception that ended the run in `stage`: True for a signal (also an error raised from one,
        as DuckDB's `Query interrupted`), False for an error; anything else (SystemExit, GeneratorExit) is
        raised again."""
        if (how := runtime.interrupted_by(exc)) is not None:
            self.status, self.error, self.interrupted = "cancelled", f"{stage}: interrupted by {how}", exc
            log.warning("run cancelled in %s (%s)", stage, how)
            return True
        if not isinstance(exc, Exception):
            raise exc
        self.status, self.error = "failed", f"{stage}: {type(exc).__name__}: {exc}"
        log.error("run failed in %s\n%s", stage, traceback.format_exc())
        return False

    def result(self, summary: "RunSummary"):
        """What the flow returns: its summary; Cancelled for a signal (raised again when a runner cancels it, so
        that Prefect's engine ends it); a failure raises."""
        if self.interrupted is not None:
            if runtime.supervisor_intent():  # a runner (serve, a worker) cancelling it
                raise self.interrupted
            return cancelled(summary, runtime.signal_number(self.interrupted))
        if self.error:
            raise RuntimeError(self.error)
        return summary.as_dict()


def started(run_id: str) -> None:
    _this_run.clear()
    _this_run["run_id"] = run_id


def started_run() -> str | None:
    return _this_run.get("run_id")


def cancelled(summary: RunSummary, signum: int):
    """The final Prefect state of a run a signal stopped (Cancelled), its summary kept for the caller."""
    import signal

    from prefect.states import Cancelled

    _this_run.update(summary=summary.as_dict(), signal=signum)
    how = "Ctrl-C" if signum == signal.SIGINT else signal.Signals(signum).name
    return Cancelled(
        message=f"cancelled by {how} in stage {summary.failed_stage}; batches committed before it: "
        f"{summary.counts.get('batches', 0)}, kept; the batch in progress was not written"
    )


def cancelled_summary() -> dict | None:
    return _this_run.get("summary")


def cancelled_signal() -> int | None:
    return _this_run.get("signal")


def versions() -> dict[str, str]:
    out = {}
    for name in PACKAGES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "?"
    return out


def markdown(summary: RunSummary) -> str:
    c = summary.counts
    lines = [
        f"# newsetl {summary.flow} run `{summary.run_id}`",
        "",
        f"Status: **{summary.status}**, {summary.seconds:.1f} s",
    ]
    if summary.error:
        lines += ["", f"Failed in stage **{summary.failed_stage}**: `{summary.error}`"]
    lines += [
        "",
        f"Pages read: **{c.get('pages_read', 0)}** · articles new **{c.get('articles_new', 0)}**, updated "
        f"**{c.get('articles_updated', 0)}**, unchanged {c.get('articles_unchanged', 0)}, syndicated copies "
        f"{c.get('duplicates', 0)} · failures **{c.get('failures', 0)}**",
    ]
    if summary.source_pages:
        lines += ["", "| source | pages read |", "|---|---|"]
        lines += [f"| {k} | {v} |" for k, v in sorted(summary.source_pages.items(), key=lambda kv: (-kv[1], kv[0]))]
    if summary.failures_by_reason:
        lines += ["", "| failure stage:reason | pages |", "|---|---|"]
        lines += [f"| {k} | {v} |" for k, v in sorted(summary.failures_by_reason.items(), key=lambda kv: -kv[1])]
    if summary.top_entities:
        lines += ["", "| top entities in new articles | label | articles |", "|---|---|---|"]
        lines += [f"| {name} | {label} | {n} |" for name, label, n in summary.top_entities]
    if summary.stage_seconds:
        lines += ["", "| stage | seconds |", "|---|---|"]
        lines += [f"| {k} | {v:.2f} |" for k, v in sorted(summary.stage_seconds.items(), key=lambda kv: -kv[1])]
    lines += ["", "| count | value |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in sorted(c.items())]
    return "\n".join(lines)


def record(root: Path, summary: RunSummary, started: datetime, parameters: dict[str, object]) -> None:
    """Write the `runs` row and publish the artifact (key newsetl-<flow>-summary)."""
    writer.write(
        root,
        "runs",
        [
            {
                "run_id": summary.run_id,
                "flow": summary.flow,
                "started_at": started,
                "finished_at": datetime.now(UTC),
                "status": summary.status,
                "parameters": {
                    k: v if isinstance(v, str) else json.dumps(v, default=str) for k, v in parameters.items()
                },
                "counts": {k: int(v) for k, v in summary.counts.items()},
                "versions": versions(),
                "failed_stage": summary.failed_stage,
                "error": summary.error,
                "stage_seconds": summary.stage_seconds,
                "source_pages": summary.source_pages,
                "failures_by_reason": {k: int(v) for k, v in summary.failures_by_reason.items()},
                "top_entities": [{"name": n, "label": lab, "articles": c} for n, lab, c in summary.top_entities],
            }
        ],
    )
    create_markdown_artifact(
        markdown(summary), key=f"newsetl-{summary.flow}-summary", description=f"newsetl {summary.flow} run"
    )
