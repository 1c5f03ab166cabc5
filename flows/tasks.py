"""The batch tasks both flows share: fetch, extract, plan, enrich, load, catalog.

Each stage is a Prefect task over a batch of pages (never a task per page: a task run costs ~20 ms of server
time). Tasks call transforms and hand rows to the warehouse; one bad page becomes a failure row and the batch
goes on. Tasks keep no cache: their inputs are whole batches of page bodies, which are not worth hashing.
Callers pass batch inputs `quote`d: otherwise Prefect walks every element of every input looking for futures
(518k calls per 1,000 pages, 4.8 ms per article; and the warehouse state it would walk grows with the
warehouse).
"""

import logging
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.exceptions import MissingContextError
from prefect.tasks import exponential_backoff

from flows import runtime
from flows.crawler import Crawler, Policy
from flows.crawlstate import CrawlState
from flows.extractor import limited_extractor
from flows.fetch import Fetch, fetch_refs
from flows.futures import unwrap
from flows.models import ModelMissing, load_ner, model_label
from flows.settings import Settings
from flows.sources import PageRef, printable
from transforms.entities import entities_for_articles
from transforms.extract import ExtractOptions, Failure, Listing, extract_article
from transforms.places import gazetteer
from transforms.text import short_id
from warehouse import catalog, maintain
from warehouse.loader import WarehouseState, publish


def failure_row(f: Failure, run_id: str, input_hash: str = "") -> dict:
    at, url = datetime.now(UTC), printable(f.url)  # a file name need not be UTF-8; an Arrow string must
    return {
        "failure_id": short_id(url, f.stage, f.reason, input_hash),
        "run_id": run_id,
        "url": url,
        "stage": f.stage,
        "reason": f.reason,
        "detail": printable(f.detail[:1000]),
        "failed_at": at,
        "day": at.date(),
    }


def logger() -> logging.Logger | logging.LoggerAdapter:
    """Prefect's run logger inside a run; a plain logger when a task's function is called on its own."""
    try:
        return get_run_logger()
    except MissingContextError:
        return logging.getLogger("newsetl")


def chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def crawl_policy(settings: Settings) -> Policy:
    return Policy(
        user_agent=settings.user_agent,
        concurrency=settings.concurrency,
        per_host=settings.per_host,
        host_interval=settings.host_interval,
        connect_timeout=settings.connect_timeout,
        read_timeout=settings.http_timeout,
        total_timeout=settings.total_timeout,
        url_timeout=settings.url_timeout,
        max_bytes=settings.max_page_bytes,
        max_redirects=settings.max_redirects,
        retries=settings.retries,
        backoff=settings.backoff,
        max_retry_after=settings.max_retry_after,
        max_crawl_delay=settings.max_crawl_delay,
        park_after=settings.park_after,
        allow_private=settings.allow_private,
        respect_robots=settings.respect_robots,
    )


@task(name="fetch", cache_policy=NO_CACHE)
def fetch_batch(
    refs: list[PageRef], run_id: str, settings: Settings, crawler: Crawler, state: CrawlState | None
) -> Fetch:
    # No task-level retries: the crawler retries each request itself, with backoff, per host.
    return fetch_refs(refs, run_id=run_id, max_bytes=settings.max_page_bytes, crawler=crawler, state=state)


def start_extraction_soon(settings: Settings) -> None:
    """Start this process's extraction child now, so that its imports overlap the first batch's fetch."""
    if settings.extract_timeout and settings.runner != "dask":  # a Dask worker has its own, started as it joins
        limited_extractor(settings.extract_timeout, settings.extract_memory).start_soon()


@task(name="extract", cache_policy=NO_CACHE)
def extract_batch(pages: list[dict], run_id: str, settings: Settings) -> tuple[list[dict], list[dict]]:
    pages, run_id, settings = unwrap(pages), unwrap(run_id), unwrap(settings)  # shipped to Dask in a Parcel
    options = ExtractOptions(min_words=settings.min_words, max_bytes=settings.max_page_bytes)
    articles, failures = [], []
    for page in pages:
        listing = None
        if page.get("listed_via"):
            listing = Listing(page.get("listed_title"), page.get("listed_published_at"), page["listed_via"])
        kwargs = {"url": page["final_url"], "fetched_at": page["fetched_at"], "content_type": page["content_type"],
                  "options": options, "listing": listing}  # fmt: skip
        if settings.extract_timeout:  # in a child process, cut off past the limit (flows/extractor.py)
            extractor = limited_extractor(settings.extract_timeout, settings.extract_memory)
            result = extractor.extract(page["body"], **kwargs)
        else:
            try:
                result = extract_article(page["body"], **kwargs)
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
    articles, run_id, settings = unwrap(articles), unwrap(run_id), unwrap(settings)  # shipped to Dask in a Parcel
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
            logger().warning(str(exc))
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
    documents = [(a.get("title"), a["text"]) for a in articles]
    places = gazetteer()
    try:
        return entities_for_articles(nlp, documents, batch_size=settings.ner_batch_size, places=places)
    except Exception:  # find the text that broke the batch; the others still get their entities
        results = []
        for article, document in zip(articles, documents, strict=True):
            try:
                results.append(entities_for_articles(nlp, [document], places=places)[0])
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


def with_timeout(settings: Settings, *tasks):
    """The tasks, each bounded by `settings.task_timeout`. Prefect enforces it where the flow runs in a
    process's main thread (the CLI, `serve`, workers), not in thread-pool threads (shared/measured.md)."""
    return [t.with_options(timeout_seconds=settings.task_timeout) for t in tasks]


# Storage can fail for a moment (a full disk being cleaned, a network filesystem, later S3): retried with
# growing, jittered waits. A retried load is safe: see load_batch.
def not_interrupted(task, task_run, state) -> bool:
    """Prefect's retry condition: retry a failed attempt, unless Ctrl-C or SIGTERM ended it (DuckDB raises a
    Ctrl-C during a query as an error, which would otherwise be retried and the run go on)."""
    return not (isinstance(state.data, BaseException) and runtime.interrupted_by(state.data))


STORAGE_RETRIES = {
    "retries": 3,
    "retry_delay_seconds": exponential_backoff(backoff_factor=1),
    "retry_jitter_factor": 0.5,
    "retry_condition_fn": not_interrupted,
}


@task(name="load", cache_policy=NO_CACHE, **STORAGE_RETRIES)
def load_batch(root: Path, state: WarehouseState, pages, failures, mentions, articles, fetch_log=()) -> dict[str, int]:
    # Filtering against the state is idempotent and keys are marked only after publishing, so a retried load
    # writes what a failed attempt did not, and nothing twice. The batch is one DuckLake transaction, visible
    # to readers as soon as it commits.
    pages, failures = state.new_pages(pages), state.new_failures(failures)
    articles, mentions = state.unpublished(articles, mentions)
    written = publish(
        root, pages=pages, failures=failures, mentions=mentions, articles=articles, fetch_log=list(fetch_log)
    )
    state.mark_written(pages, failures, articles)
    return written


@task(name="compact", cache_policy=NO_CACHE, **STORAGE_RETRIES)
def compact_if_crowded(root: Path, threshold: int, keep_days: float = maintain.KEEP_DAYS) -> dict[str, int]:
    """Merge the small files of tables that have a partition over `threshold` files of one size tier (the run
    holds the lock), and expire snapshots older than `keep_days`."""
    tiers = maintain.crowded(root, threshold)
    if not tiers:
        return {}
    done = maintain.maintain(root, tiers=tiers, keep_days=keep_days)
    return {"partitions_compacted": done.partitions, "files_compacted": sum(done.tables.values())}


@task(name="catalog", cache_policy=NO_CACHE, **STORAGE_RETRIES)
def build_catalog(root: Path) -> str:
    """Entity aliases and the full-text index brought up to date with what the run added."""
    return str(catalog.build(root))
