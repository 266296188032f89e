"""The registry of board templates, by id."""

from __future__ import annotations

from boards.template import Template
from boards.templates.actiepunten import ACTIEPUNTEN
from boards.templates.ambitie import AMBITIE
from boards.templates.juiste_weg import JUISTE_WEG
from boards.templates.kickoff import KICKOFF
from boards.templates.rollen import ROLLEN
from boards.templates.samenspel import SAMENSPEL
from boards.templates.stakeholders import STAKEHOLDERS
from boards.templates.thema_kiezen import THEMA_KIEZEN

TEMPLATES: dict[str, Template] = {t.id: t for t in (SAMENSPEL, STAKEHOLDERS, JUISTE_WEG, ROLLEN, AMBITIE, KICKOFF, ACTIEPUNTEN,
                                                 THEMA_KIEZEN)}
