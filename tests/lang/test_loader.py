"""The language-data loader validates every file at load and names the line at fault."""

from importlib import resources

import pytest

from dateline import lang
from dateline.lang import LanguageDataError, parse_table, parse_words


def numbered(*lines):
    return list(enumerate(lines, 1))


def test_word_list_folds_space_and_case():
    assert parse_words(numbered("Point  out", "say"), "x.txt") == {"point out", "say"}


def test_word_list_duplicate_names_both_lines():
    with pytest.raises(LanguageDataError, match=r"x.txt line 3: 'say' repeats line 1"):
        parse_words(numbered("say", "tell", "SAY"), "x.txt")


def test_table_rows_are_keyed_by_header_and_padded():
    rows = parse_table(numbered("word\tcode\tnote", "police\tCOP", "army\tMIL\tarmed forces"), "t.tsv")
    assert rows == ({"word": "police", "code": "COP", "note": ""}, {"word": "army", "code": "MIL", "note": "armed forces"})


@pytest.mark.parametrize("lines, message", [
    ((), "needs a header"),
    (("a\ta",), "name each column once"),
    (("a\tb", "x\ty\tz"), "line 2: 3 cells"),
    (("a\tb", "\ty"), "line 2: the first column"),
])
def test_table_errors(lines, message):
    with pytest.raises(LanguageDataError, match=message):
        parse_table(numbered(*lines), "t.tsv")


def test_missing_file_is_a_config_error():
    with pytest.raises(LanguageDataError, match="no language data file"):
        lang.words("no-such-list")


def test_every_shipped_file_loads():
    """Each data file of each language folder passes the loader's checks."""
    root = resources.files("dateline").joinpath("lang")
    for folder in root.iterdir():
        if not folder.is_dir() or folder.name.startswith("_"):
            continue
        for f in folder.iterdir():
            stem, _, ext = f.name.rpartition(".")
            if ext == "txt":
                lang.words(stem, folder.name)
            elif ext == "tsv":
                lang.table(stem, folder.name)
