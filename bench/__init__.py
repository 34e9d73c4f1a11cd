"""`make bench`: run from the project folder as `python -m bench.run`."""
