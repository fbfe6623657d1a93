"""Outcomes at the booth: what came of an employer's talk with a seeker at a fair."""
