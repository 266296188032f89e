"""Pure domain of the workshop boards: templates, commands, events, rules.

Nothing here does I/O or imports from ``server``: the engine takes a state and a
command and returns events or raises a :class:`boards.errors.DomainError`.
"""
