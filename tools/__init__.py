"""The editors' and CI's commands, run from the project folder as modules:
`python -m tools.new_card` (the Makefile's targets do this)."""
