"""What a reply looks like for any front end (Telegram, console, `ask`): presenters and
Jinja2 templates. Imports the domain, nothing of Telegram."""
