"""nameko entrypoints of the households service, grouped by part; `service.py` composes them."""
