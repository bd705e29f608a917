"""Conversation evaluation: multi-turn shopper scripts on four catalogs, checked against catalog rows."""
