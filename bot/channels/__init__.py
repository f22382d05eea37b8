"""The channels Rasa is configured with (credentials.yml). Importing the package also makes Rasa check the action
server's answers with a validator built once: every `rasa run` imports it (see bot.channels.action_response)."""

from bot.channels import action_response

action_response.install()
