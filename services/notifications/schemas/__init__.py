"""Payloads of the notifications RPC methods by subject: what callers send and get back."""
