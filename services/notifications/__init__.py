"""Notifications: in-app inbox now; escalations and delivery channels build on it."""
