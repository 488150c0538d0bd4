"""Attribution beyond "said" and quotes on pages that are not news: press releases, interview
transcripts, reviews, author biographies. Texts written for these tests; the real pipeline and model."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.lang import LanguageDataError
from dateline.nlp import cues
from dateline.pipeline import process_text
from tests.nlp.test_quotes import annotate, check_offsets, quote_starting


def test_press_release_dash_and_name_line_give_the_speaker() -> None:
    article = annotate(
        "Northwind Capital opens an office in Rotterdam\n\n"
        "ROTTERDAM, 4 March 2026 \u2013 Northwind Capital, an investment firm, today opened its first "
        "office in the Netherlands.\n\n"
        "\u201cRotterdam gives our clients a direct line to the largest port in Europe, and we intend to "
        "hire forty people this year.\u201d \u2013 Jan Fredriks, Managing Partner\n\n"
        "Maria Lind, Head of Research\n\n"
        "\u201cOur analysts will cover logistics, shipping and the energy transition from the new office.\u201d\n\n"
        "Media contact: press@northwind.example"
    )
    check_offsets(article)
    first = quote_starting(article, "Rotterdam gives our clients")
    assert first.speaker_name == "Jan Fredriks"
    assert first.speaker is not None and first.speaker.text == "Jan Fredriks"
    assert quote_starting(article, "Our analysts will cover").speaker_name == "Maria Lind"


def test_said_co_author_names_the_person_not_the_prefix() -> None:
    article = annotate(
        "Prairie plots with many plant species stored more carbon over twenty years.\n\n"
        "\u201cDiverse grassland holds far more carbon in its soil than we expected,\u201d said co-author "
        "David Tilman, an ecologist at the university."
    )
    check_offsets(article)
    assert quote_starting(article, "Diverse grassland holds").speaker_name == "David Tilman"


def test_interview_answers_belong_to_the_interviewee_and_questions_are_left_out() -> None:
    article = annotate(
        "Lena Park on the city\u2019s new library\n\n"
        "Lena Park has run the city library service since 2019. We spoke to her about the new building.\n\n"
        "Q: Why did the city need a new library at all?\n\n"
        "A: The old building could not hold the collection, and the roof leaked every winter.\n\n"
        "Q: What will change for readers?\n\n"
        "A: Opening hours will be longer, and the children\u2019s floor will double in size."
    )
    check_offsets(article)
    assert quote_starting(article, "The old building could not").speaker_name == "Lena Park"
    assert quote_starting(article, "Opening hours will be longer").speaker_name == "Lena Park"
    assert not [q for q in article.quotes if q.text.startswith(("Why did", "What will"))]


def test_transcript_lines_with_a_speaker_in_capitals() -> None:
    article = annotate(
        "Senator Daniel Morales joined the morning programme to talk about the budget vote.\n\n"
        "MORALES: We will not pass a budget that cuts school funding again this year.\n\n"
        "Partial transcript follows below."
    )
    check_offsets(article)
    quote = quote_starting(article, "We will not pass a budget")
    assert quote.speaker_name == "Daniel Morales"
    assert quote.kind == "direct"


def test_a_transcript_quoted_in_an_article() -> None:
    article = annotate(
        "Senator Daniel Morales spoke on the morning programme. Part of the transcript:\n\n"
        "\u201cHOST: Will you vote for the budget on Thursday?\n\n"
        "\u201cMORALES: Not while it cuts school funding for the third year in a row.\u201d"
    )
    check_offsets(article)
    answer = quote_starting(article, "Not while it cuts")
    assert answer.speaker.text == "MORALES" and answer.speaker_name == "Daniel Morales"
    assert quote_starting(article, "Will you vote").speaker.text == "HOST"


def test_review_titles_nicknames_and_scare_quotes_are_not_quotes() -> None:
    article = annotate(
        "The director\u2019s new documentary, \u201cBreakdown: Three Days in May\u201d, follows a hospital "
        "through a week-long power cut.\n\n"
        "Its hero, the night nurse Rosa \u201cThe Rock\u201d Alvarez, keeps the ward running by torchlight, and "
        "the film never turns her into a \u201chero\u201d.\n\n"
        "\u201cWe wanted people to see the work nobody films,\u201d the director, Ines Moreau, said."
    )
    check_offsets(article)
    texts = [q.text for q in article.quotes]
    assert not [t for t in texts if t.startswith(("Breakdown", "The Rock", "hero"))], texts
    assert quote_starting(article, "We wanted people").speaker_name == "Ines Moreau"


def test_a_person_named_only_in_the_author_bio_is_not_a_speaker() -> None:
    article = annotate(
        "Tom Becker is a staff writer at the Harbour Gazette who covers transport.\n\n"
        "\u201cThe new lane has made the street quieter and safer for everyone,\u201d he said at a meeting "
        "on Tuesday."
    )
    check_offsets(article)
    quote = quote_starting(article, "The new lane has made")
    assert quote.speaker_name != "Tom Becker"
    assert quote.speaker_entity is None


def test_attribution_beyond_said_and_its_confidence() -> None:
    article = annotate(
        "Water prices in the region will rise by a tenth next year, according to the Regional Water Board.\n\n"
        "Mayor Ana Torres believes that the increase will hurt families on low incomes.\n\n"
        "The board insists that the money is needed to replace pipes laid a century ago.\n\n"
        "Torres\u2019s claim that the board wasted money on consultants was rejected at the meeting.\n\n"
        "The new pipes, Torres said, should have been laid ten years ago.\n\n"
        "\u201cWe cannot keep patching a network that leaks a third of its water,\u201d said board chair Peter Holm."
    )
    check_offsets(article)
    according = quote_starting(article, "Water prices in the region")
    assert according.cue.text == "according to" and according.speaker_name == "Regional Water Board"
    belief = quote_starting(article, "the increase will hurt")
    assert belief.kind == "indirect" and belief.speaker_name == "Ana Torres" and belief.cue.text == "believes"
    assert quote_starting(article, "the money is needed").cue.text == "insists"
    claim = quote_starting(article, "the board wasted money")
    assert claim.cue.text == "claim" and claim.speaker_name == "Ana Torres"
    parenthetical = quote_starting(article, "The new pipes")
    assert parenthetical.speaker_name == "Ana Torres"
    direct = quote_starting(article, "We cannot keep patching")
    assert direct.speaker_name == "Peter Holm"
    assert all(q.confidence is not None and 0 < q.confidence <= 1 for q in article.quotes)
    assert direct.confidence > belief.confidence


def test_link_headlines_subheadings_and_passive_cues_are_not_quotes() -> None:
    article = annotate(
        "The harbour authority will close the east pier for repairs in June.\n\n"
        "READ MORE: Mayor says the pier closure will cost the city millions\n\n"
        "\u2018A pier that is older than the city hall\u2019\n\n"
        "When asked whether the ferry would still run, the authority did not answer.\n\n"
        "\u201cWe will keep the ferry running from the west pier all summer,\u201d said Karin Holt, its director."
    )
    check_offsets(article)
    texts = [q.text for q in article.quotes]
    assert not [t for t in texts if "pier closure" in t or t.startswith(("A pier that", "whether", "the ferry would"))], texts
    assert quote_starting(article, "We will keep the ferry").speaker_name == "Karin Holt"


def test_cue_words_are_language_data_with_the_old_names() -> None:
    assert "say" in cues.SPEECH_VERBS and "believe" not in cues.SPEECH_VERBS
    assert cues.PARTICLE_VERBS["point"] == "out"
    assert "continue" in cues.CLAUSE_ONLY
    assert ("according", "to") in cues.ACCORDING_PHRASES and cues.ACCORDING == ("according", "to")
    assert cues.CUE_VERBS["believe"].cls == "thought" and "claim" in cues.CUE_NOUNS
    row = {"lemma": "say", "class": "speech", "content": "clause", "particle": ""}
    with pytest.raises(LanguageDataError, match="x.tsv: 'say' has class 'talk'"):
        cues.cue_verbs([dict(row, **{"class": "talk"})], "x.tsv")
    with pytest.raises(LanguageDataError, match="given twice"):
        cues.cue_verbs([row, row], "x.tsv")


def test_someones_lawyer_is_not_that_someone() -> None:
    article = annotate(
        "Maria Okafor sued the landlord in March.\n\n"
        "\u201cThe eviction was unlawful from the first day,\u201d said Okafor\u2019s lawyer.\n\n"
        "Okafor\u2019s lawyer said the case would be heard in June."
    )
    check_offsets(article)
    for words in ("The eviction was unlawful", "the case would be heard"):
        quote = quote_starting(article, words)
        assert quote.speaker.text == "Okafor\u2019s lawyer"
        assert quote.speaker_entity is None and quote.speaker_name != "Maria Okafor"


def test_press_release_page_in_html() -> None:
    """A whole press-release page: dash attribution, a quote under its speaker's name line, a quoted
    heading that is a title, an author whose bio opens the page."""
    page = (Path(__file__).parent.parent / "fixtures" / "quotes" / "press-release.html").read_text(encoding="utf-8")
    article = process_text(page)
    check_offsets(article)
    assert article.authors == ["Tom Becker"]
    assert quote_starting(article, "Rotterdam gives our clients").speaker_name == "Jan Fredriks"
    assert quote_starting(article, "Our analysts will cover").speaker_name == "Maria Lind"
    assert not [q for q in article.quotes if "Port City" in q.text]
    announcement = quote_starting(article, "The office will advise")
    assert "\n" not in announcement.text and announcement.speaker_name == "Northwind Capital"
    # "he said" with no one but the page's author (in his bio) named before it: no speaker
    unattributed = quote_starting(article, "Most of the work")
    assert unattributed.speaker_name is None and unattributed.speaker_entity is None


def test_statement_clause_mixed_marks_and_inverted_parenthetical() -> None:
    article = annotate(
        "Premier Lise Caron opened the new ferry terminal on Friday.\n\n"
        "She said in a statement that the terminal would carry two million passengers a year.\n\n"
        "\"We built it for the next fifty years of island life,\u201d says the 52-year-old premier.\n\n"
        "Almost all of the fares, officials promise, will go back into the service."
    )
    check_offsets(article)
    statement = quote_starting(article, "the terminal would carry")
    assert statement.kind == "indirect" and statement.speaker_name == "Lise Caron"
    mixed = quote_starting(article, "We built it for the next")
    assert "says" not in mixed.text and mixed.cue.text == "says"
    promise = quote_starting(article, "Almost all of the fares")
    assert promise.cue.text == "promise" and promise.speaker.text == "officials"


def test_testimonials_with_the_name_after_a_dash_on_the_next_line() -> None:
    article = annotate(
        "Northwind Capital opened an office in Rotterdam.\n\n"
        "\u201cWe are proud to bring our team closer to the port and its clients.\u201d\n\n"
        "\u2014 Anna de Vries, Chief Executive\n\n"
        "\u201cGreat advice, quick answers and no surprises on the invoice.\u201d \u2013 Pieter J., Delft"
    )
    check_offsets(article)
    assert quote_starting(article, "We are proud to bring").speaker_name == "Anna de Vries"
    assert quote_starting(article, "Great advice, quick answers").speaker.text == "Pieter J."


def test_the_ministry_is_the_organisation_it_names_not_the_last_one() -> None:
    article = annotate(
        "The Ministry of Health opened three clinics in Lagos on Monday, funded by the World Bank.\n\n"
        "The ministry said the clinics would treat ten thousand patients a year."
    )
    check_offsets(article)
    assert quote_starting(article, "the clinics would treat").speaker_name == "Ministry of Health"


def test_interview_labels_with_a_full_stop_only_on_a_page_that_has_both() -> None:
    interview = annotate(
        "Lena Park has run the city library service since 2019.\n\n"
        "Q. Why did the city need a new library at all?\n\n"
        "A. The old building could not hold the collection, and the roof leaked."
    )
    assert quote_starting(interview, "The old building could not").speaker_name == "Lena Park"
    assert not [q for q in interview.quotes if q.text.startswith("Why did")]
    history = annotate(
        "The library opened in 1961 and was enlarged twice.\n\n"
        "A. Smith drew the plans for the first building, which stood until the fire of 1988."
    )
    assert not [q for q in history.quotes if q.text.startswith("Smith drew")]


def test_a_parenthetical_cue_is_not_nested_in_its_own_reported_words() -> None:
    # "X, she said, is Y": the cue stands inside the sentence it reports; that alone does not make the
    # attribution part of someone else's, so it keeps a saying's confidence and the default keeps it
    text = (
        "Councillor Ana Torres spoke after the vote on the harbour budget.\n\n"
        "The new ferry terminal, Torres said, will open two years late because the contractor went bankrupt."
    )
    parenthetical = quote_starting(annotate(text), "The new ferry terminal")
    assert parenthetical.speaker_name == "Ana Torres"
    assert parenthetical.confidence >= 0.6
    kept = process_text(text, clean=True)
    assert [q.speaker_name for q in kept.quotes if q.text.startswith("The new ferry terminal")] == ["Ana Torres"]


def test_a_named_belief_with_that_passes_the_default_and_a_vague_one_does_not() -> None:
    text = (
        "Peter Holm, the mayor, told the council on Tuesday that the budget had no room for new roads.\n\n"
        "Holm believes that the new tram line will cut traffic in the old town by a third.\n\n"
        "Many residents believe the tram will be too loud for the narrow streets."
    )
    named = quote_starting(annotate(text), "the new tram line")
    assert named.cue.text == "believes" and named.speaker_entity is not None and named.confidence >= 0.6
    kept = process_text(text, clean=True)
    assert [q.speaker_entity for q in kept.quotes if q.text.startswith("the new tram line")] == [named.speaker_entity]
    assert not [q for q in kept.quotes if q.text.startswith("the tram will be")]


def test_a_show_named_in_marks_with_the_comma_inside_is_no_quote() -> None:
    # American style puts the sentence's comma inside the marks: "on “Morning Harbour Report,” she said"
    article = annotate(
        "In an interview on Sunday\u2019s edition of \u201cMorning Harbour Report,\u201d Governor Ana Torres "
        "said the port would reopen before the summer.\n"
    )
    assert not [q for q in article.quotes if q.text.startswith("Morning Harbour")]
    said = quote_starting(article, "the port would reopen")
    assert said.cue.text == "said" and said.speaker_name.endswith("Torres")


def test_a_quoted_transcript_turn_runs_over_inner_marks_and_its_paragraphs() -> None:
    article = annotate(
        "Governor Lena Ortiz was the guest on Sunday's programme. Part of the exchange:\n\n"
        '"HOST: Your rival called the plan \u201cThe Big Giveaway\u201d on Friday, and the polls say voters '
        "agree with him. Why should they trust you?\n\n"
        '"ORTIZ: Well, look, he can call it what he likes. The plan pays for itself within four years.\n\n'
        '"And every family in the state will see the difference on its first tax bill.\n\n'
        '"HOST: We will have to leave it there.\n\n'
        "The programme airs every Sunday morning."
    )
    check_offsets(article)
    question = quote_starting(article, "Your rival called the plan")
    assert question.speaker.text == "HOST"
    assert question.text.endswith("Why should they trust you?")  # past the quoted title inside the turn
    answer = quote_starting(article, "Well, look, he can call it")
    assert answer.speaker_name == "Lena Ortiz"
    assert answer.text.endswith("on its first tax bill.")  # the unlabelled paragraph is the same turn
    assert not [q for q in article.quotes if q.text.startswith("And every family")]
    assert quote_starting(article, "We will have to leave").speaker.text == "HOST"


def test_a_headline_that_gives_its_claim_to_a_speaker_after_a_colon() -> None:
    article = annotate(
        "Ruiz: Bridge Will Be Rebuilt by Spring, Council Was Stalling Repairs.\n\n"
        "Mayor Dan Ruiz said on Monday that the bridge would be rebuilt by spring.\n"
    )
    check_offsets(article)
    claim = quote_starting(article, "Bridge Will Be Rebuilt")
    assert claim.speaker.text == "Ruiz" and claim.kind == "indirect" and claim.confidence >= 0.6
    poll = annotate("Poll: Most Voters Back the New Transit Plan.\n\nA poll by the Harbour Institute shows most "
                    "voters back the plan.\n")
    assert quote_starting(poll, "Most Voters Back").speaker.text == "Poll"
    # a genre label, a name the article never mentions, a line in the body: no attribution
    for text in ("Review: Three Days in May Is a Quiet Triumph.\n\nThe film opens on Friday.\n",
                 "Ana Torres: City Hall Must Open Its Books to Residents.\n\nThe council met on Monday.\n",
                 "The council met on Monday.\n\nRuiz: the bridge will be rebuilt by spring, he said.\n"):
        assert not [q for q in annotate(text).quotes if q.speaker is not None and q.cue is None], text
