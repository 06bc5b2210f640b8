"""anshang benchmarks: each measure is timed against a baseline in the same run and reported
as a ratio (README: 性能)."""
