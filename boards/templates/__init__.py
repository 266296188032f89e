"""The registry of board templates, by id."""

from __future__ import annotations

from boards.template import Template
from boards.templates.kickoff import KICKOFF
from boards.templates.samenspel import SAMENSPEL
from boards.templates.stakeholders import STAKEHOLDERS

TEMPLATES: dict[str, Template] = {t.id: t for t in (SAMENSPEL, STAKEHOLDERS, KICKOFF)}
