"""Board templates as data: what sections a board has and the rules of each.

The engine knows *kinds* of sections (dot vote, text, notes); a template lists
sections of those kinds. A new board is a new template, not new engine code.
Labels are Dutch (canonical) with an English translation beside them.
"""

from __future__ import annotations

from typing import Literal

import msgspec


class Label(msgspec.Struct, frozen=True):
    nl: str
    en: str


class Group(msgspec.Struct, frozen=True):
    """A side of the conversation; sets the colour of its members' dots."""

    id: str
    label: Label
    colour: str


class Option(msgspec.Struct, frozen=True):
    """One field of a dot vote (a motivator, a pillar, ...)."""

    id: str
    label: Label
    hint: Label


class DotSection(msgspec.Struct, frozen=True, tag="dots"):
    """Everyone places up to ``per_person`` dots; counts are shown per group."""

    id: str
    title: Label
    prompt: Label
    options: tuple[Option, ...]
    per_person: int
    distinct: bool = True  # at most one dot of a person per option
    step: str | None = None


class TextField(msgspec.Struct, frozen=True):
    id: str
    label: Label
    max_len: int = 600


class TextSection(msgspec.Struct, frozen=True, tag="text"):
    """Fixed fields of text written by the facilitator (ambition, goals)."""

    id: str
    title: Label
    fields: tuple[TextField, ...]
    step: str | None = None


class Lane(msgspec.Struct, frozen=True):
    id: str
    label: Label


class NoteSection(msgspec.Struct, frozen=True, tag="notes"):
    """Post-its in lanes. ``adders`` says who may add; authors and facilitators edit."""

    id: str
    title: Label
    prompt: Label
    lanes: tuple[Lane, ...]
    adders: Literal["everyone", "facilitator"] = "everyone"
    with_owner: bool = False  # a post-it names who acts on it ("wie")
    max_notes: int = 200
    max_len: int = 280
    step: str | None = None


class StakeholderSection(msgspec.Struct, frozen=True, tag="stakeholders"):
    """Stakeholder post-its placed freely on a map around the ambition and on an
    influence-interest matrix, tagged with kinds of knowledge, with attached notes
    (``note_kinds``, e.g. belangen and behoeften) and an "assumption" flag."""

    id: str
    title: Label
    prompt: Label
    knowledge: tuple[Option, ...]  # kinds of knowledge that must all be represented
    note_kinds: tuple[Lane, ...]
    quadrants: tuple[Label, Label, Label, Label]  # high/high, high influence/low interest, low/high, low/low
    max_items: int = 60
    recommended_max_categories: int = 10
    max_notes_per_item: int = 20
    max_category_len: int = 60
    max_names_len: int = 200
    max_note_len: int = 280
    step: str | None = None


class CheckItem(Option, frozen=True):
    """One yes/no question of a checklist. With ``open_mark`` a "yes" is work still to do, shown as
    an open item named by it ("onderzoeken"), not as a tick meaning done."""

    open_mark: Label | None = None


class ChecklistSection(msgspec.Struct, frozen=True, tag="checklist"):
    """Shared yes/no questions anyone may tick."""

    id: str
    title: Label
    prompt: Label
    items: tuple[CheckItem, ...]
    step: str | None = None


class TreeQuestion(msgspec.Struct, frozen=True):
    """A yes/no question of a decision tree; ``yes`` and ``no`` name the next question or an outcome."""

    id: str
    label: Label
    yes: str
    no: str
    hint: Label = Label("", "")


class TreeOutcome(msgspec.Struct, frozen=True):
    """Where a path through the tree ends; ``fits``: the learning network is the right way."""

    id: str
    label: Label
    fits: bool = False


class TreeSection(msgspec.Struct, frozen=True, tag="tree"):
    """A decision tree: everyone answers ja/nee per question (hidden until the reveal), the
    facilitator sets the group's answers, whose path from ``start`` ends on an outcome."""

    id: str
    title: Label
    prompt: Label
    questions: tuple[TreeQuestion, ...]
    outcomes: tuple[TreeOutcome, ...]
    start: str
    step: str | None = None


class RadarSection(msgspec.Struct, frozen=True, tag="radar"):
    """A radar of pillars: everyone places one dot per pillar on one of ``rings`` rings, ring 1
    at the core ("sterk") to the outer ring ("zwak"); hidden until the reveal."""

    id: str
    title: Label
    prompt: Label
    pillars: tuple[Option, ...]
    rings: int = 5
    step: str | None = None


class ReviewSection(msgspec.Struct, frozen=True, tag="actions_review"):
    """A learning network's open actions, each marked by the group: done, still open or dropped
    (boards/kinds/review.py). Filled when the session starts from its network."""

    id: str
    title: Label
    prompt: Label
    max_items: int = 100
    step: str | None = None


class Role(msgspec.Struct, frozen=True):
    """A role someone takes in the network (card 4): its name and the card's description."""

    id: str
    label: Label
    hint: Label


class Ring(msgspec.Struct, frozen=True):
    """A ring of template 4A (staf, spelers, toeschouwers) and the roles in it."""

    id: str
    label: Label
    hint: Label
    roles: tuple[Role, ...]
    counts: bool = True  # its people count toward the network's size (the second ring does not)


class RolesSection(msgspec.Struct, frozen=True, tag="roles"):
    """Names placed onto the roles of the rings; anyone may suggest, the facilitator confirms."""

    id: str
    title: Label
    prompt: Label
    rings: tuple[Ring, ...]
    size_min: int = 5  # the card: "tussen de 5 tot 20 mensen"
    size_max: int = 20
    max_people: int = 80
    max_name_len: int = 60
    step: str | None = None


class ConditionsSection(msgspec.Struct, frozen=True, tag="conditions"):
    """A table (template 4B): per role (row) what it needs (column), each cell a short text and
    who arranges it."""

    id: str
    title: Label
    prompt: Label
    rows: tuple[Lane, ...]
    columns: tuple[Lane, ...]
    max_len: int = 200
    max_who_len: int = 80
    step: str | None = None


class DraftSection(msgspec.Struct, frozen=True, tag="draft"):
    """A sentence made concrete (card 1, step 3): the facilitator writes versions; participants
    mark the words of the newest that are unclear; every version is kept with its marks."""

    id: str
    title: Label
    prompt: Label
    max_len: int = 400
    max_versions: int = 30
    step: str | None = None


class WallSection(msgspec.Struct, frozen=True, tag="wall"):
    """A wall of items (a line of text, a drawn sketch or a photo of one) that people put dots on:
    ``per_person`` dots each, several on one item allowed; the facilitator may hide an item."""

    id: str
    title: Label
    prompt: Label
    per_person: int = 5
    max_items: int = 60
    max_len: int = 140
    step: str | None = None


class SketchPrompt(msgspec.Struct, frozen=True):
    """One sketch each person makes in a sketch section ("wie ben jij", "het probleem")."""

    id: str
    label: Label


class SketchSection(msgspec.Struct, frozen=True, tag="sketch"):
    """Card 1's warming-up and elevator pitch: each person draws a sketch per prompt on their device
    or photographs one on paper; each lands on the wall ``wall`` (boards/kinds/sketch.py)."""

    id: str
    title: Label
    prompts: tuple[SketchPrompt, ...]
    wall: str  # the WallSection the sketches go to
    per_prompt: int = 2  # sketches one person may add per prompt
    step: str | None = None


class WordCloudSection(msgspec.Struct, frozen=True, tag="wordcloud"):
    """Everyone gives up to ``per_person`` words ("Waar denk jij aan bij ...?"); the cloud counts
    them after normalising case, spaces and stop words (boards/kinds/words.py)."""

    id: str
    title: Label
    prompt: Label
    per_person: int = 3
    max_len: int = 40  # one word, or a few: a short phrase
    max_words: int = 600  # in the whole section
    recognise: bool = False  # the check-out round: people tap "herken ik" on others' words
    step: str | None = None


class OpenQuestionSection(msgspec.Struct, frozen=True, tag="open"):
    """Everyone gives up to ``per_person`` short answers, anonymous to everyone; the facilitator
    hides, merges and pins them (pinned ones go on the projector)."""

    id: str
    title: Label
    prompt: Label
    per_person: int = 3
    max_len: int = 200
    max_answers: int = 300  # in the whole section
    step: str | None = None


class Statement(msgspec.Struct, frozen=True):
    id: str
    label: Label


class StatementsSection(msgspec.Struct, frozen=True, tag="statements"):
    """Statements each person answers: ``yesno`` (ja/nee) or ``stars`` (1-5: "geldt niet voor mij"
    ... "typeert mij"); the distribution per statement, hidden until the reveal if ``hidden``."""

    id: str
    title: Label
    prompt: Label
    statements: tuple[Statement, ...]
    scale: Literal["yesno", "stars"] = "yesno"
    hidden: bool = False  # the distribution starts hidden from everyone but the facilitator
    step: str | None = None


class StandSection(msgspec.Struct, frozen=True, tag="stand"):
    """Where do you stand: each person puts one anonymous dot on a segment, of a ``circle`` (the
    actieleercirkel's phases) or a ``scale`` (left to right); counts per segment."""

    id: str
    title: Label
    prompt: Label
    segments: tuple[Statement, ...]
    shape: Literal["circle", "scale"] = "circle"
    step: str | None = None


class WeightingSection(msgspec.Struct, frozen=True, tag="weighting"):
    """"Gewichten plakken aan de thema's": people propose candidate themes, then put ``per_person``
    dots on them (``several`` on one theme, or one each); each person may see the themes in an
    order of their own (``shuffle``); the dots hidden until the reveal (``hidden``), after which
    the ``top`` themes are marked. The facilitator hides and merges themes."""

    id: str
    title: Label
    prompt: Label
    per_person: int = 5
    several: bool = True
    shuffle: bool = False
    hidden: bool = True
    top: int = 3
    propose: bool = True  # participants propose themes (else only the facilitator)
    themes_per_person: int = 5
    max_items: int = 40
    max_len: int = 120
    step: str | None = None


class AgreementsSection(msgspec.Struct, frozen=True, tag="agreements"):
    """A values contract ("Waardencontract ... JA = AFSPRAAK!"): values or rules the facilitator
    seeds (``items``) and people add (``open``); each person confirms per item; an item confirmed
    by ``threshold`` people (0: everyone in the session) is an agreement."""

    id: str
    title: Label
    prompt: Label
    items: tuple[Statement, ...] = ()
    open: bool = True  # participants add values (else only the facilitator)
    threshold: int = 0
    max_items: int = 30
    max_len: int = 120
    step: str | None = None


Section = (
    DotSection | TextSection | NoteSection | StakeholderSection | ChecklistSection | TreeSection | RadarSection
    | ReviewSection | RolesSection | ConditionsSection | DraftSection | WallSection | WordCloudSection
    | OpenQuestionSection | StatementsSection | StandSection | SketchSection | WeightingSection | AgreementsSection
)


# What participants may do during a step (the facilitator may always act).
Permission = Literal["dots", "notes", "map", "checklist", "checkout", "tree", "radar", "review", "roles", "conditions",
                     "words", "wall", "answer", "sketch", "propose", "weigh", "agree"]
# What happens to the step's sections when its time is up.
TimeUp = Literal["nothing", "lock", "lock_reveal"]


class Plan(msgspec.Struct, frozen=True, omit_defaults=True):
    """The run sheet's (draaiboek's) notes on a block, for the facilitator: its goal (doel), who
    leads it (wie), the materials, and whether it is essential or may be dropped when time runs
    short. All optional: an empty plan is ``{}`` (so a step written before plans shows as it did)."""

    goal: Label = Label("", "")
    who: str = ""
    materials: Label = Label("", "")
    essential: bool = True


class Step(msgspec.Struct, frozen=True):
    """One block of the session's script. ``sections`` are what the step is about (phones scroll
    to the first; "hold" keeps participants on them); ``allows`` what participants may do."""

    id: str
    label: Label
    minutes: int
    sections: tuple[str, ...] = ()
    allows: tuple[Permission, ...] = ()
    time_up: TimeUp = "nothing"
    plan: Plan = Plan()


class Template(msgspec.Struct, frozen=True):
    id: str
    title: Label
    groups: tuple[Group, ...]
    sections: tuple[Section, ...]
    steps: tuple[Step, ...]
    recommended_max_participants: int | None = None

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def section(self, section_id: str) -> Section | None:
        for section in self.sections:
            if section.id == section_id:
                return section
        return None
