"""Who is who: the conflicts the monitor follows, their belligerents, and each belligerent's
ministries, forces and officials by name in every language the extractor reads.

The data is JSON beside this module, one file per conflict (`russia-ukraine.json`,
`armenia-azerbaijan.json`; `other-conflicts.json` lists conflicts without named institutions yet):

- `conflict`: id, name, and its `sides`, each a list of belligerents whose first is the side's
  main party ("the enemy" of a claimant on the other side resolves to it);
- `parties`: each belligerent's own names in each language ("Україна", "Ermənistan");
- `entities`: institutions and people, each with its `party` (null for third parties such as a
  mediator), `kind`, canonical English `name` and `names` by language, inflected forms included.

    party_of("Генштаб ЗСУ") == "Ukraine"
    party_of("Ministry of Defence of Ukraine") == "Ukraine"
    adversary_of("Azerbaijan") == "Armenia"
    conflict_of("Nagorno-Karabakh") == "armenia-azerbaijan"
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..folding import fold

_HERE = Path(__file__).parent
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Conflict:
    id: str
    name: str
    sides: tuple[tuple[str, ...], ...]

    @property
    def belligerents(self) -> tuple[str, ...]:
        return tuple(party for side in self.sides for party in side)

    def side_of(self, party: str) -> int | None:
        for index, side in enumerate(self.sides):
            if party in side:
                return index
        return None


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    """Canonical English name: what a claim's `claimant` says."""
    party: str | None
    kind: str
    conflict: str | None
    names: tuple[tuple[str, str], ...]
    """(language, name as written) pairs."""


@dataclass(frozen=True)
class Registry:
    conflicts: tuple[Conflict, ...]
    entities: tuple[Entity, ...]
    by_name: dict[str, Entity]
    """Folded name -> entity (party names are entities of kind "state")."""
    by_first_word: dict[str, list[tuple[tuple[str, ...], Entity]]]

    def find(self, text: str) -> Entity | None:
        """The entity named by `text` exactly, or else the longest entity name inside it."""
        key = _key(text)
        if key in self.by_name:
            return self.by_name[key]
        words = key.split()
        best: tuple[int, Entity] | None = None
        for i, word in enumerate(words):
            for name, entity in self.by_first_word.get(word, ()):
                if tuple(words[i : i + len(name)]) == name and (best is None or len(name) > best[0]):
                    best = (len(name), entity)
        return best[1] if best else None


def _key(text: str) -> str:
    words = [re.sub(r"'s$", "", word) for word in _WORD.findall(fold(text))]
    return " ".join(words)


def _load() -> Registry:
    conflicts: list[Conflict] = []
    entities: list[Entity] = []
    for path in sorted(_HERE.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        found = [data["conflict"]] if "conflict" in data else data.get("conflicts", [])
        for item in found:
            conflicts.append(Conflict(item["id"], item["name"], tuple(tuple(side) for side in item["sides"])))
        conflict_id = data["conflict"]["id"] if "conflict" in data else None
        for party, names in data.get("parties", {}).items():
            pairs = tuple((lang, name) for lang, forms in names.items() for name in forms)
            entities.append(Entity(f"party-{_key(party).replace(' ', '-')}", party, party, "state", conflict_id, pairs))
        for item in data.get("entities", []):
            pairs = tuple((lang, name) for lang, forms in item["names"].items() for name in forms)
            entities.append(Entity(item["id"], item["name"], item["party"], item["kind"], conflict_id, pairs))
    by_name: dict[str, Entity] = {}
    for entity in entities:  # a party's own names come first in each file: "Россия" is Russia itself
        for _, name in entity.names + (("en", entity.name),):
            by_name.setdefault(_key(name), entity)
    by_first: dict[str, list[tuple[tuple[str, ...], Entity]]] = {}
    for key, entity in by_name.items():
        words = tuple(key.split())
        if words:
            by_first.setdefault(words[0], []).append((words, entity))
    return Registry(tuple(conflicts), tuple(entities), by_name, by_first)


@cache
def registry() -> Registry:
    return _load()


def entity_of(claimant: str | None) -> Entity | None:
    """The institution, person or party a claimant's name stands for, if the registry knows it."""
    if not claimant:
        return None
    return registry().find(claimant)


def party_of(claimant: str | None) -> str | None:
    """The belligerent a claimant speaks for: itself for a party, its country for a ministry, an
    official or a force; None for third parties and names the registry does not know."""
    if not claimant:
        return None
    if is_belligerent(claimant):
        return claimant
    entity = entity_of(claimant)
    if entity is not None:
        return entity.party
    return _english_actor(claimant)


def _english_actor(claimant: str) -> str | None:
    """ "Ukraine's defence ministry", "the IDF": a belligerent the English lexicon names inside."""
    from ..lexicon import load
    from ..tokens import tokenize

    lex = load("en")
    words = [token.low for token in tokenize(claimant)]
    for i in range(len(words)):
        found = lex.actors.match(words, i) or lex.speakers.match(words, i)
        if found is not None and is_belligerent(found.value):
            return found.value
    return None


def is_belligerent(party: str | None) -> bool:
    return any(party in conflict.belligerents for conflict in registry().conflicts)


def conflicts_of(party: str | None) -> list[Conflict]:
    return [conflict for conflict in registry().conflicts if party in conflict.belligerents]


def conflict_of(party: str | None, other: str | None = None) -> str | None:
    """The id of the conflict `party` fights in: the one it shares with `other` when given, else its
    only one (None when it fights in several, as Israel does)."""
    found = conflicts_of(party)
    if other is not None:
        found = [conflict for conflict in found if conflict.side_of(other) not in (None, conflict.side_of(party))]
    return found[0].id if len(found) == 1 else None


def adversary_of(party: str | None, conflict: str | None = None) -> str | None:
    """The main party on the other side of `party`'s conflict ("the enemy" of its claimants)."""
    found = [c for c in conflicts_of(party) if conflict is None or c.id == conflict]
    answers = set()
    for item in found:
        side = item.side_of(party)
        others = [s for index, s in enumerate(item.sides) if index != side]
        if len(others) == 1:
            answers.add(others[0][0])
    return answers.pop() if len(answers) == 1 else None


def at_war(first: str | None, second: str | None) -> bool:
    for conflict in conflicts_of(first):
        side = conflict.side_of(second) if second else None
        if side is not None and side != conflict.side_of(first):
            return True
    return False


def names(language: str) -> Iterator[tuple[str, Entity]]:
    """Every name written in `language` with the entity it stands for."""
    for entity in registry().entities:
        for lang, name in entity.names:
            if lang == language:
                yield name, entity
