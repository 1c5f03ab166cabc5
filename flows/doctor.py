"""`newsetl doctor`: is this installation able to run? Each check says what it found and, when it fails,
what to do. Nothing is downloaded and nothing is written outside a temporary file in the warehouse."""

import shutil
import tempfile
import time
from dataclasses import asdict, dataclass

from flows.settings import Settings
from warehouse import storage

MIN_FREE_BYTES = 1 << 30


@dataclass
class Check:
    name: str
    ok: bool
    found: str
    fix: str = ""


def _check(name: str, probe, fix: str) -> Check:
    try:
        found = probe()
    except Exception as exc:  # any failure of a probe is the finding
        return Check(name, False, f"{type(exc).__name__}: {exc}", fix)
    return Check(name, True, found)


def checks(settings: Settings, prefect_api: str | None) -> list[Check]:
    root = settings.root()
    found: list[Check] = []

    def imports() -> str:
        from importlib.metadata import version

        import trafilatura  # noqa: F401  (fails without lxml_html_clean on lxml 6)

        return f"trafilatura {version('trafilatura')}, spaCy {version('spacy')}, duckdb {version('duckdb')}"

    found.append(_check("libraries import", imports, "reinstall: uv sync (trafilatura needs lxml_html_clean)"))

    for language, name in sorted(settings.models.items()):

        def model(name=name) -> str:
            from flows.models import load_ner, model_label

            return model_label(load_ner(name))

        found.append(_check(f"spaCy pipeline for {language!r}", model,
                            f"install the package that provides {name!r} (uv add it); newsetl never downloads "
                            "models"))  # fmt: skip

    def language_id() -> str:
        from transforms.language import detect

        lang, score = detect("The harbour authority said the new quay would open in the spring.")
        if lang != "en":
            raise RuntimeError(f"an English sentence came out as {lang!r}")
        return f"py3langid: en ({score:.2f})"

    found.append(_check("language identifier", language_id, "reinstall py3langid (its model ships in the package)"))

    def extraction() -> str:
        from datetime import UTC, datetime

        from flows.extractor import _WARM_UP, LimitedExtractor
        from transforms.extract import ExtractOptions

        t0 = time.perf_counter()
        ex = LimitedExtractor(settings.extract_timeout or 60)
        try:
            row = ex.extract(_WARM_UP, url="https://doctor.check/", fetched_at=datetime.now(UTC),
                             options=ExtractOptions(), content_type=None, listing=None)  # fmt: skip
        finally:
            ex.close()
        if not isinstance(row, dict):
            raise RuntimeError(f"a test page failed: {row}")
        return f"child process extracted a test page in {time.perf_counter() - t0:.1f} s (start-up included)"

    found.append(_check("extraction process", extraction, "run with --debug; check that python -m flows.extractor "
                                                          "starts in this environment"))  # fmt: skip

    def writable() -> str:
        root.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=root, prefix=".doctor-"):
            pass
        free = shutil.disk_usage(root).free
        if free < MIN_FREE_BYTES:
            raise RuntimeError(f"only {free / 2**20:.0f} MiB free at {root}")
        return f"{root} is writable, {free / 2**30:.1f} GiB free"

    found.append(_check("warehouse", writable, "pass --warehouse / NEWSETL_WAREHOUSE pointing at a writable folder "
                                               "with at least 1 GiB free"))  # fmt: skip

    location = storage.of(root)

    def extensions() -> str:
        import duckdb

        from warehouse import lake

        folder = lake.extension_dir()
        if folder is None:
            raise RuntimeError("the duckdb-extension-* packages are missing")
        con = duckdb.connect(config=lake._config())
        try:
            for name in lake.EXTENSIONS:
                con.execute(f"LOAD {name}")
        finally:
            con.close()
        return f"DuckDB {duckdb.__version__} loads {', '.join(lake.EXTENSIONS)} from {folder}"

    fix = "uv sync (the duckdb-extension-* packages pinned to DuckDB's version ship them; nothing is downloaded)"
    found.append(_check("DuckDB extensions", extensions, fix))

    if location.remote:

        def object_store() -> str:
            import duckdb

            from warehouse import lake

            probe = f"{location.data_path}_doctor/probe.parquet"
            con = duckdb.connect(config=lake._config())
            try:
                con.execute("LOAD httpfs")
                con.execute(lake.s3_secret_sql(location))
                con.execute(f"COPY (SELECT 42 AS answer) TO {lake.sql_string(probe)}")
                if con.execute(f"SELECT answer FROM {lake.sql_string(probe)}").fetchall() != [(42,)]:
                    raise RuntimeError("an object read back differs from what was written")
            finally:
                con.close()
            endpoint = location.s3_endpoint() or "AWS"
            return f"{location.display()}: DuckDB writes and reads {probe} (endpoint {endpoint})"

        found.append(_check("object store", object_store, "set AWS_ENDPOINT_URL (or NEWSETL_S3_ENDPOINT), "
                                                          "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_REGION; "
                                                          "the bucket must exist"))  # fmt: skip

    if settings.runner == "dask" and settings.dask_address:
        fix = (
            "start the scheduler and workers (docs/distributed.md), with newsetl and its spaCy pipelines installed "
            "on every worker"
        )
        found.append(_check("Dask workers", lambda: dask_workers(settings), fix))

    def prefect() -> str:
        if not prefect_api:
            from flows import runtime

            if found := runtime.background_server():
                return f"no PREFECT_API_URL: runs use the background server at {found['api']} (pid {found['pid']})"
            if settings.prefect_server == "per-run":
                return "no PREFECT_API_URL: each run starts a server of its own (~10-15 s; NEWSETL_PREFECT_SERVER)"
            return "no PREFECT_API_URL: the next run starts a server in the background (~20 s, once) for later runs"
        import httpx

        answer = httpx.get(f"{prefect_api.rstrip('/')}/health", timeout=5)
        answer.raise_for_status()
        return f"{prefect_api} answers"

    found.append(_check("Prefect server", prefect, "start one with `prefect server start`, or unset PREFECT_API_URL "
                                                   "to use a temporary one"))  # fmt: skip
    return found


def dask_workers(settings: Settings) -> str:
    """What the workers of the scheduler at `settings.dask_address` can do; raises if one of them cannot run
    newsetl's tasks, or there is none."""
    from distributed import Client

    with Client(settings.dask_address, timeout=10) as client:
        ready = client.run(_worker_ready, sorted(set(settings.models.values())))
    if not ready:
        raise RuntimeError(f"the scheduler at {settings.dask_address} has no worker")
    broken = {w: problem for w, problem in ready.items() if problem}
    if broken:
        raise RuntimeError("; ".join(f"{w}: {p}" for w, p in sorted(broken.items())))
    return f"{len(ready)} workers at {settings.dask_address} import newsetl and find its spaCy pipelines"


def as_json(found: list[Check]) -> dict:
    return {"ok": all(c.ok for c in found), "checks": [asdict(c) for c in found]}


def _worker_ready(models: list[str]) -> str:
    """On a Dask worker: "" if it can run newsetl's tasks, else what it lacks."""
    import importlib.util

    try:
        import flows.tasks  # noqa: F401
    except Exception as exc:
        return f"cannot import newsetl ({type(exc).__name__}: {exc})"
    missing = [m for m in models if importlib.util.find_spec(m) is None]
    return f"spaCy pipelines not installed: {', '.join(missing)}" if missing else ""
