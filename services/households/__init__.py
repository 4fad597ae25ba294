"""Households: the registry and the four-stage case (target, compass, manage, care)."""
