"""Typed commands of the teams use cases, one module per subject: frozen dataclasses that an
entrypoint builds from the payload its schema loaded (`infra.commands.command_of`), so a use case
reads fields, never dictionary keys."""
