"""The kinds of target phrase (bot.nlu.patterns) and of place, as the readings tell them apart.

A finding's phrases are present (says it is there), generic (a bare word that gives way to a more specific phrase),
generic_absent and absent (say it is not there or normal), mention (a topic: absent when denied, else nothing), answer
(a topic word that is a finding only as a short reply), neutral (says nothing either way, but takes its words from a
shorter phrase) and implied (tells of the finding as part of something else). Places are locations and sides; talk of
a stroke or an emergency and a vague feeling in the face are targets too, but no findings. bot.nlu.patterns says
more of each kind.
"""

from __future__ import annotations

PRESENT, GENERIC, GENERIC_ABSENT, ABSENT = "present", "generic", "generic_absent", "absent"
MENTION, ANSWER, NEUTRAL, IMPLIED = "mention", "answer", "neutral", "implied"
FINDING_KINDS = (PRESENT, GENERIC, GENERIC_ABSENT, ABSENT, MENTION, ANSWER, NEUTRAL, IMPLIED)
GENERIC_KINDS = (GENERIC, GENERIC_ABSENT)
# Phrases that say a finding is absent; a negation earlier in the sentence does not reverse them.
ABSENT_KINDS = (ABSENT, GENERIC_ABSENT)
LOCATION, SIDE = "location", "side"
PLACE_KINDS = (LOCATION, SIDE)
# Talk of a stroke or of an emergency: not findings, but what the safety override needs to know whose and when.
ALARM_TALK = "alarm_talk"
EMERGENCY = "emergency"
# A feeling in the face that names no sign (bot.nlu.patterns.VAGUE_FEELING_WORDS): an entity of its own, not a finding.
VAGUE = "vague"
VAGUE_SENSATION = "vague_sensation"
# Kinds of phrase that are no finding.
NOT_FINDINGS = (*PLACE_KINDS, ALARM_TALK, VAGUE)
