"""The `reprocess` flow: extraction and entities again over stored pages, with no network.

For each URL the latest stored page is read back from the `pages` table, in batches, and goes through the same
extract -> plan -> enrich -> load tasks as a fresh page. Planning compares each result with the stored latest
version (`record_hash`, a hash of the text and every extracted field), so only articles whose output changed
get a new version: re-running after upgrading trafilatura or changing a setting costs no fetch and adds rows
only where something is different.
"""

import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from uuid import uuid4

from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from flows import progress, runlog
from flows.jsonflow import json_flow
from flows.settings import load_settings
from flows.tasks import (
    build_catalog,
    compact_if_crowded,
    enrich_batch,
    extract_batch,
    load_batch,
    logger,
    plan_batch,
    with_timeout,
)
from warehouse import lake, storage, writer
from warehouse.keys import Codec, KeySet
from warehouse.loader import WarehouseState, prepare
from warehouse.lock import stopped_short, writer_lock


def latest_page_ids(root: Path, codec: Codec) -> KeySet:
    """The most recently fetched page of each URL, as keys: DuckDB groups the pages files, so a million URLs
    cost 8 MB here, not a Python dict."""
    with lake.session(root, read_only=True) as con:
        latest = con.sql("SELECT arg_max(page_id, (fetched_at, page_id)) AS page_id FROM pages GROUP BY url")
        latest = latest.to_arrow_table()
    return KeySet(codec.many(latest.column("page_id")))


@json_flow(name="reprocess", log_prints=False)
def reprocess(warehouse: str | None = None, batch_size: int | None = None, options: dict | None = None) -> dict:
    """Re-extract stored pages (no network); new article versions only where the output changed."""
    settings = load_settings(warehouse=warehouse, batch_size=batch_size, **(options or {}))
    root = settings.root()
    run_id = str(flow_run.id or uuid4())
    with writer_lock(root, f"newsetl reprocess (flow run {run_id})", settings.lock_wait):
        return _reprocess_locked(settings, root, run_id)


def _reprocess_locked(settings, root: Path, run_id: str) -> dict:
    started, t0 = datetime.now(UTC), time.perf_counter()
    counts: Counter = Counter()
    reasons: Counter = Counter()
    ending = runlog.Ending()
    stage = runlog.Stages("read")
    entities = runlog.TopEntities()
    extract, plan, enrich, load, compact_t = with_timeout(
        settings, extract_batch, plan_batch, enrich_batch, load_batch, compact_if_crowded
    )
    runlog.started(run_id)
    try:
        counts.update(prepare(root))
        state = WarehouseState.read(root)
        wanted = latest_page_ids(root, state.codec)
        counts["pages_stored"] = len(wanted)
        progress.start(len(wanted))
        for rows in writer.scan(root, "pages", batch_rows=settings.batch_size):
            pages = [p for p in rows if state.codec.one(p["page_id"]) in wanted]
            if not pages:
                continue
            stage("extract")
            articles, failures = extract(quote(pages), run_id, settings)
            stage("plan")
            fresh, unchanged = plan(quote(state), quote(articles))
            stage("enrich")
            mentions, enrich_failures, enrich_counts = enrich(quote(fresh), run_id, settings)
            entities.add(mentions)
            failures += enrich_failures
            stage("load")
            written = load(root, quote(state), [], quote(failures), quote(mentions), quote(fresh))
            counts.update(enrich_counts)
            counts.update(
                pages_read=len(pages),
                articles_extracted=len(articles),
                articles_new=sum(a["version"] == 1 for a in fresh),
                articles_updated=sum(a["version"] > 1 for a in fresh),
                articles_unchanged=unchanged,
                entity_mentions=written["entity_mentions"],
                failures=len(failures),
                failures_new=written["failures"],
            )
            reasons.update(f"{f['stage']}:{f['reason']}" for f in failures)
            counts["batches"] += 1
            stage("compact")  # files the scan reads stay until past the cleanup grace period
            counts.update(compact_t(root, settings.compact_threshold, settings.keep_snapshots_days))
            progress.advance(len(pages))
            stage("read")
    except BaseException as exc:  # Ctrl-C, SIGTERM: what was committed stays, the batch in progress was not written
        if ending.ended_by(exc, stage.current, logger()):
            stopped_short(root)  # the batch it was writing may have left data files: the next run looks
    finally:
        progress.finish()
    where = storage.of(root).display()  # the folder, or s3://bucket/prefix
    summary = runlog.RunSummary(
        run_id, "reprocess", where, ending.status, dict(counts), dict(reasons), round(time.perf_counter() - t0, 2),
        error=ending.error,
        failed_stage=stage.current if ending.error else None,
        stage_seconds=stage.totals(),
        top_entities=entities.top(),
    )  # fmt: skip
    runlog.record(root, summary, started, {"warehouse": where, "batch_size": str(settings.batch_size)})
    with_timeout(settings, build_catalog)[0](root)
    return ending.result(summary)
