"""Nameko entrypoints of the notifications service, one mixin per subject: parse, call a use case,
serialise."""
