"""Custom actions: thin adapters that read the tracker, call bot/, and dispatch.

One module per concern: intake (the form's validation), assessment, knowledge (questions), privacy.
"""
