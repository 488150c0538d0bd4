"""Invisible characters (soft hyphens, zero-width spaces and joiners, other spaces) leave the record."""

from __future__ import annotations

from pathlib import Path

from dateline.extract import extract
from dateline.extract.chars import visible, visible_inline
from dateline.sources import RawDoc

FIXTURES = Path(__file__).parent.parent / "fixtures" / "html"
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u00a0\u202f"


def test_soft_hyphens_and_zero_width_characters_are_dropped_inside_words():
    assert visible("die\u00adsem Jahr") == "diesem Jahr"
    assert visible("Bürger\u200bmeisterin, Bau\u200darbeiten, wich\u2060tig") == "Bürgermeisterin, Bauarbeiten, wichtig"
    assert visible("800\u00a0Meter, 12\u202f%") == "800 Meter, 12 %"


def test_joiners_that_a_script_needs_are_kept():
    persian = "می\u200cخواهم"  # the non-joiner is spelling in Persian
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji of three joined
    assert visible(persian) == persian
    assert visible(family) == family


def test_inline_fields_fold_their_white_space():
    assert visible_inline(" Jo\u00adhanna\u00a0 Kel\u200bler ") == "Johanna Keller"
    assert visible_inline("\u200b") is None


def test_html_page_text_title_and_author_carry_no_invisible_characters():
    path = FIXTURES / "soft-hyphens-de.html"
    article = extract(RawDoc(source=str(path), data=path.read_bytes()))
    assert article.title == "Stadtrat beschließt neuen Radweg am Ufer"
    assert article.authors == ["Johanna Keller"]
    assert "In diesem Jahr sollen die ersten 800 Meter fertig werden" in article.text
    assert "Bürgermeisterin Ilse Brandt" in article.text
    assert not any(ch in article.text + article.title + "".join(article.authors) for ch in INVISIBLE)


def test_paragraph_offsets_index_the_normalised_text():
    path = FIXTURES / "soft-hyphens-de.html"
    article = extract(RawDoc(source=str(path), data=path.read_bytes()))
    pieces = [article.text[p.start : p.end] for p in article.paragraphs]
    assert "\n\n".join(pieces) == article.text
    assert pieces[0].startswith("Der Stadtrat von Lindenau hat am Dienstagabend")


def test_text_dump_lines_are_normalised_before_they_are_read(tmp_path):
    body = (
        "Lindenauer Anzeiger\n\nNeuer Rad\u00adweg am Ufer\n\n"
        + "\n\n".join(
            f"Der Stadt\u00adrat hat in sei\u00adner {n}. Sitzung über den Rad\u00adweg beraten, und die Mehrheit "
            "stimmte nach einer langen Debatte für den Plan der Verwaltung." for n in range(1, 5)
        )
        + "\n"
    )
    article = extract(RawDoc(source="dump.txt", data=body.encode("utf-8")))
    assert "Der Stadtrat hat in seiner 1. Sitzung" in article.text
    assert "\u00ad" not in article.text


def test_a_joiner_alone_or_beside_punctuation_is_dropped():
    assert visible("\u200d") == ""
    assert visible("(\u200c)") == "()"
