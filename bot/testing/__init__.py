"""Running the real dispatcher offline: the recording Bot API session, DialogueClient and
the YAML dialogue-script runner (used by tests, the console and `python -m bot dialogue`)."""
