"""Quotes: direct and reported speech with cue, speaker and speaker entity."""

from __future__ import annotations

from ..model import Article, Entity, Quote


def extract_quotes(doc, article: Article, entities: list[Entity]) -> list[Quote]:
    return []
