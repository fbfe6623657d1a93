"""Organiser screens: a fair's booth plan and its booth requests."""
