from __future__ import annotations

import pytest

from dateline.errors import BinaryInput, EmptyInput
from dateline.extract.decode import decode

RUSSIAN = "Правительство объявило о новых мерах поддержки экономики в понедельник вечером."
CHINESE = "国务院总理在北京会见了来访的代表团，双方就经贸合作交换了意见。"
TRADITIONAL = "行政院長在臺北會見了來訪的代表團，雙方就經貿合作交換了意見。"
JAPANESE = "首相は月曜日、東京で記者会見を開き、新しい経済対策を発表した。"


@pytest.mark.parametrize(
    "text,encoding",
    [(RUSSIAN, "cp1251"), (CHINESE, "gb18030"), (TRADITIONAL, "big5"), (JAPANESE, "shift_jis"), (RUSSIAN, "utf-8")],
)
def test_legacy_encodings_without_declaration(text, encoding):
    data = (text + "\n") * 5
    got = decode(data.encode(encoding))
    assert text in got.text


def test_wrong_declared_charset_is_overridden_with_a_warning():
    html = f'<html><head><meta charset="utf-8"></head><body><p>{RUSSIAN}</p></body></html>' * 3
    got = decode(html.encode("cp1251"))
    assert RUSSIAN in got.text
    assert any("does not fit" in w for w in got.warnings)


def test_declared_charset_is_used_when_it_fits():
    html = f'<html><head><meta charset="gb2312"></head><body><p>{CHINESE}</p></body></html>'
    got = decode(html.encode("gb18030"))
    assert CHINESE in got.text and got.encoding == "gb18030"


def test_empty_and_binary_inputs_raise_clear_errors():
    with pytest.raises(EmptyInput, match="empty"):
        decode(b"  \n ")
    with pytest.raises(BinaryInput, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)


def test_stray_bytes_are_replaced_and_reported():
    data = ("Officials said the talks would resume on Monday. " * 20).encode() + b"\xff\xfe\xfa" + b" end."
    got = decode(data)
    assert "talks would resume" in got.text
    assert got.warnings  # says how the bytes were read


def test_text_encoded_twice_is_repaired_and_said():
    """UTF-8 read as Latin-1 or Windows-1252 and written out again ('doesnâ\\x80\\x99t', 'Ã¼'):
    each sequence goes back to its character, the title and text are clean, and a warning says so."""
    from dateline.extract import extract
    from dateline.sources.base import RawDoc

    def twice(text: str, codec: str) -> str:  # a byte Windows-1252 leaves undefined reads as Latin-1
        return "".join(bytes([b]).decode(codec, errors="ignore") or chr(b) for b in text.encode("utf-8"))

    title = twice("Müller’s café", "latin-1")
    body = twice("The baker doesn’t close on Sundays, says Jürgen Müller, “not even in August”.", "cp1252")
    html = (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{body} The bakery has stood on the corner of the market square for more than forty years.</p>"
            "</article></body></html>")
    article = extract(RawDoc(source="twice.html", data=html.encode("utf-8")))
    assert article.title == "Müller’s café"
    assert "doesn’t close on Sundays, says Jürgen Müller, “not even in August”." in article.text
    assert any("encoded twice" in w for w in article.warnings)


def test_a_few_look_alike_sequences_are_real_text():
    from dateline.extract.decode import repair_double_encoding

    real = "Strauß’ waltzes, a café à la carte at 50° and Ã as a letter."
    assert repair_double_encoding(real) == (real, 0)
    assert repair_double_encoding("plain ascii") == ("plain ascii", 0)
    assert repair_double_encoding("Ã¤ Ã¶ Ã¼ and Ã\x9f") == ("ä ö ü and ß", 4)
