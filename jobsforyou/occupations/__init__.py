"""Occupation suggestions and names from the matching library's multilingual vocabulary."""
