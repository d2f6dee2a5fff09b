"""The search index in PostgreSQL (FORUM_SEARCH_BACKEND=postgresql): tables.py holds
it, vectors.py speaks PostgreSQL's text search notation, rows.py keeps the rows
current in each write's transaction, search.py answers, backend.py is the seam."""
