"""Helpers shared by the test suites: real brokers, real databases, real processes."""
