"""Rules of the Armenian, Azerbaijani, Russian and Ukrainian reading, each on a real sentence of the
development sets (the case id says which)."""

from __future__ import annotations

from datetime import date

from shared.claims.extract import extract_claims


def claims(text: str, language: str, published: str = "2020-10-01"):
    return extract_claims(text, date.fromisoformat(published), None, language)


def test_an_unnamed_speaker_saying_the_enemy_speaks_for_the_writers_side() -> None:
    # az-metbuat-2020-09-30-s300
    [claim] = claims("Dünən gedən döyüşlər ərzində Xocavənd rayonunun Şuşakənd ərazisində düşmənin 1 S-300 "
                     "zenit-raket qurğusu sıradan çıxarılıb.", "az", "2020-09-30")
    assert (claim.subject, claim.side, claim.claimant, claim.claimant_party) == (
        "air defence system", "Armenia", None, "Azerbaijan")
