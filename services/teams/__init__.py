"""Teams: people and roles, Smile Teams, assignments, Sammachip trainer teams, support
organisations.
"""
