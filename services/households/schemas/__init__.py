"""Payloads of the households RPC methods: what callers send (validated) and get back."""
