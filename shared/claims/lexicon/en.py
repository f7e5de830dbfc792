"""English lexicon: plain data, compiled by `lexicon.load("en")`.

Phrases are written lower case, words separated by single spaces, exactly as the
tokenizer splits them ("shot down", "t-72", "cease-fire"). A lexicon for another
language is another module with the same names.
"""

# --- numbers -----------------------------------------------------------------

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
NUMBER_JOINERS = ["and"]
SINGLE_ARTICLES = ["a", "an", "one", "the"]

# A vague quantity: phrase -> (min, max); always approximate.
VAGUE = {
    "a dozen": (12, 12), "half a dozen": (6, 6), "two dozen": (24, 24), "three dozen": (36, 36),
    "dozens": (24, 99), "dozens of": (24, 99), "scores of": (40, 99), "several dozen": (36, 99),
    "hundreds": (200, 999), "hundreds of": (200, 999), "several hundred": (300, 999),
    "thousands": (2_000, 9_999), "thousands of": (2_000, 9_999), "several thousand": (3_000, 9_999),
    "tens of thousands": (20_000, 99_999), "tens of thousands of": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999), "hundreds of thousands of": (200_000, 999_999),
    "several": (3, 9), "a few": (2, 5), "a handful of": (2, 5), "a couple of": (2, 2),
    "a number of": (2, None), "many": (2, None), "scores": (40, 99),
}
# "two dozen", "three hundred" are read by the number parser; these follow a number.
DOZEN = "dozen"

# Quantity modifiers: phrase -> bound ("min", "max", "approx", "near").
BOUNDS = {
    "more than": "min", "over": "min", "at least": "min", "no fewer than": "min",
    "no less than": "min", "not less than": "min", "upwards of": "min", "in excess of": "min",
    "well over": "min", "just over": "min", "more than a": "min", "a minimum of": "min",
    "up to": "max", "as many as": "max", "at most": "max", "no more than": "max",
    "fewer than": "max", "less than": "max", "under": "max", "a maximum of": "max",
    "nearly": "near", "almost": "near", "just under": "near", "close to": "near",
    "nears": "near", "nearing": "near", "approaches": "near", "approaching": "near",
    "about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "approx": "approx",
    "circa": "approx", "an approximate": "approx", "a total of": "exact", "all": "exact",
    "all of": "exact", "total": "exact",
}
TRAILING_MIN = ["or more", "+", "plus"]
INCREMENT_BEFORE = ["another", "a further", "an additional", "a new", "further", "additional"]
INCREMENT_AFTER = ["more", "additional", "new", "further", "others", "other"]

# Words that make a number something other than a count of losses.
UNIT_WORDS = [
    "km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres",
    "meters", "m", "percent", "per", "%", "years", "year", "months", "month", "weeks", "week",
    "days", "day", "hours", "hour", "minutes", "minute", "seconds", "am", "pm", "a.m.", "p.m.",
    "dollars", "euros", "tonnes", "tons", "kg", "times", "villages", "settlements", "towns",
    "cities", "sorties", "attacks", "strikes", "shells", "rounds", "km2", "hectares", "sq",
    # what else is lost or taken in the news: jobs, money, games, seats, votes, wickets
    "jobs", "job", "pounds", "pound", "£", "$", "€", "bn", "pence", "cents", "points",
    "point", "games", "game", "matches", "match", "seats", "seat", "votes", "vote", "runs",
    "wickets", "goals", "goal", "sets", "shots", "strokes", "acres", "homes", "houses",
    "cases", "tests", "infections", "shares", "stocks", "customers", "subscribers",
    "followers", "viewers", "fans", "sales", "contracts", "firms", "businesses", "stores",
    "shops", "branches", "flights", "nights", "decades", "centuries", "laps", "yards",
    "feet", "inches", "degrees", "litres", "gallons", "barrels", "kilograms", "grams",
    "episodes", "seasons", "titles", "medals", "trophies", "awards", "nominations",
]
# Words between a number and its unit ("six long years", "two full days").
MEASURE_ADJECTIVES = ["long", "full", "whole", "straight", "consecutive", "more", "short",
                      "successive", "entire", "extra", "further"]
# Words before a number that make it an age ("aged five and eight", "between the ages of 18").
AGE_MARKERS = ["aged", "age", "ages", "the ages of", "ages of", "age of"]

# --- subjects ------------------------------------------------------------------

# canonical subject -> (singular forms, plural forms). "person"-like subjects are people.
PEOPLE = {
    "person": (
        ["person", "individual", "man", "victim", "member", "citizen", "body",
         "father", "dad", "brother", "husband", "son", "daughter", "grandfather", "son-in-law",
         "daughter-in-law", "relative", "family member", "partygoer", "festival-goer"],
        ["people", "persons", "individuals", "men", "victims", "members", "citizens",
         "staff members", "staff", "employees", "colleagues", "workers",
         "bodies", "relatives", "family members", "loved ones", "parents", "partygoers",
         "festival-goers", "festivalgoers", "revellers", "revelers"],
    ),
    "civilian": (
        ["civilian", "resident", "villager", "inhabitant", "non-combatant", "passer-by",
         "pedestrian", "worshipper"],
        ["civilians", "residents", "villagers", "inhabitants", "non-combatants", "passers-by",
         "pedestrians", "worshippers", "civilian people"],
    ),
    "soldier": (
        ["soldier", "serviceman", "servicewoman", "service member", "servicemember", "troop",
         "officer", "marine", "paratrooper", "conscript", "reservist", "commander", "sailor",
         "border guard", "guardsman", "military servicemen", "serviceperson", "trooper",
         "fighter pilot", "pilot", "sergeant", "colonel", "lieutenant", "military officer",
         "army officer"],
        ["soldiers", "servicemen", "servicewomen", "service members", "servicemembers", "troops",
         "officers", "marines", "paratroopers", "conscripts", "reservists", "commanders", "sailors",
         "border guards", "guardsmen", "military personnel", "personnel", "military servicemen",
         "army personnel", "military", "army", "military men", "pilots", "crew members",
         "invaders", "occupiers", "military officers", "army officers", "recruits", "cadets"],
    ),
    "fighter": (
        ["fighter", "rebel", "combatant", "separatist", "guerrilla", "mercenary"],
        ["fighters", "rebels", "combatants", "separatists", "guerrillas", "mercenaries"],
    ),
    "militant": (
        ["militant", "terrorist", "insurgent", "jihadist", "gunman", "extremist"],
        ["militants", "terrorists", "insurgents", "jihadists", "gunmen", "extremists"],
    ),
    "child": (
        ["child", "boy", "girl", "teenager", "minor", "infant", "baby", "toddler", "schoolchild"],
        ["children", "boys", "girls", "teenagers", "minors", "infants", "babies", "kids",
         "toddlers", "schoolchildren"],
    ),
    "woman": (["woman", "mother", "mum", "mom", "wife", "sister", "grandmother"], ["women"]),
    "police officer": (
        ["police officer", "policeman", "policewoman", "police officer"],
        ["police officers", "policemen", "police", "policewomen"],
    ),
    "prisoner": (["prisoner of war", "prisoner", "pow", "captive", "hostage", "inmate"],
                 ["prisoners of war", "prisoners", "pows", "captives", "hostages", "inmates"]),
    "journalist": (["journalist", "reporter", "photographer", "cameraman"],
                   ["journalists", "reporters", "media workers", "photographers"]),
    "aid worker": (["aid worker", "humanitarian worker", "volunteer"],
                   ["aid workers", "humanitarian workers", "volunteers", "un staff"]),
    "medic": (["medic", "paramedic", "doctor", "nurse", "health worker"],
              ["medics", "paramedics", "doctors", "nurses", "health workers", "medical workers",
               "healthcare workers"]),
    "rescuer": (["rescuer", "rescue worker", "firefighter"],
                ["rescuers", "rescue workers", "firefighters", "emergency workers"]),
}

EQUIPMENT = {
    "tank": (["tank", "main battle tank"], ["tanks", "main battle tanks"]),
    "armored vehicle": (
        ["armored vehicle", "armoured vehicle", "armored personnel carrier",
         "armoured personnel carrier", "apc", "infantry fighting vehicle", "ifv", "bmp", "btr",
         "armored combat vehicle", "armoured combat vehicle", "armoured fighting vehicle",
         "armored fighting vehicle", "afv", "apv", "mrap"],
        ["armored vehicles", "armoured vehicles", "armored personnel carriers",
         "armoured personnel carriers", "apcs", "infantry fighting vehicles", "ifvs", "bmps",
         "btrs", "armored combat vehicles", "armoured combat vehicles", "armoured fighting vehicles",
         "armored fighting vehicles", "afvs", "apv", "apvs", "combat vehicles",
         "armored personnel vehicles", "armoured personnel vehicles", "mraps",
         "armoured combat vehicles", "other armored combat vehicles", "armor vehicles"],
    ),
    "vehicle": (
        ["vehicle", "truck", "lorry", "car", "pickup", "military vehicle"],
        ["vehicles", "trucks", "lorries", "cars", "pickups", "military vehicles",
         "automotive equipment", "vehicles and fuel tanks", "motor vehicles",
         "special military vehicles"],
    ),
    "helicopter": (["helicopter", "chopper", "gunship"], ["helicopters", "choppers", "gunships"]),
    "aircraft": (
        ["aircraft", "plane", "jet", "warplane", "fighter jet", "bomber", "fighter plane",
         "airplane", "aeroplane", "fighter-bomber", "attack aircraft", "transport plane"],
        ["aircraft", "planes", "jets", "warplanes", "fighter jets", "bombers", "fighter planes",
         "airplanes", "aeroplanes", "military aircraft", "combat aircraft", "fighter-bombers",
         "attack aircraft", "transport planes", "fighters jets"],
    ),
    "drone": (
        ["drone", "uav", "unmanned aerial vehicle", "unmanned aircraft", "loitering munition",
         "quadcopter"],
        ["drones", "uavs", "uav", "unmanned aerial vehicles", "unmanned aircraft",
         "loitering munitions", "quadcopters", "kamikaze drones", "attack drones"],
    ),
    "air defence system": (
        ["air defence system", "air defense system", "anti-aircraft system",
         "anti-aircraft missile system", "surface-to-air missile system", "sam system",
         "air defence battery", "air defense battery", "anti-aircraft warfare system"],
        ["air defence systems", "air defense systems", "anti-aircraft systems",
         "anti-aircraft missile systems", "surface-to-air missile systems", "sam systems",
         "anti-aircraft warfare systems", "air defence batteries", "air defense batteries",
         "air defence units", "air defense units", "anti-aircraft warfare systems"],
    ),
    "rocket launcher": (
        ["rocket launcher", "multiple rocket launcher", "multiple launch rocket system", "mlrs",
         "launcher", "rocket system"],
        ["rocket launchers", "multiple rocket launchers", "multiple launch rocket systems",
         "mlrs", "launchers", "rocket systems", "multiple rocket launch systems"],
    ),
    "artillery": (
        ["artillery system", "artillery piece", "howitzer", "mortar", "self-propelled gun",
         "artillery gun", "gun", "cannon", "artillery installation"],
        ["artillery systems", "artillery pieces", "howitzers", "mortars", "self-propelled guns",
         "artillery guns", "guns", "cannons", "artillery installations", "artillery"],
    ),
    "ship": (
        ["ship", "warship", "vessel", "boat", "patrol boat", "landing ship", "cruiser", "frigate",
         "corvette", "flagship", "destroyer", "minesweeper"],
        ["ships", "warships", "vessels", "boats", "patrol boats", "landing ships", "cruisers",
         "frigates", "corvettes", "destroyers", "minesweepers", "warships / boats", "boats / cutters", "cutters",
         "warships and boats"],
    ),
    "submarine": (["submarine"], ["submarines"]),
    "missile": (
        ["missile", "cruise missile", "ballistic missile"],
        ["missiles", "cruise missiles", "ballistic missiles"],
    ),
    "rocket": (["rocket"], ["rockets"]),
    "special equipment": ([], ["special equipment", "units of special equipment"]),
    # Ukraine's loss lists of 2022 count fuel tanks and short-range ballistic missile launchers apart.
    "fuel tank": (["fuel tank", "fuel truck"], ["fuel tanks", "fuel trucks"]),
    "ballistic missile launcher": (["mobile srbm system", "srbm system", "ballistic missile launcher"],
                                   ["mobile srbm systems", "srbm systems", "ballistic missile launchers"]),
    "radar": (["radar", "radar station"], ["radars", "radar stations"]),
    "electronic warfare system": (
        ["electronic warfare system", "electronic warfare station", "ew system"],
        ["electronic warfare systems", "electronic warfare stations", "ew systems"],
    ),
    "ammunition depot": (["ammunition depot", "ammo depot", "depot"],
                         ["ammunition depots", "ammo depots", "depots"]),
    "command post": (["command post"], ["command posts"]),
}

# Weapon names and model codes that name the equipment on their own ("two Su-25s").
MODEL_PATTERNS = {
    "tank": r"t-\d{2,3}\w*|leopards?|abrams|challengers?|merkavas?",
    "armored vehicle": r"bmp-\d\w*|btr-\d+\w*|bradleys?|mt-lbs?|strykers?",
    "helicopter": r"mi-\d+\w*|ka-\d+\w*|apaches?|black hawks?",
    "aircraft": r"su-\d+\w*|mig-\d+\w*|tu-\d+\w*|il-\d+\w*|a-50\w*|f-16s?|f-35s?",
    "drone": r"mq-\d+\w*|bayraktars?|tb2s?|shaheds?|shahed-\d+s?|orlan-\d+s?|orlans?|lancets?|geran-\d+s?|harops?|herons?",
    "air defence system": r"s-\d{3}s?|buks?|buk-m\d\w*|tors?|pantsirs?|osa|osa-akm|patriots?|iris-t",
    "rocket launcher": r"bm-\d+s?|grads?|uragans?|smerchs?|himars|tos-\d+\w*",
    "artillery": r"msta-\w+|giatsints?|akatsiyas?|gvozdikas?|caesars?|m777s?|d-30s?|2s\d+\w*",
    "missile": r"kh-\d+\w*|kalibrs?|iskanders?|kinzhals?|zircons?|neptunes?|storm shadows?|atacms",
}

# Adjectives before a casualty noun that say whose people they were ("military deaths").
SUBJECT_MODIFIERS = {
    "military": "soldier", "troop": "soldier", "army": "soldier", "combat": None,
    "civilian": "civilian", "child": "child", "soldier": "soldier", "servicemen": "soldier",
    "police": "police officer", "personnel": "soldier", "battle": None,
}

# Words allowed between a number and its noun ("five Armenian T-72 tanks").
NOUN_MODIFIERS = [
    "enemy", "hostile", "military", "armed", "heavily", "more", "other", "additional", "new",
    "young", "elderly", "old", "unarmed", "innocent", "foreign", "local", "senior", "junior",
    "civilian", "combat", "heavy", "light", "modern", "advanced", "armoured", "armored",
    "attack", "kamikaze", "suicide", "reconnaissance", "fighter", "front-line", "frontline",
    "off-duty", "active-duty", "regular", "elite", "special", "forces", "border", "naval",
    "air", "ground", "rebel", "pro-government", "government", "opposition", "islamist",
    "unidentified", "unmanned", "so-called", "alleged", "suspected", "more", "of", "its",
    "their", "our", "the", "his", "her", "them", "those", "self-propelled", "strike", "cruise",
    "ballistic", "guided", "military-age", "wounded", "injured", "further", "total", "main",
    "battle", "infantry", "multiple", "launch", "mobile", "patrol", "landing", "large",
    "small", "israeli-made", "russian-made", "iranian-made", "us-made", "american-made",
    "soviet-era", "soviet-made", "western", "western-made", "nato", "nato-supplied", "area",
]

# --- casualty triggers ---------------------------------------------------------

# Verbs that take the loss as their object ("destroyed five tanks").
ACTIVE = {
    "killed": ["killed", "kill", "kills", "killing", "slew", "murdered", "massacred",
               "executed", "claimed the lives of", "claiming the lives of", "took the lives of",
               "taking the lives of", "claimed the life of", "left dead", "shot dead",
               "shot and killed", "gunned down", "martyred", "the bodies of", "bodies of",
               "the deaths of", "deaths of", "the death of", "the killing of", "killing of",
               "the killings of", "remains of", "the remains of"],
    "wounded": ["wounded", "wounding", "wounds", "injured", "injuring", "injures", "wound", "injure"],
    "captured": ["captured", "capturing", "captures", "capture", "took prisoner", "taken prisoner",
                 "seized", "seizing", "took captive", "trophied", "took", "taken", "the capture of",
                 "capture of", "abducted", "kidnapped"],
    "destroyed": ["destroyed", "destroying", "destroys", "destroy", "knocked out",
                  "wiped out", "obliterated", "burned", "burnt", "demolished", "sank", "sunk",
                  "sinking", "the destruction of", "destruction of", "sink", "sinks", "destroys"],
    "downed": ["shot down", "shooting down", "shoot down", "shoots down", "downed", "downing",
               "intercepted", "intercepting", "intercepts", "brought down", "bringing down",
               "shot-down", "the downing of", "downing of", "the interception of", "downs",
               "intercept", "shoots down"],
    "damaged": ["damaged", "damaging", "hit", "struck", "disabled", "hitting", "striking", "damage",
                "damages", "hits"],
    # category depends on the noun (people are killed, equipment destroyed).
    "eliminated": ["eliminated", "eliminating", "liquidated", "liquidating", "neutralized",
                   "neutralised", "neutralizing", "neutralising", "annihilated", "lost", "loses",
                   "losing", "lose", "the loss of", "loss of", "the losses of"],
}
# Verbs whose subject suffered the loss ("Russia lost 20 tanks").
LOSS_VERBS = ["lost", "loses", "losing", "lose"]

# Participles and predicates after the loss ("were killed", "died", "shot down").
PASSIVE = {
    "killed": ["killed", "dead", "died", "die", "perished", "slain", "lost their lives",
               "lost their life", "lost his life", "lost her life", "feared dead",
               "confirmed dead", "reported killed", "reported dead", "confirmed killed",
               "shot dead", "martyred", "were martyred", "executed", "killed in action",
               "fell in battle", "have fallen", "died of their wounds", "liquidated", "drowned"],
    "wounded": ["wounded", "injured", "hurt", "reported wounded", "reported injured",
                "suffered injuries", "sustained injuries", "sustained wounds"],
    "missing": ["missing", "went missing", "unaccounted for", "reported missing",
                "missing in action", "remain missing", "remained missing"],
    "captured": ["captured", "taken prisoner", "taken captive", "surrendered", "seized",
                 "trophied", "were taken prisoner", "abducted", "taken hostage", "kidnapped",
                 "held hostage", "held captive", "taken into captivity"],
    "destroyed": ["destroyed", "wiped out", "knocked out", "burned", "burnt", "sunk", "sank",
                  "destroyed or damaged"],
    "downed": ["shot down", "downed", "intercepted", "brought down", "were shot down"],
    "damaged": ["damaged", "disabled"],
    "eliminated": ["eliminated", "neutralized", "neutralised", "annihilated", "lost"],
    "casualties": ["killed or wounded", "killed and wounded", "killed or injured",
                   "killed and injured", "dead or wounded", "dead and wounded",
                   "dead or injured", "dead and injured", "wounded or killed",
                   "injured or killed"],
}
# What finds bodies: counted bodies found are that many dead ("260 bodies were recovered",
# "rescuers pulled out 12 bodies"), where people found are not ("12 people were found alive").
BODIES_FOUND = ["found", "recovered", "discovered", "retrieved", "pulled out", "pulled from",
                "exhumed", "unearthed", "identified", "collected", "brought out", "found dead"]
# Nouns that are themselves the loss ("40 deaths", "97 wounded").
NOMINAL = {
    "killed": ["deaths", "death", "fatalities", "fatality", "dead", "killed", "killings",
               "lives"],
    "wounded": ["wounded", "injured", "injuries", "wounds"],
    "missing": ["missing"],
    "casualties": ["casualties", "casualty", "losses", "killed and wounded", "killed or wounded",
                   "dead and wounded", "dead and injured", "killed and injured"],
}
# "lives" is a toll only after a verb of taking them ("cost 850 lives"), not in "saved lives".
LIVES_VERBS = ["cost", "costs", "costing", "claimed", "claims", "claiming", "took", "takes",
               "taking", "lost", "lose", "losing", "loses", "ended", "ending", "snuffed out"]
# Beside "lost", what makes it lost from sight, not destroyed: air forces report drones "lost from
# radar" or "locationally lost" to electronic warfare apart from those shot down.
OUT_OF_SIGHT = ["radar", "radars", "locationally", "locally", "contact", "track", "sight",
                "communication", "communications", "signal"]
# Subjects that "capture" a scene, not a person ("the portrait captures a man").
DEPICTING = ["portrait", "portraits", "photo", "photos", "photograph", "photographs", "image",
             "images", "picture", "pictures", "video", "videos", "footage", "film", "films",
             "camera", "cameras", "painting", "paintings", "book", "novel", "exhibition",
             "documentary", "show", "series", "album", "song", "play", "drawing", "drawings",
             "photographer", "photographers", "artist", "artists", "lens", "shot", "shots",
             "snapshot", "poem", "story", "stories", "memoir"]
# Verbs of taking that capture only prisoners ("took 251 hostages", not "took 5-59").
TAKING = ["took", "taken", "take", "takes", "taking"]

# Counts that a toll introduces ("the death toll rose to 320").
TOLLS = {
    "killed": ["death toll", "toll", "number of dead", "number of deaths", "number of people killed",
               "number of those killed", "number of fatalities", "tally of dead", "body count",
               "dead toll", "fatality toll", "number killed", "number of killed"],
    "wounded": ["number of wounded", "number of injured", "number of people injured",
                "number of people wounded", "number of injuries"],
    "casualties": ["casualty toll", "casualty count", "casualty figure", "number of casualties",
                   "losses", "total losses", "combat losses", "personnel losses"],
    "inherit": ["total", "tally", "count", "overall toll", "total number"],
}
_RISING = ("rose", "risen", "rises", "has risen", "climbed", "climbs", "has climbed", "surged", "surges",
           "has surged", "jumped", "soared", "went")
"""Verbs of a toll going up: "surged above 1,100" makes 1,100 a floor."""
TOLL_LINKS = [
    "rose to", "risen to", "has risen to", "had risen to", "climbed to", "climbs to",
    "rises to", "reached", "reaches", "has reached", "stands at", "stood at", "is", "was",
    "jumped to", "increased to", "to", "at", "of", "hit", "now stands at", "has climbed to",
    "amounted to", "amount to", "amounts to", "totalled", "totaled", "totals", "surpassed",
    "topped", "exceeded", "passed", "is now", "was now", "now at", "grew to", "mounted to",
    "soared to", "has passed", "has surpassed", "has topped", "has exceeded", "went up to",
    "exceeds", "surpasses", "tops", "surged to", "has surged to",
    *(f"{verb} {over}" for verb in _RISING for over in ("above", "past", "beyond")),
]
TOLL_LINKS_MIN = ["surpassed", "topped", "exceeded", "passed", "has passed", "has surpassed",
                  "has topped", "has exceeded", "exceeds", "surpasses", "tops",
                  *(f"{verb} {over}" for verb in _RISING for over in ("above", "past", "beyond"))]

# Words that may stand between a loss and its predicate ("were reportedly killed").
AUXILIARIES = [
    "were", "was", "have", "has", "had", "been", "are", "is", "be", "being", "reportedly",
    "also", "all", "allegedly", "later", "subsequently", "so", "far", "now", "already",
    "either", "both", "who", "that", "which", "recently", "then", "since", "apparently",
    "officially", "previously", "were", "just", "in", "total", "overall", "altogether", "thought",
    "believed", "to", "presumably", "likely", "probably", "mostly", "each", "among", "them",
    "reported", "confirmed", "seriously", "critically", "lightly", "slightly", "badly",
    "fatally", "mortally", "severely", "as", "still", "remain", "remained", "are", "had",
]
# Words that may stand between a verb and its object ("destroyed a further 12 tanks").
OBJECT_GAP = ["also", "reportedly", "allegedly", "all", "successfully", "yet", "overall",
              "completely", "already", "altogether", "together", "jointly", "respectively"]
# Joiners of a list of losses ("four helicopters, 15 drones and 10 tanks").
LIST_JOINERS = [",", "and", "as well as", "plus", "along with", "together with", "&", "or"]
# Links to a loss already stated ("..., including five children").
SUBSET_MARKERS = ["including", "among them", "among whom", "of whom", "of them", "among those",
                  "among the dead", "among the victims", "most of them", "incl", "including at least"]

# --- modality --------------------------------------------------------------------

NEGATIONS = ["no", "not", "n't", "never", "none", "nobody", "no one", "without", "neither",
             "nor", "zero", "nothing", "cannot", "didn't", "wasn't", "weren't", "hasn't",
             "haven't", "hadn't", "isn't", "aren't", "doesn't", "don't", "won't", "wouldn't",
             "couldn't", "nil", "denied", "deny", "denies", "denying", "refuted", "dismissed",
             "false", "fake", "stopped short of", "stops short of", "short of", "rejects claims", "rejected claims", "rejected reports", "failed to"]
DENIALS = ["denied", "deny", "denies", "denying", "refuted", "refutes", "rejected claims",
           "rejected reports", "dismissed claims", "dismissed reports", "rejects claims",
           "dismissed as false", "called false", "disputed", "disputes", "disputing"]
HYPOTHETICALS = [
    "faces", "face", "facing", "risks", "risking", "stand to", "stands to", "could see",
    "braces for", "bracing for", "projected", "projection", "projections", "forecast",
    "forecasts", "predicted", "predicts", "modelling", "modeling", "defined as",
    "is defined", "definition of", "warned of", "warns of", "warning of", "fears of",
    "if", "unless", "would", "could", "might", "may", "should", "will", "shall", "threatened to",
    "threatens to", "threatening to", "vowed to", "vows to", "plans to", "planned to",
    "planning to", "intends to", "intended to", "aims to", "aimed to", "expected to",
    "likely to", "able to", "capable of", "wants to",
    "want to", "wanted to", "seeking to", "seeks to", "sought to", "tried to", "trying to",
    "attempted to", "attempt to", "risk of", "at risk", "in order to", "so as to", "hoped to",
    "hopes to", "promised to", "pledged to", "pledges to", "could have", "would have",
    "would be", "to avoid", "to prevent", "whether", "potentially", "hypothetically",
    "order to", "go on to", "can", "ought to", "intend to", "plan to", "is set to",
    "are set to", "was set to", "were set to", "about to", "hypothetical",
]
CLAUSE_BREAKS = [";", ":", "but", "while", "whereas", "although", "though", "however", "—",
                 "–", "yet", "meanwhile", "separately", "adding", "and said", "saying"]

# --- attribution ------------------------------------------------------------------

REPORTING_VERBS = [
    "said", "says", "say", "told", "tells", "claimed", "claims", "claim", "announced",
    "announces", "reported", "reports", "stated", "states", "confirmed", "confirms", "confirm",
    "estimated", "estimates", "estimate", "added", "adds", "wrote", "writes", "posted", "posts",
    "noted", "notes", "alleged", "alleges", "insisted", "insists", "accused", "accuses",
    "accuse", "acknowledged", "acknowledges", "admitted", "admits", "revealed", "reveals",
    "disclosed", "counted", "recorded", "documented", "tweeted", "declared", "declares",
    "believes", "put the toll at", "puts the toll at", "put the death toll at",
    "puts the death toll at", "put the number at", "puts the number at", "informed",
    "assessed", "assesses", "reckons", "reckoned", "denied", "denies", "deny", "blamed",
    "blames", "asserted", "asserts", "maintained", "maintains", "cited", "quoted",
    "summarized", "summarised", "indicated", "indicates", "explained", "specified",
    "announcing", "saying", "reporting", "claiming", "telling", "adding", "stating",
    "noting", "estimating", "confirming", "acknowledging", "admitting", "accusing",
    "updated", "updates", "counts", "tallied", "tallies", "recorded", "records", "registered", "registers",
    "wrote on telegram", "published", "publishes", "showed", "shows", "show",
    "put its toll at", "put its own toll at", "put their toll at", "puts its toll at",
    "put its death toll at", "put the figure at", "puts the figure at", "put its own death toll at",
]
# Verbs that own a loss without a number ("confirmed combat casualties").
CASUALTY_VERBS = ["confirmed", "confirms", "confirm", "suffered", "suffers", "suffer", "sustained",
                  "sustains", "reported", "reports", "acknowledged", "acknowledges", "admitted",
                  "admits", "inflicted", "inflicts", "inflicting", "took", "incurred", "caused",
                  "causing", "suffering", "sustaining", "there were", "there have been"]
CASUALTY_NOUNS = ["casualties", "losses"]
ACCORDING_TO = ["according to", "citing", "as reported by", "as per", "per"]
REPORTING_TAIL = [
    "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "in", "a", "statement", "late", "early", "earlier", "later", "today", "yesterday",
    "telegram", "its", "their", "his", "her", "daily", "update", "briefing", "report",
    "reporters", "told", "the", "news", "agency", "conference", "press", "post", "x",
    "twitter", "facebook", "website", "afp", "reuters", "ap", "cnn", "bbc", "tass", "ria",
    "interfax", "ukrinform", "on-line", "online", "channel", "television", "tv", "on-air",
    "morning", "evening", "night", "afternoon", "this", "week", "weekend", "last", "citing",
    "sources", "officials", "an", "interview", "with", "wrote", "adding", "and", "at", "of",
    "social", "media", "via", "message", "messenger", "by", "phone", "told", "journalists",
    "video", "address", "speech", "televised", "written", "separate", "publicly",
    "without", "providing", "evidence", "joint", "statement", "communique", "communiqué", "giving", "details", "further", "more", "than",
    "quoted", "as", "saying", "to", "media", "outlet", "outlets", "state", "run", "state-run",
    "newspaper", "radio", "first", "also", "again", "alongside", "after",
]
PRONOUNS = ["it", "he", "she", "they", "we", "i", "this", "the statement", "the report",
            "the ministry", "the military", "the army", "the spokesman", "the spokeswoman",
            "the spokesperson", "the official", "officials", "the agency", "the service",
            "the command", "the department", "the government", "the authorities", "authorities",
            "the office", "the source", "the general staff", "the statement added"]
CLAIMANT_DROP = ["the", "a", "an", "also", "later", "earlier", "previously", "on", "late",
                 "early", "separately", "meanwhile", "however", "and", "but", "yet", "then",
                 "in", "now", "initially", "first", "itself", "had", "has", "have", "would",
                 "reportedly", "again"]
TIME_WORDS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "today", "yesterday", "tonight", "overnight"]
HEADLINE_ROLES = ["monitor", "ministry", "police", "officials", "official", "army", "military",
                  "medics", "health ministry", "un", "idf", "kremlin", "pentagon", "governor",
                  "mayor", "rescuers", "spokesman", "report", "observatory"]

# --- ceasefire -----------------------------------------------------------------------

CEASEFIRE_NOUNS = [
    "ceasefire", "ceasefires", "cease-fire", "cease-fires", "cease fire", "truce", "truces",
    "armistice", "pause in fighting", "pause in the fighting", "pause in hostilities",
    "humanitarian pause", "humanitarian pauses", "cessation of hostilities",
    "halt to fighting", "halt to the fighting", "halt to hostilities", "end to the fighting",
    "end to fighting", "end to hostilities", "end to the hostilities", "stop the fighting",
    "stop fighting", "cessation of fire", "lull in fighting", "fighting pause",
    "cease hostilities", "cease fire", "halt the fighting", "halt fighting", "stop to the fighting",
    "stop to fighting", "halt in fighting", "halt in the fighting", "quiet period",
    "end the war", "end to the war", "end the fighting", "end hostilities", "end fighting",
]
# Ceasefire categories in order of precedence: the first one found in the main clause wins.
CEASEFIRE_ORDER = ["violation", "collapse", "rejection", "agreement", "proposal", "call",
                   "in_effect"]
# Words before the ceasefire noun ("called for a ceasefire").
CEASEFIRE_BEFORE = {
    "violation": ["violated", "violating", "violate", "violates", "breached", "breaching",
                  "breach", "breaches", "broke", "breaking", "break", "breaks", "violation of",
                  "violations of", "breach of", "breaches of", "in violation of", "flouted",
                  "flouting", "undermined", "undermining", "disregarded", "disregarding",
                  "did not observe", "not observe", "failed to observe", "did not respect",
                  "not respect", "failed to respect", "not observing", "not respecting",
                  "did not honour", "did not honor", "failed to honour", "failed to honor"],
    "collapse": ["collapse of", "breakdown of", "end of", "ended", "ending", "scrapped",
                 "shattering", "shattered", "shatter", "shatters", "wrecked", "wrecking",
                 "torpedoed", "sank",
                 "abandoned", "abandoning", "pulled out of", "withdrew from", "suspended",
                 "terminated", "walked away from", "failure of"],
    "rejection": ["rejected", "rejects", "reject", "rejecting", "refused", "refuses", "refuse",
                  "refusing", "dismissed", "dismisses", "ruled out", "rules out", "turned down",
                  "turns down", "spurned", "rebuffed", "rejection of", "vetoed", "vetoes",
                  "refused to accept", "declined", "declines", "dismissing", "ruling out"],
    "agreement": ["agreed to", "agreed on", "agreed", "agree to", "agree on", "agrees to",
                  "agreeing to", "signed", "signs", "signing", "reached", "reaching", "reach",
                  "brokered", "brokering", "broker", "struck", "secured", "accepted", "accepts",
                  "accept", "accepting", "sealed", "clinched", "announced", "announces",
                  "declared", "declares", "declaring", "announcing", "agreement on",
                  "agreement to", "deal on", "deal for", "deal to", "agreement for",
                  "approved", "approves", "endorsed", "ordered", "implemented", "mediated",
                  "negotiated", "established", "entered", "unilateral", "concluded"],
    "proposal": ["proposed", "proposes", "propose", "proposing", "offered", "offers", "offer",
                 "offering", "put forward", "puts forward", "floated", "suggested", "suggests",
                 "proposal for", "proposal of", "plan for", "unveiled", "presented", "tabled",
                 "drafted", "initiative for", "draft", "offer of", "pitched", "submitted",
                 "talks with", "talks on", "talks to", "negotiations with", "negotiations on"],
    "call": ["called for", "calls for", "call for", "calling for", "urged", "urges", "urge",
             "urging", "appealed for", "appeals for", "appeal for", "demanded", "demands",
             "demand", "demanding", "pressed for", "presses for", "pushed for", "pushes for",
             "push for", "pushing for", "pressing for", "sought", "seeks", "seek", "seeking",
             "plea for", "pleaded for", "asked for", "asks for", "insisted on", "advocated",
             "appealing for", "wants", "want", "call on", "called on", "calls on", "calling on",
             "urged an", "backed", "backs", "supported", "supports", "welcomed", "renewed calls",
             "renewed its call", "renewed his call", "called", "calls", "demanding an",
             "press for", "in favour of", "in favor of", "to respect", "to observe",
             "to abide by", "to honour", "to honor", "to restore", "to return to", "resolution"],
    "in_effect": ["observing", "observe", "observed", "respecting", "respected", "holding",
                  "restored"],
}
# Words after the ceasefire noun ("the truce collapsed").
CEASEFIRE_AFTER = {
    "violation": ["violations", "violation", "breaches", "breach", "was violated",
                  "is not being respected", "not being respected", "was not respected",
                  "is not respected", "not respected", "is not being observed",
                  "not being observed", "was not observed", "is not holding", "not holding",
                  "was not being respected", "has not been respected", "has not held",
                  "has been violated", "had been violated", "were violated", "is violated",
                  "was broken", "has been broken", "had been broken", "was breached",
                  "has been breached", "had been breached", "is being violated",
                  "being violated", "violated", "breached", "broken", "was repeatedly violated",
                  "has been repeatedly violated", "have been violated"],
    "collapse": ["collapsed", "collapses", "has collapsed", "had collapsed", "broke down",
                 "has broken down", "had broken down", "breaks down", "fell apart",
                 "has fallen apart", "falls apart", "ended", "has ended", "ends", "had ended",
                 "expired", "has expired", "expires", "unravelled", "unraveled", "crumbled",
                 "is over", "was over", "has failed", "failed", "collapse", "breakdown",
                 "is dead", "lapsed", "has lapsed", "came to an end", "ran out", "fell through",
                 "shattered", "was shattered", "has been shattered", "crumbles", "unravels",
                 "was suspended", "was terminated", "was called off", "ended on"],
    "rejection": ["was rejected", "has been rejected", "had been rejected", "was refused",
                  "was dismissed", "was turned down"],
    "agreement": ["was agreed", "has been agreed", "had been agreed", "agreed", "was reached",
                  "has been reached", "had been reached", "was signed", "has been signed",
                  "had been signed", "was brokered", "brokered", "agreement", "deal", "accord",
                  "pact", "was announced", "has been announced", "announced", "was declared",
                  "declared", "was struck", "signed", "reached", "agreements", "deals",
                  "was extended", "has been extended", "extension", "was sealed", "is agreed",
                  "is reached", "sealed", "struck", "was accepted", "has been accepted"],
    "proposal": ["proposal", "proposals", "plan", "offer", "initiative", "was proposed",
                 "has been proposed", "proposed", "framework", "blueprint", "draft"],
    "call": ["calls", "call", "appeals", "appeal", "demands", "was demanded", "resolution"],
    "in_effect": ["took effect", "takes effect", "went into effect", "goes into effect",
                  "came into force", "comes into force", "came into effect", "comes into effect",
                  "entered into force", "enters into force", "entered into effect",
                  "began", "begins", "began at", "started", "starts", "is holding", "held",
                  "holds", "was holding", "has held", "has been holding", "remains in place",
                  "remained in place", "in place", "is in place", "was in place", "in force",
                  "is in force", "in effect", "is in effect", "is largely holding",
                  "largely held", "appeared to hold", "appears to be holding", "holding",
                  "was holding", "remained", "remains", "went into force", "kicked in",
                  "kicks in", "has taken effect", "had taken effect", "is being observed",
                  "was observed", "was being observed", "is respected", "largely holding",
                  "got under way", "got underway", "is under way", "is underway",
                  "entered its", "is in its", "was in its", "will take effect",
                  "is due to take effect", "was due to take effect", "goes into force",
                  "is set to take effect", "was set to take effect"],
}
# Compound nouns that only say which ceasefire is meant ("the ceasefire agreement").
CEASEFIRE_WEAK_AFTER = ["agreement", "deal", "accord", "pact", "agreements", "deals",
                        "proposal", "proposals", "plan", "offer", "initiative", "calls", "call",
                        "appeals", "appeal", "framework", "blueprint", "draft", "agreed",
                        "brokered", "announced", "declared", "signed", "reached", "proposed",
                        "sealed", "struck", "demands", "resolution"]
CEASEFIRE_WEAK_BEFORE = ["holding", "backed", "backs", "supported", "supports", "welcomed",
                         "mediated", "negotiated", "unilateral", "established", "entered",
                         "wants", "want", "resolution", "called", "calls", "respected"]
MEDIATOR_MARKERS = ["brokered by", "mediated by", "with the mediation of", "under the auspices of",
                    "hosted by", "facilitated by", "negotiated by", "with mediation from",
                    "with the help of", "through the mediation of", "mediation by",
                    "mediation of", "under the mediation of", "thanks to the mediation of"]
MEDIATOR_SUFFIXES = ["-brokered", "-mediated", "-sponsored", "-negotiated"]
SUBORDINATORS = ["after", "since", "before", "when", "until", "despite", "which", "that",
                 "once", "as", "whereas", "although", "though", "following", "hours after",
                 "days after", "shortly after", "prior to", "ahead of", "in spite of",
                 "because", "who", "where", "under"]
INFINITIVE_MARKERS = ["to"]
# Fighting reported "despite the truce" is a violation of it.
FIGHTING_WORDS = ["fighting", "clashes", "clashed", "shelling", "shelled", "strikes", "struck",
                  "attacks", "attacked", "raged", "gunfire", "fire", "fired", "bombardment",
                  "bombed", "airstrikes", "air strikes", "killed", "explosions", "battles",
                  "combat", "offensive", "continued", "continues", "resumed", "shot", "hostilities"]

# --- history ---------------------------------------------------------------------------

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
# Seasons (first month, last month); "the fall" only with "the", "last" or "this" before it.
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
TIME_PREPOSITIONS = ["in", "during", "on", "of", "from", "between", "by", "throughout", "back",
                     "as", "early", "late", "mid", "the", "at", "since"]
# Phrases that place a claim in the past whatever the date of the article.
PAST_PHRASES = [
    "years ago", "decades ago", "a decade ago", "years earlier", "decades earlier",
    "last year", "the previous year", "a year earlier", "the year before", "a year ago",
    "first karabakh war", "first nagorno-karabakh war", "second world war", "world war ii",
    "world war two", "world war i", "first world war", "great patriotic war", "the 1990s",
    "the 1980s", "the 1970s", "the 2000s", "in the past decade", "the soviet era",
    "in the 1990s", "in the early 1990s", "the cold war", "two years ago", "three years ago",
    "in previous years", "in past wars", "the last war", "the previous war", "the 1994 war",
    "the 1992-94 war", "that war", "the war in the 1990s", "at the time", "back then",
    "the 2008 war", "the 2014 war", "the 2006 war", "the 2020 war", "the 44-day war",
    "the six-day war", "the 2016 war", "the four-day war", "the april war", "the april 2016",
    "history", "historically", "since the 1990s",
]
# "since 2014" reaches the present: a cumulative toll, not history.
PRESENT_REACH = ["since", "so far", "to date", "this year", "this month", "this week"]

# --- tallies ---------------------------------------------------------------------------

TALLY_PERSONNEL = ["personnel", "military personnel", "persons", "troops", "manpower",
                   "personnel losses"]
TALLY_SIDE_HINTS = {
    "enemy": ["losses of the enemy", "enemy losses", "enemy's losses", "losses of the enemy's",
              "losses of the russian", "combat losses of the enemy", "the enemy lost",
              "of the occupiers", "russian losses", "losses of the russian invaders",
              "losses of russian"],
}

# --- actors -------------------------------------------------------------------------

# canonical actor -> names, adjectives and demonyms that stand for it in a loss ("Azerbaijani
# helicopters") or a claimant ("Azerbaijan's Defence Ministry").
ACTORS = {
    "Armenia": ["armenia", "armenian", "armenians", "republic of armenia"],
    "Azerbaijan": ["azerbaijan", "azerbaijani", "azerbaijanis", "azeri", "azeris"],
    "Nagorno-Karabakh": ["nagorno-karabakh", "nagorno karabakh", "karabakh", "artsakh",
                         "karabakh armenian", "karabakh armenians", "nagorny karabakh",
                         "nagorno-karabakh republic", "artsakh republic", "republic of artsakh"],
    "Russia": ["russia", "russian", "russians", "russian federation", "rf", "ru"],
    "Ukraine": ["ukraine", "ukrainian", "ukrainians", "ua"],
    "Israel": ["israel", "israeli", "israelis", "idf", "israel defense forces",
               "israel defence forces", "israeli defense forces", "tsahal"],
    "Palestine": ["palestine", "palestinian", "palestinians", "palestinian authority", "gazan",
                  "gazans"],
    "Hamas": ["hamas", "qassam brigades", "al-qassam brigades", "ezzedine al-qassam brigades"],
    "Hezbollah": ["hezbollah", "hizbollah", "hizballah"],
    "Islamic Jihad": ["islamic jihad", "palestinian islamic jihad", "pij"],
    "Houthis": ["houthis", "houthi", "ansar allah", "ansarallah"],
    "Iran": ["iran", "iranian", "iranians", "irgc"],
    "Syria": ["syria", "syrian", "syrians"],
    "Turkey": ["turkey", "turkish", "turks", "türkiye", "turkiye"],
    "Lebanon": ["lebanon", "lebanese"],
    "Yemen": ["yemen", "yemeni", "yemenis"],
    "Iraq": ["iraq", "iraqi", "iraqis"],
    "Sudan": ["sudan", "sudanese", "sudanese army", "saf"],
    "Rapid Support Forces": ["rapid support forces", "rsf"],
    "Georgia": ["georgia", "georgian", "georgians"],
    "Belarus": ["belarus", "belarusian", "belarusians"],
    "United States": ["united states", "u.s.", "us", "usa", "america", "american", "americans",
                      "united states of america", "u.s"],
    "United Kingdom": ["united kingdom", "uk", "u.k.", "britain", "british", "great britain"],
    "France": ["france", "french"],
    "Germany": ["germany", "german", "germans"],
    "Qatar": ["qatar", "qatari"],
    "Egypt": ["egypt", "egyptian", "egyptians"],
    "Saudi Arabia": ["saudi arabia", "saudi", "saudis"],
    "United Arab Emirates": ["united arab emirates", "uae", "emirati"],
    "China": ["china", "chinese"],
    "India": ["india", "indian", "indians"],
    "Pakistan": ["pakistan", "pakistani", "pakistanis"],
    "Afghanistan": ["afghanistan", "afghan", "afghans"],
    "Taliban": ["taliban"],
    "Ethiopia": ["ethiopia", "ethiopian", "ethiopians"],
    "Tigray": ["tigray", "tigrayan", "tigrayans", "tplf"],
    "Eritrea": ["eritrea", "eritrean"],
    "Somalia": ["somalia", "somali", "somalis"],
    "al-Shabaab": ["al-shabaab", "al shabaab", "shabaab"],
    "Islamic State": ["islamic state", "isis", "isil", "daesh", "is"],
    "Libya": ["libya", "libyan", "libyans"],
    "Mali": ["mali", "malian"],
    "Myanmar": ["myanmar", "burma", "burmese"],
    "DR Congo": ["dr congo", "drc", "congolese", "democratic republic of congo",
                 "democratic republic of the congo"],
    "M23": ["m23"],
    "Rwanda": ["rwanda", "rwandan"],
    "Jordan": ["jordan", "jordanian"],
    "Poland": ["poland", "polish"],
    "Kurdish forces": ["kurdish", "kurds", "sdf", "ypg", "pkk", "syrian democratic forces"],
    "Wagner": ["wagner", "wagner group"],
    "Kazakhstan": ["kazakhstan"],
    "Kyrgyzstan": ["kyrgyzstan", "kyrgyz"],
    "Tajikistan": ["tajikistan", "tajik"],
    "Serbia": ["serbia", "serbian"],
    "Kosovo": ["kosovo"],
    "Colombia": ["colombia", "colombian"],
    "Nigeria": ["nigeria", "nigerian", "nigerians"],
    "Japan": ["japan", "japanese"],
    "Italy": ["italy", "italian"],
    "Norway": ["norway", "norwegian"],
    "Switzerland": ["switzerland", "swiss"],
    "Vatican": ["vatican", "holy see", "pope"],
    "European Union": ["european union", "eu"],
    "NATO": ["nato"],
    "United Nations": ["united nations", "un", "u.n.", "u.n", "security council",
                       "un security council", "secretary-general", "un secretary-general"],
}
# Names that stand for an actor only as a speaker: capitals, institutions, leaders.
SPEAKERS = {
    "Armenia": ["yerevan", "pashinyan", "nikol pashinyan"],
    "Azerbaijan": ["baku", "aliyev", "ilham aliyev"],
    "Nagorno-Karabakh": ["stepanakert"],
    "Russia": ["moscow", "kremlin", "the kremlin", "putin", "vladimir putin", "lavrov",
               "sergei lavrov", "shoigu", "peskov", "dmitry peskov", "konashenkov",
               "zakharova", "belousov", "gerasimov"],
    "Ukraine": ["kyiv", "kiev", "zelensky", "zelenskyy", "zelenskiy", "volodymyr zelensky",
                "volodymyr zelenskyy", "syrskyi", "zaluzhnyi", "umerov", "kuleba", "ihnat",
                "yermak", "zsu", "afu"],
    "Israel": ["jerusalem", "netanyahu", "benjamin netanyahu", "gallant", "yoav gallant",
               "hagari", "katz", "herzog"],
    "Hamas": ["haniyeh", "sinwar"],
    "Iran": ["tehran", "khamenei", "raisi", "pezeshkian"],
    "Turkey": ["ankara", "erdogan", "recep tayyip erdogan"],
    "United States": ["washington", "pentagon", "the pentagon", "white house", "the white house",
                      "biden", "joe biden", "trump", "donald trump", "blinken", "antony blinken",
                      "state department", "rubio", "austin", "witkoff"],
    "France": ["paris", "macron", "emmanuel macron", "elysee"],
    "Germany": ["berlin", "scholz", "merkel", "merz"],
    "Qatar": ["doha"],
    "Egypt": ["cairo"],
    "Syria": ["damascus"],
    "China": ["beijing"],
    "United Kingdom": ["london", "downing street"],
    "United Nations": ["guterres", "antonio guterres", "ocha", "un ocha", "unrwa", "unicef",
                       "ohchr", "unhcr"],
    "Lebanon": ["beirut"],
}
# Organisations named as speakers that keep their own name (they are not their country).
ORGANISATIONS = [
    "syrian observatory for human rights", "syrian observatory", "syrian network for human rights",
    "palestinian red crescent", "red crescent", "red cross", "icrc",
    "international committee of the red cross", "human rights watch", "amnesty international",
    "amnesty", "institute for the study of war", "isw", "world health organization", "who",
    "osce", "doctors without borders", "msf", "medecins sans frontieres", "acled",
    "airwars", "ocha", "un ocha", "unicef", "unrwa", "ohchr", "un human rights office",
    "un human rights monitoring mission", "hrmmu", "gaza health ministry", "health ministry",
    "gaza's health ministry", "hamas-run health ministry", "the hamas-run health ministry",
    "gaza government media office", "gaza civil defence", "gaza civil defense",
    "palestinian health ministry", "hamas-run gaza health ministry", "oryx",
    "mediazona", "bbc russian", "bbc",
]
# The organisation an alias stands for (claimant names kept as spoken otherwise).
ORGANISATION_ALIASES = {
    "gaza's health ministry": "Gaza health ministry",
    "hamas-run health ministry": "Gaza health ministry",
    "the hamas-run health ministry": "Gaza health ministry",
    "hamas-run gaza health ministry": "Gaza health ministry",
    "gaza health ministry": "Gaza health ministry",
    "syrian observatory": "Syrian Observatory for Human Rights",
    "syrian observatory for human rights": "Syrian Observatory for Human Rights",
}

# Aliases that are also common words: they count only as written here.
CASE_SENSITIVE = ["US", "IS", "WHO", "UN", "EU", "UA", "RF", "RU", "SAF", "ISW", "AFU", "ZSU"]
# Plural nationals counted as people ("30 Palestinians were killed").
DEMONYMS = [
    "armenians", "azerbaijanis", "azeris", "russians", "ukrainians", "israelis", "palestinians",
    "gazans", "iranians", "syrians", "lebanese", "yemenis", "iraqis", "sudanese", "georgians",
    "americans", "afghans", "ethiopians", "tigrayans", "somalis", "libyans", "pakistanis",
    "indians", "nigerians", "germans", "turks", "kurds", "karabakh armenians", "belarusians",
    "egyptians", "britons", "french", "chinese", "saudis",
]
