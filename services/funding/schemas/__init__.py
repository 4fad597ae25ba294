"""Payloads of the funding RPC methods, by subject: what callers send, validated field by field
(marshmallow schemas), and what the methods answer (JSON-ready dicts: money as "1500.00", dates
ISO). `common` holds what every subject shares."""
