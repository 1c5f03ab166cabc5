"""Where the extract and enrich tasks run: in the run's process (the default), or on Dask workers.

With `--runner dask` the flow submits each batch's extract and enrich tasks through Prefect's Dask task runner
(`prefect-dask`), to a local cluster of `--workers` processes or to an existing scheduler (`--dask-address`).
A batch of pages is the unit shipped, never an article. Workers only compute: they return rows, and the flow's
process plans, loads and commits them, in batch order. A task that a worker runs twice (a retry, a worker
lost and its task run again elsewhere) hands back the same rows, and only the flow commits, once
(docs/distributed.md).

Each worker loads the spaCy pipelines and starts its extraction child once, when it joins (`Preload`), not per
task: `flows.models.load_ner` and `flows.extractor.limited_extractor` keep them for the worker's life.
"""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from flows.settings import Settings

PLUGIN_NAME = "newsetl-preload"
WARM_UP_PAGE = (
    "<html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>"
    + "<p>Ships call at the port of Rotterdam every day of the week, and the harbour master counts them.</p>" * 6
    + "</article></body></html>"
)


class Preload(WorkerPlugin):
    """Loads what the tasks need once per worker, when the worker starts (or joins a running cluster)."""

    def __init__(self, models: dict[str, str], extract_timeout: float, extract_memory: float = 0) -> None:
        self.models = dict(models)
        self.extract_timeout, self.extract_memory = extract_timeout, extract_memory

    def setup(self, worker) -> None:
        from datetime import UTC, datetime

        import prefect.task_engine  # noqa: F401  (~1.7 s, else paid by the worker's first task)

        from flows.extractor import limited_extractor
        from flows.models import ModelMissing, load_ner
        from transforms.extract import extract_article

        for name in sorted(set(self.models.values())):
            try:
                load_ner(name)
            except ModelMissing as exc:  # the enrich task counts the articles it skips, with this message
                logging.getLogger("newsetl").warning(str(exc))
        kwargs = {"url": "https://warm-up.invalid/a", "fetched_at": datetime.now(UTC), "content_type": "text/html"}
        if self.extract_timeout:
            limited_extractor(self.extract_timeout, self.extract_memory).extract(WARM_UP_PAGE.encode(), **kwargs)
        else:
            extract_article(WARM_UP_PAGE.encode(), **kwargs)


def worker_state() -> dict[str, Any]:
    """What a worker process has loaded, and how often it was asked for it (tests and `bench/dask.py` read
    this through `Client.run`)."""
    from flows.extractor import _extractors
    from flows.models import load_ner

    info = load_ner.cache_info()
    return {"model_loads": info.misses, "model_reuses": info.hits, "extraction_children": len(_extractors)}


@contextmanager
def dask_task_runner(settings: Settings) -> Iterator:
    """A started `DaskTaskRunner`: on the scheduler at `settings.dask_address`, or on a local cluster of
    `settings.workers` single-threaded worker processes that lives as long as the block."""
    import dask
    from prefect_dask import DaskTaskRunner

    if settings.dask_address:
        runner = DaskTaskRunner(address=settings.dask_address)
    else:
        # One thread per worker: extraction and NER hold the GIL, so parallelism comes from processes. Dask's
        # nanny sets OMP_NUM_THREADS=1 in each worker, so spaCy does not oversubscribe the cores.
        cluster = {"n_workers": settings.workers, "threads_per_worker": 1, "processes": True}
        runner = DaskTaskRunner(cluster_kwargs={**cluster, "dashboard_address": None})
    # Dask's nanny sets MALLOC_TRIM_THRESHOLD_=65536 in its workers, to hand freed memory back sooner; it made
    # NER 14 % slower (2.53 -> 2.87 s per 200 articles, in a worker and in a plain process alike), and a
    # worker's memory here is bounded by a batch anyway. Unset for the local cluster (docs/distributed.md).
    with dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}), runner:
        # Registered on the scheduler, the plugin also sets up workers that join later.
        preload = Preload(settings.models, settings.extract_timeout, settings.extract_memory)
        runner.client.register_plugin(preload, name=PLUGIN_NAME)
        yield runner
