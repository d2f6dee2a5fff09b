"""Atom feeds of public content: new threads of the forum or of one board, and the
newest posts of one thread. Feed readers fetch them without a session, so every query
runs as the anonymous visitor, whoever asks."""
