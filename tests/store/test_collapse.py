"""Near-duplicates count once: the examples plus two syndicated copies of the fisheries story,
ingested by the real pipeline, give the same NOR-ISL timeline as the examples alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dateline.dedup import dedup_store
from dateline.ingest import ingest
from dateline.store import open_store
from dateline.store.query import EventQuery, Page
from dateline.timeline import store_timeline

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
STORY = "wire-fisheries-dispute.html"


def _syndicate(html: str, site: str) -> str:
    """The wire story as another site runs it: its own name and address, the same text."""
    return (html.replace("Northwire", site)
            .replace("https://northwire.example/", f"https://{site.lower().replace(' ', '')}.example/"))


@pytest.fixture(scope="module")
def stores(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("collapse")
    alone, copies = base / "examples", base / "with-copies"
    shutil.copytree(EXAMPLES, alone)
    shutil.copytree(EXAMPLES, copies)
    story = (EXAMPLES / STORY).read_text(encoding="utf-8")
    for site in ("Harbour Gazette", "Fjord Daily"):
        (copies / f"copy-{site.split()[0].lower()}.html").write_text(_syndicate(story, site), encoding="utf-8")
    paths = []
    for folder in (alone, copies):
        db = base / f"{folder.name}.db"
        with open_store(db) as store:
            ingest([str(folder)], store, workers=1, nlp=True, progress=False)
            dedup_store(store)
        paths.append(db)
    return paths[0], paths[1]


def test_syndicated_copies_are_one_cluster(stores):
    _, with_copies = stores
    with open_store(with_copies, readonly=True) as store:
        clusters = store.conn.execute(
            "SELECT count(*) FROM articles GROUP BY coalesce(duplicate_of, id) HAVING count(*) > 1").fetchall()
    assert clusters == [(3,)]


def test_nor_isl_timeline_counts_each_event_once_by_default(stores):
    alone, with_copies = stores
    with open_store(alone, readonly=True) as store:
        expected = store_timeline(store, "NOR", "ISL", freq="month").to_dict()
    with open_store(with_copies, readonly=True) as store:
        collapsed = store_timeline(store, "NOR", "ISL", freq="month")
        every_copy = store_timeline(store, "NOR", "ISL", freq="month", collapse=False)
        hits = list(store.events(EventQuery(a="Norway", b="Iceland", page=Page(None))))
    assert expected["total"] > 0
    assert collapsed.to_dict() == expected
    assert every_copy.total == 3 * expected["total"]  # the switch counts every copy
    assert {h.copies for h in hits} == {3}  # each row says how many copies it stands for


def test_entity_counts_are_per_cluster(stores):
    _, with_copies = stores
    with open_store(with_copies, readonly=True) as store:
        norway = store.entity("country-nor")
        copies = next(e for e in store.iter_entities(type="GPE", collapse=False) if e.key == "country-nor")
    assert norway is not None and copies.articles == norway.articles + 2
