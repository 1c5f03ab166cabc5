"""Where a warehouse lives: its local root, its DuckLake catalog and its data path.

Every module names a warehouse by its *local root*, a folder on this machine. It holds what is per-machine:
the writer lock, the crawl state (derived: rebuilt from the `pages` table when missing), the DuckDB CLI's init
file, and by default the DuckLake catalog (`catalog.sqlite`) and the data files (`lake/`).

- A local warehouse (`-w /data/news`): everything in that folder.
- An S3 warehouse (`-w s3://bucket/prefix`): the data files under `s3://bucket/prefix/lake/`, read and written
  by DuckDB's httpfs; the root is a working folder here (`~/.cache/newsetl/<bucket>/<prefix>`), which holds
  the SQLite catalog unless a PostgreSQL catalog is named.
- `--catalog postgresql://user@host:port/db` (NEWSETL_CATALOG): the catalog in PostgreSQL, for several
  writers and several machines.

What differs from the defaults is recorded in `<root>/_storage.json`, so that a child process, a reader or the
DuckDB CLI given only the folder reaches the same warehouse. Credentials are never written down: S3's come
from the usual AWS variables, PostgreSQL's password from PGPASSWORD or ~/.pgpass.
"""

import json
import os
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

STORAGE_FILE = "_storage.json"
CATALOG_FILE = "catalog.sqlite"
DATA_DIR = "lake"


class StorageError(RuntimeError):
    """The warehouse's storage cannot be reached or used."""


def is_remote(warehouse: str | os.PathLike) -> bool:
    return str(warehouse).startswith("s3://")


def split_s3(uri: str) -> tuple[str, str]:
    """`s3://bucket/some/prefix` -> ("bucket", "some/prefix"), with a clear error for a malformed one."""
    rest = uri.removeprefix("s3://").strip("/")
    bucket, _, prefix = rest.partition("/")
    if len(bucket) < 3 or not bucket.replace("-", "").replace(".", "").isalnum() or bucket != bucket.lower():
        raise StorageError(f"{uri}: not an S3 location (s3://bucket/prefix, bucket 3-63 lowercase characters)")
    return bucket, prefix.strip("/")


def default_local_dir(uri: str) -> Path:
    """The working folder of an S3 warehouse on this machine: `$XDG_CACHE_HOME/newsetl/<bucket>/<prefix>`."""
    bucket, prefix = split_s3(uri)
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "newsetl" / bucket / (prefix or "_root")


def catalog_without_password(catalog: str) -> str:
    """A PostgreSQL URL as it may be written down: without its password (libpq finds it in PGPASSWORD or
    ~/.pgpass)."""
    parts = urlsplit(catalog)
    if parts.password is None:
        return catalog
    netloc = parts.netloc.rsplit("@", 1)[1]
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}@{netloc}" if user else netloc))


def check_catalog(catalog: str | None) -> None:
    if catalog and not catalog.startswith(("postgresql://", "postgres://")):
        raise StorageError(f"{catalog}: the catalog setting takes a PostgreSQL URL (postgresql://user@host:port/db)")


@dataclass(frozen=True)
class Location:
    root: Path
    uri: str | None = None  # s3://bucket/prefix for a warehouse on S3
    catalog: str | None = None  # a PostgreSQL URL; None: <root>/catalog.sqlite
    endpoint: str | None = None
    region: str | None = None

    @property
    def remote(self) -> bool:
        return self.uri is not None

    @property
    def data_path(self) -> str:
        """Where the Parquet files are, ending in '/' (DuckLake's DATA_PATH)."""
        if self.uri:
            return f"{self.uri.rstrip('/')}/{DATA_DIR}/"
        return f"{self.root / DATA_DIR}/"

    @property
    def catalog_file(self) -> Path | None:
        return None if self.catalog else self.root / CATALOG_FILE

    @property
    def shared_catalog(self) -> bool:
        """A catalog several writers may commit to at once (PostgreSQL): no local writer lock."""
        return self.catalog is not None

    def attach_target(self) -> str:
        """The DuckLake ATTACH string."""
        if self.catalog:
            return f"ducklake:postgres:{self.catalog}"
        return f"ducklake:sqlite:{self.catalog_file}"

    def exists(self) -> bool:
        """Has a DuckLake catalog been created here? (For PostgreSQL: assumed, the attach says otherwise.)"""
        return self.catalog is not None or self.catalog_file.exists()

    def display(self, rel: str = "") -> str:
        base = self.uri or str(self.root)
        return f"{base.rstrip('/')}/{rel}" if rel else base

    def s3_endpoint(self) -> str | None:
        return self.endpoint or os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL")

    def s3_region(self) -> str | None:
        return self.region or os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION")


def local_root(
    warehouse: str | os.PathLike,
    local_dir: str | os.PathLike | None = None,
    endpoint: str | None = None,
    region: str | None = None,
    catalog: str | None = None,
) -> Path:
    """The local root of a warehouse: the folder itself, or for `s3://…` its working folder; what differs
    from the defaults (S3, a PostgreSQL catalog) is (re)recorded there."""
    check_catalog(catalog)
    catalog = catalog_without_password(catalog) if catalog else None
    if not is_remote(warehouse):
        root = Path(warehouse).expanduser().resolve()
        config = {"uri": None, "catalog": catalog, "endpoint": None, "region": None}
    else:
        uri = str(warehouse).rstrip("/")
        split_s3(uri)
        root = Path(local_dir).expanduser().resolve() if local_dir else default_local_dir(uri)
        config = {"uri": uri, "catalog": catalog, "endpoint": endpoint, "region": region}
    marker = root / STORAGE_FILE
    old = json.loads(marker.read_text()) if marker.exists() else None
    if old and old.get("uri") != config["uri"]:
        raise StorageError(f"{root} is the working folder of {old.get('uri') or 'a local warehouse'}, not {warehouse}")
    if old and old.get("catalog") and not catalog:
        config["catalog"] = old["catalog"]  # set once, kept: the catalog is where the warehouse's tables are
    if old and old.get("catalog") and catalog and old["catalog"] != catalog:
        raise StorageError(f"{root}'s catalog is {old['catalog']}, not {catalog}")
    wanted = config if (config["uri"] or config["catalog"]) else None
    if wanted and old != wanted:
        root.mkdir(parents=True, exist_ok=True)
        tmp = root / f".{STORAGE_FILE}.{uuid.uuid4().hex}"
        tmp.write_text(json.dumps(wanted))
        os.replace(tmp, marker)
    _cache.pop(root, None)
    return root


_cache: dict[Path, Location] = {}


def of(root: Path) -> Location:
    """The location of the warehouse whose local root is `root`."""
    root = Path(root)
    if root not in _cache:
        marker = root / STORAGE_FILE
        config = json.loads(marker.read_text()) if marker.exists() else {}
        _cache[root] = Location(root, **{k: config.get(k) for k in ("uri", "catalog", "endpoint", "region")})
    return _cache[root]


def as_dict(location: Location) -> dict:
    out = asdict(location)
    out["root"] = str(location.root)
    return out
