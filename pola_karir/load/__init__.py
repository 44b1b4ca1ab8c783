"""Load: the data folder layout, safe YAML with positions, JSON Schema, assembly of the model."""
