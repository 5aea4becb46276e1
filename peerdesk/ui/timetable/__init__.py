"""The Day 1 timetable: slots, teams, interviews and stakeholder groups."""
