"""Rows into the DuckLake: typed by the declared schemas, one transaction per call.

Every write passes rows through their table's Arrow schema first (nothing is inferred; a missing required
value is a clear error before anything is written), then inserts them in one DuckLake transaction: the rows
appear together at one snapshot, or not at all.
"""

from pathlib import Path

import pyarrow as pa

from warehouse import lake
from warehouse.schemas import LAKE_TABLES, TableSpec


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


def write_tables(root: Path, tables: dict[str, pa.Table], message: str = "load") -> dict[str, int]:
    """Insert Arrow tables (of their declared schemas) into their DuckLake tables in one transaction;
    returns rows written per table."""
    counts = {name: t.num_rows for name, t in tables.items()}
    if not any(counts.values()):
        return counts
    with lake.session(root, create=True) as con:
        con.execute("BEGIN")
        for name, table in tables.items():
            lake.insert(con, name, table)
        lake.set_commit_message(con, "newsetl", message)
        con.execute("COMMIT")
    return counts


def write(root: Path, name: str, rows: list[dict], message: str | None = None) -> int:
    """Write rows of table `name` in one commit; returns the rows written."""
    if not rows:
        return 0
    table = to_table(LAKE_TABLES[name], rows)
    return write_tables(root, {name: table}, message or f"write {name}")[name]


# Reading, for the code that used to read the files: the DuckLake answers.
read = lake.read
batches = lake.batches
scan = lake.scan
count = lake.count
