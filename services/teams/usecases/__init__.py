"""Teams use cases: one function per command or query."""
