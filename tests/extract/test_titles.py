"""Titles without the site name, a section or a kicker: "Site | Title", "Title | Section", "Kicker: Title"."""

from __future__ import annotations

import pytest

from dateline.extract.html.pagemeta import PageMeta
from dateline.extract.html.title import reconcile_title


def title(**fields) -> str | None:
    return reconcile_title(PageMeta(**fields))[0]


def test_a_long_site_name_after_the_headline_goes_when_the_h1_is_the_headline():
    assert title(html_title="Seed Library - University of Northern Plains Extension Service", h1=["Seed Library"]) == "Seed Library"


def test_a_site_name_before_the_headline_goes():
    assert title(og_title="Fernwell | Ten years of the river survey", h1=["Ten years of the river survey"],
                 sitename="Fernwell", url="https://fernwell.example/blog/river-survey") == "Ten years of the river survey"


def test_a_section_named_in_the_url_goes_from_the_end():
    assert title(og_title="Why the ferry matters | Opinion", h1=["Why the ferry matters | Opinion"],
                 url="https://paper.example/story/opinion/2025/ferry-matters/") == "Why the ferry matters"


def test_a_kicker_before_a_colon_goes_when_it_names_a_section():
    assert title(og_title="Sport: Harriers win the county cup", h1=["Harriers win the county cup"],
                 url="https://paper.example/sport/harriers-cup") == "Harriers win the county cup"


@pytest.mark.parametrize("fields, expected", [
    # a subtitle after a colon is part of the headline, even where the <h1> shows only its head
    (dict(og_title="Index Cards: How to Study", h1=["Index cards"]), "Index Cards: How to Study"),
    # a site logo in the <h1> is not the headline
    (dict(og_title="Harbour fees rise again | Gazette", h1=["Gazette"], sitename="Gazette"), "Harbour fees rise again"),
    # a bullet separates a personal site's name
    (dict(og_title="Notes on shell scripts • Ada Quill", sitename="Ada Quill", h1=["Ada Quill"]), "Notes on shell scripts"),
])
def test_what_is_part_of_the_headline_stays(fields, expected):
    assert title(**fields) == expected
