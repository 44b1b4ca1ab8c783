"""Talent management for HR (PermenPANRB 3/2020 as amended by 20/2025): the nine-box of a
staff list, and the successors of every target position along the career paths."""
