"""The event coder on the project's own sentences, with the real spaCy pipeline."""

from __future__ import annotations

import pytest

from dateline.model import Article, Quote, Span
from dateline.nlp.annotate import annotate_doc
from dateline.nlp.entities import extract_entities
from dateline.nlp.events import code_events
from dateline.nlp.events.codebook import lookup
from dateline.nlp.loader import load_nlp

PUBLISHED = "2024-04-26T09:00:00+00:00"  # a Friday


def annotate(text: str, published: str | None = PUBLISHED) -> Article:
    article = Article(id="t", source="test", text=text, published=published)
    annotate_doc(article, load_nlp()(text))
    return article


def events_of(text: str, published: str | None = PUBLISHED):
    return annotate(text, published).events


def side(actor) -> str | None:
    return None if actor is None else (actor.country or actor.code)


def test_a_sentence_without_an_event_gives_none():
    assert events_of("The weather in Lisbon was mild and sunny on Tuesday.") == []


def test_meeting_with_source_target_date_and_place():
    [ev, *_] = events_of("On April 3, the Prime Minister of Portugal met with Spanish officials in Madrid.")
    assert (ev.plover, ev.cameo) == ("CONSULT", "040")
    assert side(ev.source) == "PRT" and side(ev.target) == "ESP"
    assert ev.date == "2024-04-03"
    assert ev.location == "ESP"
    assert not ev.negated
    assert ev.text in "On April 3, the Prime Minister of Portugal met with Spanish officials in Madrid."


def test_goldstein_and_quad_class_come_from_the_codebook():
    [ev] = events_of("Canada imposed sanctions on Venezuela.")
    info = lookup(ev.cameo)
    assert (ev.plover, ev.goldstein, ev.quad_class) == ("SANCTION", info.goldstein, info.quad_class)
    assert side(ev.source) == "CAN" and side(ev.target) == "VEN"


def test_threat_is_kept_apart_from_the_act():
    [threat] = events_of("Turkey threatened to impose sanctions on Greece.")
    assert (threat.plover, threat.cameo) == ("THREATEN", "1312")
    assert side(threat.source) == "TUR" and side(threat.target) == "GRC"
    [act] = events_of("Turkey imposed sanctions on Greece.")
    assert act.plover == "SANCTION"


def test_threat_of_nuclear_weapons_against_a_target():
    [ev, *_] = events_of("North Korea threatened to use nuclear weapons against Japan.")
    assert (ev.plover, ev.cameo) == ("THREATEN", "1385")
    assert side(ev.target) == "JPN"


def test_warning_that_the_speaker_would_act_is_a_threat():
    [ev, *_] = events_of("Australia warned that it would take action if Indonesia did not stop the fishing fleet.")
    assert ev.plover == "THREATEN" and side(ev.source) == "AUS"


def test_negated_act():
    [ev] = events_of("Canada did not criticize Mexico.")
    assert ev.plover == "ACCUSE" and ev.negated
    assert side(ev.source) == "CAN" and side(ev.target) == "MEX"


def test_denial_is_a_rejection_and_the_denied_act_is_negated():
    evs = events_of("Iran denied supplying weapons to Yemeni rebels.")
    assert evs[0].plover == "REJECT" and not evs[0].negated and side(evs[0].source) == "IRN"
    denied = [e for e in evs if e.plover == "AID"]
    assert denied and denied[0].negated and side(denied[0].source) == "IRN"


def test_future_cooperation_is_an_intent():
    [ev, *_] = events_of("Norway will provide humanitarian aid to Yemen.")
    assert (ev.plover, ev.cameo) == ("AGREE", "0333")
    assert side(ev.source) == "NOR" and side(ev.target) == "YEM"


def test_refusal_and_negated_intent_are_rejections():
    [ev, *_] = events_of("Hungary refused to meet the Polish delegation.")
    assert (ev.plover, ev.cameo) == ("REJECT", "125")
    [ev, *_] = events_of("Hungary said it will not accept the Polish proposal.")
    assert ev.plover == "REJECT" and side(ev.source) == "HUN"


def test_conditional_intent_is_an_ultimatum():
    [ev, *_] = events_of("Ghana will recall its ambassador unless Togo apologizes.")
    assert ev.plover == "THREATEN" and side(ev.source) == "GHA"


def test_appeal_and_reported_demand_are_requests():
    [ev, *_] = events_of("Germany urged Russia to withdraw its troops from Ukraine.")
    assert ev.plover == "REQUEST" and side(ev.source) == "DEU" and side(ev.target) == "RUS"
    [ev, *_] = events_of("Spain said Morocco must release the detained fishermen.")
    assert (ev.plover, ev.cameo) == ("REQUEST", "1053")
    assert side(ev.source) == "ESP" and side(ev.target) == "MAR"


def test_compound_actors_give_one_event_each():
    evs = events_of("Brazilian and Argentine officials agreed to cooperate on border security.")
    agree = [e for e in evs if e.plover == "AGREE"]
    assert {side(e.source) for e in agree} == {"BRA", "ARG"}
    evs = events_of("Kenya and Tanzania signed a trade agreement.")
    assert {side(e.source) for e in evs if e.plover == "SUPPORT"} == {"KEN", "TZA"}


def test_both_sides_resolve_to_the_article_pair():
    text = ("India and Pakistan held talks in Geneva. India accused Pakistan of shelling border villages. "
            "Pakistan rejected the accusation. Both sides agreed to a ceasefire.")
    evs = [e for e in events_of(text) if e.start >= text.index("Both sides")]
    assert {(side(e.source), side(e.target)) for e in evs if e.plover == "AGREE"} == {("IND", "PAK"), ("PAK", "IND")}


def test_passive_voice_source_is_the_agent():
    [ev, *_] = events_of("Two Nigerian soldiers were killed by Cameroonian troops.")
    assert ev.plover == "ASSAULT"
    assert side(ev.source) == "CMR" and side(ev.target) == "NGA"


def test_intergovernmental_actor_has_an_igo_code_and_no_country():
    [ev, *_] = events_of("NATO condemned the attack on Estonian border guards.")
    assert ev.plover == "ACCUSE"
    assert ev.source.code.startswith("IGO") and ev.source.country is None


def test_main_event_of_the_sentence_comes_first():
    evs = events_of("Peru, which had criticized Bolivia for months, signed a treaty with Ecuador.")
    assert evs[0].plover == "SUPPORT" and side(evs[0].target) == "ECU"
    assert any(e.plover == "ACCUSE" for e in evs[1:])


def test_relative_dates_resolve_against_the_article_date():
    assert events_of("Chile expelled two Peruvian diplomats last week.")[0].date == "2024-04-15"
    assert events_of("Chile expelled two Peruvian diplomats earlier this week.")[0].date == "2024-04-22"
    assert events_of("Chile expelled two Peruvian diplomats last year.")[0].date == "2023"
    assert events_of("Chile expelled two Peruvian diplomats.")[0].date == "2024-04-26"
    assert events_of("Chile expelled two Peruvian diplomats.", published=None)[0].date is None


def test_event_in_a_quote_is_linked_to_it_and_we_is_the_speaker():
    text = 'The Egyptian foreign minister said: "We will send aid to Sudan."'
    doc = load_nlp()(text)
    article = Article(id="q", source="test", text=text, published=PUBLISHED)
    article.entities = extract_entities(doc, article)
    start = text.index('"') + 1
    speaker = next((e for e in article.entities if "Egyptian" in e.name), None)
    article.quotes = [Quote(start=start, end=len(text) - 2, text=text[start:-2], kind="direct",
                            speaker=Span(4, 35, text[4:35]), speaker_entity=speaker.id if speaker else None)]
    evs = [e for e in code_events(doc, article) if e.plover == "AGREE"]
    assert evs and evs[0].quote == 0
    assert side(evs[0].target) == "SDN"


@pytest.mark.parametrize("text", ["", "   ", "Sanctions.", "They met."])
def test_odd_inputs_do_not_raise(text):
    article = annotate(text) if text.strip() else Article(id="e", source="test", text=text)
    assert isinstance(article.events, list)


def test_mutual_acts_of_compound_actors_face_each_other():
    evs = events_of("Chile and Bolivia held talks on water rights.")
    assert {(side(e.source), side(e.target)) for e in evs if e.plover == "CONSULT"} == {("CHL", "BOL"), ("BOL", "CHL")}
    evs = events_of("The talks between Armenia and Azerbaijan resumed.")
    assert ("ARM", "AZE") in {(side(e.source), side(e.target)) for e in evs if e.plover == "CONSULT"}


def test_role_without_a_country_takes_the_place_of_the_event():
    [ev, *_] = events_of("Riot police arrested dozens of students in Nairobi.")
    assert ev.plover == "COERCE" and ev.source.code == "KENCOP" and ev.location == "KEN"


def test_visit_without_a_named_host_goes_to_the_place():
    [ev, *_] = events_of("Iran's foreign minister arrived in Baghdad on Sunday.")
    assert ev.plover == "CONSULT" and side(ev.source) == "IRN" and side(ev.target) == "IRQ"
    assert ev.date == "2024-04-21"


def test_pronoun_subject_takes_the_earlier_actor():
    text = "Iran's foreign minister arrived in Baghdad. He promised to expand trade with Iraq."
    evs = [e for e in events_of(text) if e.start > text.index("He ")]
    assert evs and evs[0].plover == "AGREE" and side(evs[0].source) == "IRN"


def test_alleged_act_is_an_accusation_not_an_attack():
    evs = events_of("Moldova accused Russia of shelling border villages.")
    assert (evs[0].plover, evs[0].cameo) == ("ACCUSE", "1123")
    assert side(evs[0].source) == "MDA" and side(evs[0].target) == "RUS"
    assert not any(e.plover == "ASSAULT" for e in evs)


def test_articles_in_other_languages_are_not_coded():
    text = "Canada imposed sanctions on Venezuela."
    article = Article(id="l", source="test", text=text, language="de")
    assert code_events(load_nlp()(text), article) == []


def test_demand_that_a_clause_subject_act_targets_that_subject():
    [ev, *_] = events_of("The PRC demanded that Taiwan stop the military drills.")
    assert ev.plover == "REQUEST" and side(ev.source) == "CHN" and side(ev.target) == "TWN"


def test_own_forces_are_not_the_recipient_and_strikes_are_protests():
    [ev, *_] = events_of("Peru moved its troops to the northern border.")
    assert ev.plover == "MOBILIZE" and side(ev.source) == "PER" and ev.target is None
    [ev, *_] = events_of("Dock workers went on strike in Nairobi.")
    assert ev.plover == "PROTEST" and side(ev.source) == "KEN" and ev.target is None
