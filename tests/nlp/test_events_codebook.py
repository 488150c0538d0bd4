"""The codebook, the lexicon file and the frame composition tables."""

from __future__ import annotations

import pytest

from dateline.nlp.events import compose
from dateline.nlp.events.codebook import codebook, is_cooperative, lookup
from dateline.nlp.events.lexicon import Lexicon, LexiconError, lexicon, parse_lines


def test_codebook_has_every_level_with_scores_and_quads():
    book = codebook()
    assert {len(c) for c in book} == {2, 3, 4}
    assert book["04"].quad_class == 1 and book["07"].quad_class == 2
    assert book["11"].quad_class == 3 and book["19"].quad_class == 4
    assert all(-10 <= info.goldstein <= 10 for info in book.values())


@pytest.mark.parametrize(
    ("code", "plover"),
    [("036", "AGREE"), ("042", "CONSULT"), ("057", "SUPPORT"), ("073", "AID"), ("0841", "RETREAT"),
     ("081", "CONCEDE"), ("111", "ACCUSE"), ("091", "ACCUSE"), ("1053", "REQUEST"), ("0256", "REQUEST"),
     ("125", "REJECT"), ("016", "REJECT"), ("1385", "THREATEN"), ("141", "PROTEST"), ("154", "MOBILIZE"),
     ("163", "SANCTION"), ("173", "COERCE"), ("182", "ASSAULT"), ("195", "ASSAULT"), ("2042", "ASSAULT"),
     # the PLOVER manual (3.4): lifting a curfew and declaring a ceasefire are verbal concessions
     ("0813", "CONCEDE"), ("0871", "CONCEDE"), ("0872", "RETREAT")],
)
def test_cameo_codes_map_to_plover(code, plover):
    assert lookup(code).plover == plover


def test_statements_have_no_plover_category():
    assert lookup("010").plover is None
    assert lookup("012").plover is None


def test_unknown_four_digit_code_falls_back_to_its_parent():
    assert lookup("0879").code == "087"
    assert lookup("99") is None


def test_shipped_lexicon_codes_are_all_in_the_codebook():
    lex = lexicon()
    codes = {p.code for patterns in lex.by_head.values() for p in patterns if p.code}
    assert codes and all(lookup(c) is not None and lookup(c).code == c for c in codes)


def test_most_specific_pattern_wins():
    lex = Lexicon(parse_lines(["pattern\tcameo\tframe", "lift\t080", "lift sanction\t085", "lift/v ban\t0812"]))
    assert lex.best("lift", "VERB", frozenset({"sanction", "the"}), True).code == "085"
    assert lex.best("lift", "VERB", frozenset({"ban"}), True).code == "0812"
    assert lex.best("lift", "NOUN", frozenset({"ban"}), False).code == "080"
    assert lex.best("lift", "VERB", frozenset(), False).code == "080"


def test_object_mark_requires_a_direct_object():
    lex = Lexicon(parse_lines(["strike/v\t143", "strike/v @obj\t190"]))
    assert lex.best("strike", "VERB", frozenset(), True).code == "190"
    assert lex.best("strike", "VERB", frozenset(), False).code == "143"


@pytest.mark.parametrize(
    ("line", "message"),
    [("meet\t4", "not a CAMEO code"), ("meet\t040\tmaybe", "unknown frame"), ("meet/x\t040", "part of speech"),
     ("meet", "give a pattern and a CAMEO code")],
)
def test_bad_lexicon_lines_name_the_problem(line, message):
    with pytest.raises(LexiconError, match=message):
        parse_lines(["# a comment", line])


def test_frames_follow_the_codebook_structure():
    assert compose.threat("163") == "1312"  # threaten sanctions
    assert compose.threat("2042") == "1385"  # threaten nuclear attack
    assert compose.threat(None) == "130"
    assert compose.intent("073") == "0333"  # promise humanitarian aid
    assert compose.intent("0841") == "0353"  # promise a release
    assert compose.intent("190") == "1384"  # "will attack": a threat
    assert compose.refuse("04") == "125"  # refuse to meet
    assert compose.refuse("072") == "1222"
    assert compose.demand("0841") == "1053"  # demand a release
    assert compose.appeal("087") == "0256"  # appeal for de-escalation
    assert compose.prepare("190") == "150" and compose.prepare("04") == "036"
    assert is_cooperative("057") and not is_cooperative("111")


def test_a_pattern_given_twice_is_refused_naming_both_lines():
    with pytest.raises(LexiconError, match="line 3: the same pattern as line 2"):
        parse_lines(["pattern\tcameo\tframe", "missile/n\t072\tobject", "missile/n\t195\tobject"])
    parse_lines(["missile/n\t072\tobject", "missile\t195"])  # another part of speech is another pattern
