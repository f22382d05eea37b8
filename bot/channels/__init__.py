"""The channels Rasa is configured with (credentials.yml): Rasa's own REST, socket.io, Slack and Telegram
connectors, each subclassed for what its module's docstring says (input checks, rate limits, signatures)."""
