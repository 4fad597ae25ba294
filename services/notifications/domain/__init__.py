"""Plain-Python notification rules."""
