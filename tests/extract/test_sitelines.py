"""Site furniture: short lines that recur on many pages of one site go from their text (extract/sitelines.py).

The fixtures are pages of two invented sites, one in English and one in German, each story with its
own prose and the site's furniture around it (a newsletter line, a "more on this topic" box of
related headlines, a slogan), none of it named as furniture in the markup.
"""

from __future__ import annotations

import pytest

from dateline.config import settings
from dateline.engine import PipelineSpec
from dateline.extract.sitelines import MIN_SITE_PAGES, SiteLines
from dateline.model import Article
from dateline.pipeline import Pipeline
from dateline.sources import RawDoc
from tests.offsets import check_offsets, paragraphs

GAZETTE = [  # (title, lead, second paragraph)
    ("Harbour reopens after the storm",
     "The city harbour reopened on Tuesday after a three-day closure caused by the storm, port officials said.",
     "Fishing boats returned to their berths by noon, and the ferry to the islands kept its usual timetable."),
    ("Council approves a second bridge",
     "The county council voted on Wednesday to build a second bridge over the river, ending a long debate.",
     "Work is due to start next spring and the bridge should open to traffic within three years."),
    ("School lunches to be free",
     "Every pupil in the district's primary schools will get a free lunch from September, the board announced.",
     "The board said the plan would cost about two million a year, paid for from the regional budget."),
    ("Library to open late on Fridays",
     "The central library will stay open until ten o'clock on Friday evenings from next month, the city said.",
     "Librarians said students had asked for longer hours during the exam season for several years."),
    ("Coastal rail line closed for repairs",
     "The coastal rail line will be closed for two weeks in August while engineers replace a stretch of track.",
     "Replacement buses will run every half hour between the two stations, the operator said on Thursday."),
]
GAZETTE_FURNITURE = ("Sign up for our morning briefing.", "More on this topic", "Tides and weather for the week",
                     "Letters to the editor", "The Harbour Gazette: news from the coast.")

BOTE = [
    ("Neue Fähre für die Insel",
     "Die Gemeinde hat am Montag eine neue Fähre in Dienst gestellt, die bis zu zweihundert Fahrgäste befördern kann.",
     "Der Bürgermeister sagte, die alte Fähre werde an einen Verein im Nachbarort verkauft."),
    ("Stadtrat beschließt neuen Radweg",
     "Der Stadtrat hat am Dienstag beschlossen, entlang des Kanals einen vier Kilometer langen Radweg zu bauen.",
     "Die Bauarbeiten sollen im Frühjahr beginnen und etwa ein Jahr dauern."),
    ("Hallenbad bleibt im Sommer geschlossen",
     "Das Hallenbad am Marktplatz bleibt wegen der Sanierung des Daches von Juni bis September geschlossen.",
     "Schwimmkurse für Kinder finden in dieser Zeit im Freibad am See statt."),
    ("Wochenmarkt zieht auf den Domplatz",
     "Der Wochenmarkt findet ab dem nächsten Monat nicht mehr am Hafen, sondern auf dem Domplatz statt.",
     "Die Händler hatten sich nach einer Umfrage mehrheitlich für den neuen Standort ausgesprochen."),
]
BOTE_FURNITURE = ("Mehr zum Thema", "Wetter: Die Aussichten für das Wochenende", "Leserbriefe an die Redaktion",
                  "Unser Newsletter: jeden Morgen das Wichtigste.", "Der Bote – Nachrichten aus der Region.")


def gazette_page(i: int, host: str = "www.harbour-gazette.example") -> RawDoc:
    title, lead, more = GAZETTE[i]
    html = f"""<!doctype html><html lang="en"><head><title>{title} | Harbour Gazette</title>
<link rel="canonical" href="https://{host}/news/story-{i}"></head><body><article>
<h1>{title}</h1><p>{lead}</p><p>Sign up for our morning briefing.</p><p>{more}</p>
<h2>More on this topic</h2><ul><li>Tides and weather for the week</li><li>Letters to the editor</li></ul>
<p>The Harbour Gazette: news from the coast.</p></article></body></html>"""
    return RawDoc(source=f"gazette-{i}.html", data=html.encode())


def bote_page(i: int) -> RawDoc:
    title, lead, more = BOTE[i]
    html = f"""<!doctype html><html lang="de"><head><title>{title} - Der Bote</title></head><body><article>
<h1>{title}</h1><p>Der Bote – Nachrichten aus der Region.</p><p>{lead}</p><p>{more}</p>
<p>Unser Newsletter: jeden Morgen das Wichtigste.</p>
<h2>Mehr zum Thema</h2><ul><li>Wetter: Die Aussichten für das Wochenende</li>
<li>Leserbriefe an die Redaktion</li></ul></article></body></html>"""
    return RawDoc(source=f"bote-{i}.html", url=f"https://bote.example/lokales/{i}.html", data=html.encode())


def run(docs: list[RawDoc], **kwargs) -> list[Article]:
    results = list(Pipeline(nlp=False, **kwargs).run(docs))
    assert all(isinstance(r, Article) for r in results)
    return results


def alone(doc: RawDoc) -> Article:
    [article] = run([doc])
    return article


def test_each_page_alone_keeps_the_furniture_the_fixtures_are_made_of():
    page = alone(gazette_page(0))
    assert all(line in page.text for line in GAZETTE_FURNITURE)
    page = alone(bote_page(0))
    assert all(line in page.text for line in BOTE_FURNITURE)


@pytest.mark.parametrize(("make", "stories", "furniture"), [(gazette_page, GAZETTE, GAZETTE_FURNITURE),
                                                            (bote_page, BOTE, BOTE_FURNITURE)],
                         ids=["english", "german"])
def test_lines_that_recur_on_the_pages_of_one_site_go_from_each_of_them(make, stories, furniture):
    pages = run([make(i) for i in range(len(stories))])
    for page, (title, lead, more) in zip(pages, stories, strict=True):
        assert not any(line in page.text for line in furniture), page.text
        assert page.text == f"{lead}\n\n{more}"  # the story is all that is left, and all of it
        assert page.sections == []  # the "more on this topic" section held only furniture
        check_offsets(page)
        assert page.title == title
        assert any(f"{len(furniture)} line(s) removed as site furniture" in w for w in page.warnings)


def test_one_page_of_a_site_or_a_few_is_what_extraction_alone_gives():
    few = [gazette_page(i) for i in range(MIN_SITE_PAGES - 1)]
    assert [a.to_dict() for a in run(few)] == [alone(doc).to_dict() for doc in few]


def test_pages_of_other_sites_do_not_make_a_line_furniture():
    docs = [gazette_page(i, host=f"site{i}.example") for i in range(len(GAZETTE))]
    assert [a.text for a in run(docs)] == [alone(doc).text for doc in docs]


def test_the_pass_can_be_turned_off(monkeypatch):
    docs = [gazette_page(i) for i in range(len(GAZETTE))]
    spec = PipelineSpec.default(nlp=False)
    assert spec.extraction.site_furniture
    monkeypatch.setattr(settings, "site_furniture", False)
    off = PipelineSpec.default(nlp=False)
    assert not off.extraction.site_furniture and off.to_dict()["extraction"]["site_furniture"] is False
    pages = list(Pipeline.from_spec(off).run(docs))
    assert [a.text for a in pages] == [alone(doc).text for doc in docs]
    assert PipelineSpec.from_dict(spec.to_dict()) == spec


def test_a_clean_body_is_kept_as_given():
    bodies = [RawDoc(source=f"b{i}", url=f"https://x.example/{i}", data=f"{lead}\n\nSign up now.\n".encode())
              for i, (_, lead, _) in enumerate(GAZETTE)]
    assert all(a.text.endswith("Sign up now.\n") for a in run(bodies, clean=True))


def test_the_stages_never_see_the_furniture():
    seen: list[str] = []

    def stage(articles, shared):
        seen.extend(a.text for a in articles)

    list(Pipeline(stages=[stage]).run([gazette_page(i) for i in range(len(GAZETTE))]))
    assert len(seen) == len(GAZETTE) and not any("morning briefing" in text for text in seen)


def test_a_stream_learns_as_it_goes_and_never_revisits_what_it_gave():
    # batches of two: the first batch has too few pages of the site to tell; later ones are cut
    # with what the earlier batches taught, the pages of the first included
    pages = run([gazette_page(i) for i in range(len(GAZETTE))] + [gazette_page(0, host="harbour-gazette.example")],
                batch_size=2)
    assert ["morning briefing" in page.text for page in pages] == [True, True, False, False, False, False]


def test_long_prose_the_title_and_the_lead_are_never_furniture():
    prose = ("Readers can reach the newsroom at any hour of the day or night with tips, corrections and "
             "complaints about anything published here.")
    title = "Storm closes the harbour"
    lead = "The harbour stays closed today because of the storm, the port authority said on Monday."
    sites = SiteLines()
    pages = []
    for i in range(6):
        text = f"{title}\n\n{lead}\n\nIt was closed on day {i} of the storm.\n\n{prose}\n\nSign up now."
        pages.append(Article(id=str(i), source=str(i), url=f"https://x.example/{i}", title=title, text=text,
                             paragraphs=paragraphs(text)))
    sites(pages)
    assert pages[0].text == f"{title}\n\n{lead}\n\nIt was closed on day 0 of the storm.\n\n{prose}"
    check_offsets(pages[0])


def test_the_site_template_of_its_articles_is_not_furniture():
    # each review heads its parts "Background", over prose, and labels each product "Pros" and "Cons":
    # every page of the site has these lines, and they are the article's own
    products = ["kettle", "toaster", "blender", "mixer", "grinder"]
    docs = []
    for i, name in enumerate(products):
        parts = "".join(f"<h3>{name.title()} model {k}</h3><p>Pros</p><ul><li>This {name} is quick ({i}{k})</li></ul>"
                        f"<p>Cons</p><ul><li>This {name} is loud ({i}{k})</li></ul>" for k in range(3))
        html = f"""<!doctype html><html><head><title>The best {name}s</title></head><body><article>
<h1>The best {name}s</h1><p>We tested eleven {name}s over four weeks in our kitchen and picked the three below for
you.</p>{parts}<h2>Background</h2><p>Prices for small kitchen appliances rose by a tenth last year, and the {name}
was no exception, according to the retailers we asked.</p><p>Join our newsletter.</p></article></body></html>"""
        docs.append(RawDoc(source=f"r{i}", url=f"https://reviews.example/best-{name}", data=html.encode()))
    for page, doc in zip(run(docs), docs, strict=True):
        assert page.text == alone(doc).text.replace("\n\nJoin our newsletter.", "")
        assert page.text.count("Pros") == 3 and page.text.count("Cons") == 3 and "\n\nBackground\n\n" in page.text
        check_offsets(page)


def test_copies_of_one_page_do_not_vote_for_each_other():
    docs = [gazette_page(0)] + [RawDoc(source=f"copy-{k}.html", data=gazette_page(0).data) for k in range(5)]
    assert all("morning briefing" in a.text for a in run(docs))


def test_a_page_the_pass_breaks_on_goes_on_as_extracted_and_says_so(monkeypatch):
    real = SiteLines.cut

    def cut(self, article):
        if article.source == "gazette-2.html":
            raise RuntimeError("boom")
        return real(self, article)

    monkeypatch.setattr(SiteLines, "cut", cut)
    docs = [gazette_page(i) for i in range(len(GAZETTE))]
    pages = run(docs)
    assert pages[2].text == alone(docs[2]).text
    assert any("site furniture was not looked for" in w and "boom" in w for w in pages[2].warnings)
    assert all("morning briefing" not in page.text for k, page in enumerate(pages) if k != 2)


def test_ingest_stores_the_pages_of_a_site_without_its_furniture(tmp_path):
    from dateline.ingest import ingest
    from dateline.store import open_store

    folder = tmp_path / "bote"
    folder.mkdir()
    for i in range(len(BOTE)):
        doc = bote_page(i)
        (folder / f"{i}.html").write_bytes(doc.data.replace(b"<head>", f'<head><link rel="canonical" href="{doc.url}">'
                                                            .encode(), 1))
    store = open_store(tmp_path / "s.db")
    try:
        report = ingest([str(folder)], store, workers=1, nlp=False, progress=False)
        assert (report.stored, report.failed) == (len(BOTE), 0)
        stored = list(store.iter_articles())
        assert len(stored) == len(BOTE)
        for article in stored:
            assert "Mehr zum Thema" not in article.text and "Newsletter" not in article.text
            assert any("site furniture" in w for w in article.warnings)
            check_offsets(article)
    finally:
        store.close()


def test_a_batch_of_more_sites_than_are_remembered_forgets_none_it_still_needs():
    others = [alone(gazette_page(0, host=f"other{k}.example")) for k in range(3)]
    gazette = [alone(gazette_page(i)) for i in range(len(GAZETTE))]
    sites = SiteLines(max_sites=2)
    sites([*gazette[:2], *others, *gazette[2:]])
    assert not any("morning briefing" in page.text for page in gazette)
    assert len(sites.sites) == 2
