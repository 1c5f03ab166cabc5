"""The commit log: which Parquet files make up each table. A file is part of the warehouse once, and only once,
a commit names it.

`<root>/_log/000000000042.json` is commit 42: the files it adds and removes per table, and what made it. A
commit is published by hard-linking a fully written, fsynced temporary file to its numbered name, which fails
if that name exists: two writers can never both take commit 42, and a reader sees a commit whole or not at
all. A batch writes its files for every table first, then commits them together, so a process killed at any
moment leaves either the whole batch or none of it in the warehouse; files written without a commit are
debris, never rows, and `recover` deletes them. Every `CHECKPOINT_EVERY` commits a checkpoint holds the whole
file list, so reading the state replays at most that many commits.

Removed files (compaction) stay on disk for `GRACE_SECONDS`, so a reader holding an older catalog can finish;
`recover` deletes them after that.
"""

import json
import os
import random
import time
import uuid
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

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


def _log_dir(root: Path) -> Path:
    return root / LOG_DIR


def _commit_name(version: int) -> str:
    return f"{version:012d}.json"


def _checkpoint_name(version: int) -> str:
    return f"{version:012d}.checkpoint.json"


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _publish_exclusive(folder: Path, name: str, data: bytes) -> None:
    """Write `data` to folder/name unless that name exists; all or nothing."""
    tmp = folder / f".{name}.{uuid.uuid4().hex}.tmp"
    with open(tmp, "wb") as sink:
        sink.write(data)
        sink.flush()
        os.fsync(sink.fileno())
    try:
        os.link(tmp, folder / name)
    except FileExistsError as exc:
        raise CommitConflict(f"commit {name} exists already") from exc
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(folder)


def read(root: Path) -> Snapshot:
    """The current state: the newest checkpoint, then every commit after it, in order."""
    folder = _log_dir(root)
    if not folder.exists():
        return Snapshot()
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".json") and not p.name.startswith("."))
    checkpoints = [n for n in names if n.endswith(".checkpoint.json")]
    snapshot = Snapshot()
    if checkpoints:
        data = json.loads((folder / checkpoints[-1]).read_text())
        snapshot = Snapshot(data["version"], {t: set(p) for t, p in data["files"].items()}, data.get("removed", {}))
    for name in names:
        if name.endswith(".checkpoint.json") or int(name.split(".")[0]) <= snapshot.version:
            continue
        entry = json.loads((folder / name).read_text())
        if entry["version"] != snapshot.version + 1:
            raise RuntimeError(f"{folder / name}: commit {entry['version']} follows {snapshot.version}; log damaged")
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
    folder = _log_dir(root)
    folder.mkdir(parents=True, exist_ok=True)
    add = {t: sorted(set(p)) for t, p in (add or {}).items() if p}
    remove = {t: sorted(set(p)) for t, p in (remove or {}).items() if p}
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
            _publish_exclusive(folder, _commit_name(entry["version"]), json.dumps(entry).encode())
        except CommitConflict:
            time.sleep(random.random() * 0.01 * (attempt + 1))  # let the other writer finish, then re-read
            continue
        snapshot.apply(entry)
        if snapshot.version % CHECKPOINT_EVERY == 0:
            with suppress(CommitConflict):  # someone wrote the same checkpoint
                _publish_exclusive(
                    folder, _checkpoint_name(snapshot.version), json.dumps(snapshot.as_checkpoint()).encode()
                )
        return snapshot
    raise CommitConflict(f"could not commit after {attempts} attempts: too many concurrent writers")


def unlogged(root: Path, tables: list[str]) -> dict[str, list[str]]:
    """The Parquet files of a warehouse written before the log existed, per table (nothing if it has a log)."""
    if _log_dir(root).exists():
        return {}
    found = {
        t: [p.relative_to(root).as_posix() for p in sorted((root / t).rglob("*.parquet"))]
        for t in tables
        if (root / t).exists()
    }
    return {t: paths for t, paths in found.items() if paths}


def adopt_existing(root: Path, tables: list[str]) -> Snapshot:
    """A warehouse written before the log existed: commit the Parquet files it has, once."""
    found = unlogged(root, tables)
    if not found:
        return read(root)
    return commit(root, add=found, info={"operation": "adopt files written before the commit log"})


def debris(root: Path, tables: list[str], snapshot: Snapshot, now: float | None = None) -> list[Path]:
    """Files no reader can need: written but never committed, or removed longer than GRACE_SECONDS ago."""
    now = time.time() if now is None else now
    live = {p for paths in snapshot.files.values() for p in paths}
    out = []
    for table in tables:
        folder = root / table
        if not folder.exists():
            continue
        for path in folder.rglob("*.parquet"):
            rel = path.relative_to(root).as_posix()
            if rel in live:
                continue
            removed_at = snapshot.removed.get(rel)
            if removed_at is None or now - removed_at > GRACE_SECONDS:
                out.append(path)
    return sorted(out)
