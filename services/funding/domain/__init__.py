"""Plain-Python funding domain: groups, savings, loans, the ledger. No nameko, SQLAlchemy or
marshmallow here."""
