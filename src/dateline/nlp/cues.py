"""Cue words of reported speech: the verbs (by lemma) and phrases that introduce a quote."""

from __future__ import annotations

# Verbs of saying, by lemma (English lexicon). Verbs of thinking (believe, think)
# are left out: they report an opinion, not something said.
SPEECH_VERBS = frozenset(
    """
    say tell add warn note claim vow argue explain insist state announce confirm deny suggest
    stress emphasize emphasise acknowledge admit allege assert caution complain concede conclude
    contend declare describe disclose estimate indicate maintain mention observe point predict
    promise recall remark repeat reply report respond reveal reiterate testify tweet post write
    urge ask answer agree comment counter joke quip lament plead pledge propose recount recommend
    reassure recommend clarify charge accuse blame criticize criticise question demand threaten
    boast brag announce affirm advise cite continue elaborate highlight hint murmur mutter shout
    yell scream whisper cry exclaim sigh laugh smile concur forecast guarantee inform instruct
    notify order predict proclaim protest remind signal speculate swear specify acknowledge
    """.split()
)
# Of these, the ones that also take a clause without being speech ("note that ..."
# is speech; "point" needs "out"); phrasal particles that make a verb a cue.
PARTICLE_VERBS = {"point": "out", "spell": "out", "sound": "off"}
# Verbs that are cues only when they govern a clause or a quote ("continue", "charge"),
# never on their own in a sentence without quoted matter.
CLAUSE_ONLY = frozenset({"continue", "charge", "question", "order", "signal", "post", "cite", "smile", "laugh"})
# Nouns that introduce a quote through a preposition: "according to X", "in the words of X".
ACCORDING = ("according", "to")
