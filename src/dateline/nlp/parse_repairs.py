"""Repairs of the parse the small English model gets wrong in a regular way, run after its parser.

One repair for now: a participle that is an adjective before a name ("accused neighbouring Eritrea of
shelling", "troops from neighbouring Uganda") is parsed as a clause of its own whose object is the name.
The name takes the participle's place in the tree (the object of the verb, or of the preposition) and
the participle becomes its modifier. The words are data: lang/<language>/parse_adjective_participles.txt.
"""

from __future__ import annotations

from .. import lang

_ADJECTIVE_PARTICIPLES = lang.words("parse_adjective_participles")
COMPONENT = "dateline_parse_repairs"


def repair(doc):
    for tok in doc:
        if tok.lower_ not in _ADJECTIVE_PARTICIPLES or tok.tag_ != "VBG" or tok.head == tok:
            continue
        # (this runs before the attribute ruler: the tags are set, the parts of speech not yet)
        name = next((c for c in tok.rights if c.dep_ == "dobj" and c.tag_ in ("NNP", "NNPS")), None)
        if name is None or name.left_edge.i != tok.i + 1:
            continue  # only the name right after it: "neighbouring Eritrea", "neighbouring South Sudan"
        governor = tok.head
        rest = [c for c in tok.rights if c is not name]  # "accused [neighbouring] Eritrea [of shelling]"
        name.head, name.dep_ = governor, ("pobj" if governor.tag_ in ("IN", "TO") else "dobj")
        for child in rest:
            child.head = governor
        tok.head, tok.dep_, tok.tag_ = name, "amod", "JJ"
    return doc
