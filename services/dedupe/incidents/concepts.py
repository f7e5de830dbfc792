"""What happened, in the words of every language sitrep reads (data): word beginnings that stand
for one kind of event or thing, so that "ракетный удар", "hrthirakotsutyun", "füze saldırısı",
"missile strike" and "صاروخي" meet as ``missile``. A word counts when it starts with a stem;
stems are chosen long enough not to start common words of the same language.
"""

from __future__ import annotations

CONCEPTS: dict[str, str] = {
    "missile": "missile missiles rocket rakete raket ракет ракеты ракета ракети ракетн ракетам "
               "հրթիռ füze fuze صاروخ صواريخ missil míssil misil racheta rachete πύραυλ ρουκέτ "
               "iskander искандер іскандер kalibr калибр калібр smerch смерч tochka точка-у",
    "drone": "drone drones дрон беспилот безпілот անօդաչու pilotsuz insansız dron طائرة_مسيرة مسير "
             "shahed шахед بدون_طيار",
    "shelling": "shell shelling обстрел обстріл артиллер артилер artiller հրետան ռմբակոծ "
                "bombard бомбард atəş bombalama قصف granat гранат",
    "strike": "strike strikes удар удару ударом hit attack атак напад հարված հարձակ hücum saldır "
              "zərbə هجوم ضربة angriff attaque ataque attacco atac επίθεσ напад",
    "explosion": "explos explod взрыв вибух պայթյուն partlay patlama انفجار explosion esplosi "
                 "explozi έκρηξ експлоз",
    "killed": "killed kill killing dead death died toll погиб убит убил загинул загибл вбит смерт "
              "զոհ սպան զոհվ həlak ölü öldü hayatını قتل قتيل مقتل وفاة getötet tote todes tués "
              "morts muertos muerto morti uciși morți νεκρ σκοτώθ убити загинали mrtv",
    "wounded": "wounded injur hurt ранен ранени поранен травм վիրավոր yaralan yaralı xəsarət "
               "جرح جريح إصابة اصابة مصاب verletz blessé herido feriti ferit τραυματ ранет ranjen",
    "civilians": "civilian мирн цивіл խաղաղ mülki sivil مدني zivil civil civili цивил",
    "children": "child children kid детей дети ребен діти дитин երեխա uşaq çocuk طفل أطفال kinder "
                "enfant niño bambin copii παιδι деца",
    "ceasefire": "ceasefire truce перемири прекращени припинен зупинк հրադադար atəşkəs ateşkes "
                 "هدنة وقف_إطلاق waffenruhe waffenstillstand cessez trêve alto_el_fuego tregua "
                 "încetare εκεχειρ примирје",
    "helicopter": "helicopter вертол гелікоп гелікопт ուղղաթիռ helikopter hélicoptère helicóptero "
                  "elicotter مروحية ελικόπτερ хеликоп mi-24 ми-24 мі-24",
    "shot_down": "shot down downed сбит збит зьбіт խոցվ vurul düşürül أسقط abgeschossen abattu "
                 "derribado abbattuto doborât",
    "bridge": "bridge мост міст կամուրջ körpü köprü جسر brücke pont puente ponte podul γέφυρ",
    "station": "station вокзал станц կայարան vağzal vokzal stansiya istasyon tren_istasyon محطة "
               "bahnhof gare estación stazione gara σταθμ гара",
    "hospital": "hospital больниц лікарн госпитал шпитал հիվանդանոց xəstəxana hastane مستشفى "
                "krankenhaus klinik hôpital ospedal spital νοσοκομ болниц bolnic",
    "theatre": "theatre theater театр թատրոն teatr tiyatro مسرح théâtre teatro θέατρ позориш",
    "restaurant": "restaurant ресторан ռեստորան restoran مطعم ristorant pizza пицц піц cafe кафе "
                  "սրճարան kafe مقهى café caffè",
    "church": "cathedral church собор церк храм մայր_տաճար տաճար եկեղեց kilsə kilise kafedral "
              "كاتدرائية كنيسة kathedrale kirche cathédrale église catedral cattedrale",
    "residential": "apartment residential жил житл многоэтаж багатоповерх բնակել yaşayış konut "
                   "سكني wohnhaus wohngebäude immeuble edificio palazzo bloc πολυκατοικ",
    "shopping": "shopping mall торгов ТЦ առևտր ticarət alışveriş مركز_تسوق einkaufszentrum "
                "centre_commercial centro_comercial centro_commerciale tržni",
    "funeral": "funeral buried burial похорон поминк погреб поховал թաղում թաղվ dəfn cenaze جنازة تشييع "
               "beerdigung beigesetzt trauerfeier funérailles obsèques funerale înmormânt κηδεία",
    "commemoration": "commemorat memorial mourning silence траур молчани мовчанн память памяти памят "
                     "вшанув почтил սուգ հարգանքի yas anma matəm حداد gedenk schweigeminute hommage "
                     "deuil homenaje lutto omagiu πένθος",
    "concert": "concert концерт համերգ konsert konzert concierto concerto orchestr оркестр",
    "trial": "trial courtroom sentenced судебн судов приговор вирок դատարան məhkəmə mahkeme محكمة gericht procès tribunal",
    "train": "train поезд поїзд эшелон ешелон գնացք qatar tren قطار zug treno tren fuel_tank цистерн",
    "truck": "truck грузовик вантажівк бензовоз բեռնատար yük_maşın kamyon شاحنة lkw camion",
    "statement": "statement заявлени заява հայտարարություն bəyanat açıklama بيان erklärung déclaration",
    "signed": "signed подписал підписав ստորագր imzala وقع unterzeichn signé firmó firmato",
    "journalists": "journalist журналист журналіст լրագր jurnalist gazeteci صحفي reporter",
    "power": "power_plant энерго енерго էլեկտրա enerji طاقة kraftwerk centrale",
    "school": "school школ դպրոց məktəb okul مدرسة schule école escuela scuola",
}
FOLLOW_UPS = frozenset({"funeral", "commemoration", "concert", "trial"})
"""Events of their own that follow an incident: a headline about one is not about the incident."""

"""Concept → space-separated stems (case-folded; "_" joins a two-word stem, matched as one word
when written without the space, else ignored)."""

STEMS: dict[str, str] = {}
for _concept, _stems in CONCEPTS.items():
    for _stem in _stems.split():
        if "_" not in _stem:
            STEMS.setdefault(_stem.casefold(), _concept)
LONGEST_STEM = max(len(s) for s in STEMS)
SHORTEST_STEM = min(len(s) for s in STEMS)


SHORT_STEM = 5
"""A stem shorter than this matches only with an ending of at most two letters ("hits", not "hitler")."""


def concept_of(word: str) -> str | None:
    """The concept a (case-folded) word stands for, by its longest matching beginning."""
    for length in range(min(len(word), LONGEST_STEM), SHORTEST_STEM - 1, -1):
        concept = STEMS.get(word[:length])
        if concept is not None and (length >= SHORT_STEM or len(word) - length <= 2):
            return concept
    return None
