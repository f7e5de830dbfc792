import sys
import unicodedata

from shared.text.boilerplate import HostBoilerplate, line_key, line_text, strip_lines, text_lines
from shared.text.digits import fold_digits


def test_every_decimal_digit_of_every_script_folds_to_ascii():
    decimals = [chr(c) for c in range(0x80, sys.maxunicode + 1) if unicodedata.decimal(chr(c), None) is not None]
    assert len(decimals) > 600
    assert all(fold_digits(d) == str(unicodedata.decimal(d)) for d in decimals)


def test_arabic_persian_and_devanagari_numbers_read_as_numbers():
    assert fold_digits("٧ قتلى، ٣٣ مصابا") == "7 قتلى، 33 مصابا"
    assert fold_digits("۹ اکتوبر") == "9 اکتوبر"
    assert fold_digits("٣٫٥ و١٬٢٠٠ ६") == "3.5 و1,200 6"
    assert fold_digits("１２ drones") == "12 drones"


BANNER = "Wir setzen auf unserer Website Cookies und andere Technologien ein, um Ihnen ein Angebot zu machen."
SIDEBAR = "Here's what to do in Detroit this week: a rundown of ideas for your calendar."


def test_consent_lines_go_from_the_first_sight_learnt_lines_from_the_third():
    learnt = HostBoilerplate()
    cleaned = [learnt.clean("detroit.example", f"{BANNER}\nStory {n} of a shooting on the east side.\n{SIDEBAR}")
               for n in range(4)]
    assert all(BANNER not in text and f"Story {n}" in text for n, text in enumerate(cleaned))
    assert [SIDEBAR in text for text in cleaned] == [True, True, False, False]


def test_lines_are_learnt_per_host_and_short_lines_never():
    learnt = HostBoilerplate()
    for _ in range(5):
        learnt.clean("a.example", f"{SIDEBAR}\nOK")
    assert SIDEBAR in learnt.clean("b.example", SIDEBAR), "another host has not repeated it"
    assert learnt.clean("a.example", f"{SIDEBAR}\nOK") == "OK"


def test_a_line_in_a_small_share_of_a_hosts_items_stays():
    learnt = HostBoilerplate()
    for n in range(40):
        learnt.clean("c.example", f"Unique article text number {n} of this host, long enough.")
    for _ in range(3):
        text = learnt.clean("c.example", SIDEBAR)
    assert text == SIDEBAR, "three of 43 items is under 15 %"


def test_line_keys_ignore_case_spacing_and_digit_script():
    assert line_key(line_text("Total  LOSSES of the enemy: ٥٠")) == line_key(line_text("total losses of the enemy: 50"))
    lines = text_lines("short\n" + SIDEBAR)
    assert len(lines.keys) == 1 and not lines.consent
    assert strip_lines("keep me\n" + SIDEBAR, lines.keys) == "keep me"


def test_a_consent_line_spaced_with_non_breaking_spaces_is_a_consent_line():
    banner = "We use\u00a0cookies to improve your experience on this site."
    lines = text_lines(f"Shelling resumed near the town overnight, officials said.\n{banner}")
    assert lines.consent == {line_key(line_text(banner))}
