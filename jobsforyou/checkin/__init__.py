"""The check-in desk on the fair day: tickets scanned or typed, name search, fair-day codes."""
