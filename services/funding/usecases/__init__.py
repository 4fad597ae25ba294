"""Funding use cases: one function per command or query, given a unit of work."""
