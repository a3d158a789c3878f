"""Spanish words and patterns (a part this folder lacks is read in English)."""
