"""Kick-off of a lerend netwerk: the run sheet of bijeenkomst 1, with the questions that were asked
through Mentimeter asked on the board instead.

Source: shared/seeds/003 (draaiboek lerend netwerk, bijeenkomst 1 / kick-off): its blocks and their
minutes are the steps; "Verwachtingen ophalen … Via Mentimeter. Aantal reacties eruit halen" is the
open question, "Waar denk jij aan bij [THEMA]?" (shared/seeds/002) the word cloud. Each block's
plan (doel, wie, materialen) is the seed's table "Tijd | Duur | Agendapunt | Doel | … | Wie |
Materialen"; its "Wie" column is empty in the seed, so "Facilitator" (or the speaker) as its text
says. The seed marks no block optional (its shading is left to the facilitator), so all are
essential here; a facilitator adapts that in the run sheet. The contracteringsafspraken's
"Waardencontract" (Er zijn, Verantwoordelijkheid, ...; "JA = AFSPRAAK!") is the agreements.
"""

from __future__ import annotations

from boards.template import (AgreementsSection, Group, Label, OpenQuestionSection, Plan, StandSection, Statement,
                             StatementsSection, Step, Template, TextField, TextSection, WordCloudSection)

KICKOFF = Template(
    id="kickoff",
    title=Label("Kick-off lerend netwerk", "Learning network kick-off"),
    groups=(Group("deelnemer", Label("Deelnemer", "Participant"), "#2b8a3e"),),
    steps=(
        Step("opening", Label("Opening en verwachtingen", "Opening and expectations"), 30,
             sections=("verwachtingen",), allows=("answer",),
             plan=Plan(Label("Opening, belang van het lerend netwerk, verwachtingen afstemmen",
                             "Opening, why the learning network matters, aligning expectations"),
                       "Facilitator",
                       Label("Flappen, powerpoint, eventueel kaartje met interviewvragen",
                             "Flip charts, slides, perhaps a card with the interview questions"))),
        Step("kennismaking", Label("Kennismaking en verbinding", "Getting to know each other"), 30,
             sections=("thema",), allows=("answer",),
             plan=Plan(Label("Kennismaken onderling, met het thema en de verwachtingen van het lerend netwerk",
                             "Getting to know each other, the theme and what the network expects"),
                       "Facilitator", Label("Naamstickers, post-its, stiften", "Name stickers, post-its, markers"))),
        Step("pauze1", Label("Pauze", "Break"), 10, plan=Plan(materials=Label("Koffie en thee", "Coffee and tea"))),
        Step("kennissnack", Label("Kennissnack: inspiratie over het thema", "Knowledge snack: the theme"), 45,
             sections=("thema",),
             plan=Plan(Label("Kennis en inspiratie over het thema", "Knowledge and inspiration on the theme"),
                       "Spreker of facilitator", Label("Presentje spreker", "A gift for the speaker"))),
        Step("pauze2", Label("Pauze", "Break"), 10),
        Step("theorie", Label("Actieleren: theorie en ervaren", "Action learning: theory and experience"), 20,
             sections=("cirkel", "klaar"), allows=("answer",), time_up="lock_reveal",
             plan=Plan(Label("Kennismaking met actieleren, theorie leervoorkeuren",
                             "Meeting action learning, the theory of learning preferences"),
                       "Facilitator",
                       Label("Actieleren doek, leerstijlen blaadjes (kleuren), A4 papier, tape",
                             "Action learning cloth, learning style sheets (colours), A4 paper, tape"))),
        Step("toepassing", Label("Actieleren: toepassing, de exploreervraag", "Action learning: the exploring question"),
             20, sections=("exploreervraag",),
             plan=Plan(Label("Zicht krijgen op de eigen exploreervraag en de leervragen van de deelnemers",
                             "A view of one's own exploring question and the participants' learning questions"),
                       "Facilitator", Label("Werkblad exploreervraag", "Exploring question worksheet"))),
        Step("afspraken", Label("Contracteringsafspraken", "Agreements"), 5, sections=("contract", "afspraken"),
             allows=("agree",),
             plan=Plan(Label("Zicht op de waarden van het van en met elkaar leren in een lerend netwerk",
                             "The values of learning from and with each other in a learning network"),
                       "Facilitator", Label("Flap van uitgangspunten", "The flip chart of principles"))),
        Step("afronding", Label("Afronding en check-out", "Closing and check-out"), 15, sections=("checkout",),
             allows=("answer", "checkout"),
             plan=Plan(Label("Blik vooruit, huiswerk en praktische afspraken; check-out",
                             "A look ahead, homework and practical agreements; check-out"),
                       "Facilitator", Label("Quotes op de muur", "Quotes on the wall"))),
    ),
    sections=(
        OpenQuestionSection(
            id="verwachtingen",
            title=Label("Verwachtingen", "Expectations"),
            prompt=Label("Wat verwacht je van het lerend netwerk?", "What do you expect of the learning network?"),
            per_person=3, max_len=200, step="opening",
        ),
        WordCloudSection(
            id="thema",
            title=Label("Het thema", "The theme"),
            prompt=Label("Waar denk jij aan bij het thema? Eén tot drie woorden.",
                         "What comes to mind with the theme? One to three words."),
            per_person=3, max_len=40, step="kennismaking",
        ),
        StandSection(
            id="cirkel",
            title=Label("De actieleercirkel", "The action learning circle"),
            prompt=Label("In welke fase voel jij je het prettigste? Zet je stip: wie staat waar?",
                         "In which phase do you feel most at home? Place your dot: who stands where?"),
            segments=(
                Statement("probleem", Label("Probleem verkennen", "Exploring the problem")),
                Statement("onderzoeken", Label("Onderzoeken", "Investigating")),
                Statement("plannen", Label("Plannen maken", "Making plans")),
                Statement("uitvoeren", Label("Uitvoeren", "Carrying out")),
                Statement("reflecteren", Label("Reflecteren", "Reflecting")),
            ),
            shape="circle", step="theorie",
        ),
        StatementsSection(
            id="klaar",
            title=Label("Klaar voor actieleren!", "Ready for action learning!"),
            prompt=Label("Hoe typerend is dit voor jou? Eén ster: geldt niet voor mij, vijf: dat typeert mij.",
                         "How typical is this of you? One star: not me at all, five: that is me."),
            statements=(
                Statement("ideeen", Label("Ik heb nieuwe ideeën en krijg of neem de ruimte om die uit te voeren.",
                                          "I have new ideas and get or take the room to carry them out.")),
                Statement("mislukt", Label("Ik geef aandacht aan mislukte projecten.",
                                           "I pay attention to projects that failed.")),
                Statement("netwerk", Label("Ik wil meer uit mijn netwerk halen.", "I want more out of my network.")),
                Statement("reflecteren", Label("Ik neem de tijd om te reflecteren op ervaringen.",
                                               "I take the time to reflect on experiences.")),
                Statement("vragen", Label("Ik waardeer mensen die scherpe vragen aan mij stellen.",
                                          "I value people who ask me sharp questions.")),
            ),
            scale="stars", hidden=True, step="theorie",
        ),
        TextSection(
            id="exploreervraag",
            title=Label("Exploreervraag", "Exploring question"),
            fields=(TextField("vraag", Label("Onze exploreervraag", "Our exploring question")),),
            step="toepassing",
        ),
        AgreementsSection(
            id="contract",
            title=Label("Waardencontract", "Values contract"),
            prompt=Label("Zijn deze waarden OK voor jou? JA = AFSPRAAK! Welke waarde wil je nog toevoegen?",
                         "Are these values OK for you? YES = AGREED! Which value would you add?"),
            items=(
                Statement("er_zijn", Label("Er zijn", "Being there")),
                Statement("verantwoordelijkheid", Label("Verantwoordelijkheid", "Responsibility")),
                Statement("veiligheid", Label("Veiligheid", "Safety")),
                Statement("plezier", Label("Plezier \u2013 positiviteit \u2013 verandering",
                                           "Fun \u2013 positivity \u2013 change")),
                Statement("deelgever", Label("Deelgever", "Giving and sharing")),
            ),
            step="afspraken",
        ),
        TextSection(
            id="afspraken",
            title=Label("Contracteringsafspraken", "Agreements"),
            fields=(TextField("afspraken", Label("Wat spreken we af?", "What do we agree?"), max_len=1200),),
            step="afspraken",
        ),
        WordCloudSection(
            id="checkout",
            title=Label("Check-out", "Check-out"),
            prompt=Label("Met welk woord ga je naar huis? Tik \u201cherken ik\u201d bij de woorden van anderen.",
                         "Which word do you leave with? Tap \u201cI recognise that\u201d on others' words."),
            per_person=1, max_len=40, recognise=True, step="afronding",
        ),
    ),
)

# A kick-off gives its learning network nothing (boards/network/link.py): its agreements and its
# exploring question are that meeting's own words, and a network has no slot for them; it takes
# nothing either (the network starts here). docs/decisions.md 61.
NETWORK_LINKS = ()
