"""A summary for the person's doctor, and the same in HL7 FHIR R4 for a clinic's systems (issue 16).

Framework-free: it reads a conversation as the list of event dicts that Rasa stores (the tracker store's rows,
the action server's `tracker.events`), so the custom action (actions/doctor_summary.py) and the chat page's
server (bot/web/server.py) build the same summary from the same record. No Rasa imports here.

- conversation.py: the events -> what the conversation knows (evidence), its latest assessment, the questions
  asked and the answers as given;
- summary.py: the summary's content, as sections, chat messages that fit a phone screen, and the widget's view;
- fhir.py: the FHIR R4 Bundle, built and validated with the `fhir.resources` models;
- snomed.py: the SNOMED CT codes that were looked up, with where.
"""
