"""Exports: typed Parquet tables, GDELT-style event rows, JSON lines and CSV, from the store via the CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.export import EXPORT_SCHEMAS, GDELT_COLUMNS, gdelt_rows, record_tables
from dateline.model import Article, Failure
from dateline.store import open_store
from tests.store.records import harbour_article, plain_article


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "export.db"
    with open_store(path) as store:
        store.upsert(harbour_article())
        store.upsert(plain_article(1, "Quiet day", "Nothing happened.", published="2024-04-24"))
        store.record_failure("broken.html", "broken.html: empty", "EmptyInput")
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_record_tables_are_typed_and_keep_every_span_with_its_text():
    tables = record_tables([harbour_article(), Failure("x.html", "x.html: empty", "EmptyInput")])
    assert set(tables) == {"articles", "entities", "quotes", "events", "failures"}
    for name, table in tables.items():
        assert table.schema == EXPORT_SCHEMAS[name]
    assert tables["articles"].schema.field("published").type == pa.timestamp("us", tz="UTC")
    assert tables["events"].schema.field("goldstein").type == pa.float32()
    dahl = tables["entities"].to_pylist()[2]
    article = harbour_article()
    for mention in dahl["mentions"]:
        assert article.text[mention["start"] : mention["end"]] == mention["text"]
    [quote] = tables["quotes"].to_pylist()
    assert article.text[quote["speaker_start"] : quote["speaker_end"]] == quote["speaker_text"] == "Ingrid Dahl"
    assert tables["failures"].num_rows == 1


def test_parquet_export_writes_one_typed_file_per_table(db: Path, tmp_path: Path):
    out = tmp_path / "tables"
    run("export", "--db", str(db), "--format", "parquet", "--output", str(out))
    assert sorted(p.name for p in out.iterdir()) == [
        "articles.parquet", "entities.parquet", "events.parquet", "failures.parquet", "quotes.parquet"]
    articles = pq.read_table(out / "articles.parquet")
    assert articles.num_rows == 2
    assert articles.schema.field("entity_count").type == pa.int32()
    events = pq.read_table(out / "events.parquet")
    assert events.schema.field("date").type == pa.date32()
    assert events.column("cameo").to_pylist() == ["040", "112"]
    assert pq.read_table(out / "failures.parquet").column("source").to_pylist() == ["broken.html"]


def test_parquet_without_output_is_a_usage_error(db: Path):
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "parquet"])
    assert result.exit_code == 2 and "--output" in result.output


def test_gdelt_table_has_one_row_per_event_with_gdelt_columns(db: Path):
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", str(db), "--format", "gdelt")), delimiter="\t"))
    assert len(rows) == 2
    assert list(rows[0]) == GDELT_COLUMNS
    first = rows[0]
    assert (first["SQLDATE"], first["Actor1Code"], first["Actor2CountryCode"], first["EventCode"],
            first["EventRootCode"], first["QuadClass"], first["IsRootEvent"]) == (
        "20240423", "NOR", "ISL", "040", "04", "1", "1")
    assert rows[1]["IsRootEvent"] == "0"  # not in the lead paragraph
    assert first["SOURCEURL"] == "https://news.example.org/harbour-talks"


def test_gdelt_rows_use_the_article_date_when_the_event_has_none():
    [_, second] = list(gdelt_rows([harbour_article()]))
    assert second["SQLDATE"] == 20240423 and second["Actor1Type1Code"] is None


def test_jsonl_export_round_trips_the_record_and_lists_failures(db: Path):
    lines = [json.loads(line) for line in run("export", "--db", str(db)).splitlines()]
    assert Article.from_dict(lines[0]).to_dict() == harbour_article().to_dict()
    assert lines[-1] == {"source": "broken.html", "error": "broken.html: empty", "kind": "EmptyInput"}


def test_csv_to_stdout_is_one_table_with_nested_values_as_json(db: Path):
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", str(db), "--format", "csv", "--table", "entities"))))
    assert [r["name"] for r in rows] == ["Norway", "Iceland", "Ingrid Dahl"]
    assert json.loads(rows[2]["descriptors"]) == ["Norwegian fisheries minister"]


def test_export_filters_apply(db: Path):
    lines = run("export", "--db", str(db), "--since", "2024-04-24").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["plain0001"]
