"""Importing and exporting vacancies and employers (CSV, XLSX, JSON API, CLI)."""
