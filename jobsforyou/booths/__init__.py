"""Booth plans of fairs and employers' booth requests."""
