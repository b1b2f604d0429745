"""Awareness days: yearly date rules, their iCalendar form and the press office's campaign radar."""
