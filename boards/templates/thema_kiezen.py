"""Keuze van het gezamenlijke thema: the Utrecht guide's "Gewichten plakken aan de thema's" as a
run sheet (shared/seeds/002, Fase 2 Ontwikkeling).

Its blocks, with the goal the guide gives each: "Diverse bronnen benutten" (all participants look
for themes: literature, social media, a speaker), "Gewichten plakken aan de thema's" ("Met een
aantal stickers gewicht geven aan de voorgestelde thema's om tot een keuze te komen"), the choice of
the speerpunt with a shared and an individual learning goal ("Keuze maken van het Speerpunt ... en
vaststellen van een gezamenlijk én een individueel leerdoel") and "Maak een Contract" ("hoe gaan we
met elkaar om? Welke regels vinden we belangrijk?"). The guide gives no minutes; those here are a
proposal the facilitator changes on the day (set_step_minutes).
"""

from __future__ import annotations

from boards.template import (AgreementsSection, Group, Label, Step, Template, TextField, TextSection,
                             WeightingSection)

THEMA_KIEZEN = Template(
    id="thema_kiezen",
    title=Label("Gewichten plakken aan de thema's", "Weighting the themes"),
    groups=(Group("deelnemer", Label("Deelnemer", "Participant"), "#2b8a3e"),),
    steps=(
        Step("bronnen", Label("Thema's voorstellen: diverse bronnen benutten",
                              "Proposing themes: using many sources"), 20,
             sections=("themas",), allows=("propose",)),
        Step("gewichten", Label("Gewichten plakken aan de thema's", "Weighting the themes"), 15,
             sections=("themas",), allows=("weigh",), time_up="lock_reveal"),
        Step("keuze", Label("Keuze van het speerpunt en de leerdoelen", "Choosing the focus and the learning goals"),
             20, sections=("keuze",)),
        Step("contract", Label("Maak een contract", "Make a contract"), 15, sections=("contract",),
             allows=("agree",)),
    ),
    sections=(
        WeightingSection(
            id="themas",
            title=Label("De thema's", "The themes"),
            prompt=Label(
                "Welk speerpunt of thema wil jij in het lerend netwerk bespreken? Stel thema's voor; "
                "plak daarna je stickers om tot een keuze te komen (maximaal 5, meerdere op één thema mag).",
                "Which focus or theme would you like the learning network to take up? Propose themes; then "
                "place your dots to come to a choice (at most 5, several on one theme is fine)."),
            per_person=5, several=True, shuffle=True, hidden=True, top=3, step="bronnen",
        ),
        TextSection(
            id="keuze",
            title=Label("Het gekozen speerpunt", "The chosen focus"),
            fields=(
                TextField("speerpunt", Label("Ons speerpunt", "Our focus")),
                TextField("gezamenlijk", Label("Ons gezamenlijke leerdoel", "Our shared learning goal")),
                TextField("individueel", Label("Individuele leerdoelen", "Individual learning goals"), max_len=1200),
            ),
            step="keuze",
        ),
        AgreementsSection(
            id="contract",
            title=Label("Ons contract", "Our contract"),
            prompt=Label("Hoe gaan we met elkaar om? Welke regels vinden we belangrijk? JA = AFSPRAAK!",
                         "How do we treat each other? Which rules matter to us? YES = AGREED!"),
            step="contract",
        ),
    ),
)
