"""Claims in languages whose words change their endings: Russian, Ukrainian, Armenian and
Azerbaijani. Every word is compared by its key (lemma or stem, `morphology`), so one lexicon entry
covers "танк", "танка" and "танков", "tank", "tankı" and "tankları"."""
