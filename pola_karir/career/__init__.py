"""Career: routes along the career paths, merit matching of a profile, and what a step changes."""
