"""The `ingest` flow: discover -> fetch -> extract -> plan -> enrich -> load, per batch; then the catalog.

Every source is read lazily, as batches are needed: feeds and sitemaps through the crawler, a few sitemaps at
a time, and local sources (files, URL lists, WARC files) a file at a time, so the run never holds the list of
its pages (flows/discover.py). URLs,
files and WARC records stored by an earlier run are skipped unless `refetch`; the rest go through the batch
tasks of `flows.tasks`. After each batch is
published, the crawl state records what was fetched; feeds' and sitemaps' validators are recorded only when
the whole run completed, so a crash mid-run re-reads them in full next time instead of getting a 304 and
forgetting the entries it had not fetched yet.
"""

import itertools
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from uuid import uuid4

from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from flows import progress, runlog
from flows.crawler import Crawler
from flows.crawlstate import CrawlState
from flows.discover import LOCAL_KINDS, Discovery, Limits, page_refs
from flows.futures import Done, Parcel, is_done, wait_for
from flows.jsonflow import json_flow
from flows.settings import SAMPLE_PAGES, Settings, load_settings
from flows.sources import InputError, PageRef, Source, load_sources_file, printable, sources_from_inputs
from flows.tasks import (
    build_catalog,
    compact_if_crowded,
    crawl_policy,
    enrich_batch,
    extract_batch,
    failure_row,
    fetch_batch,
    load_batch,
    logger,
    plan_batch,
    start_extraction_soon,
    with_timeout,
)
from transforms.extract import Failure
from transforms.text import short_id
from warehouse import storage
from warehouse.keys import KeySet
from warehouse.loader import WarehouseState, prepare
from warehouse.lock import stopped_short, writer_lock


def resolve_sources(
    inputs: list[str] | None,
    sources_file: str | None,
    feeds: list[str] | None,
    sitemaps: list[str] | None,
    since: date | None,
    only: list[str] | None = None,
) -> list[Source]:
    """Everything the run reads; the bundled sample corpus when nothing is given. `only` keeps the sources
    file's sources of those names (a scheduled deployment runs one source)."""
    sources = load_sources_file(Path(sources_file)) if sources_file else []
    if only:
        unknown = sorted(set(only) - {s.name for s in sources})
        if unknown:
            raise InputError(f"{sources_file}: no source named {', '.join(map(repr, unknown))}")
        sources = [s for s in sources if s.name in only]
    sources += sources_from_inputs(inputs or [], feeds or [], sitemaps or [], since)
    return sources or sources_from_inputs([str(SAMPLE_PAGES)])


@json_flow(name="ingest", log_prints=False)
def ingest(
    inputs: list[str] | None = None,
    sources_file: str | None = None,
    feeds: list[str] | None = None,
    sitemaps: list[str] | None = None,
    since: date | None = None,
    warehouse: str | None = None,
    batch_size: int | None = None,
    options: dict | None = None,
    only: list[str] | None = None,
) -> dict:
    """Ingest sources: a sources file, HTML files, folders, globs, URL lists, WARC files, URLs, feeds and
    sitemaps (default: the bundled sample corpus). `options` overrides settings by name; `only` names the
    sources file's sources to run (default: all)."""
    settings = load_settings(warehouse=warehouse, batch_size=batch_size, **(options or {}))
    root = settings.root()
    run_id = str(flow_run.id or uuid4())
    with writer_lock(root, f"newsetl ingest (flow run {run_id})", settings.lock_wait):
        return _ingest_locked(settings, root, run_id, inputs, sources_file, feeds, sitemaps, since, options, only)


def fresh_batches(
    refs: Iterable[PageRef], crawl: CrawlState | None, size: int, refetch: bool, counts: Counter
) -> Iterator[list[PageRef]]:
    """Batches of `size` references to fetch, read lazily from `refs`: each page once per run (the first
    mention wins, with its feed or sitemap hints), and unless `refetch`, none the crawl state has stored.
    Remembers a 64-bit key per page, not the page reference."""
    refs, seen, buffer = iter(refs), KeySet(), []  # a list too: islice must consume, not restart
    while chunk := list(itertools.islice(refs, size)):
        unique = []
        for ref in chunk:
            key = int(short_id(ref.kind, printable(ref.location), str(ref.offset)), 16)
            if key not in seen:
                seen.update([key])
                unique.append(ref)
        counts["discovered"] += len(unique)
        if not refetch:
            done = crawl.done([r.location for r in unique if r.kind == "url"])
            done_items = crawl.items_done([r.item for r in unique if r.item])
            kept = [r for r in unique if not (r.kind == "url" and r.location in done) and r.item not in done_items]
            counts["skipped_seen"] += len(unique) - len(kept)
            unique = kept
        buffer += unique
        while len(buffer) >= size:
            yield buffer[:size]
            buffer = buffer[size:]
    if buffer:
        yield buffer


def discovering(batches: Iterator[list[PageRef]], stage: runlog.Stages) -> Iterator[list[PageRef]]:
    """The batches, with the time spent reading sources for the next one counted as the discover stage."""
    for batch in batches:
        yield batch
        stage("discover")


@dataclass
class InFlight:
    """A fetched batch whose extraction was started (here, or on a worker)."""

    refs: list[PageRef]
    fetched: Any
    fetch_log: list[dict]
    extracted: Any  # a future of (articles, failure rows)
    enriched: Any = None  # once planned: a future of (mentions, failure rows, counts)
    articles: list[dict] = field(default_factory=list)
    extract_failures: list[dict] = field(default_factory=list)
    fresh: list[dict] = field(default_factory=list)
    unchanged: int = 0


def runner_for(settings: Settings):
    """Where extract and enrich run: a started Dask task runner (`--runner dask`), or None for this process."""
    if settings.runner == "dask":
        from flows.cluster import dask_task_runner

        return dask_task_runner(settings)
    return nullcontext()


def runner_slots(runner) -> int:
    """Tasks the Dask cluster runs at once (its worker threads)."""
    return max(1, sum(runner.client.nthreads().values()))


REPORTED_COUNTS = (
    "discovered", "skipped_seen", "batches", "pages_read", "pages_new", "articles_extracted", "articles_new",
    "articles_updated", "articles_unchanged", "duplicates", "entity_mentions", "failures", "failures_new",
)  # fmt: skip


def _ingest_locked(settings, root, run_id, inputs, sources_file, feeds, sitemaps, since, options, only) -> dict:
    started, t0 = datetime.now(UTC), time.perf_counter()
    # what every run reports, a run with nothing new too (its batches add to them)
    counts: Counter = Counter(dict.fromkeys(REPORTED_COUNTS, 0))
    reasons: Counter = Counter()
    ending = runlog.Ending()
    stage = runlog.Stages("discover")
    entities = runlog.TopEntities()
    source_pages: Counter = Counter()
    fetch, extract, plan, enrich, load, compact_t = with_timeout(
        settings, fetch_batch, extract_batch, plan_batch, enrich_batch, load_batch, compact_if_crowded
    )
    runlog.started(run_id)
    crawl = found = None
    try:
        counts.update(prepare(root))
        sources = resolve_sources(inputs, sources_file, feeds, sitemaps, since, only)
        crawl = CrawlState.open(root)
        crawler = Crawler(crawl_policy(settings), run_id)
        # Every source is read lazily, batch by batch (network sources first, as they always came): memory does
        # not grow with the number of pages, nor with the number of sitemaps.
        found = Discovery()
        remote, local = [s for s in sources if s.kind not in LOCAL_KINDS], [s for s in sources if s.kind in LOCAL_KINDS]
        refs = page_refs(
            found,
            remote + local,
            crawler=crawler,
            state=crawl,
            limits=Limits(max_sitemap_bytes=settings.max_sitemap_bytes, max_sitemaps=settings.max_sitemaps),
            follow_symlinks=settings.follow_symlinks,
        )
        batches = discovering(fresh_batches(refs, crawl, settings.batch_size, settings.refetch, counts), stage)

        def new_bad_refs() -> list[dict]:
            """Failure rows for the bad references met since the last call (the list is drained)."""
            met = list(found.bad)
            found.bad.clear()
            return [failure_row(Failure(b.location, "discover", b.reason, b.detail), run_id) for b in met]

        first = next(batches, None)
        if first is not None:
            start_extraction_soon(settings)
        stage("state")
        state = WarehouseState.read(root, articles=first is not None)

        def planned(batch: InFlight) -> None:
            """Its articles extracted: plan them (in batch order, here) and start their entities."""
            batch.articles, batch.extract_failures = batch.extracted.result()
            stage("plan")
            batch.fresh, batch.unchanged = plan(quote(state), quote(batch.articles))
            stage("enrich")  # run here, or sent to a worker
            batch.enriched = start(enrich, articles=batch.fresh, run_id=run_id, settings=settings)

        def loaded(batch: InFlight) -> None:
            """Its entities found: commit the batch (in batch order, here)."""
            fetched, fresh, unchanged = batch.fetched, batch.fresh, batch.unchanged
            mentions, enrich_failures, enrich_counts = batch.enriched.result()
            entities.add(mentions)
            fetch_failures = [failure_row(f, run_id) for f in fetched.failures]
            failures = new_bad_refs() + fetch_failures + batch.extract_failures + enrich_failures
            stage("load")
            written = load(
                root,
                quote(state),
                quote(fetched.pages),
                quote(failures),
                quote(mentions),
                quote(fresh),
                quote(batch.fetch_log),
            )
            crawl.record(fetched.visits)
            crawl.record_items(fetched.items)
            counts.update(enrich_counts)
            counts.update(fetched.counts)
            counts.update(
                pages_read=len(fetched.pages),
                pages_new=written["pages"],
                articles_extracted=len(batch.articles),
                articles_new=sum(a["version"] == 1 for a in fresh),
                articles_updated=sum(a["version"] > 1 for a in fresh),
                articles_unchanged=unchanged,
                duplicates=sum(a["duplicate_of"] is not None for a in fresh),
                entity_mentions=written["entity_mentions"],
                failures=len(failures),
                failures_new=written["failures"],
                fetch_attempts=written["fetch_log"],
            )
            reasons.update(f"{f['stage']}:{f['reason']}" for f in failures)
            logger().info(
                "batch %d: %d pages read, %d new articles, %d updated, %d unchanged, %d failures, %d mentions",
                counts["batches"] + 1, len(fetched.pages), sum(a["version"] == 1 for a in fresh),
                sum(a["version"] > 1 for a in fresh), unchanged, len(failures), written["entity_mentions"],
            )  # fmt: skip
            counts["batches"] += 1
            stage("compact")
            # file counts stay bounded
            counts.update(compact_t(root, settings.compact_threshold, settings.keep_snapshots_days))
            progress.advance(len(batch.refs))

        def step(wait: bool) -> None:
            """Move the batches in flight on, in batch order, as far as their tasks are done; with `wait`, first
            wait for the oldest batch's running task, so that at least one moves."""
            if wait and in_flight:
                oldest = in_flight[0]
                running = oldest.extracted if oldest.enriched is None else oldest.enriched
                stage("extract" if oldest.enriched is None else "enrich")
                wait_for(running)
            for batch in in_flight:
                if batch.enriched is None:
                    if not is_done(batch.extracted):
                        break
                    planned(batch)
            while in_flight and in_flight[0].enriched is not None and is_done(in_flight[0].enriched):
                loaded(in_flight.popleft())

        in_flight: deque[InFlight] = deque()
        if settings.runner == "dask" and first is not None:
            stage("start workers")
        # nothing new: no workers started (a local cluster costs its workers' start and their pipelines' loads)
        with runner_for(settings) if first is not None else nullcontext() as runner:

            def start(task, **parameters):
                """A batch task: called here (its inputs `quote`d), or submitted to the Dask workers."""
                if runner is None:
                    return Done(task(**{k: quote(v) for k, v in parameters.items()}))
                return runner.submit(task, {k: Parcel(v) for k, v in parameters.items()})

            # On Dask, later batches extract while earlier ones are planned, enriched and loaded: enough batches
            # in flight to keep every worker busy. Run here, none: a batch is finished before the next is fetched.
            ahead = 2 * runner_slots(runner) if runner else 0
            # Nothing new (the scheduled run's usual case): no batch, so no batch tasks at all.
            for refs_batch in itertools.chain([first], batches) if first else []:
                progress.start(counts["discovered"])  # the total grows as local sources are read
                stage("fetch")
                fetched = fetch(quote(refs_batch), run_id, settings, quote(crawler), quote(crawl))
                source_pages.update(p["source"] for p in fetched.pages)
                stage("extract")  # run here, or sent to a worker
                extracted = start(extract, pages=fetched.pages, run_id=run_id, settings=settings)
                in_flight.append(InFlight(refs_batch, fetched, crawler.drain_log(), extracted))
                step(wait=False)
                while len(in_flight) > ahead:
                    step(wait=True)
            while in_flight:
                step(wait=True)
        late, log = new_bad_refs(), crawler.drain_log()  # met after the last batch (a broken WARC file's end, a feed)
        if late or log:
            stage("load")
            written = load(root, quote(state), [], quote(late), [], [], quote(log))
            counts.update(failures=len(late), failures_new=written["failures"])
            reasons.update(f"{f['stage']}:{f['reason']}" for f in late)
        counts.update(crawler.counts)
        crawl.record(found.listings)
        stage("compact")
        counts.update(compact_t(root, settings.compact_threshold, settings.keep_snapshots_days))
    except BaseException as exc:  # Ctrl-C, SIGTERM: what was committed stays, the batch in progress was not written
        if ending.ended_by(exc, stage.current, logger()):
            stopped_short(root)  # the batch it was writing may have left data files: the next run looks
    finally:
        progress.finish()
        if found is not None:
            counts.update(found.counts)  # updated while local sources were read
        if crawl is not None:
            crawl.close()
    where = storage.of(root).display()  # the folder, or s3://bucket/prefix
    summary = runlog.RunSummary(
        run_id, "ingest", where, ending.status, dict(counts), dict(reasons), round(time.perf_counter() - t0, 2),
        error=ending.error,
        failed_stage=stage.current if ending.error else None,
        stage_seconds=stage.totals(),
        source_pages=dict(source_pages),
        top_entities=entities.top(),
    )  # fmt: skip
    parameters = {
        "inputs": [printable(i) for i in inputs or []],  # a file name need not be UTF-8; a row must
        "sources_file": sources_file or "",
        "feeds": feeds or [],
        "sitemaps": sitemaps or [],
        "since": str(since or ""),
        "warehouse": where,
        "batch_size": str(settings.batch_size),
        "options": options or {},
        "only": only or [],
    }
    runlog.record(root, summary, started, parameters)
    with_timeout(settings, build_catalog)[0](root)  # after the runs row, so a first run's catalog has a runs view
    return ending.result(summary)
