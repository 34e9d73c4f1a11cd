"""The handbook plugin for MkDocs (`plugins: - handbook` in mkdocs.yml): plugin.py is the
entry, state.py what a build holds, one module per kind of output beside them. The
handbook's logic is cardkit's, which imports nothing of MkDocs."""
