"""De juiste weg: is a learning network the right way? (instruction card 3, TNO/LISO, 60-90 min).

Source: shared/seeds/000 (INSTRUCTIE 3), see shared/BOARDS.md. Step 1 is the decision tree of
template 3A, step 2 the organisation context on the radar of template 3B (the eight pillars of
Samenspel's "Innoveren & Samen leren"), then the three agendas of template 5. The reconstruction
of the tree from the card's scattered text, with the quotes it rests on, is in docs/boards.md.
"""

from __future__ import annotations

from boards.network.link import TEMPLATE_5, Link
from boards.template import (
    Group,
    Label,
    Lane,
    NoteSection,
    RadarSection,
    Step,
    Template,
    TreeOutcome,
    TreeQuestion,
    TreeSection,
)
from boards.templates.samenspel import PIJLERS


def _q(id: str, nl: str, en: str, no: str, yes: str, hint: tuple[str, str] = ("", "")) -> TreeQuestion:
    return TreeQuestion(id=id, label=Label(nl, en), yes=yes, no=no, hint=Label(*hint))


# In the card's order. Every question but the first leads on with JA and ends with NEE; the first
# is the other way round (others tackled it already: join them).
QUESTIONS = (
    _q("anderen", "Anderen hebben het vraagstuk al eerder aangepakt",
       "Others have tackled this issue before", yes="aansluiten", no="oorzaken"),
    _q("oorzaken", "Mijn vraagstuk heeft meerdere oorzaken", "My issue has several causes",
       yes="oplossing", no="bijscholing",
       hint=("Nee als je kunt zeggen: 'Dit wordt ALTIJD veroorzaakt door dit'",
             "No if you can say: 'This is ALWAYS caused by that'")),
    _q("oplossing", "Hoe je tot een oplossing komt is vooraf nog niet duidelijk",
       "How to reach a solution is not clear beforehand", yes="samenhang", no="werkgroep"),
    _q("samenhang", "De oorzaken en gevolgen van je vraagstuk hangen samen",
       "The causes and effects of your issue are interrelated", yes="partijen", no="werkgroep"),
    _q("partijen", "Bij het vraagstuk zijn veel verschillende partijen betrokken, met diverse perspectieven en belangen",
       "Many different parties are involved, with diverse perspectives and interests", yes="samen_leren",
       no="niet_uitdaging"),
    _q("samen_leren", "Samen leren en innoveren is belangrijk om het vraagstuk op te lossen",
       "Learning and innovating together matters to solve the issue", yes="draagvlak", no="niet_vraagstuk"),
    _q("draagvlak", "Je hebt voldoende draagvlak en middelen om het vraagstuk met een leernetwerk op te lossen",
       "You have enough support and resources to solve the issue with a learning network", yes="aan_de_slag",
       no="kwartiermaker"),
)

OUTCOMES = (
    TreeOutcome("aan_de_slag", Label(
        "Een leernetwerk lijkt goed middel om tot verandering te kunnen komen voor dit vraagstuk. "
        "Je kunt dus aan de slag!",
        "A learning network looks a good means to bring about change for this issue. So you can get started!"),
        fits=True),
    TreeOutcome("aansluiten", Label(
        "Kijk of je kan aansluiten bij het proces van anderen die het vraagstuk proberen op te lossen "
        "of kijk hoe je van hun inzichten kan leren",
        "See whether you can join the process of others who try to solve the issue, or how you can "
        "learn from their insights")),
    TreeOutcome("bijscholing", Label(
        "Een bijscholing of training zou kunnen volstaan (bijv. als aanvulling op bestaande kennis)",
        "Further schooling or a training could suffice (e.g. to add to existing knowledge)")),
    TreeOutcome("werkgroep", Label(
        "Bij een overzichtelijk probleem kan een werkgroep ook een goede manier zijn om oplossingen "
        "boven water te krijgen",
        "For a manageable problem a working group can also be a good way to bring solutions to light")),
    TreeOutcome("niet_uitdaging", Label("Een leernetwerk is niet de juiste werkwijze voor jouw uitdaging.",
                                        "A learning network is not the right way for your challenge.")),
    TreeOutcome("niet_vraagstuk", Label("Een leernetwerk is niet de juiste werkwijze voor jouw vraagstuk.",
                                        "A learning network is not the right way for your issue.")),
    TreeOutcome("kwartiermaker", Label("Wijs een kwartiermaker aan om dit in orde te maken.",
                                       "Appoint a quartermaster to put this in order.")),
)

_STEPS = ("beslisboom", "organisatiecontext", "agendas")

JUISTE_WEG = Template(
    id="juiste_weg",
    title=Label("De juiste weg", "The right way"),
    groups=(
        Group("leernetwerk", Label("Leernetwerk", "Learning network"), "#1f77b4"),
        Group("management", Label("Management", "Management"), "#e8590c"),
    ),
    steps=(
        # 1 and 2 are answered alone and hidden, then revealed for the conversation (by the
        # facilitator, or when the time is up); 3 writes the three agendas; the close is the check-out.
        Step("beslisboom", Label("1 Beslisboom", "1 Decision tree"), 25, sections=("beslisboom",),
             allows=("tree",), time_up="lock_reveal"),
        Step("organisatiecontext", Label("2 Organisatiecontext", "2 Organisation context"), 25,
             sections=("organisatiecontext",), allows=("radar",), time_up="lock_reveal"),
        Step("agendas", Label("3 Drie agenda's", "3 Three agendas"), 20, sections=("agendas",), allows=("notes",)),
        Step("afsluiting", Label("Afsluiting", "Closing"), 5, sections=("agendas",), allows=("checkout",)),
    ),
    sections=(
        TreeSection(
            id="beslisboom",
            title=Label("Beslisboom", "Decision tree"),
            prompt=Label("Is een leernetwerk de juiste weg? Beantwoord elke vraag met ja of nee.",
                         "Is a learning network the right way? Answer each question yes or no."),
            questions=QUESTIONS,
            outcomes=OUTCOMES,
            start="anderen",
            step="beslisboom",
        ),
        RadarSection(
            id="organisatiecontext",
            title=Label("Organisatiecontext", "Organisation context"),
            prompt=Label("Hoe stevig staat elke pijler in jullie organisatie? Dicht bij de kern: sterk aanwezig; "
                         "verder van de kern: nog weinig aandacht.",
                         "How firmly does each pillar stand in your organisation? Near the core: strongly "
                         "present; further out: little attention yet."),
            pillars=PIJLERS,
            step="organisatiecontext",
        ),
        NoteSection(
            id="inzichten",
            title=Label("Inzichtenvlak", "Insights"),
            prompt=Label("De facilitator legt per stap de belangrijkste inzichten vast.",
                         "The facilitator records the key insights of each step."),
            lanes=(
                Lane("beslisboom", Label("Beslisboom", "Decision tree")),
                Lane("organisatiecontext", Label("Organisatiecontext", "Organisation context")),
                Lane("agendas", Label("Drie agenda's", "Three agendas")),
            ),
            adders="facilitator",
            max_notes=100,
            max_len=500,
        ),
        NoteSection(
            id="agendas",
            title=Label("Drie agenda's voor verandering", "Three agendas for change"),
            prompt=Label("Wat betekent de uitkomst voor elk van de drie agenda's?",
                         "What does the outcome mean for each of the three agendas?"),
            lanes=(
                Lane("verander", Label("Veranderagenda: welke praktijkveranderingen willen we zien als de ambitie "
                                       "werkelijkheid wordt?",
                                       "Change agenda: which changes in practice do we want to see when the "
                                       "ambition comes true?")),
                Lane("opleiding", Label("Opleidingsagenda: wat is de impact op het opleiden van professionals?",
                                        "Training agenda: what is the impact on training professionals?")),
                Lane("onderzoek", Label("Onderzoeksagenda: welke onderzoeksvragen willen we beantwoorden?",
                                        "Research agenda: which research questions do we want to answer?")),
            ),
            step="agendas",
        ),
    ),
)

# What card 3 takes from its learning network and gives back (boards/network/link.py): the tree's
# outcome; the radar's medians as a reading; template 5's agendas both ways. (It has no field for
# the ambition: a section added to it would change the views its kept logs replay to, decision 55.)
NETWORK_LINKS = (
    Link("beslisboom", gives="outcome"),
    Link("organisatiecontext", gives="reading:radar"),
    Link("agendas", fields=TEMPLATE_5),
)
