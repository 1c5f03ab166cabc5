"""The record of a run: its summary, its `runs` row, and the markdown artifact Prefect shows."""

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from prefect.artifacts import create_markdown_artifact

from warehouse import writer

PACKAGES = ("newsetl", "prefect", "trafilatura", "spacy", "pyarrow", "duckdb", "py3langid", "httpx", "feedparser")


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

    def as_dict(self) -> dict:
        return self.__dict__.copy()


def versions() -> dict[str, str]:
    out = {}
    for name in PACKAGES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "?"
    return out


def markdown(summary: RunSummary) -> str:
    lines = [
        f"# newsetl {summary.flow} run `{summary.run_id}`",
        "",
        f"Status: **{summary.status}**, {summary.seconds:.1f} s",
        "",
        "| count | value |",
        "|---|---|",
    ]
    lines += [f"| {k} | {v} |" for k, v in sorted(summary.counts.items())]
    if summary.failures_by_reason:
        lines += ["", "| failure reason | pages |", "|---|---|"]
        lines += [f"| {k} | {v} |" for k, v in sorted(summary.failures_by_reason.items(), key=lambda kv: -kv[1])]
    if summary.error:
        lines += ["", f"Error: `{summary.error}`"]
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
            }
        ],
    )
    create_markdown_artifact(
        markdown(summary), key=f"newsetl-{summary.flow}-summary", description=f"newsetl {summary.flow} run"
    )
