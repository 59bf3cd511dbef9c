"""Prefect flows: thin layers over ``gazette.archive`` (the only place Prefect is imported)."""
