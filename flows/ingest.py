"""The `ingest` flow: discover -> fetch -> extract -> plan -> enrich -> load, per batch; then the catalog.

Each stage is a Prefect task over a batch of pages (never a task per page: a task run costs ~20 ms of server
time). Tasks call transforms and hand rows to the warehouse; one bad page becomes a failure row and the batch
goes on. Tasks keep no cache: their inputs are whole batches of page bodies, which are not worth hashing. Batch inputs
are passed `quote`d: otherwise Prefect walks every element of every input looking for futures (518k calls
per 1,000 pages, 4.8 ms per article; and the warehouse state it would walk grows with the warehouse).
"""

import json
import logging
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from uuid import uuid4

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.exceptions import MissingContextError
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from flows import fetch, progress
from flows.models import ModelMissing, load_ner, model_label
from flows.settings import SAMPLE_PAGES, Settings, load_settings
from flows.sources import PageRef, resolve
from transforms.entities import entities_for_texts
from transforms.extract import ExtractOptions, Failure, extract_article
from transforms.text import short_id
from warehouse import catalog, writer
from warehouse.loader import WarehouseState, publish

PACKAGES = ("newsetl", "prefect", "trafilatura", "spacy", "pyarrow", "duckdb", "py3langid")


@dataclass
class Batch:
    pages: list[dict] = field(default_factory=list)
    failures: list[dict] = field(default_factory=list)


def failure_row(f: Failure, run_id: str, input_hash: str = "") -> dict:
    at = datetime.now(UTC)
    return {
        "failure_id": short_id(f.url, f.stage, f.reason, input_hash),
        "run_id": run_id,
        "url": f.url,
        "stage": f.stage,
        "reason": f.reason,
        "detail": f.detail[:1000],
        "failed_at": at,
        "day": at.date(),
    }


def _logger() -> logging.Logger | logging.LoggerAdapter:
    """Prefect's run logger inside a run; a plain logger when a task's function is called on its own."""
    try:
        return get_run_logger()
    except MissingContextError:
        return logging.getLogger("newsetl")


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


@task(name="discover", cache_policy=NO_CACHE)
def discover(inputs: list[str], run_id: str) -> tuple[list[PageRef], list[dict]]:
    refs, bad = resolve(inputs)
    return refs, [failure_row(Failure(b.location, "discover", b.reason, b.detail), run_id) for b in bad]


@task(name="fetch", cache_policy=NO_CACHE, retries=1, retry_delay_seconds=2)
def fetch_batch(refs: list[PageRef], run_id: str, settings: Settings) -> Batch:
    batch = Batch()
    client = None
    try:
        for ref in refs:
            if ref.kind == "file":
                result = fetch.read_file(ref, run_id, settings.max_page_bytes)
            else:
                client = client or fetch.http_client(settings.http_timeout, settings.user_agent)
                result = fetch.get_url(client, ref, run_id, settings.max_page_bytes)
            if isinstance(result, Failure):
                batch.failures.append(failure_row(result, run_id))
            else:
                batch.pages.append(result)
    finally:
        if client is not None:
            client.close()
    return batch


@task(name="extract", cache_policy=NO_CACHE)
def extract_batch(pages: list[dict], run_id: str, settings: Settings) -> tuple[list[dict], list[dict]]:
    options = ExtractOptions(min_words=settings.min_words, max_bytes=settings.max_page_bytes)
    articles, failures = [], []
    for page in pages:
        try:
            result = extract_article(
                page["body"],
                url=page["final_url"],
                fetched_at=page["fetched_at"],
                content_type=page["content_type"],
                options=options,
            )
        except Exception as exc:  # one page must not stop the batch; the failure row keeps the reason
            result = Failure(page["final_url"], "extract", "error", f"{type(exc).__name__}: {exc}")
        if isinstance(result, Failure):
            failures.append(failure_row(result, run_id, page["body_sha256"]))
            continue
        result.update(page_id=page["page_id"], url=page["url"], run_id=run_id, version=0)
        articles.append(result)
    return articles, failures


@task(name="plan", cache_policy=NO_CACHE)
def plan_batch(state: WarehouseState, articles: list[dict]) -> tuple[list[dict], int]:
    # Within a batch, the same canonical URL seen twice (say, a file and a URL) is one article.
    unique = list({a["article_id"]: a for a in reversed(articles)}.values())[::-1]
    return state.plan_articles(unique)


@task(name="enrich", cache_policy=NO_CACHE)
def enrich_batch(articles: list[dict], run_id: str, settings: Settings) -> tuple[list[dict], list[dict], Counter]:
    mentions, failures, counts = [], [], Counter()
    by_language: dict[str | None, list[dict]] = {}
    for article in articles:
        by_language.setdefault(article["language"], []).append(article)
    for language, group in by_language.items():
        name = settings.models.get(language or "")
        if name is None:
            counts["entities_skipped_language"] += len(group)
            continue
        try:
            nlp = load_ner(name)
        except ModelMissing as exc:
            _logger().warning(str(exc))
            counts["entities_skipped_no_model"] += len(group)
            continue
        label = model_label(nlp)
        for article, rows in zip(
            group, _entities_isolating_errors(nlp, group, settings, failures, run_id), strict=True
        ):
            for row in rows:
                row.update(
                    article_id=article["article_id"], version=article["version"], day=article["day"], model=label
                )
            mentions += rows
            counts["entities_extracted_articles"] += 1
    return mentions, failures, counts


def _entities_isolating_errors(nlp, articles, settings, failures, run_id) -> list[list[dict]]:
    texts = [a["text"] for a in articles]
    try:
        return entities_for_texts(nlp, texts, batch_size=settings.ner_batch_size)
    except Exception:  # find the text that broke the batch; the others still get their entities
        results = []
        for article in articles:
            try:
                results.append(entities_for_texts(nlp, [article["text"]])[0])
            except Exception as exc:
                failures.append(
                    failure_row(
                        Failure(article["url"], "enrich", "ner_error", f"{type(exc).__name__}: {exc}"),
                        run_id,
                        article["content_hash"],
                    )
                )
                results.append([])
        return results


@task(name="load", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def load_batch(root: Path, state: WarehouseState, pages, failures, mentions, articles) -> dict[str, int]:
    # Filtering against the state is idempotent and keys are marked only after publishing, so a retried load
    # writes what a failed attempt did not, and nothing twice.
    pages, failures = state.new_pages(pages), state.new_failures(failures)
    written = publish(root, pages=pages, failures=failures, mentions=mentions, articles=articles)
    state.mark_written(pages, failures)
    return written


@task(name="catalog", cache_policy=NO_CACHE, retries=1)
def build_catalog(root: Path) -> str:
    return str(catalog.build(root))


@dataclass
class RunSummary:
    run_id: str
    warehouse: str
    status: str
    counts: dict[str, int]
    failures_by_reason: dict[str, int]
    seconds: float
    error: str | None = None

    def as_dict(self) -> dict:
        return self.__dict__.copy()


def _versions() -> dict[str, str]:
    out = {}
    for name in PACKAGES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "?"
    return out


def _markdown(summary: RunSummary) -> str:
    lines = [
        f"# newsetl run `{summary.run_id}`",
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


@flow(name="ingest", log_prints=False)
def ingest(inputs: list[str] | None = None, warehouse: str | None = None, batch_size: int | None = None) -> dict:
    """Ingest HTML files, folders, globs, URL lists or URLs (default: the bundled sample corpus)."""
    settings = load_settings(warehouse=warehouse, batch_size=batch_size)
    root = Path(settings.warehouse).resolve()
    inputs = inputs or [str(SAMPLE_PAGES)]
    run_id = str(flow_run.id or uuid4())
    started, t0 = datetime.now(UTC), time.perf_counter()
    counts: Counter = Counter()
    reasons: Counter = Counter()
    status, error, stage = "completed", None, "discover"
    try:
        refs, bad = discover(inputs, run_id)
        counts["discovered"] = len(refs)
        state = WarehouseState.read(root)
        pending_failures = bad
        progress.start(len(refs))
        for refs_batch in _chunks(refs, settings.batch_size) if refs else [[]]:
            stage = "fetch"
            fetched = fetch_batch(quote(refs_batch), run_id, settings)
            stage = "extract"
            articles, extract_failures = extract_batch(quote(fetched.pages), run_id, settings)
            stage = "plan"
            fresh, unchanged = plan_batch(quote(state), quote(articles))
            stage = "enrich"
            mentions, enrich_failures, enrich_counts = enrich_batch(quote(fresh), run_id, settings)
            failures = pending_failures + fetched.failures + extract_failures + enrich_failures
            pending_failures = []
            stage = "load"
            written = load_batch(
                root, quote(state), quote(fetched.pages), quote(failures), quote(mentions), quote(fresh)
            )
            counts.update(enrich_counts)
            counts.update(
                pages_read=len(fetched.pages),
                pages_new=written["pages"],
                articles_extracted=len(articles),
                articles_new=sum(a["version"] == 1 for a in fresh),
                articles_updated=sum(a["version"] > 1 for a in fresh),
                articles_unchanged=unchanged,
                duplicates=sum(a["duplicate_of"] is not None for a in fresh),
                entity_mentions=written["entity_mentions"],
                failures=len(failures),
                failures_new=written["failures"],
            )
            reasons.update(f"{f['stage']}:{f['reason']}" for f in failures)
            progress.advance(len(refs_batch))
    except Exception as exc:
        status, error = "failed", f"{stage}: {type(exc).__name__}: {exc}"
        _logger().error("run failed in %s\n%s", stage, traceback.format_exc())
    finally:
        progress.finish()
    summary = RunSummary(
        run_id, str(root), status, dict(counts), dict(reasons), round(time.perf_counter() - t0, 2), error
    )
    writer.write(
        root,
        "runs",
        [
            {
                "run_id": run_id,
                "flow": "ingest",
                "started_at": started,
                "finished_at": datetime.now(UTC),
                "status": status,
                "parameters": {
                    "inputs": json.dumps(inputs),
                    "warehouse": str(root),
                    "batch_size": str(settings.batch_size),
                },
                "counts": {k: int(v) for k, v in counts.items()},
                "versions": _versions(),
            }
        ],
    )
    build_catalog(root)  # after the runs row, so a first run's catalog has a runs view over files
    create_markdown_artifact(_markdown(summary), key="newsetl-ingest-summary", description="newsetl ingest run")
    if error:
        raise RuntimeError(error)
    return summary.as_dict()
