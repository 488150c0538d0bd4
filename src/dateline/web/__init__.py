"""The web UI and REST API over a store: ``create_app(db_path)``; ``dateline serve`` runs it."""
