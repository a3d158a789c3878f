"""English: the tables, words and patterns newsfuse reads English news with."""
