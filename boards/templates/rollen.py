"""Rollen: who the learning network consists of (instruction card 4, TNO/LISO): the roles as rings
(template 4A), names put onto them, and what each role needs (template 4B).

Source: shared/seeds/000 (INSTRUCTIE 4), see shared/BOARDS.md.
"""

from __future__ import annotations

from boards.network.link import Link
from boards.template import (ConditionsSection, Group, Label, Lane, Ring, Role, RolesSection, Step, Template, TextField,
                             TextSection)

STAFF = (
    Role("leernetwerktrekker", Label("Leernetwerktrekker", "Network lead"),
         Label("Je hebt enige naam en faam vanwege je kennis over het onderwerp. Daardoor weet je wie en wat "
               "nodig is om het vraagstuk op te lossen.",
               "You are known for your knowledge of the subject, so you know who and what is needed to solve "
               "the issue.")),
    Role("procesbegeleider", Label("Procesbegeleider", "Process facilitator"),
         Label("Je bent de verbindende factor en zorgt dat gedurende het proces de deelnemers betrokken en "
               "enthousiast blijven.",
               "You connect people and keep the participants involved and enthusiastic throughout.")),
    Role("projectassistent", Label("Projectassistent", "Project assistant"),
         Label("Je zorgt ervoor dat de dagelijkse organisatie soepel verloopt: een heldere planning, iedereen op "
               "de hoogte van de afspraken; je houdt de voortgang en misschien de begroting in de gaten.",
               "You keep the daily organisation running: a clear planning, everyone aware of what was agreed; "
               "you watch progress and perhaps the budget.")),
    Role("communicatieadviseur", Label("Communicatieadviseur", "Communications adviser"),
         Label("Je zorgt dat de stappen en behaalde doelen binnen en buiten het leernetwerk bekend zijn, en dat "
               "er op allerlei plekken over de innovaties gesproken wordt.",
               "You make the steps taken and goals reached known inside and outside the network, and get the "
               "innovations discussed in many places.")),
    Role("verbindingsfunctionaris", Label("Verbindingsfunctionaris", "Liaison officer"),
         Label("Jij zorgt voor de verbinding tussen het leernetwerk en je organisatie; onmisbaar bij het "
               "doorvoeren van veranderde denkwijzen in de eigen organisatie.",
               "You link the network and your organisation; indispensable in carrying changed ways of "
               "thinking into your own organisation.")),
)
PLAYERS = (
    Role("deelnemer", Label("Deelnemer", "Participant"),
         Label("Samen met de andere deelnemers vorm je de motor van het leernetwerk door je betrokkenheid bij en "
               "ervaring met het vraagstuk; je weet anderen mee te krijgen om veranderingen tot stand te brengen.",
               "With the other participants you are the network's engine, through your involvement in and "
               "experience with the issue; you bring others along to make changes happen.")),
)
ONLOOKERS = (
    Role("tweede_schil", Label("Tweede schil", "Second ring"),
         Label("Deze tweede schil kijkt en leest mee en krijgt een rol of taak wanneer dat nodig is.",
               "The second ring watches and reads along and gets a role or task when needed.")),
)

ROLLEN = Template(
    id="rollen",
    title=Label("Rollen in een leernetwerk", "Roles in a learning network"),
    groups=(Group("deelnemer", Label("Deelnemer", "Participant"), "#2b8a3e"),),
    steps=(
        Step("rollen", Label("1 De rollen", "1 The roles"), 10, sections=("ringen",)),
        Step("toewijzen", Label("2 Rollen toewijzen", "2 Assigning roles"), 30, sections=("ringen",),
             allows=("roles",), time_up="lock"),
        Step("randvoorwaarden", Label("3 Randvoorwaarden", "3 Conditions"), 20, sections=("randvoorwaarden",),
             allows=("conditions",), time_up="lock"),
    ),
    sections=(
        # "Op basis van jullie ambitie", with template 5 beside it (bewaard na instructie 3): context on
        # every laptop and phone, in no step, so the projector keeps the rings whole.
        TextSection(
            id="ambitie",
            title=Label("Ambitie en agenda's", "Ambition and agendas"),
            fields=(
                TextField("ambitie", Label("Jullie ambitie", "Your ambition"), max_len=400),
                TextField("verander", Label("Veranderagenda", "Change agenda"), max_len=2000),
                TextField("opleiding", Label("Opleidingsagenda", "Training agenda"), max_len=2000),
                TextField("onderzoek", Label("Onderzoeksagenda", "Research agenda"), max_len=2000),
            ),
        ),
        RolesSection(
            id="ringen",
            title=Label("Rollen", "Roles"),
            prompt=Label(
                "Bedenk op basis van jullie ambitie wie het beste bij welke rol past: iemands plek in de "
                "organisatie, ervaring, kennis en enthousiasme. Er kunnen tussen de 5 tot 20 mensen in een "
                "leernetwerk zitten.",
                "Based on your ambition, think of who fits which role best: their place in the organisation, "
                "experience, knowledge and enthusiasm. A learning network has between 5 and 20 people."),
            rings=(
                Ring("staf", Label("1. Staf", "1. Staff"), Label("Zij dragen het leernetwerk.", "They carry the network."),
                     STAFF),
                Ring("spelers", Label("2. Spelers", "2. Players"),
                     Label("De motor van het leernetwerk.", "The network's engine."), PLAYERS),
                Ring("toeschouwers", Label("3. Toeschouwers", "3. Onlookers"),
                     Label("Geen maximum, maar hoe groter deze groep, hoe minder verbonden deze mensen zich voelen.",
                           "No maximum, but the larger this group, the less connected its people feel."),
                     ONLOOKERS, counts=False),
            ),
            step="toewijzen",
        ),
        ConditionsSection(
            id="randvoorwaarden",
            title=Label("Randvoorwaarden", "Conditions"),
            prompt=Label(
                "Moet iemand tijd krijgen, toegang tot bepaalde informatie hebben, of ondersteuning krijgen om de "
                "rol goed te kunnen uitvoeren? Noteer het meteen, met wie het regelt.",
                "Does someone need time, access to certain information, or support to do the role well? Note "
                "it now, with who arranges it."),
            rows=tuple(Lane(r.id, r.label) for r in STAFF + PLAYERS + ONLOOKERS),
            columns=(
                Lane("tijd", Label("Tijd", "Time")),
                Lane("informatie", Label("Toegang tot informatie", "Access to information")),
                Lane("ondersteuning", Label("Ondersteuning", "Support")),
            ),
            step="randvoorwaarden",
        ),
    ),
)

# What card 4 takes from its learning network and gives back (boards/network/link.py): the ambition
# and template 5's agendas as context (one agenda item a line), back if the group changed them;
# the roles with their confirmed names.
NETWORK_LINKS = (
    Link("ambitie", fields={"ambitie": "ambition", "verander": "agenda:verander", "opleiding": "agenda:opleidings",
                            "onderzoek": "agenda:onderzoeks"}),
    Link("ringen", gives="roles"),
)
