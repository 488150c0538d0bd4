"""Timeline aggregation and the `dateline timeline` command, on records written for the test."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.model import Actor, Article, Entity, Event
from dateline.timeline import TimelineError, store_timeline, timeline

USA_GOV = Actor(text="the US Secretary of State", entity="e1", code="USAGOV", country="USA")
USA = Actor(text="Washington", code="USA", country="USA")
CHN = Actor(text="China", code="CHN", country="CHN")
RUS = Actor(text="Russia", code="RUS", country="RUS")


def ev(source, target, quad, goldstein, date=None, negated=False, plover="CONSULT") -> Event:
    return Event(start=0, end=1, text="x", source=source, target=target, cameo="040", plover=plover,
                 quad_class=quad, goldstein=goldstein, date=date, negated=negated)


def article(events, published="2024-04-26T10:00:00+00:00", aid="a") -> Article:
    return Article(id=aid, source="test", published=published, events=events, text="x",  # events span text[0:1]
                   entities=[Entity(id="e1", name="Antony Blinken", type="PERSON", code="USAGOV", country="USA")])


def corpus() -> list[Article]:
    return [
        article([ev(USA_GOV, CHN, 1, 1.0, "2024-04-22"), ev(CHN, USA, 3, -2.0, "2024-04-23"),
                 ev(USA, RUS, 4, -10.0, "2024-04-23")]),
        article([ev(CHN, USA_GOV, 4, -9.0), ev(USA, CHN, 2, 7.0, "2024-05-08")], aid="b"),
    ]


def test_weekly_counts_by_quad_and_mean_goldstein():
    t = timeline(corpus(), "USA", "CHN", freq="week")
    assert [r.period for r in t.rows] == ["2024-W17", "2024-W18", "2024-W19"]
    first = t.rows[0]
    assert first.count == 3  # 22nd, 23rd, and the undated event on the article's date (26th)
    assert first.by_quad == {1: 1, 2: 0, 3: 1, 4: 1}
    assert first.mean_goldstein == round((1.0 - 2.0 - 9.0) / 3, 2)
    assert t.rows[1].count == 0 and t.rows[1].mean_goldstein is None  # gaps are filled
    assert t.rows[2].by_quad[2] == 1 and t.total == 4


def test_daily_and_monthly_periods():
    daily = timeline(corpus(), "USA", "CHN", freq="day")
    assert daily.rows[0].period == "2024-04-22" and daily.rows[1].period == "2024-04-23"
    assert len(daily.rows) == (17 - 0) and daily.total == 4  # 22 April .. 8 May
    monthly = timeline(corpus(), "USA", "CHN", freq="month")
    assert [(r.period, r.count) for r in monthly.rows] == [("2024-04", 3), ("2024-05", 1)]


def test_directed_keeps_one_direction():
    t = timeline(corpus(), "CHN", "USA", freq="month", directed=True)
    assert t.total == 2 and all(r.by_quad[1] == 0 for r in t.rows)


@pytest.mark.parametrize("query", ["USA", "usa", "United States", "Blinken", "USAGOV"])
def test_actor_matching_by_code_prefix_country_or_name(query):
    t = timeline(corpus(), query, "CHN", freq="month")
    expected = 2 if query in ("Blinken", "USAGOV") else 4  # the two events of the Secretary of State
    assert t.total == expected


def test_negated_events_are_left_out_and_coarse_dates_are_undated():
    arts = [article([ev(USA, CHN, 4, -10.0, "2024-04-22", negated=True), ev(USA, CHN, 3, -4.0, "2023"),
                     ev(USA, CHN, 3, -4.0, "2024-03")])]
    weekly = timeline(arts, "USA", "CHN")
    assert weekly.total == 0 and weekly.undated == 2 and weekly.rows == []
    monthly = timeline(arts, "USA", "CHN", freq="month")
    assert monthly.total == 1 and monthly.undated == 1


def test_unknown_frequency_and_empty_actor_are_refused():
    with pytest.raises(TimelineError, match="frequency"):
        timeline([], "USA", "CHN", freq="year")
    with pytest.raises(TimelineError, match="empty"):
        timeline([], " ", "CHN")


def test_to_dict_is_json_ready():
    data = timeline(corpus(), "USA", "CHN").to_dict()
    json.dumps(data)
    assert data["total"] == 4 and data["rows"][0]["by_quad"]["4"] == 1


def test_cli_reads_jsonl_files_and_stdin(tmp_path):
    path = tmp_path / "records.jsonl"
    lines = [json.dumps(a.to_dict()) for a in corpus()]
    path.write_text("\n".join([lines[0], "not json", json.dumps({"source": "x", "error": "bad"}), lines[1]]) + "\n")
    runner = CliRunner()
    result = runner.invoke(main, ["timeline", "USA", "CHN", str(path), "--freq", "month", "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["total"] == 4 and [r["period"] for r in out["rows"]] == ["2024-04", "2024-05"]
    assert "not JSON" in result.stderr and "not an article record" in result.stderr

    result = runner.invoke(main, ["timeline", "China", "Russia", "--format", "csv"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0 and result.stdout.startswith("period,start,end,count,quad1")
    result = runner.invoke(main, ["timeline", "USA", "CHN", str(path)])
    assert "USA ↔ CHN, per week: 4 events" in result.stdout


def test_cli_rejects_a_bad_actor():
    result = CliRunner().invoke(main, ["timeline", "", "CHN"], input="")
    assert result.exit_code == 2 and "empty" in result.output


def test_cli_reads_the_store_and_agrees_with_the_records(tmp_path):
    from dateline.store import open_store

    db = tmp_path / "news.db"
    with open_store(db) as store:
        for a in corpus():
            a.text = "Talks."
            store.upsert(a)
        store.upsert(article([ev(USA, RUS, 4, -10.0, "2024-04-23")], aid="c"))  # not the dyad
        # one actor reference: the store's SQL and the records' Python agree on every kind of reference
        for a, b in [("USA", "CHN"), ("usa", "China"), ("United States", "CHN"), ("Blinken", "CHN"),
                     ("USAGOV", "CHN"), ("person-antony-blinken", "CHN"), ("country-usa", "RUS"), ("RUS", "CHN")]:
            for directed in (False, True):
                from_store = store_timeline(store, a, b, freq="day", directed=directed).to_dict()
                records = [*corpus(), article([ev(USA, RUS, 4, -10.0, "2024-04-23")], aid="c")]
                assert from_store == timeline(records, a, b, freq="day", directed=directed).to_dict(), (a, b)
    result = CliRunner().invoke(main, ["timeline", "USA", "CHN", "--db", str(db), "--freq", "month", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == timeline(corpus(), "USA", "CHN", freq="month").to_dict()


def test_the_stores_series_counts_what_its_decoded_events_give(tmp_path):
    """store_timeline reads of each event only its date, its article's, its quad class and Goldstein score,
    from the pair's events found once: the series the decoded events of the same list give, with copies,
    coarse dates (a month, a year), no dates, negated events, both directions and every period."""
    from dateline.store import open_store
    from dateline.store.query import EventQuery, Page
    from dateline.timeline import _series

    with open_store(tmp_path / "news.db") as store:
        dates = ["2024-04-22", "2024-04", "2024", None, "2024-05-08", "2024-06-30"]
        for n in range(8):
            events = [ev(USA_GOV if i % 2 else CHN, CHN if i % 2 else USA, 1 + (i + n) % 4,
                         None if (i + n) % 5 == 0 else float(i - n), dates[(i + n) % len(dates)], negated=i == 4)
                      for i in range(6)]
            a = article(events, published=f"2024-0{1 + n % 6}-1{n}T10:00:00+00:00" if n % 3 else None,
                        aid=f"a{n}")
            a.text = "Talks."
            a.duplicate_of = "a0" if n in (3, 5) else None
            store.upsert(a)
        for a_, b_ in [("USA", "CHN"), ("Blinken", "China")]:
            for freq in ("day", "week", "month"):
                for directed in (False, True):
                    for collapse in (True, False):
                        query = EventQuery(a=a_, b=b_, directed=directed, negated=False, collapse=collapse,
                                           page=Page(None))
                        decoded = _series(((h.event, h.article.published) for h in store.events(query)),
                                          a_, b_, freq, directed).to_dict()
                        got = store_timeline(store, a_, b_, freq=freq, directed=directed, collapse=collapse).to_dict()
                        assert got == decoded and got["total"] > 0, (a_, b_, freq, directed, collapse)
