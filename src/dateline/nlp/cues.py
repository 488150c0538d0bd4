"""Cue words of reported speech: the verbs (by lemma) and phrases that introduce a quote."""

from __future__ import annotations

# Verbs of saying, by lemma (English lexicon). Verbs of thinking (believe, think)
# are left out: they report an opinion, not something said.
SPEECH_VERBS = frozenset(
    """
    say tell add warn note claim vow argue explain insist state announce confirm suggest
    stress emphasize emphasise acknowledge admit allege assert caution complain concede
    contend declare describe disclose maintain mention observe point promise recall remark repeat
    reply report respond reveal reiterate testify tweet write urge ask answer comment counter joke
    quip lament plead pledge recount recommend reassure clarify charge accuse blame criticize
    criticise demand threaten boast brag affirm advise continue elaborate highlight murmur mutter
    shout yell scream whisper cry exclaim sigh laugh smile swear specify proclaim protest
    """.split()
)
# Verbs that take a clause without reporting speech are left out on purpose: they report
# an inference, an agreement or a plan (indicate, conclude, agree, propose, estimate,
# predict, signal, remind, deny ...), and annotators of news quotes do not count them.
# Verbs that are cues only with their particle ("point out").
PARTICLE_VERBS = {"point": "out", "spell": "out", "sound": "off"}
# Verbs that are cues only when they govern a clause or a quote ("continue", "charge"),
# never on their own in a sentence without quoted matter.
CLAUSE_ONLY = frozenset({"continue", "charge", "smile", "laugh"})
# Nouns that introduce a quote through a preposition: "according to X", "in the words of X".
ACCORDING = ("according", "to")
