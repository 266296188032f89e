"""Stakeholdermap: who is needed to realise the ambition (instruction card 2, TNO/LISO).

Source: shared/seeds/000 (INSTRUCTIE 2), see shared/BOARDS.md, Board 2.
"""

from __future__ import annotations

from boards.template import CheckItem, ChecklistSection, Group, Label, Lane, Option, StakeholderSection, Step, Template, TextField, TextSection

STAKEHOLDERS = Template(
    id="stakeholders",
    title=Label("Stakeholdermap", "Stakeholder map"),
    groups=(Group("deelnemer", Label("Deelnemer", "Participant"), "#2b8a3e"),),
    steps=(
        Step("ambitie", Label("1 Ambitie", "1 Ambition"), 5, sections=("ambitie",)),
        Step("stakeholders", Label("2 Stakeholders", "2 Stakeholders"), 25, sections=("map",), allows=("map",)),
        Step("matrix", Label("3 Invloed-belangmatrix", "3 Influence-interest matrix"), 20, sections=("map",),
             allows=("map",)),
        Step("belangen", Label("Belangen en behoeften", "Interests and needs"), 20, sections=("map",),
             allows=("map",)),
        Step("aannames", Label("4 Aanname checklist", "4 Assumption checklist"), 10, sections=("aannames", "map"),
             allows=("map", "checklist", "checkout")),
    ),
    sections=(
        TextSection(
            id="ambitie",
            title=Label("Ambitie", "Ambition"),
            fields=(TextField("ambitie", Label("Ambitie", "Ambition")),),
            step="ambitie",
        ),
        StakeholderSection(
            id="map",
            title=Label("Stakeholders", "Stakeholders"),
            prompt=Label(
                "Welke mensen zijn nodig om de ambitie te verwezenlijken? Eén post-it per categorie met "
                "de stakeholder(s) erin; streef naar maximaal 10 categorieën.",
                "Who is needed to realise the ambition? One post-it per category with its stakeholder(s); "
                "aim for at most 10 categories.",
            ),
            knowledge=(
                Option("ervaringskennis", Label("Ervaringskennis", "Lived experience"),
                       Label("ervaringsdeskundigen", "experts by experience")),
                Option("vakkennis", Label("Vakkennis", "Professional knowledge"),
                       Label("professionals uit de praktijk", "practitioners")),
                Option("wetenschappelijk", Label("Wetenschappelijke kennis", "Scientific knowledge"),
                       Label("onderzoekers", "researchers")),
            ),
            note_kinds=(
                Lane("belang", Label("Belang: wat willen zij bereiken?", "Interest: what do they want to achieve?")),
                Lane("behoefte", Label("Behoefte: welke zorgen, verwachtingen of eisen spelen er?",
                                       "Need: which concerns, expectations or requirements are there?")),
            ),
            quadrants=(
                Label("Veel invloed, groot belang: nauw betrekken", "High influence, high interest: manage closely"),
                Label("Veel invloed, klein belang: tevreden houden", "High influence, low interest: keep satisfied"),
                Label("Weinig invloed, groot belang: informeren", "Low influence, high interest: keep informed"),
                Label("Weinig invloed, klein belang: monitoren", "Low influence, low interest: monitor"),
            ),
            step="stakeholders",
        ),
        ChecklistSection(
            id="aannames",
            title=Label("Aanname checklist", "Assumption checklist"),
            prompt=Label("Toets jullie aannames: het doel is om zo min mogelijk aannames over te houden.",
                         "Test your assumptions: the aim is to end with as few as possible."),
            items=(
                CheckItem("compleet", Label("Zijn alle relevante stakeholders meegenomen?",
                                            "Have all relevant stakeholders been included?"), Label("", "")),
                # a "yes" to these two is work left, not done
                CheckItem("duidelijk", Label("Is invloed of belang nog onduidelijk?",
                                             "Is influence or interest still unclear?"), Label("", ""),
                          open_mark=Label("uitzoeken", "to clarify")),
                CheckItem("onderzoek", Label("Moet iets verder onderzocht worden?",
                                             "Does anything need further research?"), Label("", ""),
                          open_mark=Label("onderzoeken", "to research")),
            ),
            step="aannames",
        ),
    ),
)
