"""Quotes on articles written for these tests, through the real pipeline and spaCy model."""

from __future__ import annotations

import pytest

from dateline.model import Article, Quote
from dateline.pipeline import process_text


def annotate(text: str) -> Article:
    """Every attribution the stage finds, with its confidence (the default record keeps those >= 0.6)."""
    article = process_text(text, clean=True, all_quotes=True)
    assert article.text == text
    return article


def quote_starting(article: Article, words: str) -> Quote:
    found = [q for q in article.quotes if q.text.startswith(words)]
    assert found, f"no quote starts with {words!r}: {[q.text for q in article.quotes]}"
    return found[0]


def check_offsets(article: Article) -> None:
    for q in article.quotes:
        assert article.text[q.start : q.end] == q.text
        for span in (q.speaker, q.cue):
            if span is not None:
                assert article.text[span.start : span.end] == span.text
        if q.speaker_entity is not None:
            entity = next(e for e in article.entities if e.id == q.speaker_entity)
            assert q.speaker_name == entity.name


def test_direct_quotes_with_straight_curly_and_guillemet_marks() -> None:
    article = annotate(
        "The council approved the new bridge on Monday.\n\n"
        '"We will rebuild the bridge by spring," Mayor Ana Torres said.\n\n'
        "\u201cThe river is rising faster than we expected,\u201d said Tomas Lindqvist, "
        "a hydrologist at the Baltic Institute.\n\n"
        "Pierre Dubois, the engineer in charge, said: \u00abWe will not step back from this agreement.\u00bb"
    )
    check_offsets(article)
    straight = quote_starting(article, "We will rebuild")
    assert (straight.kind, straight.speaker_name, straight.cue.text) == ("direct", "Ana Torres", "said")
    assert straight.speaker.text == "Mayor Ana Torres"
    assert quote_starting(article, "The river is rising").speaker_name == "Tomas Lindqvist"
    assert quote_starting(article, "We will not step back").speaker_name == "Pierre Dubois"


def test_a_quote_spanning_paragraphs_keeps_its_speaker() -> None:
    article = annotate(
        "Maria Okafor leads the tenants\u2019 association in the north district.\n\n"
        "\u201cWe have waited eleven years for repairs that never came.\n\n"
        "\u201cNow the owners want to raise the rent again,\u201d Okafor said.\n\n"
        "The owners did not reply."
    )
    check_offsets(article)
    first = quote_starting(article, "We have waited")
    second = quote_starting(article, "Now the owners")
    assert first.speaker_name == second.speaker_name == "Maria Okafor"
    assert first.speaker_entity == second.speaker_entity is not None


def test_a_partial_quote_inside_reported_speech_is_one_quote() -> None:
    article = annotate("Okafor said the plan was \u201cdeeply flawed\u201d and unfair to tenants.")
    check_offsets(article)
    assert len(article.quotes) == 1
    quote = article.quotes[0]
    assert quote.text.startswith("the plan was \u201cdeeply flawed")
    assert quote.speaker.text == "Okafor"


def test_an_unclosed_mark_does_not_swallow_the_article() -> None:
    article = annotate(
        "\u201cThis quote never closes.\n\n"
        "The council met on Tuesday. Councillor Ben Adeyemi said the budget would pass easily.\n\n"
        "\u201cWe have the votes,\u201d Adeyemi said."
    )
    check_offsets(article)
    assert quote_starting(article, "This quote never closes").end < article.text.index("The council")
    assert quote_starting(article, "the budget would pass").speaker_name == "Ben Adeyemi"
    votes = quote_starting(article, "We have the votes")
    assert votes.speaker_name == "Ben Adeyemi" and votes.kind == "direct"


@pytest.mark.parametrize(
    "text",
    [
        'He said "one thing and "another" thing.\n\n"Odd marks," she said. "And more',
        "\u201c\u201c\u201d\u201d\u201d\u00ab\n\n\u00bb said nobody.",
        "'Single' quotes 'never' close, \u2018really.",
    ],
)
def test_broken_marks_never_fail(text: str) -> None:
    check_offsets(annotate(text))


def test_indirect_quotes_with_many_reporting_verbs() -> None:
    article = annotate(
        "Helen Park, the health minister, told reporters that the clinics would reopen next week.\n\n"
        "She added that staff shortages remained a problem.\n\n"
        "The opposition leader, Victor Hale, warned that the plan would fail within a year.\n\n"
        "Hale noted that two clinics had closed last winter.\n\n"
        "The company claimed that its drivers were paid fairly.\n\n"
        "According to Park, the ministry has hired forty new nurses this year."
    )
    check_offsets(article)
    expected = {
        "the clinics would reopen": ("told", "Helen Park"),
        "staff shortages remained": ("added", "Helen Park"),
        "the plan would fail": ("warned", "Victor Hale"),
        "two clinics had closed": ("noted", "Victor Hale"),
        "its drivers were paid": ("claimed", "The company"),
        "the ministry has hired": ("According to", "Helen Park"),
    }
    for words, (cue, speaker) in expected.items():
        quote = quote_starting(article, words)
        assert quote.kind == "indirect"
        assert (quote.cue.text, quote.speaker_name) == (cue, speaker), words


def test_a_pronoun_speaker_resolves_to_the_person() -> None:
    article = annotate(
        "Helen Park visited the hospital in Bergen on Friday.\n\n"
        '"The nurses here work harder than anyone I know," she said.'
    )
    quote = quote_starting(article, "The nurses here")
    assert quote.speaker.text == "she"
    assert quote.speaker_name == "Helen Park"
    person = next(e for e in article.entities if e.id == quote.speaker_entity)
    assert "she" in [m.text for m in person.mentions]


def test_a_role_speaker_is_an_entity_coded_from_its_organisation() -> None:
    article = annotate(
        "Norway and Sweden signed the fisheries deal on Monday.\n\n"
        "The spokesperson of the Norwegian Ministry of Foreign Affairs said the agreement would protect "
        "the cod stocks.\n\n"
        "\u201cThis is a fair deal for both countries,\u201d the spokesperson of the Norwegian Ministry of "
        "Foreign Affairs added."
    )
    check_offsets(article)
    said = quote_starting(article, "the agreement would protect")
    added = quote_starting(article, "This is a fair deal")
    assert said.speaker_entity == added.speaker_entity is not None
    role = next(e for e in article.entities if e.id == said.speaker_entity)
    assert role.name.startswith("spokesperson of the Norwegian Ministry")
    assert (role.code, role.country) == ("NORGOV", "NOR")


def test_a_paragraph_that_is_only_a_quote_continues_the_previous_speaker() -> None:
    article = annotate(
        "Kwame Mensah, a professor of economics at the University of Ghana, told the BBC that inflation "
        "would fall this year.\n\n"
        "\u201cThe central bank has finally acted, and prices are already easing.\u201d\n\n"
        "\u201cBut the poorest households will feel the pain for longer,\u201d Mensah said."
    )
    carried = quote_starting(article, "The central bank has finally acted")
    assert carried.cue is None and carried.speaker is None
    assert carried.speaker_name == "Kwame Mensah"


def test_a_misspelt_surname_after_the_full_name_is_the_same_speaker() -> None:
    article = annotate(
        "Ingrid Haldorsen, a climate scientist at the University of Oslo, told reporters the glacier had "
        "lost a third of its mass.\n\n"
        "\u201cWe are watching it disappear in real time,\u201d Haldorsem said."
    )
    quote = quote_starting(article, "We are watching")
    assert quote.speaker.text == "Haldorsem"
    assert quote.speaker_name == "Ingrid Haldorsen"
    names = [e.name for e in article.entities if e.type == "PERSON"]
    assert names == ["Ingrid Haldorsen"]


def test_a_second_cue_of_the_same_speaker_starts_its_own_attribution() -> None:
    article = annotate(
        "Governor Elena Marsh said she would sign the water bill next week and warned against "
        "delays in the state senate.\n\n"
        "Marsh said the reservoirs were nearly empty, saying the drought had lasted four years.\n"
    )
    check_offsets(article)
    sign = quote_starting(article, "she would sign the water bill")
    assert "warned" not in sign.text and sign.text.endswith("next week")
    empty = quote_starting(article, "the reservoirs were nearly empty")
    assert "saying" not in empty.text
    drought = quote_starting(article, "the drought had lasted four years")
    assert drought.speaker_name == "Elena Marsh" and drought.cue.text == "saying"


def test_a_country_s_government_is_not_the_organisation_named_last() -> None:
    article = annotate(
        "Northwind Shipping Ltd. moved its offices to Halifax last year.\n\n"
        "The Canadian government said the new port rules would take effect in March.\n"
    )
    check_offsets(article)
    rules = quote_starting(article, "the new port rules would take effect")
    assert rules.speaker.text == "The Canadian government"
    assert rules.speaker_name == "The Canadian government" and rules.speaker_entity is None


def test_a_titled_one_word_name_tagged_as_an_organisation_is_a_person_pronouns_refer_to() -> None:
    article = annotate(
        "Assistant Commissioner Eric Stubbs said the officers had followed the court order.\n\n"
        "But Wet'suwet'en Hereditary Chief Na'moks said the police had moved too fast.\n\n"
        '"This is too fresh in our minds," he said.\n'
    )
    check_offsets(article)
    chief = quote_starting(article, "the police had moved too fast")
    assert chief.speaker_name == "Na'moks"
    person = next(e for e in article.entities if e.id == chief.speaker_entity)
    assert person.type == "PERSON"
    assert quote_starting(article, "This is too fresh").speaker_entity == person.id


def test_the_official_is_the_unnamed_official_introduced_not_the_person_named_before() -> None:
    article = annotate(
        "Lena Ortiz was arrested in Vancouver on a warrant from Chile.\n\n"
        "A justice official said the extradition hearing would start in May.\n\n"
        '"The file is complete," the official said.\n'
    )
    check_offsets(article)
    later = quote_starting(article, "The file is complete")
    assert later.speaker.text == "the official"
    assert later.speaker_entity is None and later.speaker_name == "the official"


def test_a_to_infinitive_cue_in_the_clause_does_not_end_what_was_reported() -> None:
    article = annotate("The mayor said a study had been done to confirm the cost by the transit agency.\n")
    quote = quote_starting(article, "a study had been done")
    assert quote.text == "a study had been done to confirm the cost by the transit agency"
    assert quote.cue.text == "said"


def test_the_speaker_is_the_person_at_the_head_of_the_phrase_not_one_named_in_a_premodifier() -> None:
    article = annotate('"We will win the state," former Obama adviser David Axelrod said on Sunday.\n')
    quote = quote_starting(article, "We will win the state")
    assert quote.speaker.text == "former Obama adviser David Axelrod"
    assert quote.speaker_name == "David Axelrod"


def test_a_quote_ending_with_a_full_stop_takes_no_cue_from_the_next_sentence() -> None:
    article = annotate(
        "Her statement was \u201cnot in line with our editorial policy.\u201d "
        "The network said it would send the reporter to Crimea for a month.\n"
    )
    network = quote_starting(article, "it would send the reporter")
    assert network.cue.text == "said" and network.speaker.text == "The network"
    assert not [q for q in article.quotes if q.text.startswith("not in line") and q.cue is not None
                and q.cue.text == "said"]


def test_an_epithet_after_a_verb_of_saying_is_the_person_named_before() -> None:
    # "says the bow-tied maverick": the writer's epithet for someone already named, not a new speaker
    article = annotate(
        "Andre Boyle draws comics in his basement in Guelph.\n\n"
        '"Nobody believed in us at first," says the bow-tied maverick.\n'
    )
    check_offsets(article)
    quote = quote_starting(article, "Nobody believed in us")
    assert quote.speaker.text == "the bow-tied maverick"
    assert quote.speaker_name == "Andre Boyle"


def test_the_official_takes_up_the_unnamed_official_even_after_another_person_is_named() -> None:
    article = annotate(
        "A justice official said the hearing would start in May.\n\n"
        "Lena Ortiz was arrested in Vancouver in December and remains on bail.\n\n"
        "The justice official told reporters most requests succeed.\n"
    )
    check_offsets(article)
    later = quote_starting(article, "most requests succeed")
    assert later.speaker_entity is None and later.speaker_name == "The justice official"


def test_a_release_from_an_organisation_speaks_for_that_organisation() -> None:
    article = annotate(
        "Workers at Marlow Bakery voted on Thursday.\n\n"
        "A release sent to media from the Harbour Workers Union late Friday said most of the workers "
        "had voted to join.\n"
    )
    check_offsets(article)
    quote = quote_starting(article, "most of the workers")
    assert quote.speaker.text == "A release"
    assert quote.speaker_name == "Harbour Workers Union"


def test_they_is_the_plural_subject_before_it() -> None:
    article = annotate(
        "In an emailed statement, the owners Tore Sohlberg and Lena Abreu said they respected the outcome "
        "of the vote.\n\n"
        '"Our priority is a respectful and healthy workplace for everyone," they said.\n'
    )
    check_offsets(article)
    owners = quote_starting(article, "they respected the outcome")
    later = quote_starting(article, "Our priority is")
    assert later.speaker.text == "they"
    assert later.speaker_entity is not None and later.speaker_entity == owners.speaker_entity
    senators = annotate(
        "Republican senators are eager to confirm judges, and they say they will not consider any more "
        "spending bills this month.\n"
    )
    quote = quote_starting(senators, "they will not consider")
    assert quote.speaker.text == "they" and quote.speaker_name == "Republican"


def test_they_after_a_change_of_subject_stays_unresolved() -> None:
    # the nearest subject before "they" is one person: no plural antecedent to take up
    article = annotate(
        "The owners of the bakery met the workers on Monday.\n\n"
        "Mayor Ana Torres said the city would help.\n\n"
        '"We will look at every option," they said.\n'
    )
    quote = quote_starting(article, "We will look at every option")
    assert quote.speaker.text == "they" and quote.speaker_entity is None


def test_the_rookie_defenceman_is_a_role_even_when_the_model_tags_it_an_organisation() -> None:
    article = annotate(
        "Liam Ford scored his first goal for Calgary on Friday.\n\n"
        '"It will mean more in a few days," said the rookie defenceman, cousin of Nate Ford of the '
        "Ottawa Senators.\n"
    )
    check_offsets(article)
    quote = quote_starting(article, "It will mean more")
    assert quote.speaker.text == "the rookie defenceman"
    assert quote.speaker_name == "Liam Ford"


def _parsed(words, heads, deps, pos, ents, **more):
    """A Doc with the parse given (the model's parse of such sentences varies; the rule under test
    reads whatever parse it is given)."""
    from spacy.tokens import Doc

    from dateline.nlp import load_nlp

    return Doc(load_nlp(None).vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents, **more)


def test_a_subject_inside_the_quoted_words_is_not_the_speaker() -> None:
    from dateline.nlp.quotes import _speaker

    # "“Nurses on Reed's plan,” Reed tweeted.": a parse that made the quote's first noun the subject
    words = ["\u201c", "Nurses", "on", "Reed", "'s", "plan", ",", "\u201d", "Reed", "tweeted", "."]
    heads = [9, 9, 1, 5, 3, 2, 9, 9, 9, 9, 9]
    deps = ["punct", "nsubj", "prep", "poss", "case", "pobj", "punct", "punct", "npadvmod", "ROOT", "punct"]
    pos = ["PUNCT", "NOUN", "ADP", "PROPN", "PART", "NOUN", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT"]
    doc = _parsed(words, heads, deps, pos, ["O", "B-NORP"] + ["O"] * 9)
    quote_of = [-2, 0, 0, 0, 0, 0, 0, -2, -1, -1, -1]
    assert _speaker(doc, doc[9], quote_of).text == "Reed"
    assert _speaker(doc, doc[9]).text.startswith("Nurses")  # not knowing the quote: the parse's subject


def test_a_name_in_apposition_to_the_last_noun_of_the_subject_is_the_speaker() -> None:
    from dateline.nlp.quotes import _speaker

    # "Keeper of the Purse, Anwar Idris, said ...": the apposition hangs on "Purse", inside the subject
    words = ["Keeper", "of", "the", "Purse", ",", "Anwar", "Idris", ",", "said", "it", "was", "over", "."]
    heads = [8, 0, 3, 1, 3, 6, 3, 0, 8, 10, 8, 10, 8]
    deps = ["nsubj", "prep", "det", "pobj", "punct", "compound", "appos", "punct", "ROOT", "nsubj", "ccomp",
            "advmod", "punct"]
    pos = ["PROPN", "ADP", "DET", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "PRON", "AUX", "ADV",
           "PUNCT"]
    ents = ["O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O"]
    doc = _parsed(words, heads, deps, pos, ents)
    assert _speaker(doc, doc[8]).text == "Anwar Idris"


def test_two_reported_clauses_joined_by_and_that_are_one_content() -> None:
    from dateline.nlp.quotes import Sentences, _content

    # "He told police he was upset with the plan and that the fire was meant to warn them.": the parse
    # hangs both clauses on "told" and the "and" on "plan"
    words = ["He", "told", "police", "he", "was", "upset", "with", "the", "plan", "and", "that", "the", "fire",
             "was", "meant", "to", "warn", "them", "."]
    heads = [1, 1, 1, 4, 1, 4, 5, 8, 6, 8, 14, 12, 14, 14, 1, 16, 14, 16, 1]
    deps = ["nsubj", "ROOT", "dobj", "nsubj", "ccomp", "acomp", "prep", "det", "pobj", "cc", "mark", "det",
            "nsubjpass", "auxpass", "ccomp", "aux", "xcomp", "dobj", "punct"]
    pos = ["PRON", "VERB", "NOUN", "PRON", "AUX", "ADJ", "ADP", "DET", "NOUN", "CCONJ", "SCONJ", "DET", "NOUN",
           "AUX", "VERB", "PART", "VERB", "PRON", "PUNCT"]
    tags = ["PRP", "VBD", "NNS", "PRP", "VBD", "JJ", "IN", "DT", "NN", "CC", "IN", "DT", "NN", "VBD", "VBN",
            "TO", "VB", "PRP", "."]
    lemmas = ["he", "tell", "police", "he", "be", "upset", "with", "the", "plan", "and", "that", "the", "fire",
              "be", "mean", "to", "warn", "they", "."]
    doc = _parsed(words, heads, deps, pos, ["O"] * len(words), tags=tags, lemmas=lemmas)
    content = _content(doc, doc[1], Sentences(doc))
    assert doc.text[content.start : content.end] == "he was upset with the plan and that the fire was meant to warn them"


def test_a_title_abbreviation_before_a_name_does_not_end_what_is_reported() -> None:
    article = annotate(
        "According to the Crown, a report filed by RCMP officer Cpl. Dana Roe noted the road was level at "
        "the corner.\n"
    )
    check_offsets(article)
    quote = quote_starting(article, "a report filed by")
    assert quote.text.endswith("noted the road was level at the corner")
    assert quote.speaker.text == "the Crown"


def test_a_speaker_after_its_verb_is_found_past_a_quote_mark_or_an_object_reading() -> None:
    # "“...,’’ says the founder": the parse took the doubled closing mark for a subject;
    # "“...,” points out the resident": the parse took the speaker for the verb's object
    article = annotate(
        'Maria Tellez opened the shop in 2017. "We print every book ourselves and sell them at the '
        "door,\u2019\u2019 says the 39-year-old founder of Inkwell Press, which opened last year.\n\n"
        'Omar Haddad runs the store with his sister. "You are talking about one genre only," points out '
        "the laid-back Guelph resident, who moved here in 2004.\n"
    )
    check_offsets(article)
    assert quote_starting(article, "We print every book").speaker.text == "the 39-year-old founder of Inkwell Press"
    assert quote_starting(article, "You are talking").speaker.text == "the laid-back Guelph resident"


def test_a_that_clause_the_parse_hung_on_a_verb_of_saying_as_an_adverbial_is_its_content() -> None:
    from dateline.nlp.quotes import Sentences, _content

    # "Ruiz tweeted in the morning that the council was lazy.": "that" read as an adverb, the clause as
    # an adverbial clause of "tweeted"
    words = ["Ruiz", "tweeted", "in", "the", "morning", "that", "the", "council", "was", "lazy", "."]
    heads = [1, 1, 1, 4, 2, 8, 7, 8, 1, 8, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "advmod", "det", "nsubj", "advcl", "acomp", "punct"]
    pos = ["PROPN", "VERB", "ADP", "DET", "NOUN", "SCONJ", "DET", "NOUN", "AUX", "ADJ", "PUNCT"]
    tags = ["NNP", "VBD", "IN", "DT", "NN", "IN", "DT", "NN", "VBD", "JJ", "."]
    lemmas = ["Ruiz", "tweet", "in", "the", "morning", "that", "the", "council", "be", "lazy", "."]
    doc = _parsed(words, heads, deps, pos, ["O"] * len(words), tags=tags, lemmas=lemmas)
    content = _content(doc, doc[1], Sentences(doc))
    assert content is not None and doc.text[content.start : content.end] == "the council was lazy"
    assert content.evidence == "speech-clause"


def test_a_reported_clause_with_a_gerund_subject_is_what_the_verb_reports() -> None:
    article = annotate("The coach said getting the players rested before the playoffs was the main goal.\n")
    quote = quote_starting(article, "getting the players rested")
    assert quote.text == "getting the players rested before the playoffs was the main goal"
    assert quote.speaker.text == "The coach" and quote.cue.text == "said"


def test_a_that_clause_hung_on_the_addressee_is_what_was_told_but_a_relative_clause_is_not() -> None:
    article = annotate(
        "In Ottawa last week, she told a meeting of Arctic mayors that few people understood the stakes "
        "of the thaw better than residents of the North.\n\n"
        "She told the crowd that had gathered outside the hall to go home.\n"
    )
    check_offsets(article)
    told = quote_starting(article, "few people understood")
    assert told.text.endswith("better than residents of the North") and told.cue.text == "told"
    assert not [q for q in article.quotes if q.text.startswith("had gathered")]


def test_a_parenthetical_verb_of_telling_keeps_its_addressee() -> None:
    article = annotate("The new ferry, the harbour master told reporters, will cost the port $4 million a year.\n")
    check_offsets(article)
    quote = quote_starting(article, "The new ferry")
    assert quote.text.endswith("$4 million a year") and quote.cue.text == "told"
    assert quote.speaker.text == "the harbour master"


def test_an_according_phrase_opening_the_sentence_ends_at_its_comma() -> None:
    article = annotate("According to the union's lawyer Dana Price, the offer reeks of \u201cpanic\u201d and bad faith.\n")
    check_offsets(article)
    quote = quote_starting(article, "the offer reeks")
    assert quote.text == "the offer reeks of \u201cpanic\u201d and bad faith"
    assert quote.speaker_name == "Dana Price" and quote.confidence >= 0.6


def test_a_that_less_clause_after_a_modifier_of_the_verb_is_what_it_reports() -> None:
    article = annotate(
        "Ruiz said after the meeting he would not accept the union's offer if it were made again.\n\n"
        "That was what Lena Ortiz said when she resigned from the council in 2019.\n"
    )
    check_offsets(article)
    quote = quote_starting(article, "he would not accept")
    assert quote.text == "he would not accept the union's offer if it were made again"
    assert quote.speaker.text == "Ruiz" and quote.cue.text == "said"
    assert not [q for q in article.quotes if q.text.startswith("she resigned")]  # "when": an adverbial clause


def test_a_relative_clause_whose_subject_is_the_gap_reports_its_predicate() -> None:
    article = annotate(
        "The city is far from the cuts that the climate panel says are needed to avert a flood.\n\n"
        "The fees, which the council says will raise $2 million, start in May.\n"
    )
    check_offsets(article)
    needed = quote_starting(article, "are needed")
    assert needed.text == "are needed to avert a flood" and needed.speaker.text == "the climate panel"
    fees = quote_starting(article, "will raise")
    assert fees.text == "will raise $2 million" and fees.speaker.text == "the council"
    # never a quote made of the speaker and its own cue
    assert not [q for q in article.quotes if q.cue is not None and q.start <= q.cue.start < q.end]


def test_a_reported_clause_ends_before_the_writers_apposition() -> None:
    article = annotate("Ortiz said he did not support the mayor, the front-runner in the race.\n")
    check_offsets(article)
    assert quote_starting(article, "he did not support").text == "he did not support the mayor"


def test_a_judgement_of_a_target_is_an_attribution_the_default_record_keeps() -> None:
    article = annotate(
        "Mayor Ana Ruiz criticized the transit plan on Tuesday.\n\n"
        "Councillor Omar Haddad praised the library budget in a speech.\n"
    )
    check_offsets(article)
    criticized = quote_starting(article, "the transit plan")
    assert criticized.cue.text == "criticized" and criticized.speaker.text == "Mayor Ana Ruiz"
    assert criticized.confidence >= 0.6
    praised = quote_starting(article, "the library budget")
    assert praised.speaker.text == "Councillor Omar Haddad" and praised.confidence >= 0.6


def test_calling_something_a_name_is_a_judgement_but_a_phone_call_or_a_call_for_is_not_one() -> None:
    article = annotate(
        "Mayor Ana Ruiz called the transit plan a disaster for the east end.\n\n"
        "Councillor Omar Haddad called the mayor on Thursday night.\n\n"
        "The union called for a recount of the ballots.\n"
    )
    check_offsets(article)
    named = quote_starting(article, "the transit plan")
    assert named.text == "the transit plan a disaster for the east end" and named.confidence >= 0.6
    assert named.speaker.text == "Mayor Ana Ruiz"
    assert not [q for q in article.quotes if q.text.startswith("the mayor")]
    assert all(q.confidence < 0.6 for q in article.quotes if "recount" in q.text)


def test_a_reported_clause_ends_before_the_writers_relative_clause_on_someone_named() -> None:
    article = annotate(
        "Ortiz said she would vote for Dana Price, who has never held public office.\n\n"
        "Mayor Ana Ruiz criticized Harbour Energy, which signed the ferry deal in May.\n\n"
        "Lee said the two bids are very close, which made the choice even harder.\n"
    )
    check_offsets(article)
    assert quote_starting(article, "she would vote").text == "she would vote for Dana Price"
    assert quote_starting(article, "Harbour Energy").text == "Harbour Energy"
    # "which" on the whole clause is the speaker's own comment, and stays
    assert quote_starting(article, "the two bids").text == "the two bids are very close, which made the choice even harder"


def test_a_time_or_condition_clause_opening_what_is_reported_is_no_embedded_question() -> None:
    article = annotate(
        "When the training is tailored to each patient, it can cut readmissions by half, according to "
        "Dana Roe, head of the Harbour Care Institute.\n\n"
        "Ruiz wondered how the town would pay for the new bridge.\n"
    )
    check_offsets(article)
    claim = quote_starting(article, "When the training")
    assert claim.speaker_name == "Dana Roe" and claim.confidence >= 0.6
    assert quote_starting(article, "how the town").confidence < 0.6  # a question someone asks is no claim


def test_a_passive_judgement_is_the_agents_and_judges_its_subject() -> None:
    article = annotate(
        "The surgeon has been called a charlatan by fellow doctors.\n\n"
        "Ruiz has been harshly criticized for the ferry contract.\n"
    )
    check_offsets(article)
    named = quote_starting(article, "The surgeon")
    assert named.text == "The surgeon has been called a charlatan" and named.speaker.text == "fellow doctors"
    # no agent: no one is named as judging, and the one judged is never the speaker
    assert not [q for q in article.quotes if q.speaker is not None and q.speaker.text == "Ruiz"]


def test_a_judgement_ends_before_the_conjunction_that_joins_the_next_report() -> None:
    article = annotate('The senator called the mayor "reckless" and demanded an apology.\n')
    check_offsets(article)
    assert quote_starting(article, "the mayor").text == 'the mayor "reckless"'
