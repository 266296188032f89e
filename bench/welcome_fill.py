"""Realistic full content for every kind of section, as the commands a room would send.

Used by ``bench.welcome_size``: each filler takes the board id, the template's section and the
number of participants, and gives the commands of the first round as ``(who, command)`` (``who``:
``"f"`` the facilitator, or a participant's index); a kind whose later commands name things made
in the first round (a stakeholder's id, a wall item's) also has a second round that reads them from
the facilitator's view of the section. A kind with no filler here is reported as not filled: a new
kind of section needs one (the script says which).

The texts are Dutch, long where people write long (post-its, answers, the ambition), with the long
compound words Dutch is made of, so the byte counts are those of a real session, not of "x".
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from boards import template as t

WORDS = (
    "samenwerkingsverband", "jeugdhulpverlening", "arbeidsmarktregio", "kennisdeling", "vertrouwen",
    "gemeenteraadsverkiezingen", "ketenpartners", "onderwijsinstellingen", "wijkteams", "eigenaarschap",
    "praktijkgericht", "verantwoordelijkheid", "ervaringsdeskundigheid", "beleidsmedewerkers", "leren",
    "samen", "we", "willen", "de", "het", "een", "met", "voor", "in", "zorgen", "dat", "elkaar", "beter",
    "begrijpen", "ontwikkelen", "maatschappelijke", "opgave", "doorlopende", "leerlijnen", "ondersteuning",
    "kwetsbare", "gezinnen", "preventieve", "aanpak", "netwerkorganisatie", "professionals", "inwoners",
)
NAMES = ("Annemieke van den Berg", "Bart-Jan de Vries", "Chantal Oudshoorn", "Dirk Hoogeveen", "Esther Bakker",
         "Femke Zwaneveld", "Gerrit Jan Molenaar", "Hanneke Schoonderwoerd", "Ilse de Groot", "Joost Verhoeven",
         "Karin Wijnbergen", "Lotte Brinkman", "Maarten van Leeuwen", "Nadia El Amrani", "Otto Kuipers",
         "Pieternel Hofstede", "Quinten Roozendaal", "Rianne Veldhuizen", "Sander Timmermans", "Tessa Vermeulen",
         "Ursula Dijkstra", "Vincent Lammers", "Wendy Scholten", "Yvonne Hendriks", "Zeynep Yilmaz")
CLOUD = ("samenwerken", "vertrouwen", "leren", "netwerk", "verbinding", "kennis", "ontwikkeling", "jeugd",
         "innovatie", "energie", "ruimte", "nieuwsgierig", "groei", "ervaring", "inspiratie", "eigenaarschap",
         "gemeente", "zorg", "preventie", "participatie", "delen", "verandering", "uitdaging", "toekomst",
         "wijk", "onderwijs", "gezondheid", "vakmanschap", "reflectie", "actieleren", "doelen", "praktijk", "lef",
         "openheid", "complexiteit", "partners", "maatschappij", "creativiteit", "verduurzaming",
         "arbeidsmarktvraagstukken", "samenwerkingsovereenkomst", "ketensamenwerking", "kennisinfrastructuur",
         "ervaringsdeskundigheid", "jeugdhulpverleningsorganisaties", "wijkgerichtwerken", "bestaanszekerheid",
         "kansengelijkheid", "gebiedsontwikkeling", "burgerparticipatie", "leefbaarheid", "inclusiviteit",
         "integraliteit", "regelruimte", "vertrouwensrelatie", "praktijkonderzoek", "professionalisering",
         "domeinoverstijgend", "ontschotting", "mensgericht", "doorzettingsmacht")

Cmd = tuple[Any, dict[str, Any]]  # (who, command)


def text(rng: random.Random, length: int) -> str:
    """Dutch-looking text of about ``length`` characters (never more)."""
    out: list[str] = []
    n = 0
    while True:
        w = rng.choice(WORDS)
        if n + len(w) + 1 > length:
            break
        out.append(w)
        n += len(w) + 1
    return " ".join(out).capitalize()[:length]


def _base(board: str, section: Any) -> dict[str, str]:
    return {"board": board, "section": section.id}


def fill_text(rng, board, s: t.TextSection, people) -> list[Cmd]:
    return [("f", {"type": "set_text", **_base(board, s), "field": f.id, "text": text(rng, min(f.max_len, 400))})
            for f in s.fields]


def fill_dots(rng, board, s: t.DotSection, people) -> list[Cmd]:
    out = []
    for p in range(people):
        options = rng.sample([o.id for o in s.options], min(s.per_person, len(s.options)))
        out += [(p, {"type": "place_dot", **_base(board, s), "option": o}) for o in options]
    return out


def fill_notes(rng, board, s: t.NoteSection, people) -> list[Cmd]:
    out = []
    for lane in s.lanes:
        for k in range(6):  # six post-its a lane
            who = "f" if s.adders == "facilitator" else k * 3 % people
            cmd = {"type": "add_note", **_base(board, s), "lane": lane.id, "text": text(rng, rng.randint(60, s.max_len))}
            if s.with_owner:
                cmd["owner"] = rng.choice(NAMES)
            out.append((who, cmd))
    return out


def fill_stakeholders(rng, board, s: t.StakeholderSection, people) -> list[Cmd]:
    return [(k % people, {"type": "add_stakeholder", **_base(board, s), "category": text(rng, 40),
                          "names": ", ".join(rng.sample(NAMES, 3)), "x": rng.random(), "y": rng.random()})
            for k in range(15)]


def more_stakeholders(rng, board, s: t.StakeholderSection, view: list[dict], people) -> list[Cmd]:
    out = []
    for item in view:
        out.append(("f", {"type": "edit_stakeholder", **_base(board, s), "item": item["id"], "base_version": item["version"],
                          "category": item["category"], "names": item["names"],
                          "knowledge": [k.id for k in rng.sample(s.knowledge, min(2, len(s.knowledge)))],
                          "assumption": rng.random() < 0.3}))
        out.append(("f", {"type": "place_in_matrix", **_base(board, s), "item": item["id"],
                          "influence": rng.random(), "interest": rng.random()}))
        for kind in s.note_kinds:
            out += [("f", {"type": "add_attached_note", **_base(board, s), "item": item["id"], "kind": kind.id,
                           "text": text(rng, 120)}) for _ in range(2)]
    return out


def fill_checklist(rng, board, s: t.ChecklistSection, people) -> list[Cmd]:
    return [("f", {"type": "set_check", **_base(board, s), "item": i.id, "checked": True}) for i in s.items[::2]]


def fill_tree(rng, board, s: t.TreeSection, people) -> list[Cmd]:
    out = [(p, {"type": "answer_tree", **_base(board, s), "question": q.id, "answer": rng.choice(("ja", "nee"))})
           for p in range(people) for q in s.questions]
    return out + [("f", {"type": "set_tree_answer", **_base(board, s), "question": q.id, "answer": "ja"})
                  for q in s.questions[:2]]


def fill_radar(rng, board, s: t.RadarSection, people) -> list[Cmd]:
    return [(p, {"type": "place_radar_dot", **_base(board, s), "pillar": pl.id, "ring": rng.randint(1, s.rings)})
            for p in range(people) for pl in s.pillars]


def fill_review(rng, board, s: t.ReviewSection, people) -> list[Cmd]:
    items = [{"id": f"a{k}", "text": text(rng, 160), "owner": rng.choice(NAMES)} for k in range(25)]
    return [("f", {"type": "seed_review", **_base(board, s), "items": items})] + [
        ("f", {"type": "mark_review", **_base(board, s), "item": f"a{k}", "mark": rng.choice(("klaar", "open", "vervallen"))})
        for k in range(0, 25, 2)]


def fill_roles(rng, board, s: t.RolesSection, people) -> list[Cmd]:
    roles = [r.id for ring in s.rings for r in ring.roles]
    return [(k % people, {"type": "add_role_person", **_base(board, s), "name": NAMES[k % len(NAMES)],
                          "role": roles[k % len(roles)]}) for k in range(24)]


def more_roles(rng, board, s: t.RolesSection, view: dict, people) -> list[Cmd]:
    return [("f", {"type": "confirm_role_person", **_base(board, s), "person": pid}) for pid in list(view)[::2]]


def fill_conditions(rng, board, s: t.ConditionsSection, people) -> list[Cmd]:
    return [("f", {"type": "set_condition", **_base(board, s), "row": r.id, "column": col.id,
                   "text": text(rng, s.max_len), "who": rng.choice(NAMES)}) for r in s.rows for col in s.columns]


def fill_draft(rng, board, s: t.DraftSection, people) -> list[Cmd]:
    return [("f", {"type": "write_draft", **_base(board, s), "text": text(rng, min(s.max_len, 220) - k)}) for k in range(4)]


def more_draft(rng, board, s: t.DraftSection, view: list[dict], people) -> list[Cmd]:
    last = len(view) - 1
    n = len(view[-1]["text"].split())
    return [(p, {"type": "mark_word", **_base(board, s), "version": last, "word": w, "marked": True})
            for p in range(people) for w in rng.sample(range(n), min(3, n))]


def fill_wall(rng, board, s: t.WallSection, people) -> list[Cmd]:
    return [(k % people, {"type": "add_wall_item", **_base(board, s), "text": text(rng, s.max_len)}) for k in range(20)]


def more_wall(rng, board, s: t.WallSection, view: dict, people) -> list[Cmd]:
    ids = [i["id"] for i in view["items"]]
    return [(p, {"type": "wall_dot", **_base(board, s), "item": rng.choice(ids)})
            for p in range(people) for _ in range(s.per_person)]


def fill_wordcloud(rng, board, s: t.WordCloudSection, people) -> list[Cmd]:
    # 20 people x 3 words: 60 words, repeats across people (the first words weigh more)
    weights = [1 / (k + 1) ** 0.6 for k in range(len(CLOUD))]
    out = []
    for p in range(people):
        mine: list[str] = []
        while len(mine) < s.per_person:
            w = rng.choices(CLOUD, weights)[0]
            if w not in mine:
                mine.append(w)
        out += [(p, {"type": "add_word", **_base(board, s), "word": w}) for w in mine]
    return out


def more_wordcloud(rng, board, s: t.WordCloudSection, view: dict, people) -> list[Cmd]:
    if not s.recognise:
        return []
    words = list(view["counts"])
    return [(p, {"type": "recognise_word", **_base(board, s), "word": w})
            for p in range(people) for w in rng.sample(words, min(4, len(words)))]


def fill_open(rng, board, s: t.OpenQuestionSection, people) -> list[Cmd]:
    return [(p, {"type": "add_answer", **_base(board, s), "text": text(rng, rng.randint(40, s.max_len))})
            for p in range(people) for _ in range(s.per_person)]


def more_open(rng, board, s: t.OpenQuestionSection, view: list[dict], people) -> list[Cmd]:
    out = [("f", {"type": "moderate_answer", **_base(board, s), "answer": a["id"], "pinned": True}) for a in view[:5]]
    out += [("f", {"type": "moderate_answer", **_base(board, s), "answer": a["id"], "hidden": True}) for a in view[5:8]]
    if len(view) > 10:
        out.append(("f", {"type": "merge_answer", **_base(board, s), "answer": view[9]["id"], "into": view[10]["id"]}))
    return out


def fill_statements(rng, board, s: t.StatementsSection, people) -> list[Cmd]:
    lo, hi = (0, 1) if s.scale == "yesno" else (1, 5)
    return [(p, {"type": "answer_statement", **_base(board, s), "statement": st.id, "value": rng.randint(lo, hi)})
            for p in range(people) for st in s.statements]


def fill_stand(rng, board, s: t.StandSection, people) -> list[Cmd]:
    return [(p, {"type": "take_stand", **_base(board, s), "segment": rng.choice(s.segments).id}) for p in range(people)]


# section struct -> (first round, second round reading the facilitator's view of the section, or None)
FILLERS: dict[type, tuple[Callable, Callable | None]] = {
    t.TextSection: (fill_text, None),
    t.DotSection: (fill_dots, None),
    t.NoteSection: (fill_notes, None),
    t.StakeholderSection: (fill_stakeholders, more_stakeholders),
    t.ChecklistSection: (fill_checklist, None),
    t.TreeSection: (fill_tree, None),
    t.RadarSection: (fill_radar, None),
    t.ReviewSection: (fill_review, None),
    t.RolesSection: (fill_roles, more_roles),
    t.ConditionsSection: (fill_conditions, None),
    t.DraftSection: (fill_draft, more_draft),
    t.WallSection: (fill_wall, more_wall),
    t.WordCloudSection: (fill_wordcloud, more_wordcloud),
    t.OpenQuestionSection: (fill_open, more_open),
    t.StatementsSection: (fill_statements, None),
    t.StandSection: (fill_stand, None),
}


def checkouts(rng, people) -> list[Cmd]:
    """Everyone's closing round (the facilitator's welcome carries them)."""
    return [(p, {"type": "check_out", "rating": rng.randint(3, 5), "text": text(rng, rng.randint(40, 280))})
            for p in range(people)]
