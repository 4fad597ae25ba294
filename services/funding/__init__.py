"""Funding: savings-for-production groups, savings, loans and households' funding access."""
