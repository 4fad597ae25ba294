"""Plain-Python teams domain: people and roles, Smile Teams, Sammachip, support organisations."""
