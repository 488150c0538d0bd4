"""The store commands: search, show, stats, dedup, and their help."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.store import open_store
from tests.store.records import harbour_article, plain_article


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    with open_store(path) as store:
        store.upsert(harbour_article())
        store.upsert(plain_article(1, "Quiet day", "Nothing happened at the harbour."))
        store.record_failure("broken.html", "broken.html: empty", "EmptyInput")
    return path


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def test_search_prints_ranked_hits_with_marked_matches(db: Path):
    result = invoke("search", "--db", str(db), "harbour")
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "2 matches"
    assert "  1. Harbour talks resume" in result.output
    data = json.loads(invoke("search", "--db", str(db), "fishing", "--format", "json").output)
    assert data["total"] == 1 and "\x02fishing\x03" in data["hits"][0]["snippet"]


def test_a_bad_query_is_an_error_message_not_a_traceback(db: Path):
    result = invoke("search", "--db", str(db), '"harbour')
    assert result.exit_code == 1
    assert "unclosed double quote" in result.output and "Traceback" not in result.output


def test_search_on_a_missing_store_says_what_to_do(tmp_path: Path):
    result = invoke("search", "--db", str(tmp_path / "none.db"), "x")
    assert result.exit_code == 1 and "dateline ingest" in result.output


def test_show_prints_the_facts_and_json(db: Path):
    result = invoke("show", "--db", str(db), "harbour0001")
    assert result.exit_code == 0
    assert "Ingrid Dahl" in result.output and "CONSULT" in result.output
    assert json.loads(invoke("show", "--db", str(db), "harbour0001", "--format", "json").output)["id"] == "harbour0001"
    missing = invoke("show", "--db", str(db), "nope")
    assert missing.exit_code == 1 and "no article" in missing.output


def test_stats_and_errors(db: Path):
    result = invoke("stats", "--db", str(db))
    assert result.exit_code == 0 and "articles" in result.output
    errors = invoke("stats", "--db", str(db), "--errors")
    assert "broken.html" in errors.output and "EmptyInput" in errors.output
    figures = json.loads(invoke("stats", "--db", str(db), "--format", "json").output)
    assert figures["articles"] == 2 and figures["failures"] == 1


def test_dedup_reports_what_it_found(db: Path):
    result = invoke("dedup", "--db", str(db))
    assert result.exit_code == 0 and result.output.startswith("2 articles: 0 near-duplicates")


@pytest.mark.parametrize("command", ["ingest", "search", "events", "show", "export", "dedup", "stats"])
def test_every_store_command_ends_its_help_with_an_example(command: str):
    help_text = invoke(command, "--help").output
    assert "Example:" in help_text and f"dateline {command}" in help_text.split("Example:")[1]


def test_events_lists_sorts_and_downloads_what_the_api_does(db: Path):
    from dateline.export import GDELT_COLUMNS
    from dateline.store import listing

    table = invoke("events", "--db", str(db), "--between", "Norway", "ISL", "--sort", "-goldstein")
    assert table.exit_code == 0, table.output
    assert table.output.splitlines()[0] == "2 events" and "Harbour" in table.output
    data = json.loads(invoke("events", "--db", str(db), "--actor", "NOR", "--format", "json").output)
    assert data["total"] == 2 and data["events"][0]["article"]["title"]
    csv_out = invoke("events", "--db", str(db), "--plover", "ACCUSE", "--format", "csv").output.splitlines()
    assert csv_out[0].split(",") == listing.EVENT_COLUMNS and len(csv_out) == 2
    gdelt = invoke("events", "--db", str(db), "--format", "gdelt").output.splitlines()
    assert gdelt[0].split("\t") == GDELT_COLUMNS and len(gdelt) == 3
    refused = invoke("events", "--db", str(db), "--plover", "THREATENS")
    assert refused.exit_code == 1 and "is not a PLOVER category" in refused.output


def test_search_sorts_and_downloads_every_hit(db: Path):
    rows = invoke("search", "--db", str(db), "harbour", "--sort", "-published", "--format", "csv",
                  "--limit", "1").output.splitlines()
    assert rows[0].startswith("id,url,title") and len(rows) == 3  # no cap: both hits
    assert "unknown" not in invoke("search", "--db", str(db), "harbour -fishing").output
