"""HTTP routes: ``api`` (JSON under /api/) and ``pages`` (HTML), both over ``..queries``."""
