"""What the bot knows: the YAML knowledge read and checked into entries, regions, topics
and sources; answer templates; the built-knowledge snapshot. Pure Python."""
