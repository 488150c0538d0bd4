"""Outside input that is not a web request: file and folder names, feeds (XML entities), JSON lines of
records, and the Parquet written from hostile records."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import given

from dateline.export import TABLES, record_tables, write_parquet_folder
from dateline.model import Article, Failure
from dateline.scale.inputs import expand_inputs, input_key
from dateline.sources import iter_inputs
from dateline.store import open_store

from ..fuzz.settings import FUZZ_SLOW
from ..fuzz.strategies import articles

PAGE = b"<html><head><title>Cafe opens</title></head><body><p>The cafe opened on Monday in the square.</p></body></html>"


def dateline(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dateline", *args], capture_output=True, check=False,
                          timeout=300, cwd=cwd)


def test_a_symlink_loop_in_a_folder_is_walked_once(tmp_path: Path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.html").write_bytes(PAGE)
    os.symlink(folder, folder / "loop")
    os.symlink(tmp_path, folder / "up")
    assert [Path(r.source).name for r in iter_inputs([str(folder)])] == ["a.html"]
    assert [Path(p).name for p in expand_inputs([str(folder)])] == ["a.html"]


def test_hidden_files_and_folders_in_an_input_folder_are_not_read(tmp_path: Path):
    folder = tmp_path / "pages"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "config").write_text("[core]", encoding="utf-8")
    (folder / ".env").write_text("SECRET=1", encoding="utf-8")
    (folder / "a.html").write_bytes(PAGE)
    assert [Path(r.source).name for r in iter_inputs([str(folder)])] == ["a.html"]


def test_a_glob_that_matches_nothing_is_a_clear_error(tmp_path: Path):
    from dateline.errors import SourceError

    with pytest.raises(SourceError, match="no file matches"):
        expand_inputs([str(tmp_path / "nothing-*.warc.gz")])


@pytest.mark.parametrize("name", ["../../etc/passwd", "/abs/path.warc", "a/../../b.warc", "s3://bucket/../x.warc"])
def test_scale_output_names_come_from_a_key_not_the_input_path(name: str):
    key = input_key(name)
    assert "/" not in key and ".." not in key and key


# Found here: a file whose name is not valid UTF-8 (Python gives its bytes as lone surrogates) stopped
# `dateline ingest` with a UnicodeEncodeError from SQLite. Fixed in src/dateline/sources/reader.py
# (file_name: the bytes that are not UTF-8 are written as \xNN escapes in the record's source).
def test_a_file_name_that_is_not_utf8_is_stored_and_the_rest_go_on(tmp_path: Path):
    folder = tmp_path / "pages"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.html"), "wb") as latin1:  # a name from an old archive
        latin1.write(PAGE)
    (folder / "z-fine.html").write_bytes(PAGE.replace(b"cafe", b"bakery").replace(b"Cafe", b"Bakery"))
    run = dateline("ingest", "--db", str(tmp_path / "s.db"), "--no-nlp", "--workers", "1", "--quiet", str(folder))
    assert b"Traceback" not in run.stderr, run.stderr.decode()[-1500:]
    with open_store(tmp_path / "s.db", readonly=True) as store:
        assert store.count() == 2
        assert sorted(Path(a.source).name for a in store.iter_articles()) == ["caf\\xe9.html", "z-fine.html"]


# Found here (and by tests/fuzz/test_fuzz_records.py): a JSON escape "\ud800" gives a lone surrogate, which
# no UTF-8 writer takes: `dateline process` and `dateline ingest` stopped with a traceback on such a line.
# Fixed in src/dateline/sources/jsonl.py (record_from_dict).
@pytest.mark.parametrize("command", ["process", "ingest"])
def test_a_json_line_with_a_lone_surrogate_is_a_failure_and_the_rest_go_on(tmp_path: Path, command: str):
    lines = tmp_path / "records.jsonl"
    lines.write_text('{"id": "bad", "source": "x.html", "text": "broken \\ud800 text"}\n'
                     '{"id": "good", "source": "y.html", "text": "A fine text."}\n', encoding="utf-8")
    args = ["--db", str(tmp_path / "s.db"), "--workers", "1", "--quiet"] if command == "ingest" else []
    run = dateline(command, "--no-nlp", *args, str(lines))
    assert run.returncode == 1 and b"Traceback" not in run.stderr, run.stderr.decode()[-1500:]


def test_json_lines_with_wrong_types_are_failures_not_crashes(tmp_path: Path):
    bad = [{"id": 5, "source": "x"}, {"id": "a", "source": "x", "paragraphs": "abc"},
           {"id": "b", "source": "x", "entities": [{"id": "e"}]}, {"id": "c", "source": "x", "quotes": [3]},
           {"error": 7, "source": "x"}, [1, 2], "text", None, {"id": "d", "source": "x", "events": {"a": 1}}]
    lines = tmp_path / "r.jsonl"
    lines.write_text("\n".join(json.dumps(b) for b in bad) + "\n" + '{"id": "ok", "source": "y", "text": "Fine."}\n',
                     encoding="utf-8")
    results = list(iter_inputs([str(lines)]))
    assert len(results) == len(bad) + 1
    assert all(isinstance(r, Failure) for r in results[:-1]), [r for r in results[:-1] if not isinstance(r, Failure)]
    assert isinstance(results[-1], Article)


def test_feed_xml_entities_do_not_read_local_files(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    feed = tmp_path / "feed.xml"
    feed.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        '<rss version="2.0"><channel><title>t</title><item><title>Story &xxe;</title>'
        "<link>https://news.example.org/a</link><description>Text &xxe; here.</description></item>"
        "</channel></rss>", encoding="utf-8")
    results = list(iter_inputs([str(feed)]))
    assert results
    for result in results:
        data = result.data if hasattr(result, "data") else json.dumps(result.to_dict()).encode()
        assert b"TOP-SECRET-VALUE" not in data


def test_a_billion_laughs_feed_is_a_failure_or_small(tmp_path: Path):
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i else "&lol;" * 10}">' for i in range(10))
    feed = tmp_path / "feed.xml"
    feed.write_text(f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]><rss version="2.0"><channel><title>t</title>'
                    "<item><title>x</title><description>&lol9;</description></item></channel></rss>",
                    encoding="utf-8")
    results = list(iter_inputs([str(feed)]))
    for result in results:
        assert len(getattr(result, "data", b"")) < 1_000_000  # never the 10^10 expansion


@FUZZ_SLOW
@given(articles())
def test_parquet_written_from_any_record_reads_back_typed(tmp_path_factory, article: Article):
    folder = tmp_path_factory.mktemp("parquet")
    write_parquet_folder([article, Failure("x\x00y", "bad \x00 input", "InputError")], folder)
    expected = record_tables([article, Failure("x\x00y", "bad \x00 input", "InputError")])
    for name in TABLES:
        table = pq.read_table(folder / f"{name}.parquet")
        assert table.schema == expected[name].schema
        assert table.to_pylist() == expected[name].to_pylist(), name
