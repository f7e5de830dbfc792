"""Words that say what kind of violence or harm a claim is about, by language: plain data, read by
`shared/claims/context.py`.

Each language maps a context to its cue phrases: lower case, words separated by single spaces as
the tokenizer splits them; a word ending in "*" matches every word it begins ("коронавірус*"); a stem short enough
to match a common misspelling ("авіакат*": "авіакатастофа") is kept short on purpose.
A phrase under `None` is a cue for nothing: it hides the shorter cues inside it ("culture war",
"price war"). `STRONG` cues weigh three times a plain one: they name the kind of event outright;
`WEAK` ones half: they go with several kinds ("rescuers", "police").
"""

CUES = {
    "en": {
        "armed_conflict": [
            "war", "wars", "wartime", "warplane", "warplanes", "warship", "warships", "airstrike",
            "airstrikes", "air strike", "air strikes", "air raid", "air raids", "air attack",
            "air attacks", "shelling", "shelled", "shells", "artillery", "missile", "missiles",
            "rocket attack", "rocket attacks", "rockets", "drone", "drones", "troops", "soldier",
            "soldiers", "servicemen", "military", "army", "armed forces", "front line",
            "frontline", "front lines", "offensive", "counter-offensive", "counteroffensive",
            "invasion", "invaded", "invading", "invaders", "occupiers", "occupied", "occupation",
            "battle", "battles", "battlefield", "combat", "ceasefire", "cease-fire", "truce",
            "bombardment", "bombarded", "tank", "tanks", "sniper", "mortar", "mortars",
            "war crimes", "war crime", "atrocities", "genocide", "siege", "besieged",
            "mobilisation", "mobilization", "martial law", "prisoners of war", "pows",
            "fighter jet", "fighter jets", "jet", "convoy", "insurgents", "rebels", "militia",
            "militias", "paramilitary", "para-military", "incursion", "hostilities", "clashes",
            "fighting", "forces", "nuclear plant", "refugee camp", "annexation", "annexed",
            "defence ministry", "defense ministry", "ministry of defence", "ministry of defense",
            "general staff", "idf", "hamas", "hezbollah", "islamic jihad", "houthis",
            "special forces", "special operation", "military operation", "deadliest day",
            "the conflict", "conflict", "gunmen", "militants", "kidnapped", "hostage",
            "hostages", "held captive", "festival attack", "massacre", "onslaught", "bucha",
            "irpin", "gaza", "west bank", "nagorno-karabakh", "karabakh", "donbas", "donbass",
            "donetsk", "luhansk", "kharkiv", "zaporizhzhia", "mariupol", "ganja", "stepanakert",
            "world war", "ww2", "wwii", "ww1", "raf", "raid", "civil war", "raids", "strike",
            "civilian", "civilians", "both sides", "kerch", "dnipro", "sumy", "kramatorsk",
            "bakhmut", "avdiivka", "belgorod", "occupied territories", "frontline town",
        ],
        "terrorism": [
            "terror", "terrorist", "terrorists", "terrorism", "suicide bomber", "suicide bombers",
            "suicide bombing", "suicide attack", "jihadist", "jihadists", "islamist", "islamists",
            "islamic state", "isis", "al-qaeda", "al-qaida", "al qaeda", "extremist", "extremists",
            "radicalised", "radicalized", "bombing", "bombings", "bomb attack", "blast",
            "explosives", "beheaded", "beheading", "decapitated", "9/11", "ira", "the troubles",
            "troubles", "seminary", "landmine attack", "car bomb", "assassinated",
            "charlie hebdo", "caricatures",
        ],
        "unrest": [
            "protest", "protests", "protester", "protesters", "protestors", "protesting",
            "demonstration", "demonstrations", "demonstrators", "unrest", "riots", "rioters",
            "rioting", "crackdown", "tear gas", "police brutality", "endsars", "#endsars",
            "marchers", "uprising", "mob",
        ],
        "crime": [
            "murder", "murders", "murdered", "murderer", "murdering", "killer", "killers",
            "homicide", "stabbed", "stabbing", "stabbings", "manslaughter", "suspect",
            "suspects", "arrested", "charged", "convicted", "jailed", "prison", "prisons",
            "inmates", "custody", "inquest", "robbery", "robbers", "rob", "femicide", "gang",
            "gangs", "cartel", "kidnapping", "police", "shooting", "shootings", "fatally shot", "shot dead",
            "gunshot", "guilty", "trial", "court", "investigation", "killing", "prison riot",
            "domestic", "ex-girlfriend", "girlfriend", "boyfriend", "husband", "wife",
            "coroner", "coronial", "watchdog", "detectives", "cold case", "prime evil",
        ],
        "accident_disaster": [
            "crash", "crashes", "crashed", "collision", "accident", "accidents", "earthquake",
            "earthquakes", "quake", "tremors", "aftershocks", "flood", "floods", "flooding",
            "flash floods", "storm", "storms", "tropical storm", "hurricane", "typhoon",
            "cyclone", "tornado", "wildfire", "wildfires", "blaze", "fire", "fires", "landslide",
            "landslides", "avalanche", "drowned", "drowning", "capsized", "sank", "sinks",
            "migrant boat", "boat", "derailed", "derailment", "collapse", "collapsed",
            "heatwave", "volcano", "eruption", "tsunami", "rescuers", "rescue", "swept away",
            "rainfall", "torrential rain", "heavy rain", "wrong-way crash", "cyclist", "hikers",
            "hiker", "national park", "canyon", "river", "gas explosion", "plane crash",
            "air crash", "mine", "miners", "stampede", "crush", "disaster",
        ],
        "disease": [
            "covid", "covid-19", "coronavirus", "virus", "pandemic", "epidemic", "outbreak",
            "infections", "infected", "cases", "tested positive", "monkeypox", "ebola",
            "cholera", "malaria", "fever", "flu", "influenza", "measles", "sars-cov-2",
            "lockdown", "intensive care", "vaccine", "vaccines", "contracting", "disease",
            "first wave", "second wave", "icu", "sars", "hospitalisations",
        ],
        None: [
            "culture war", "culture wars", "price war", "trade war", "war of words", "fog of war",
            "win the war", "war chest", "war room", "star wars", "war on drugs", "war on",
            "cold war", "fire service",
            "opened fire", "open fire", "opening fire", "fired", "set fire", "under fire",
            "fire on", "fires on", "sars police", "sars unit", "special anti-robbery squad",
            "anti-robbery", "no time to die", "death knell", "war hero", "killer whale",
            "forces of", "market forces", "police spying", "police force", "on strike",
            "hunger strike", "general strike", "strike action", "strike a deal", "strike deal",
            "strike down", "strikes a deal", "struck a deal", "workers strike", "lucky strike",
            "rent strike", "strike over",
        ],
    },
    "ru": {
        "armed_conflict": ["войн*", "обстрел*", "оккупант*", "боев*", "военн*", "армия", "армии",
                           "всу", "оос", "донбасс*", "фронт*", "карабах*", "ракет*", "артиллер*",
                           "беспилотник*", "дрон*", "перемири*", "боевик*", "позици*"],
        "terrorism": ["теракт*", "террорист*", "терроризм*", "взрыв*"],
        "unrest": ["протест*", "митинг*", "демонстрант*", "беспорядк*"],
        "crime": ["убийств*", "убийц*", "преступ*", "полици*", "задерж*", "суд*", "нападени*",
                  "зацепер*"],
        "accident_disaster": ["дтп", "авари*", "катастроф*", "авиакат*", "разбил*", "пожар*", "наводнен*",
                              "землетрясен*", "утонул*", "метро"],
        "disease": ["коронавирус*", "covid*", "ковид*", "пандеми*", "эпидеми*", "вирус*"],
        None: [],
    },
    "uk": {
        "armed_conflict": ["війн*", "обстріл*", "окупант*", "бойов*", "військов*", "армі*",
                           "зсу", "оос", "донбас*", "фронт*", "карабах*", "ракет*", "артилер*",
                           "безпілотник*", "дрон*", "перемир*", "бойовик*", "позиці*", "сапер*"],
        "terrorism": ["теракт*", "терорист*", "тероризм*"],
        "unrest": ["протест*", "мітинг*", "демонстрант*"],
        "crime": ["вбивств*", "убивств*", "вбивц*", "злочин*", "поліці*", "затрим*", "суд*",
                  "напад*", "збиття"],
        "accident_disaster": ["дтп", "авар*", "катастроф*", "авіакат*", "розбив*", "пожеж*",
                              "повін*", "землетрус*", "потонув*"],
        "disease": ["коронавірус*", "covid*", "ковід*", "пандемі*", "епідемі*", "вірус*"],
        None: [],
    },
}

# Cues that name the kind of event outright weigh more than words that merely go with it.
STRONG = {
    "en": [
        "war", "wars", "airstrike", "airstrikes", "air strike", "air strikes", "shelling",
        "shelled", "artillery", "invasion", "ceasefire", "cease-fire", "truce", "war crimes",
        "prisoners of war", "hamas", "hezbollah", "idf", "bombardment", "troops", "military",
        "terror", "terrorist", "terrorists", "terrorism", "suicide bomber", "suicide bombing",
        "jihadist", "protest", "protests", "protesters", "demonstrators", "riots", "unrest",
        "murder", "murdered", "homicide", "stabbed", "manslaughter", "femicide", "crash",
        "collision", "earthquake", "earthquakes", "floods", "flooding", "storm", "wildfire",
        "capsized", "drowned", "covid", "covid-19", "coronavirus", "pandemic", "monkeypox",
        "outbreak", "epidemic", "ebola", "cholera", "prison riot", "the troubles", "9/11",
        "tremors", "quake", "hurricane", "typhoon", "landmine attack",
        "beheaded", "beheading", "police brutality", "#endsars", "endsars", "gunmen",
        "kidnapped", "hostage", "hostages", "massacre", "onslaught", "seminary", "disease",
        "missile", "missiles", "drone strike", "rocket attack", "rocket attacks", "air raid",
        "warplanes", "front line", "frontline",
    ],
    "ru": ["войн*", "обстрел*", "коронавирус*", "covid*", "теракт*", "дтп", "катастроф*", "авиакат*",
           "убийств*", "протест*"],
    "uk": ["війн*", "обстріл*", "коронавірус*", "covid*", "теракт*", "дтп", "катастроф*",
           "авіакат*", "вбивств*", "протест*"],
}

WEAK = {
    "en": [
        "rescuers", "rescue", "police", "court", "trial", "investigation",
        "fire", "fires", "boat", "river", "cases", "custody", "forces", "conflict", "the conflict",
        "killing", "suspect", "suspects", "charged", "husband", "wife", "girlfriend", "boyfriend",
        "domestic", "disaster", "collapse", "collapsed", "mine", "attack", "fighting", "clashes",
        "jet", "convoy", "civilian", "civilians", "both sides",
    ],
}

# Places that tie a claim to a side of a conflict the monitor follows ("shelling in Ganja").
CONFLICT_PLACES = {
    "Palestine": ["gaza", "gaza strip", "west bank", "jabalia", "khan younis", "rafah"],
    "Israel": ["tel aviv", "sderot", "ashkelon", "kibbutz", "be'eri", "kfar aza", "supernova"],
    "Ukraine": ["kyiv", "kiev", "bucha", "irpin", "kharkiv", "donbas", "donbass", "donetsk",
                "luhansk", "mariupol", "zaporizhzhia", "kherson", "odesa", "odessa", "mykolaiv",
                "crimea", "izium", "hostomel", "chernihiv", "донбас", "донбасі", "донбасс",
                "донбассе"],
    "Nagorno-Karabakh": ["stepanakert", "shusha", "shushi", "hadrut", "martuni", "lachin"],
    "Azerbaijan": ["ganja", "tartar", "terter", "barda", "fizuli", "jabrayil", "aghdam",
                   "mingachevir"],
}
