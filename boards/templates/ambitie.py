"""Ambitie definiëren (instruction card 1, TNO/LISO): the group's sentences, made concrete word by
word, the ambition, and the three agendas (template 5).

Source: shared/seeds/000 (INSTRUCTIE 1), see shared/BOARDS.md. Steps 0-1: everyone sketches (drawn on
their device or a photo of paper, boards/kinds/sketch.py); the sketches are the wall of step 2.
"""

from __future__ import annotations

from boards.network.link import TEMPLATE_5, Link
from boards.template import (DraftSection, Group, Label, Lane, NoteSection, SketchPrompt, SketchSection, Step, Template,
                             TextField, TextSection, WallSection)

AMBITIE = Template(
    id="ambitie",
    title=Label("Ambitie definiëren", "Defining the ambition"),
    groups=(Group("deelnemer", Label("Deelnemer", "Participant"), "#2b8a3e"),),
    steps=(
        Step("opwarmen", Label("0 Opwarmen", "0 Warming up"), 1, sections=("wie",), allows=("sketch",)),
        # two rounds of one minute (the problem, then the ideal world): the facilitator starts the timer twice
        Step("pitch", Label("1 Elevator pitch", "1 Elevator pitch"), 1, sections=("pitch",), allows=("sketch",)),
        Step("samenvoegen", Label("2 Samenvoegen", "2 Bringing together"), 15, sections=("wand", "zinnen"),
             allows=("wall",), time_up="lock_reveal"),
        Step("concretiseren", Label("3 Concretiseren", "3 Making it concrete"), 15, sections=("concreet",),
             allows=("words",)),
        Step("ambitie", Label("4 Ambitie opstellen", "4 Writing the ambition"), 10, sections=("ambitie",)),
        Step("agendas", Label("5 Drie agenda's", "5 Three agendas"), 20, sections=("agendas",),
             allows=("notes",), time_up="lock"),
    ),
    sections=(
        SketchSection(
            id="wie",
            title=Label("Wie ben jij?", "Who are you?"),
            prompts=(SketchPrompt("wie", Label("Teken wie je bent (1 minuut)", "Draw who you are (1 minute)")),),
            wall="wand",
            per_prompt=1,
            step="opwarmen",
        ),
        SketchSection(
            id="pitch",
            title=Label("Elevator pitch", "Elevator pitch"),
            prompts=(
                SketchPrompt("probleem", Label("Schets het probleem (1 minuut)",
                                               "Sketch the problem (1 minute)")),
                SketchPrompt("ideaal", Label("Schets de ideale wereld (1 minuut)",
                                             "Sketch the ideal world (1 minute)")),
            ),
            wall="wand",
            per_prompt=1,
            step="pitch",
        ),
        WallSection(
            id="wand",
            title=Label("De wand", "The wall"),
            prompt=Label(
                "Plak je stickers bij wat je aanspreekt of belangrijk voelt: maximaal 5, meerdere op één "
                "schets zijn prima.",
                "Put your dots on what speaks to you or feels important: at most 5, several on one sketch "
                "are fine."),
            step="samenvoegen",
        ),
        TextSection(
            id="zinnen",
            title=Label("Samenvoegen", "Bringing together"),
            fields=(TextField("zinnen", Label(
                "Beschrijf samen in een paar zinnen wat het leernetwerk wil bereiken",
                "Describe together in a few sentences what the learning network wants to achieve")),),
            step="samenvoegen",
        ),
        DraftSection(
            id="concreet",
            title=Label("Concretiseren", "Making it concrete"),
            prompt=Label(
                "Tik alle woorden aan die duidelijker of concreter kunnen: moeilijke termen, vaktaal, woorden "
                "die meerdere betekenissen kunnen hebben (‘kwaliteit’, ‘goed’, ‘efficiënt’).",
                "Tap every word that could be clearer or more concrete: difficult terms, jargon, words that can "
                "mean several things (‘quality’, ‘good’, ‘efficient’)."),
            step="concretiseren",
        ),
        TextSection(
            id="ambitie",
            title=Label("Ambitie", "Ambition"),
            fields=(TextField("ambitie", Label(
                "Onze ambitie in één of twee zinnen: kort, krachtig en voor iedereen begrijpelijk",
                "Our ambition in one or two sentences: short, strong and clear to everyone"), max_len=400),),
            step="ambitie",
        ),
        NoteSection(
            id="agendas",
            title=Label("Drie agenda's voor verandering", "Three agendas for change"),
            prompt=Label("Leg de ambitie langs drie agenda's: wat is voor iedere agenda de impact?",
                         "Hold the ambition against three agendas: what is the impact on each?"),
            lanes=(
                Lane("verander", Label("Veranderagenda: welke praktijkveranderingen willen we zien als de ambitie "
                                       "werkelijkheid wordt?",
                                       "Change agenda: which changes in practice do we want to see when the "
                                       "ambition comes true?")),
                Lane("opleiding", Label("Opleidingsagenda: wat is de impact op het opleiden van professionals als "
                                        "de ambitie werkelijkheid wordt?",
                                        "Training agenda: what is the impact on training professionals when the "
                                        "ambition comes true?")),
                Lane("onderzoek", Label("Onderzoeksagenda: welke onderzoeksvragen willen we beantwoorden om de "
                                        "ambitie werkelijkheid te laten worden?",
                                        "Research agenda: which research questions do we want to answer to make "
                                        "the ambition come true?")),
            ),
            step="agendas",
        ),
    ),
)

# What card 1 takes from its learning network and gives back (boards/network/link.py): the ambition
# both ways; template 5's three agendas both ways, a lane per agenda.
NETWORK_LINKS = (
    Link("ambitie", fields={"ambitie": "ambition"}),
    Link("agendas", fields=TEMPLATE_5),
)
