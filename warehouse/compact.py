"""Compaction: many small files of a partition become one, in one commit, with the same rows.

Hourly runs write a file per table per batch; thousands of small files make every query slower (2,920 files:
708 ms against 250 ms compacted, shared/measured.md). A partition with at least `min_files` files is merged:
its files are read in order of their earliest `day` and streamed, a record batch at a time, into one new file
(memory stays at a batch, whatever the partition's size), rows projected onto the current schema (so older
files come out at the current schema version). The new file is added and the old ones removed in one commit,
so a query sees either the old files or the new one, never both or neither. The old files stay on disk for
the log's grace period, for readers of an older catalog; the next writer deletes them after that.

Runs compact as they go, whenever a partition passes the threshold, and then merge only the partition's small
files (under `SMALL_FILE_ROWS` rows): what has been merged to full size is not rewritten again, so the cost
of a compaction stays proportional to what is new, however big the warehouse. `newsetl compact` merges
everything.

A run compacts in a child process (`compact_in_child`): Arrow's reader threads leave 80–110 MB of freed but
fragmented heap in the process after merging ~850 small files, which `malloc_trim` does not return, and
over a long run it accumulates. A child's memory goes back to the system when it exits.
"""

import argparse
import fcntl
import json
import posixpath
import subprocess
import sys
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from warehouse import lock, log, storage, writer
from warehouse.schemas import SCHEMA_VERSION, TABLES

ROW_GROUP_ROWS = 50_000
ROW_GROUP_BYTES = 64 * 2**20  # in memory, before compression
READ_ROWS = 4096
SMALL_FILE_ROWS = ROW_GROUP_ROWS  # a file with fewer rows is merged again by a run's compaction


@dataclass
class Compaction:
    partitions: int = 0
    files_before: int = 0
    files_after: int = 0
    rows: int = 0
    tables: dict[str, int] = field(default_factory=dict)  # partitions merged per table


def _metadata(root: Path, rel: str) -> pq.FileMetaData:
    store = storage.of(root)
    return pq.read_metadata(store.full(rel), filesystem=store.fs)


def _min_day(root: Path, rel: str):
    """The earliest `day` in a file, from its row-group statistics (no data read)."""
    meta = _metadata(root, rel)
    names = meta.schema.names
    if "day" not in names:
        return None
    index = names.index("day")
    days = [
        meta.row_group(i).column(index).statistics.min
        for i in range(meta.num_row_groups)
        if meta.row_group(i).column(index).statistics is not None
    ]
    return min(days) if days else None


def _merge(root: Path, name: str, paths: list[str]) -> tuple[str, int]:
    """Stream `paths` (one partition of table `name`) into one new file; returns it and its row count."""
    spec = TABLES[name]
    days = {p: _min_day(root, p) for p in paths}
    paths = sorted(paths, key=lambda p: (days[p] is None, days[p] or 0, posixpath.basename(p)))
    dataset = writer.dataset(root, name, paths)
    # Name the file by its rows' keys, like every other file: merging the same rows again gives the same name.
    name_id = writer.file_id(dataset.to_table(columns=list(spec.key)), spec.key)
    final = f"{posixpath.dirname(paths[0])}/part-{name_id}.parquet"
    if final in paths:  # the same rows merged before under this name: nothing to gain
        final = f"{posixpath.dirname(paths[0])}/part-{name_id}-{uuid.uuid4().hex[:6]}.parquet"
    schema = spec.schema.with_metadata(
        {b"newsetl.table": name.encode(), b"newsetl.schema_version": str(SCHEMA_VERSION).encode()}
    )
    rows = 0
    with storage.of(root).writing(final) as sink, pq.ParquetWriter(sink, schema, compression="zstd") as out:
        # Each write makes at least one row group, and the small files' batches are small: gather them to
        # ROW_GROUP_ROWS first (500 row groups of ~160 rows per file made scans 100x slower). A row group also
        # ends at ROW_GROUP_BYTES, so 50k pages of raw HTML are never held at once.
        pending, pending_rows, pending_bytes = [], 0, 0
        for batch in dataset.to_batches(batch_size=READ_ROWS):
            pending.append(batch)
            pending_rows += batch.num_rows
            pending_bytes += batch.nbytes
            if pending_rows >= ROW_GROUP_ROWS or pending_bytes >= ROW_GROUP_BYTES:
                out.write_table(pa.Table.from_batches(pending, schema=spec.schema), ROW_GROUP_ROWS)
                rows, pending, pending_rows, pending_bytes = rows + pending_rows, [], 0, 0
        if pending_rows:
            out.write_table(pa.Table.from_batches(pending, schema=spec.schema), ROW_GROUP_ROWS)
            rows += pending_rows
    return final, rows


def _small(root: Path, rel: str, max_rows: int | None) -> bool:
    return max_rows is None or _metadata(root, rel).num_rows < max_rows


def compact(
    root: Path,
    min_files: int = 2,
    tables: list[str] | None = None,
    max_rows: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Compaction:
    """Merge every partition with at least `min_files` committed files; with `max_rows`, only its files with
    fewer rows than that. The caller holds the writer lock. `progress(done, total)` is called as partitions
    are merged (a progress bar's hook)."""
    result = Compaction()
    snapshot = log.read(root)
    plan: list[tuple[str, str, list[str]]] = []
    for name in tables or list(TABLES):
        by_partition: dict[str, list[str]] = defaultdict(list)
        for path in writer.files(root, name, snapshot):
            by_partition[posixpath.dirname(path)].append(path)
        for folder, paths in sorted(by_partition.items()):
            if len(paths) < min_files:
                continue
            paths = [p for p in paths if _small(root, p, max_rows)]
            if len(paths) >= min_files:
                plan.append((name, folder, paths))
    if progress:
        progress(0, len(plan))
    for done, (name, folder, paths) in enumerate(plan, 1):
        merged, rows = _merge(root, name, paths)
        log.commit(
            root,
            add={name: [merged]},
            remove={name: paths},
            info={"operation": "compact", "table": name, "partition": posixpath.basename(folder), "rows": rows},
        )
        result.partitions += 1
        result.files_before += len(paths)
        result.files_after += 1
        result.rows += rows
        result.tables[name] = result.tables.get(name, 0) + 1
        if progress:
            progress(done, len(plan))
    return result


def crowded(root: Path, threshold: int) -> list[str]:
    """Tables with a partition holding more than `threshold` files: what a scheduled run compacts."""
    snapshot = log.read(root)
    out = []
    for name in TABLES:
        counts: dict[str, int] = defaultdict(int)
        for path in writer.files(root, name, snapshot):
            counts[posixpath.dirname(path)] += 1
        if counts and max(counts.values()) > threshold:
            out.append(name)
    return out


def compact_in_child(
    root: Path, min_files: int = 2, tables: list[str] | None = None, max_rows: int | None = None
) -> Compaction:
    """`compact`, run by a child process that shares this process's writer lock (which it must hold)."""
    fd = lock.held_fd(root)
    cmd = [sys.executable, "-m", "warehouse.compact", str(root), "--lock-fd", str(fd), "--min-files", str(min_files)]
    if tables is not None:
        cmd += ["--tables", ",".join(tables)]
    if max_rows is not None:
        cmd += ["--max-rows", str(max_rows)]
    done = subprocess.run(cmd, pass_fds=(fd,), capture_output=True, text=True)
    if done.returncode != 0:
        detail = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        raise RuntimeError(f"compaction of {root} failed in its child process: {detail[0]}")
    return Compaction(**json.loads(done.stdout.splitlines()[-1]))


def _main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m warehouse.compact", description="Compact a warehouse under a writer lock held by the caller."
    )
    parser.add_argument("root", type=Path)
    parser.add_argument("--lock-fd", type=int, required=True, help="the caller's lock descriptor, inherited")
    parser.add_argument("--min-files", type=int, default=2)
    parser.add_argument("--tables", type=lambda v: v.split(","))
    parser.add_argument("--max-rows", type=int)
    args = parser.parse_args(argv)
    try:  # a no-op on the caller's own lock; fails if the descriptor does not hold it and another process does
        fcntl.flock(args.lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        raise SystemExit(f"--lock-fd {args.lock_fd} does not hold the writer lock of {args.root}: {exc}") from None
    done = compact(args.root, min_files=args.min_files, tables=args.tables, max_rows=args.max_rows)
    print(json.dumps(asdict(done)))


if __name__ == "__main__":
    _main()
