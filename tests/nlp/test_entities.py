"""Entity grouping, descriptors and codes on articles written for these tests (real spaCy model)."""

from __future__ import annotations

from dateline.model import Article, Entity
from dateline.pipeline import process_text


def annotate(text: str) -> Article:
    return process_text(text, clean=True)


def entity_named(article: Article, name: str) -> Entity:
    found = [e for e in article.entities if e.name == name]
    assert len(found) == 1, [(e.type, e.name) for e in article.entities]
    return found[0]


def test_one_entity_per_person_with_all_mentions_and_stable_ids() -> None:
    text = (
        "Kwame Mensah, a professor of economics at the University of Ghana, told the BBC that inflation "
        "would fall this year. Mensah said prices were easing. Mensah's forecast was cautious."
    )
    first, second = annotate(text), annotate(text)
    person = entity_named(first, "Kwame Mensah")
    assert [m.text for m in person.mentions][:3] == ["Kwame Mensah", "Mensah", "Mensah"]
    for m in person.mentions:
        assert first.text[m.start : m.end] == m.text
    assert person.descriptors == ["professor of economics at the University of Ghana"]
    assert (person.code, person.country) == ("GHAEDU", "GHA")
    assert [e.id for e in first.entities] == [e.id for e in second.entities]
    assert len({e.id for e in first.entities}) == len(first.entities)


def test_premodifier_descriptor_and_government_code() -> None:
    article = annotate(
        "US Secretary of State Dana Whitfield met Chinese officials in Beijing on Tuesday. "
        "Whitfield said the talks were useful."
    )
    person = entity_named(article, "Dana Whitfield")
    assert "US Secretary of State" in person.descriptors
    assert (person.code, person.country) == ("USAGOV", "USA")
    assert [m.text for m in person.mentions] == ["Dana Whitfield", "Whitfield"]


def test_a_title_is_a_descriptor_and_the_role_alone_a_mention() -> None:
    article = annotate(
        "Mayor Jane Roe opened the new library on Saturday. The mayor thanked the volunteers who had "
        "raised the money."
    )
    person = entity_named(article, "Jane Roe")
    assert "Mayor" in person.descriptors
    assert "The mayor" in [m.text for m in person.mentions]


def test_people_who_share_a_surname_stay_apart() -> None:
    article = annotate(
        "Erik Lund and Sofia Lund both ran for the council seat.\n\n"
        "Erik Lund said he would cut taxes.\n\n"
        "Sofia Lund said she would build more housing.\n\n"
        "\u201cHousing comes first,\u201d Lund said."
    )
    erik, sofia = entity_named(article, "Erik Lund"), entity_named(article, "Sofia Lund")
    assert erik.id != sofia.id
    last = article.quotes[-1]
    assert last.speaker_name == "Sofia Lund"  # the Lund named last


def test_a_surname_slip_joins_the_person_introduced_just_before() -> None:
    article = annotate(
        "Ingrid Haldorsen, a climate scientist at the University of Oslo, told reporters the glacier had "
        "lost a third of its mass. Haldorsem said the loss would speed up."
    )
    person = entity_named(article, "Ingrid Haldorsen")
    assert "Haldorsem" in [m.text for m in person.mentions]
    assert [e.name for e in article.entities if e.type == "PERSON"] == ["Ingrid Haldorsen"]


def test_countries_adjectives_and_capitals_are_coded() -> None:
    article = annotate(
        "China said it wanted stable ties with the United States. Chinese diplomats met US officials in "
        "Beijing, and the U.S. delegation flew home to Washington."
    )
    by_name = {e.name: e for e in article.entities}
    assert by_name["China"].country == "CHN" and by_name["China"].code == "CHN"
    assert by_name["Chinese"].country == "CHN"
    assert by_name["Beijing"].country == "CHN"
    usa = [e for e in article.entities if e.type == "GPE" and e.country == "USA" and e.name != "Washington"]
    assert len(usa) == 1, [e.name for e in usa]  # "the United States", "US", "U.S." are one entity
    assert {m.text for m in usa[0].mentions} >= {"United States", "U.S."}


def test_a_surname_with_an_inner_capital_labelled_an_organisation_is_the_person() -> None:
    # the model labels the lone "DeBoer" ORG; a name written "McDavid" or "DeBoer" is still a name
    article = annotate("Sharks coach Peter DeBoer was pleased with the win.\n\nDeBoer said the team played well.")
    person = entity_named(article, "Peter DeBoer")
    assert [m.text for m in person.mentions] == ["Peter DeBoer", "DeBoer"]
    assert not [e for e in article.entities if e.name == "DeBoer"]
    assert article.quotes[0].speaker_entity == person.id
