"""The intake form's validation: everything generic lives in the base class."""

from __future__ import annotations

from actions.form_validation import QuestionnaireValidationAction


class ValidateIntakeForm(QuestionnaireValidationAction):
    def name(self) -> str:
        return "validate_intake_form"
