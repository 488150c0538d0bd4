"""Page furniture in the body is recognised in each shipped language (lang/*/furniture_*.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.extract.html import extract_html
from dateline.extract.html.body import _is_furniture_line, _is_teaser, without_button_label

FIXTURES = Path(__file__).parent.parent / "fixtures" / "html"


def test_german_furniture_leaves_the_body_and_the_article_stays():
    path = FIXTURES / "furniture-de.html"
    article = extract_html(path.read_text(encoding="utf-8"), source=str(path))
    for furniture in ("erfolgreich hinzugefügt", "Anzeige", "JavaScript", "Mehr zum Thema", "Vergrößern"):
        assert furniture not in article.text
    assert "Die Kapitänin bei der ersten Fahrt am Montagmorgen." in article.text
    assert article.text.startswith("Von Juni an fährt eine neue Fähre")
    assert "am Abend hinzu, die bisher nur im Sommer angeboten wurde." in article.text


@pytest.mark.parametrize("line", [
    "Lire aussi : La réforme des retraites au Sénat", "À lire aussi | Le budget de la ville",
    "Lesen Sie auch: Der neue Bahnhof", "Read more: the council's budget",
])
def test_cross_links_in_each_language_are_teasers(line):
    assert _is_teaser(line)


@pytest.mark.parametrize("line, furniture", [
    ("Publicité", True), ("L'article a bien été ajouté", True), ("Veuillez activer JavaScript pour lire la vidéo.", True),
    ("Share", True), ("Share prices fell by three percent on Monday.", False),
    ("Les élus ont partagé leurs inquiétudes sur le budget.", False),
])
def test_whole_furniture_lines_and_notices(line, furniture):
    assert _is_furniture_line(line) is furniture


def test_a_button_label_after_the_last_sentence_is_taken_off():
    assert without_button_label("La maire à l'inauguration. Agrandir") == "La maire à l'inauguration."
    assert without_button_label("Nous allons tout partager") == "Nous allons tout partager"
