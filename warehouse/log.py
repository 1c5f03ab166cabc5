"""The commit log: which Parquet files make up each table. A file is part of the warehouse once, and only once,
a commit names it.

`<root>/_log/000000000042.json` is commit 42: the files it adds and removes per table, and what made it. A
commit is published only if its numbered name is free (locally: hard-linking a fully written, fsynced temporary
file, which fails if the name exists; on S3: a conditional PUT, `If-None-Match: *`; warehouse/storage.py):
two writers can never both take commit 42, and a reader sees a commit whole or not at all.
A batch writes its files for every table first, then commits them together, so a process killed at any
moment leaves either the whole batch or none of it in the warehouse; files written without a commit are
debris, never rows, and `recover` deletes them. Every `CHECKPOINT_EVERY` commits a checkpoint holds the whole
file list, so reading the state replays at most that many commits.

Removed files (compaction) stay on disk for `GRACE_SECONDS`, so a reader holding an older catalog can finish;
`recover` deletes them after that.
"""

import json
import random
import time
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from warehouse import storage

LOG_DIR = "_log"
CHECKPOINT_EVERY = 100
GRACE_SECONDS = 3600


class CommitConflict(RuntimeError):
    """Another writer took the commit number; re-read the log and try again."""


@dataclass
class Snapshot:
    version: int = 0  # the last commit applied
    files: dict[str, set[str]] = field(default_factory=dict)  # table -> paths relative to the root
    removed: dict[str, float] = field(default_factory=dict)  # path -> unix time it was removed

    def apply(self, entry: dict) -> None:
        for table, paths in entry.get("add", {}).items():
            self.files.setdefault(table, set()).update(paths)
            for path in paths:
                self.removed.pop(path, None)
        for table, paths in entry.get("remove", {}).items():
            self.files.setdefault(table, set()).difference_update(paths)
            for path in paths:
                self.removed[path] = entry["at"]
        self.version = entry["version"]

    def table_files(self, table: str) -> list[str]:
        return sorted(self.files.get(table, ()))

    def as_checkpoint(self) -> dict:
        return {
            "version": self.version,
            "files": {t: sorted(p) for t, p in self.files.items()},
            "removed": self.removed,
        }


def _commit_name(version: int) -> str:
    return f"{version:012d}.json"


def _checkpoint_name(version: int) -> str:
    return f"{version:012d}.checkpoint.json"


def _publish_exclusive(store: storage.Storage, name: str, data: bytes) -> None:
    """Write `data` to the log as `name` unless that name exists; all or nothing."""
    try:
        store.put_new(f"{LOG_DIR}/{name}", data)
    except FileExistsError as exc:
        raise CommitConflict(f"commit {name} exists already") from exc


def read(root: Path) -> Snapshot:
    """The current state: the newest checkpoint, then every commit after it, in order."""
    store = storage.of(root)
    names = [p.rsplit("/", 1)[-1] for p in store.ls(LOG_DIR, recursive=False)]
    names = sorted(n for n in names if n.endswith(".json") and not n.startswith("."))
    checkpoints = [n for n in names if n.endswith(".checkpoint.json")]
    snapshot = Snapshot()
    if checkpoints:
        data = json.loads(store.read_bytes(f"{LOG_DIR}/{checkpoints[-1]}"))
        snapshot = Snapshot(data["version"], {t: set(p) for t, p in data["files"].items()}, data.get("removed", {}))
    for name in names:
        if name.endswith(".checkpoint.json") or int(name.split(".")[0]) <= snapshot.version:
            continue
        entry = json.loads(store.read_bytes(f"{LOG_DIR}/{name}"))
        if entry["version"] != snapshot.version + 1:
            where = store.display(f"{LOG_DIR}/{name}")
            raise RuntimeError(f"{where}: commit {entry['version']} follows {snapshot.version}; log damaged")
        snapshot.apply(entry)
    return snapshot


def commit(
    root: Path,
    add: dict[str, list[str]] | None = None,
    remove: dict[str, list[str]] | None = None,
    info: dict | None = None,
    attempts: int = 50,
) -> Snapshot:
    """Append one commit; its files (already written and fsynced) become visible together."""
    store = storage.of(root)
    add = {t: sorted(set(p)) for t, p in (add or {}).items() if p}
    remove = {t: sorted(set(p)) for t, p in (remove or {}).items() if p}
    if not isinstance(store, storage.LocalStorage):  # a lease lost on S3 must not commit (warehouse/lock.py)
        from warehouse.lock import check_lease

        check_lease(store)
    for attempt in range(attempts):
        snapshot = read(root)
        entry = {
            "version": snapshot.version + 1,
            "at": time.time(),
            "committed_at": datetime.now(UTC).isoformat(),
            "add": add,
            "remove": remove,
            "info": info or {},
        }
        try:
            _publish_exclusive(store, _commit_name(entry["version"]), json.dumps(entry).encode())
        except CommitConflict:
            time.sleep(random.random() * 0.01 * (attempt + 1))  # let the other writer finish, then re-read
            continue
        snapshot.apply(entry)
        if snapshot.version % CHECKPOINT_EVERY == 0:
            with suppress(CommitConflict):  # someone wrote the same checkpoint
                _publish_exclusive(
                    store, _checkpoint_name(snapshot.version), json.dumps(snapshot.as_checkpoint()).encode()
                )
        return snapshot
    raise CommitConflict(f"could not commit after {attempts} attempts: too many concurrent writers")


def unlogged(root: Path, tables: list[str]) -> dict[str, list[str]]:
    """The Parquet files of a warehouse written before the log existed, per table (nothing if it has a log)."""
    store = storage.of(root)
    if store.ls(LOG_DIR, recursive=False):
        return {}
    found = {t: [p for p in store.ls(t) if p.endswith(".parquet")] for t in tables}
    return {t: paths for t, paths in found.items() if paths}


def adopt_existing(root: Path, tables: list[str]) -> Snapshot:
    """A warehouse written before the log existed: commit the Parquet files it has, once."""
    found = unlogged(root, tables)
    if not found:
        return read(root)
    return commit(root, add=found, info={"operation": "adopt files written before the commit log"})


def debris(root: Path, tables: list[str], snapshot: Snapshot, now: float | None = None) -> list[str]:
    """Files no reader can need: written but never committed, or removed longer than GRACE_SECONDS ago
    (paths relative to the root)."""
    now = time.time() if now is None else now
    live = {p for paths in snapshot.files.values() for p in paths}
    out = []
    store = storage.of(root)
    for table in tables:
        for rel in store.ls(table):
            if not rel.endswith(".parquet") or rel in live:
                continue
            removed_at = snapshot.removed.get(rel)
            if removed_at is None or now - removed_at > GRACE_SECONDS:
                out.append(rel)
    return sorted(out)
