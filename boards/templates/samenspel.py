"""Samenspel: the conversation board between a learning network and its management.

Source: the facilitator manual in shared/seeds/004 (see shared/BOARDS.md, Board 1).
"""

from __future__ import annotations

from boards.network.link import Link
from boards.template import (
    DotSection,
    Group,
    Label,
    Lane,
    NoteSection,
    Option,
    Step,
    Template,
    TextField,
    TextSection,
)


def _option(id: str, nl: str, en: str, hint_nl: str, hint_en: str) -> Option:
    return Option(id=id, label=Label(nl, en), hint=Label(hint_nl, hint_en))


DRIJFVEREN = (
    _option("zingeving", "Zingeving", "Meaning",
            "bijdragen aan betekenisvol werk en maatschappelijke waarde",
            "contributing to meaningful work and social value"),
    _option("saamhorigheid", "Saamhorigheid", "Togetherness",
            "verbondenheid, vertrouwen en gezamenlijkheid",
            "connection, trust and doing things together"),
    _option("autonomie", "Autonomie", "Autonomy",
            "eigen regie, invloed en ruimte om keuzes te maken",
            "self-direction, influence and room to make choices"),
    _option("kwaliteit", "Kwaliteit van zorg", "Quality of care",
            "de zorg inhoudelijk verbeteren",
            "improving the substance of care"),
    _option("resultaat", "Resultaatgerichtheid", "Results",
            "doelen behalen, prestaties verbeteren",
            "reaching goals, improving performance"),
    _option("impact", "Impact", "Impact",
            "zichtbare verandering en effect van inspanningen",
            "visible change and effect of efforts"),
    _option("teamontwikkeling", "Teamontwikkeling", "Team development",
            "teams laten functioneren en groeien",
            "helping teams function and grow"),
    _option("duurzaamheid", "Duurzaamheid", "Sustainability",
            "toekomstbestendige zorg, werkbaarheid en balans",
            "future-proof care, workability and balance"),
)

PIJLERS = (
    _option("communicatie", "Communicatie", "Communication",
            "over verwachtingen, doelen, voortgang, transparantie",
            "about expectations, goals, progress, transparency"),
    _option("samenwerking", "Samenwerking", "Collaboration",
            "effectief, gelijkwaardig", "effective, as equals"),
    _option("capaciteit", "Capaciteit", "Capacity",
            "mankracht, inzetbaarheid, beschikbaarheid",
            "staff, deployability, availability"),
    _option("middelen", "Middelen", "Resources",
            "financiële middelen, materialen, faciliteiten",
            "funding, materials, facilities"),
    _option("tijd", "Tijd", "Time",
            "tijd om te leren, te reflecteren, te experimenteren",
            "time to learn, reflect and experiment"),
    _option("autonomie", "Autonomie", "Autonomy",
            "beslisruimte, eigenaarschap", "room to decide, ownership"),
    _option("kennisdeling", "Kennisdeling", "Knowledge sharing",
            "leren van elkaar, verspreiding, borging",
            "learning from each other, spreading, embedding"),
    _option("structuur", "Structuur", "Structure",
            "processen, ritme, opvolging, verankering",
            "processes, rhythm, follow-up, anchoring"),
)

SAMENSPEL = Template(
    id="samenspel",
    title=Label("Samenspel", "Samenspel"),
    groups=(
        Group("leernetwerk", Label("Leernetwerk", "Learning network"), "#1f77b4"),
        Group("management", Label("Management", "Management"), "#e8590c"),
    ),
    recommended_max_participants=8,
    steps=(
        # Step 1 is presenting and questions only; 2 and 3 are dot votes that lock (and reveal a
        # hidden tally) when their time is up; 4 writes the actions; the close is the check-out.
        Step("ambitie", Label("1 Ambitie", "1 Ambition"), 20, sections=("ambitie",)),
        Step("drijfveren", Label("2 Drijfveren", "2 Motivators"), 20, sections=("drijfveren",),
             allows=("dots",), time_up="lock_reveal"),
        Step("pijlers", Label("3 Innoveren & Samen leren", "3 Innovating & learning together"), 20,
             sections=("pijlers",), allows=("dots",), time_up="lock_reveal"),
        Step("actie", Label("4 Inzicht naar Actie", "4 From insight to action"), 20, sections=("actie",),
             allows=("notes",)),
        Step("afsluiting", Label("Afsluiting", "Closing"), 10, sections=("actie",), allows=("checkout",)),
    ),
    sections=(
        TextSection(
            id="ambitie",
            title=Label("Ambitie en doelen", "Ambition and goals"),
            fields=(
                TextField("ambitie", Label("Ambitie", "Ambition")),
                TextField("doel1", Label("Doel 1", "Goal 1")),
                TextField("doel2", Label("Doel 2", "Goal 2")),
            ),
            step="ambitie",
        ),
        DotSection(
            id="drijfveren",
            title=Label("Drijfveren", "Motivators"),
            prompt=Label("Plaats drie stickers op drie verschillende drijfveren.",
                         "Place three dots on three different motivators."),
            options=DRIJFVEREN,
            per_person=3,
            step="drijfveren",
        ),
        DotSection(
            id="pijlers",
            title=Label("Innoveren & Samen leren", "Innovating & learning together"),
            prompt=Label("Welke drie pijlers hebben nu aandacht nodig?",
                         "Which three pillars need attention now?"),
            options=PIJLERS,
            per_person=3,
            step="pijlers",
        ),
        NoteSection(
            id="inzichten",
            title=Label("Inzichtenvlak", "Insights"),
            prompt=Label("De facilitator legt per stap de belangrijkste inzichten vast.",
                         "The facilitator records the key insights of each step."),
            lanes=(
                Lane("ambitie", Label("Ambitie", "Ambition")),
                Lane("drijfveren", Label("Drijfveren", "Motivators")),
                Lane("pijlers", Label("Innoveren & Samen leren", "Innovating & learning")),
                Lane("actie", Label("Inzicht naar Actie", "Insight to action")),
            ),
            adders="facilitator",
            max_notes=100,
            max_len=500,
        ),
        NoteSection(
            id="actie",
            title=Label("Inzicht naar Actie", "From insight to action"),
            prompt=Label(
                "Wat hebben wij – leernetwerk én management – nodig om de ambitie waar te maken?",
                "What do we – learning network and management – need to realise the ambition?",
            ),
            lanes=(
                Lane("leernetwerk-nodig", Label("Leernetwerk: wat hebben jullie nodig?",
                                                "Learning network: what do you need?")),
                Lane("leernetwerk-doen", Label("Leernetwerk: wat gaan jullie doen?",
                                               "Learning network: what will you do?")),
                Lane("management-nodig", Label("Management: wat hebben jullie nodig?",
                                               "Management: what do you need?")),
                Lane("management-doen", Label("Management: wat gaan jullie doen?",
                                              "Management: what will you do?")),
            ),
            with_owner=True,
            step="actie",
        ),
    ),
)

# What a Samenspel session takes from its learning network and gives back (boards/network/link.py):
# the ambition and two goals both ways; the pillars' "aandacht nodig" shares as a reading; the
# actions with their owners.
NETWORK_LINKS = (
    Link("ambitie", fields={"ambitie": "ambition", "doel1": "goal1", "doel2": "goal2"}),
    Link("pijlers", gives="reading:pillars"),
    Link("actie", gives="actions"),
)
