"""Where a warehouse's tables and commit log live: a local folder, or an S3 prefix (`s3://bucket/prefix`).

Every module names a warehouse by its *local root*, a folder. For a local warehouse that folder holds
everything. For an S3 warehouse it is a working folder on this machine (`local_root`) holding what is
per-machine: the writer lock, the crawl state (derived: rebuilt from the `pages` table when missing), the
DuckDB catalog and the file `_storage.json`, which names the bucket and prefix. `of(root)` reads that file,
so a child process given only the folder (compaction) reaches the same storage.

What the warehouse needs of a store, and how each gives it:

- a data file appears whole or not at all: locally, written to `_staging/`, fsynced and renamed; on S3, a PUT
  (or a completed multipart upload) is atomic;
- a commit is taken once, by one writer: locally, a hard link, which fails if the name exists; on S3, a
  conditional PUT (`If-None-Match: *`, which S3 has honoured since 2024);
- reading: pyarrow's local or S3 filesystem.

Endpoint, region and credentials come from settings or the usual AWS variables (`AWS_ENDPOINT_URL_S3`,
`AWS_ENDPOINT_URL`, `AWS_REGION`, `AWS_ACCESS_KEY_ID`, ...); credentials are never written down.
"""

import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.fs as pafs

STORAGE_FILE = "_storage.json"
STAGING = "_staging"


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


def local_root(
    warehouse: str | os.PathLike,
    local_dir: str | os.PathLike | None = None,
    endpoint: str | None = None,
    region: str | None = None,
) -> Path:
    """The local root of a warehouse: the folder itself, or for `s3://…` its working folder, which is (re)tied
    to the bucket and prefix here."""
    if not is_remote(warehouse):
        return Path(warehouse).expanduser().resolve()
    uri = str(warehouse).rstrip("/")
    split_s3(uri)
    root = Path(local_dir).expanduser().resolve() if local_dir else default_local_dir(uri)
    root.mkdir(parents=True, exist_ok=True)
    marker = root / STORAGE_FILE
    config = {"uri": uri, "endpoint": endpoint, "region": region}
    if marker.exists():
        old = json.loads(marker.read_text())
        if old.get("uri") != uri:
            raise StorageError(f"{root} is the working folder of {old.get('uri')}, not {uri}; pick another")
        if old == config:
            return root
    tmp = root / f".{STORAGE_FILE}.{uuid.uuid4().hex}"
    tmp.write_text(json.dumps(config))
    os.replace(tmp, marker)
    _cache.pop(root, None)
    return root


class Storage:
    """A store of files named by paths relative to the warehouse root (posix style: `articles/month=…/x`)."""

    uri: str
    fs: pafs.FileSystem

    def full(self, rel: str) -> str:
        """The path of `rel` in `fs`."""
        raise NotImplementedError

    def display(self, rel: str = "") -> str:
        """A path or URI for people and for messages."""
        raise NotImplementedError

    @contextmanager
    def writing(self, rel: str) -> Iterator:
        """A binary sink for a new file at `rel`; it appears there whole when the block ends without error. If the
        block fails, nothing appears locally; on S3 (no way to abort an upload through pyarrow) a partial file
        may, which no commit names: debris, never read, deleted by the next writer."""
        raise NotImplementedError
        yield

    def put_new(self, rel: str, data: bytes) -> None:
        """Create `rel` holding `data` unless it exists (FileExistsError); all or nothing."""
        raise NotImplementedError

    def read_bytes(self, rel: str) -> bytes:
        with self.fs.open_input_stream(self.full(rel)) as source:
            return source.read()

    def exists(self, rel: str) -> bool:
        return self.fs.get_file_info(self.full(rel)).type != pafs.FileType.NotFound

    def ls(self, rel_dir: str, recursive: bool = True) -> list[str]:
        """Files under `rel_dir`, as paths relative to the root (none if it does not exist)."""
        base = self.full("")
        selector = pafs.FileSelector(self.full(rel_dir), recursive=recursive, allow_not_found=True)
        infos = self.fs.get_file_info(selector)
        return sorted(i.path[len(base) :].lstrip("/") for i in infos if i.type == pafs.FileType.File)

    def delete(self, rel: str) -> None:
        with suppress(FileNotFoundError):
            self.fs.delete_file(self.full(rel))

    def dataset(self, rels: list[str], schema, partition_values: list | None = None) -> ds.Dataset:
        """A dataset over exactly these files, with `schema` (columns a file lacks read as nulls); with
        `partition_values`, each file's `month`. No request is made until it is scanned."""
        partitions = [ds.field("month") == v for v in partition_values] if partition_values else None
        return ds.FileSystemDataset.from_paths(
            [self.full(r) for r in rels], schema=schema, format=ds.ParquetFileFormat(), filesystem=self.fs,
            partitions=partitions,
        )  # fmt: skip


@dataclass(eq=False)
class LocalStorage(Storage):
    root: Path

    def __post_init__(self):
        self.uri = str(self.root)
        self.fs = pafs.LocalFileSystem()

    def full(self, rel: str) -> str:
        return str(self.root / rel) if rel else str(self.root)

    def display(self, rel: str = "") -> str:
        return self.full(rel)

    @contextmanager
    def writing(self, rel: str) -> Iterator:
        final = self.root / rel
        staging = self.root / STAGING
        staging.mkdir(parents=True, exist_ok=True)
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = staging / f"{uuid.uuid4().hex}.tmp"
        try:
            with open(tmp, "wb") as sink:
                yield sink
                sink.flush()
                os.fsync(sink.fileno())
            os.replace(tmp, final)
        finally:
            tmp.unlink(missing_ok=True)
        _fsync_dir(final.parent)

    def put_new(self, rel: str, data: bytes) -> None:
        final = self.root / rel
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = final.parent / f".{final.name}.{uuid.uuid4().hex}.tmp"
        with open(tmp, "wb") as sink:
            sink.write(data)
            sink.flush()
            os.fsync(sink.fileno())
        try:
            os.link(tmp, final)  # fails if the name exists: one writer gets it
        finally:
            tmp.unlink(missing_ok=True)
        _fsync_dir(final.parent)

    def ls(self, rel_dir: str, recursive: bool = True) -> list[str]:
        folder = self.root / rel_dir
        if not folder.is_dir():
            return []
        found = folder.rglob("*") if recursive else folder.iterdir()
        return sorted(p.relative_to(self.root).as_posix() for p in found if p.is_file())


@dataclass(eq=False)
class S3Storage(Storage):
    uri: str
    endpoint: str | None = None
    region: str | None = None

    def __post_init__(self):
        self.bucket, self.prefix = split_s3(self.uri)
        self.endpoint = self.endpoint or os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL")
        self.region = self.region or os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION")
        options = {"endpoint_override": self.endpoint} if self.endpoint else {}
        if self.region:
            options["region"] = self.region
        # pyarrow's AWS SDK finds credentials by the usual chain (variables, profile, instance role), but
        # unlike boto3 it does not read AWS_ENDPOINT_URL: the endpoint is passed on explicitly.
        self.fs = pafs.S3FileSystem(**options)

    @cached_property
    def client(self):
        """boto3, for the one thing pyarrow cannot do: a conditional PUT."""
        import boto3

        return boto3.client("s3", endpoint_url=self.endpoint, region_name=self.region)

    def key(self, rel: str) -> str:
        return f"{self.prefix}/{rel}" if self.prefix and rel else (self.prefix or rel)

    def full(self, rel: str) -> str:
        key = self.key(rel)
        return f"{self.bucket}/{key}" if key else self.bucket

    def display(self, rel: str = "") -> str:
        return f"s3://{self.full(rel)}"

    @contextmanager
    def writing(self, rel: str) -> Iterator:
        # The object exists only once the upload completes; an upload cut short leaves nothing, or at worst a
        # file no commit names, which `recover` deletes like any other debris.
        with self.fs.open_output_stream(self.full(rel)) as sink:
            yield sink

    def put_new(self, rel: str, data: bytes) -> None:
        self.put_if(rel, data, None)

    def put_if(self, rel: str, data: bytes, etag: str | None) -> str:
        """Write `rel` only if it does not exist (`etag` None) or is still the version `etag` names; returns the
        new version's ETag. FileExistsError when the condition fails (another writer got there first)."""
        from botocore.exceptions import ClientError

        condition = {"IfNoneMatch": "*"} if etag is None else {"IfMatch": etag}
        try:
            return self.client.put_object(Bucket=self.bucket, Key=self.key(rel), Body=data, **condition)["ETag"]
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code")
            if code in ("PreconditionFailed", "ConditionalRequestConflict", "NoSuchKey"):
                raise FileExistsError(self.display(rel)) from exc
            raise StorageError(f"{self.display(rel)}: {exc}") from exc

    def get_with_etag(self, rel: str) -> tuple[bytes, str] | None:
        """The content of `rel` and its ETag, or None if it does not exist."""
        from botocore.exceptions import ClientError

        try:
            answer = self.client.get_object(Bucket=self.bucket, Key=self.key(rel))
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                return None
            raise StorageError(f"{self.display(rel)}: {exc}") from exc
        return answer["Body"].read(), answer["ETag"]


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_cache: dict[Path, Storage] = {}


def of(root: Path) -> Storage:
    """The storage of the warehouse whose local root is `root`."""
    root = Path(root)
    if root not in _cache:
        marker = root / STORAGE_FILE
        if marker.exists():
            config = json.loads(marker.read_text())
            _cache[root] = S3Storage(config["uri"], config.get("endpoint"), config.get("region"))
        else:
            _cache[root] = LocalStorage(root)
    return _cache[root]
