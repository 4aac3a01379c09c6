"""The records the cast is made of: a Person (one of the memo's people, with the tokens
that show what was said of them) and the Cast (all of them, and what the memo says of
nobody in particular).

They sit apart from cast.py so that each module that reads part of the cast (names,
titles, pronouns, meetings, authority) can name them without importing the builder.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .patterns import Hit


@dataclass
class Person:
    id: int
    name: str | None = None
    role: str | None = None
    rank: str | None = None  # top | senior | junior | body | None
    gender: str | None = None  # m | f | None
    gender_guessed: bool = False  # only from the first name ('Ahmed' is usually a man): a pronoun may overrule it
    rep_side: bool = False
    presumed: bool = False  # 'she' with no one named before: the contact the memo is about
    plural: bool = False  # 'the deacons', 'the owners': not 'he' or 'she'
    owns: bool = False  # said to own it ('she owns the place'): an owner, title or not
    mentions: list[int] = field(default_factory=list)
    met: list[int] = field(default_factory=list)  # token indices that show it
    absent: list[int] = field(default_factory=list)
    not_yet_met: list[int] = field(default_factory=list)  # 'I still haven't met Garza'
    authority: list[int] = field(default_factory=list)
    no_authority: list[int] = field(default_factory=list)
    defers: list[int] = field(default_factory=list)
    deferred_to: list[int] = field(default_factory=list)  # someone defers to this person
    appointment: list[int] = field(default_factory=list)  # met only as 'a meeting with', 'the two o'clock with'
    outvoted: list[int] = field(default_factory=list)  # 'he is only one vote', 'she used to own it'
    heard_through: list[int] = field(default_factory=list)  # 'the foreman said the boss says call after midsommar'

    @property
    def is_body(self) -> bool:
        return self.rank == "body"

    @property
    def has_authority(self) -> bool:
        # A top title decides, unless flatly denied ("the super, he doesn't pick vendors"); a co-owner
        # who "can't sign without Sam" (defers) or who also "runs it" (authority) still decides: a stall.
        if self.outvoted and not self.owns and (not self.authority or self.rank == "top"):
            # the chairman who is 'only one vote of seven' (though 'he's the president'): the committee decides
            return False
        if self.rank == "top" and (not self.no_authority or self.authority or self.defers):
            return True
        return bool(self.authority or self.deferred_to) and not self.no_authority

    @property
    def was_met(self) -> bool:
        """Met, and not away unless met again after it ("the owner was out ... then he walked in")
        or met before leaving ("fifteen minutes with her, then a dog came in and she was gone")."""
        if not self.met:
            return False
        if self.not_yet_met and max(self.not_yet_met) > max(self.met):
            return False  # 'Garza's got a thing, Thursday? ... I still haven't met Garza': the memo's last word
        if self.absent and all(i in self.appointment for i in self.met):
            return False  # "Eleven o'clock with Mrs Ferris ... said Mrs Ferris wasn't in today": booked, not met
        return not self.absent or max(self.met) > max(self.absent) or min(self.met) < min(self.absent)

    @property
    def label(self) -> str | None:
        role = self.role or ("owner" if self.owns else None)
        return ", ".join(p for p in (self.name, role) if p) or None


@dataclass
class Cast:
    doc: object
    people: list[Person]
    nobody_met: list[Hit]  # voicemail, no-show, cancelled
    unnamed_elsewhere: list[Hit]  # "needs approval" with nobody named

    def met(self) -> list[Person]:
        """Who the rep met; 'she' of a memo that names nobody is the contact, unless
        the memo says someone was away or nobody was met."""
        quiet = not self.nobody_met and not any(p.absent for p in self.people)
        return [p for p in self.people if not p.rep_side and (p.was_met or p.presumed and quiet and not p.absent)]

    def shape(self) -> tuple[str, ...]:
        """The cast in general terms, for the weighing: for the people met, away or only
        mentioned, their rank and what was said of them (authority, deferring, owning),
        and whether nobody was met. Words differ from writer to writer; this shape is
        what the decision-maker verdict turns on."""
        shape = set()
        met = self.met()
        for person in self.people:
            if person.rep_side:
                continue
            side = "met" if person in met else "away" if person.absent else "mentioned"
            facts = [f"rank={person.rank or 'none'}", f"decides={person.has_authority}"]
            facts += [name for name, said in (
                ("authority", person.authority), ("no_authority", person.no_authority), ("defers", person.defers),
                ("deferred_to", person.deferred_to), ("owns", person.owns), ("named", person.name)) if said]
            shape.update(f"{side}.{fact}" for fact in facts)
        shape.add(f"met.count={min(len(met), 2)}")
        shape.update(name for name, said in (("nobody_met", self.nobody_met),
                                             ("unnamed_elsewhere", self.unnamed_elsewhere)) if said)
        return tuple(sorted(shape))
