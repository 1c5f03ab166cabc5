"""Full-text search: a BM25 index in the DuckLake (filled in below)."""

import duckdb


def update(con: duckdb.DuckDBPyConnection) -> int:
    return 0
