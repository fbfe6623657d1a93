"""Printed material for a fair: employers' match lists, seekers' route cards, the check-in list."""
