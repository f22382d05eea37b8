"""What the NLU writes into a message's intent, for the dialogue and the custom actions to read.

The NLU's safety override (bot.nlu.components.SafetyIntentOverride) forces `report_emergency` on stroke-like
signs and marks what the emergency rests on; the emergency policy, the restatement check (bot.dialogue) and the
intake form (actions) read those marks. Writer and readers take the names from here, a module that imports
nothing, so the NLU depends on none of the code that reads its output (tests/test_import_graph.py).
"""

REPORT_EMERGENCY = "report_emergency"
# In the intent of a message whose intent the safety override forced: the intent DIET had predicted.
CLASSIFIER_INTENT_KEY = "classifier_intent"
# In the intent of every report_emergency message: what the emergency rests on (docs/clinical-design.md, "emergency on
# evidence"). Only the first two give the emergency answer at once; the classifier alone asks the stroke screen.
EMERGENCY_EVIDENCE_KEY = "emergency_evidence"
EVIDENCE_FINDINGS = "findings"  # an emergency rule is met by the message's own findings
EVIDENCE_DECLARED = "declared"  # the person says it is an emergency or a stroke, now
EVIDENCE_CLASSIFIER = "classifier"  # only the intent classifier thinks so
# An entity of a reply that says yes to something the person told before in their own words ("just the ear I
# mentioned"): the checklist reads it as one of the signs the reply did not deny.
POINTS_BACK_ENTITY = "points_back"
# An entity naming a red flag the NLU suspects but did not read ("my head" with nothing said of it, or a wording only
# the learned reader knows): the dialogue asks about that sign on its own.
SUSPECTED_SIGN_ENTITY = "suspected_sign"
