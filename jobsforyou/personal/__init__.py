"""The seeker's personal pages, reached by the secret link of a registration."""
