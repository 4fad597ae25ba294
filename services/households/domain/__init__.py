"""Plain-Python household domain: no nameko, SQLAlchemy or marshmallow here."""
