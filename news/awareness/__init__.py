"""Awareness days: their pages, yearly date rules in numbers and in words, and what the calendar shows."""
