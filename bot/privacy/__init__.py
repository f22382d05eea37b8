"""What the assistant keeps about a conversation, for how long, and how it is erased (docs/privacy.md)."""
