"""Notifications use cases: one function per command, query or event, given a unit of work."""
