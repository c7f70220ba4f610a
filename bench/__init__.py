"""`make bench`: performance figures of the bot; see bench/__main__.py."""
