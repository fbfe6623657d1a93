"""Deleting seekers' personal data after a fair, and reminding those whose profile is kept."""
