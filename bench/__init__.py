"""Benchmarks: `python bench/<name>.py` (or `python -m bench.<name>`); figures go to bench/RESULTS.md."""
