"""Entities: spaCy's named entities grouped into one entry per real-world entity."""

from __future__ import annotations

import hashlib

from ..model import Article, Entity, Span

KEEP = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"}


def extract_entities(doc, article: Article) -> list[Entity]:
    groups: dict[tuple[str, str], Entity] = {}
    for ent in doc.ents:
        if ent.label_ not in KEEP:
            continue
        key = (ent.label_, ent.text)
        if key not in groups:
            eid = hashlib.sha1(f"{ent.label_}:{ent.text}".encode()).hexdigest()[:10]
            groups[key] = Entity(id=eid, name=ent.text, type=ent.label_)
        groups[key].mentions.append(Span(ent.start_char, ent.end_char, ent.text))
    return list(groups.values())
