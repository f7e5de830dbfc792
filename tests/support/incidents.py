"""Three outlets, two languages, one incident (written for the tests, after the Ganja strike of
11 October 2020), and an unrelated report of the same day."""

GANJA = [
    ("en", "Missile strike on Ganja apartment block kills seven",
     "A ballistic missile struck an apartment block in central Ganja overnight, killing seven civilians and "
     "wounding 33, Azerbaijan's prosecutor general said on Sunday, accusing Armenian forces of the strike."),
    ("ru", "Ракетный удар по Гяндже: семь погибших",
     "Ночью баллистическая ракета попала в жилой дом в центре Гянджи, погибли семь мирных жителей, 33 ранены, "
     "сообщила генеральная прокуратура Азербайджана, обвинив армянские силы в ударе по Гяндже."),
    ("en", "Seven killed as missile hits Ganja residential building",
     "Seven civilians were killed and 33 wounded when a missile hit a residential building in Ganja, "
     "Azerbaijan's second city, overnight; Baku blamed Armenian forces, which denied firing at Ganja."),
]
UNRELATED = ("en", "UN Security Council calls for halt to fighting",
             "The UN Security Council on Tuesday strongly condemned the use of force in Nagorno-Karabakh "
             "and called for an immediate halt to the fighting and a return to meaningful negotiations.")
COOKIE_BANNER = (
    "OK\n\nWir verwenden auf unserer Webseite Cookies und pseudonyme Analysetechniken, um unseren "
    "Internetauftritt möglichst benutzerfreundlich zu gestalten. Zudem messen und werten wir die Besuche aus, "
    "um unsere Webseite optimal auf Ihre Bedürfnisse anzupassen.\n\nZur Datenschutzerklärung"
)
"""The banner of a German regional site, the whole scraped text of its articles (copies_hard.jsonl)."""
