"""Statistics per fair, across the fairs of a scope and per municipality (live + retained)."""
