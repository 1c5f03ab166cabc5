"""The Parquet writer: typed, partitioned, atomic.

A file appears whole or not at all (locally: written under `<root>/_staging/`, flushed to disk, then renamed
into place; on S3, one upload: warehouse/storage.py); it becomes part of its table only when a commit in the
log (`warehouse/log.py`) names it. A file's name is derived from the keys of
the rows it holds, so writing the same rows again replaces the file instead of adding a copy.
"""

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from warehouse import log, storage
from warehouse.schemas import SCHEMA_VERSION, TABLES, TableSpec

STAGING = storage.STAGING


class SchemaError(ValueError):
    """Rows that do not fit their table's declared schema."""


def to_table(spec: TableSpec, rows: list[dict]) -> pa.Table:
    """Rows -> Arrow table with the declared schema, refusing nulls in non-nullable columns."""
    try:
        table = pa.Table.from_pylist(rows, schema=spec.schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError) as exc:
        raise SchemaError(f"{spec.name}: {exc}") from exc
    for field in spec.schema:
        if not field.nullable and table.column(field.name).null_count:
            raise SchemaError(
                f"{spec.name}.{field.name} is required but {table.column(field.name).null_count} rows have none"
            )
    return table


def file_id(table: pa.Table, key: tuple[str, ...]) -> str:
    """A name for a file from the keys of its rows: the same rows always get the same name."""
    digest = hashlib.sha256()
    # nulls (a column older files lack) sort first, whatever the column's type
    rows = zip(*(table.column(k).to_pylist() for k in key), strict=True)
    for row in sorted(rows, key=lambda r: [(v is not None, "" if v is None else v) for v in r]):
        digest.update(repr(row).encode())
    return digest.hexdigest()[:20]


def write(root: Path, name: str, rows: list[dict], info: dict | None = None) -> list[str]:
    """Write rows of table `name` and commit them: one atomic append. Returns the files written."""
    paths = write_files(root, name, rows)
    if paths:
        log.commit(root, add={name: paths}, info=info)
    return paths


def write_files(root: Path, name: str, rows: list[dict]) -> list[str]:
    """Write rows of table `name` under `root`, not yet committed; returns the files (none for no rows), as
    paths relative to the root."""
    if not rows:
        return []
    return write_table_files(root, name, to_table(TABLES[name], rows))


def write_table_files(root: Path, name: str, table: pa.Table) -> list[str]:
    """Write an Arrow table of `name` (already of its schema), partitioned and sorted; not yet committed."""
    spec = TABLES[name]
    metadata = {b"newsetl.table": name.encode(), b"newsetl.schema_version": str(SCHEMA_VERSION).encode()}
    table = table.replace_schema_metadata(metadata)
    parts: list[tuple[str | None, pa.Table]]
    if spec.partitioned:
        months = pc.strftime(table.column("day"), format="%Y-%m")
        parts = [(m, table.filter(pc.equal(months, m))) for m in sorted(set(months.to_pylist()))]
    else:
        parts = [(None, table)]
    written = []
    store = storage.of(root)
    for month, part in parts:
        part = part.sort_by([(c, "ascending") for c in spec.sort_by])
        folder = f"{name}/month={month}" if month else name
        final = f"{folder}/part-{file_id(part, spec.key)}.parquet"
        with store.writing(final) as sink:
            pq.write_table(part, sink, compression="zstd", row_group_size=50_000)
        written.append(final)
    return written


def files(root: Path, name: str, snapshot: log.Snapshot | None = None) -> list[str]:
    """The committed files of a table, as paths relative to the root."""
    snapshot = snapshot or log.read(root)
    return snapshot.table_files(name)


def month_of(rel: str) -> str | None:
    """The `month` partition a file is in (`articles/month=2026-11/part-….parquet` -> "2026-11")."""
    for part in rel.split("/"):
        if part.startswith("month="):
            return part.removeprefix("month=")
    return None


def dataset(root: Path, name: str, paths: list[str], with_month: bool = False) -> ds.Dataset:
    """A dataset over committed files of table `name` at its current schema (older files' missing columns read
    as nulls); `with_month` adds the partition column."""
    spec = TABLES[name]
    store = storage.of(root)
    if with_month and spec.partitioned:
        schema = spec.schema.append(pa.field("month", pa.string()))
        return store.dataset(paths, schema, [month_of(p) for p in paths])
    return store.dataset(paths, spec.schema)


def read(root: Path, name: str, columns: list[str]) -> pa.Table:
    """Selected columns of every file of a table (an empty table when there are none)."""
    spec = TABLES[name]
    paths = files(root, name)
    if not paths:
        return spec.schema.empty_table().select(columns)
    return dataset(root, name, paths).to_table(columns=columns)


def batches(root: Path, name: str, columns: list[str] | None = None, batch_rows: int = 200) -> Iterator[pa.RecordBatch]:
    """Stream a table's committed rows a record batch at a time (memory stays flat); columns missing from older
    files come back as nulls."""
    paths = files(root, name)
    if not paths:
        return
    for batch in dataset(root, name, paths).to_batches(columns=columns, batch_size=batch_rows):
        if batch.num_rows:
            yield batch


def scan(root: Path, name: str, columns: list[str] | None = None, batch_rows: int = 200) -> Iterator[list[dict]]:
    """Stream a table's rows as lists of dicts, a record batch at a time."""
    for batch in batches(root, name, columns, batch_rows):
        yield batch.to_pylist()
