"""Kick-off of a lerend netwerk: the run sheet of bijeenkomst 1, with the questions that were asked
through Mentimeter asked on the board instead.

Source: shared/seeds/003 (draaiboek lerend netwerk, bijeenkomst 1 / kick-off): its blocks and their
minutes are the steps; "Verwachtingen ophalen … Via Mentimeter. Aantal reacties eruit halen" is the
open question, "Waar denk jij aan bij [THEMA]?" (shared/seeds/002) the word cloud, the
contracteringsafspraken's "Waardencontract" (Er zijn, Verantwoordelijkheid, ...; "JA = AFSPRAAK!")
the agreements.
"""

from __future__ import annotations

from boards.template import (AgreementsSection, Group, Label, OpenQuestionSection, StandSection, Statement, StatementsSection, Step,
                             Template, TextField, TextSection, WordCloudSection)

KICKOFF = Template(
    id="kickoff",
    title=Label("Kick-off lerend netwerk", "Learning network kick-off"),
    groups=(Group("deelnemer", Label("Deelnemer", "Participant"), "#2b8a3e"),),
    steps=(
        Step("opening", Label("Opening en verwachtingen", "Opening and expectations"), 30,
             sections=("verwachtingen",), allows=("answer",)),
        Step("kennismaking", Label("Kennismaking en verbinding", "Getting to know each other"), 30,
             sections=("thema",), allows=("answer",)),
        Step("pauze1", Label("Pauze", "Break"), 10),
        Step("kennissnack", Label("Kennissnack: inspiratie over het thema", "Knowledge snack: the theme"), 45,
             sections=("thema",)),
        Step("pauze2", Label("Pauze", "Break"), 10),
        Step("theorie", Label("Actieleren: theorie en ervaren", "Action learning: theory and experience"), 20,
             sections=("cirkel", "klaar"), allows=("answer",), time_up="lock_reveal"),
        Step("toepassing", Label("Actieleren: toepassing, de exploreervraag", "Action learning: the exploring question"),
             20, sections=("exploreervraag",)),
        Step("afspraken", Label("Contracteringsafspraken", "Agreements"), 5, sections=("contract", "afspraken"),
             allows=("agree",)),
        Step("afronding", Label("Afronding en check-out", "Closing and check-out"), 15, sections=("checkout",),
             allows=("answer", "checkout")),
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
