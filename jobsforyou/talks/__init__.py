"""Timed talks at the booths of a fair: the slot schedule, the allocation, organisers' changes."""
