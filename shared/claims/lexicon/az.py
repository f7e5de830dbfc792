"""Azerbaijani lexicon: plain data, compiled by `lexicon.inflected.load_inflected("az")`; each word
is compared by its root (azstemmer's dictionary), so "tank" covers "tankı", "tankları", "tanklarını"."""

NUMBERS = {
    "sıfır": 0, "bir": 1, "iki": 2, "üç": 3, "dörd": 4, "dördü": 4, "beş": 5, "altı": 6, "yeddi": 7,
    "səkkiz": 8, "doqquz": 9, "on": 10, "iyirmi": 20, "otuz": 30, "qırx": 40, "əlli": 50, "altmış": 60,
    "yetmiş": 70, "səksən": 80, "doxsan": 90, "yüz": 100,
}
SCALES = {"min": 1_000, "minə": 1_000, "mindən": 1_000, "milyon": 1_000_000, "mln": 1_000_000}
ROUND_NUMBERS = ["min"]
VAGUE = {
    "bir neçə": (3, 9), "bir neçəsi": (3, 9), "xeyli sayda": (2, None), "çoxlu sayda": (2, None),
    "yüzlərlə": (200, 999), "minlərlə": (2_000, 9_999), "on minlərlə": (20_000, 99_999), "onlarla": (20, 99),
    "külli miqdarda": (2, None), "çoxsaylı": (2, None),
}
BOUNDS = {"təxminən": "approx", "təqribən": "approx", "azı": "min", "ən azı": "min", "bütün": "exact",
          "yaxın": "approx", "ümumilikdə": "exact"}
BOUNDS_AFTER = {"çox": "min", "artıq": "min", "qədər": "max", "yaxın": "approx", "çoxu": "min", "çoxunu": "min"}
# Case endings of a number or its noun that bound it ("130-dək", "30 nəfərədək").
BOUND_SUFFIXES = {"dək": "max", "dek": "max", "dak": "max", "ədək": "max", "adək": "max"}
ORDINAL_SUFFIXES = ["ci", "cı", "cu", "cü", "ncı", "nci", "ncu", "ncü", "inci", "ıncı", "uncu", "üncü", "da", "də",
                    "də", "ci il", "yaşlı", "illik", "günlük", "saat", "lik", "lık", "luq", "lük", "ildə"]
COUNTERS = ["ədəd", "vahid"]

PEOPLE = {
    "soldier": ["hərbçi", "hərbçilər", "hərbçisi", "hərbçilərin", "hərbi qulluqçu", "hərbi qulluqçular",
                "hərbi qulluqçumuz", "əsgər", "əsgərlər", "əsgərimiz", "zabit", "zabitlər", "canlı qüvvə",
                "canlı qüvvəsi", "şəxsi heyət", "şəxsi heyəti", "hərbi vəzifəli", "hərbi vəzifəlilər",
                "döyüşçü", "döyüşçülər", "giziri", "çavuş", "pilot", "hərbi", "şəhid"],
    "fighter": ["silahlı dəstə", "qanunsuz erməni hərbi dəstəsinin üzvü", "üzvü", "silahlılar", "separatçı",
                "separatçılar", "muzdlu", "muzdlular", "terrorçu", "terrorçular"],
    "civilian": ["mülki şəxs", "mülki şəxslər", "mülki şəxsi", "dinc sakin", "dinc sakinlər", "sakin",
                 "sakinlər", "mülki", "mülki əhali", "dinc əhali", "vətəndaş"],
    "child": ["uşaq", "uşaqlar", "azyaşlı", "azyaşlılar", "körpə"],
    "woman": ["qadın", "qadınlar"],
    "volunteer": ["könüllü", "könüllülər"],
    "police officer": ["polis", "polis əməkdaşı"],
    "journalist": ["jurnalist", "jurnalistlər"],
    "prisoner": ["əsir", "əsirlər"],
}
EQUIPMENT = {
    "tank": ["tank", "tanklar", "tankı", "tankını", "tanklarını", "tank və digər zirehli texnika",
             "tank və digər zirehli texnikası"],
    "armored vehicle": ["zirehli texnika", "zirehli texnikası", "zirehli maşın", "PDM", "PDM-i", "BMP",
                        "BTR", "zirehli transportyor", "piyadaların döyüş maşını", "döyüş maşını"],
    "vehicle": ["avtomobil", "avtomobillər", "avtomobil texnikası", "avtomaşın", "avtomaşını", "maşın",
                "yük maşını", "hərbi yük avtomobili", "avtobus", "nəqliyyat vasitəsi", "hərbi texnika"],
    "helicopter": ["helikopter", "helikopteri", "vertolyot", "vertolyotu"],
    "aircraft": ["təyyarə", "təyyarəsi", "təyyarələr", "qırıcı", "hücum təyyarəsi", "Su-25"],
    "drone": ["PUA", "pilotsuz uçuş aparatı", "pilotsuz uçuş aparatları", "dron", "dronlar", "İHA",
              "pilotsuz təyyarə"],
    "air defence system": ["zenit qurğusu", "zenit qurğusunu", "zenit-raket kompleksi", "zenit raket kompleksi",
                           "hava hücumundan müdafiə", "HHM", "HHM sistemi", "S-300", "Osa", "zenit"],
    "rocket launcher": ["reaktiv yaylım atəş sistemi", "yaylım atəş sistemi", "reaktiv yaylım atəşi sistemi",
                        "Qrad", "Smerç", "TOS", "yaylım atəşli reaktiv sistem", "yaylım atəşli raket sistemi",
                        "yaylım atəşli raket sistemləri", "yaylım atəşli reaktiv sistemləri"],
    "artillery": ["top", "toplar", "topu", "artilleriya", "artilleriya qurğusu", "artilleriya qurğuları", "haubitsa",
                  "minaatan", "minaatanlar", "özüyeriyən artilleriya qurğusu", "qumbaraatan", "qumbaraatanı",
                  "iriçaplı pulemyot", "pulemyot"],
    "ship": ["gəmi", "kater"],
    "missile": ["raket", "raketlər", "ballistik raket", "qanadlı raket"],
    "radar": ["radar", "radiolokasiya stansiyası", "RLS"],
    "electronic warfare system": ["radioelektron mübarizə", "REM"],
    "ammunition depot": ["sursat anbarı", "silah-sursat anbarı", "anbar"],
    "command post": ["komanda məntəqəsi", "komanda-müşahidə məntəqəsi", "komanda-idarəetmə məntəqəsi",
                     "komanda-idarəetmə və komanda-müşahidə məntəqəsi",
                     "komanda-idarəetmə və komanda-müşahidə məntəqələri"],
    "anti-tank weapon": ["tankəleyhinə vasitə", "tankəleyhinə vasitələr"],
}
PERSON_WORDS = ["nəfər", "nəfəri", "nəfərin", "şəxs", "insan", "insanlar", "adam", "cəsəd", "cəsədi", "nəfərdən"]
NOMINALS = {
    "killed": ["ölü", "ölülər", "şəhid", "şəhidlər", "şəhidimiz", "meyit", "cəsəd"],
    "wounded": ["yaralı", "yaralılar"],
    "missing": ["itkin düşmüş", "itkin düşən", "itkin"],
    "captured": ["əsir düşən", "əsir götürülən"],
}
# "There are" beside a loss noun with no number ("Կան տուժածներ", "itkilər var"): a claim without a count.
EXISTS = ["var", "mövcuddur"]
TRIGGERS = {
    "destroyed": ["məhv edilib", "məhv edildi", "məhv etmişlər", "məhv edib", "məhv edilmişdir", "məhv", "məhv olunub",
                  "sıradan çıxarılıb", "sıradan çıxarıldı", "sıradan çıxarılmışdır", "darmadağın edilib",
                  "darmadağın edib", "vurulub", "vurulmuşdur", "vurdu", "vurub", "zərərsizləşdirilib",
                  "zərərsizləşdirməsi", "partladılıb"],
    "downed": ["vurulub", "endirilib", "endirilmişdir", "yerə endirilib", "vuruldu", "vurulması", "düşürülüb"],
    "killed": ["həlak olub", "həlak olublar", "həlak oldu", "həlak olmuşdur", "şəhid olub", "şəhid olublar",
               "şəhid oldu", "şəhid olmuşdur", "şəhid verib", "öldürülüb", "öldürüldü", "qətlə yetirilib",
               "qətlə yetirildi", "qətlə yetirdi", "ölüb", "həyatını itirib", "həlak", "şəhid", "öldürdü",
               "məhv edilib"],
    "wounded": ["yaralanıb", "yaralanıblar", "yaralandı", "yaralanmışdır", "xəsarət alıb", "xəsarət aldığı",
                "xəsarət alıblar", "yaraladılar", "yaralayıb", "yaralanması", "yüngül yaralanıb", "ağır yaralanıb"],
    "captured": ["ələ keçirilib", "ələ keçirmişlər", "ələ keçirildi", "qənimət kimi götürülüb", "qənimət",
                 "əsir götürülüb", "əsir düşüb"],
    "missing": ["itkin düşüb", "itkin düşmüşdür"],
    "casualties": ["itki", "itkiləri", "itkisi", "itkilər", "itki verib", "itkilərə məruz qalıb", "itirib",
                   "itirdiyi", "itkilərimiz", "tələfat", "itkilərini"],
}
LOSER_TRIGGERS = ["itki", "itkiləri", "itkisi", "itkilər", "itki verib", "itkilərə məruz qalıb", "itirib",
                  "itirdiyi", "itkilərini"]
SUFFERED_TRIGGERS = ["həlak olub", "həlak olublar", "həlak oldu", "həlak olmuşdur", "şəhid olub", "şəhid olublar",
                     "şəhid oldu", "şəhid olmuşdur", "şəhid verib", "ölüb", "həyatını itirib", "yaralanıb",
                     "yaralanıblar", "yaralandı", "yaralanmışdır", "xəsarət alıb", "xəsarət aldığı",
                     "xəsarət alıblar", "itkin düşüb", "qətlə yetirilib", "qətlə yetirildi", "qətlə yetirdi"]
TOLLS = {"casualties": ["sayı", "itkilərin sayı"], "killed": ["həlak olanların sayı", "şəhidlərin sayı"]}
TOLL_LINKS = ["çatıb", "çatmışdır", "yüksəlib", "artıb", "təşkil edir", "təşkil edib", "ötüb"]
# Toll verbs that make the figures after them floors ("потери превысили 383 тыс.").
TOLL_LINKS_MIN = ["ötüb", "keçib", "aşıb"]
NOT_COUNTS = ["km", "kilometr", "metr", "m", "faiz", "%", "il", "ildə", "ilin", "ay", "həftə", "gün", "saat",
              "dəqiqə", "dəfə", "manat", "dollar", "avro", "kənd", "kəndi", "şəhər", "rayon", "mövqe",
              "mərmi", "mərmisi", "top mərmisi", "top mərmiləri", "kaset", "yaşlı", "yaş", "ton", "tona",
              "hektar", "ev", "evi", "mənzil", "yaşayış", "şəhid ailəsi", "şəhid ailələri", "hücum", "dəfə pozub",
              "istiqamət", "kilometrlik", "raket zərbəsi"]

INCREMENT = ["dünən", "ötən gecə", "gün ərzində", "gecə ərzində", "bu gün", "daha", "sutka ərzində",
             "son sutka", "dünən gün ərzində"]
TOTAL = ["ümumilikdə", "ümumi", "cəmi", "sayı", "indiyədək", "bu günədək", "ümumilikdə düşmənin", "dan bu günə",
         "dən bu günə", "bu gün səhər saatlarınadək", "Vətən müharibəsi dövründə"]

SIDES = {
    "Armenia": ["Ermənistan", "Ermənistanın", "erməni", "ermənilər", "ermənilərin", "Ermənistan tərəfi",
                "Ermənistan silahlı qüvvələri", "Ermənistan silahlı qüvvələrinin", "erməni silahlı qüvvələri",
                "İrəvan", "rəsmi İrəvan", "işğalçı", "işğalçı ordu", "erməni hərbçiləri"],
    "Azerbaijan": ["Azərbaycan", "Azərbaycanın", "azərbaycanlı", "Azərbaycan Ordusu", "Azərbaycan Ordusunun",
                   "Ordumuz", "Ordumuzun", "Bakı", "Azərbaycan tərəfi", "Silahlı Qüvvələr", "Silahlı Qüvvələrin",
                   "Milli Ordu", "Milli Ordunun"],
    "Nagorno-Karabakh": ["qanunsuz erməni silahlı dəstələri", "qanunsuz erməni hərbi dəstəsi",
                         "qanunsuz erməni silahlı birləşmələri", "separatçı rejim", "qondarma rejim",
                         "Dağlıq Qarabağ", "qanunsuz erməni hərbi dəstəsinin"],
    "Russia": ["Rusiya", "Rusiyanın", "rus"],
    "Ukraine": ["Ukrayna", "Ukraynanın"],
}
ENEMY = ["düşmən", "düşmənin", "düşmənə", "düşməni", "düşmən ordusu", "qarşı tərəf", "qarşı tərəfin",
         "işğalçılar", "erməni təcavüzkarları", "təcavüzkar"]
WRITERS_ENEMY = "Armenia"
# The writer's community, the side of losses told with no side and no claimant to resolve "our".
WRITERS_SIDE = "Azerbaijan"
OWN = ["bizim", "öz"]
# Our (first person plural possessive): "əsgərimiz", "hərbi qulluqçumuz", "itkilərimiz".
OWN_SUFFIXES = ["mız", "miz", "muz", "müz", "ımız", "imiz", "umuz", "ümüz"]
SIDE_MARKERS = ["tərəfindən", "tərəfi", "tərəfin", "arasında", "sıralarında"]
# One more of a kind ("сбит очередной беспилотник"): the noun after it is one.
ANOTHER = ["növbəti"]
# Nouns of an attack: the side named beside one ("Ermənistanın ... raket zərbələri nəticəsində") is the
# attacker, and the people it killed or wounded are of the other side.
# Words that close a full name ("əsgər Şahvələdov Sultan Niyaz oğlu"): the person noun before is one person.
PATRONYMICS = ["oğlu", "qızı"]
ATTACKS = ["zərbə", "zərbələri", "hücum", "hücumu", "atəş", "atəşi", "təxribat", "təxribatı", "bombardman"]
# Words that make people counted beside them civilians ("Քաղաքացիական բնակչության շրջանում ... 13 զոհ").
CIVILIAN = ["mülki", "dinc", "dinc sakin", "mülki əhali"]
MILITARY = ["hərbi", "ordu", "döyüş", "cəbhə", "mövqe", "bölmə", "hərbçi", "əsgər", "silahlı", "düşmən",
            "əməliyyat", "briqada", "təxribat", "canlı qüvvə"]

REPORTING = ["bildirib", "bildirdi", "bildirilib", "bildirmişdir", "deyib", "dedi", "deyilir", "qeyd edib",
             "qeyd olunub", "açıqlayıb", "açıqlanıb", "məlumat verib", "məlumat yayıb", "məlumat verilib",
             "yazıb", "yazır", "xəbər verir", "xəbər verib", "vurğulayıb", "əlavə edib", "təsdiqləyib",
             "elan edib", "paylaşıb", "məlumat", "məlumatına", "açıqlamasında", "bəyanat", "bəyanatında"]
ACCORDING_TO = ["məlumatına görə", "sözlərinə görə", "məlumata görə", "istinadən", "istinadla",
                "verilən məlumata görə", "yaydığı məlumata görə", "ilkin məlumata görə"]
THIS_REPORTED = ["bu barədə", "bu haqda", "bunu", "həmin məlumatı"]
PRONOUNS = ["o", "onlar", "onun"]
# Kinds of registry entries that, named without a reporting word, are not taken for the speaker
# (a country or its forces are then mostly the agent or the victim).
UNNAMED_SPEAKER_KINDS = ["state", "armed forces"]
INSTITUTIONS = ["nazirlik", "nazirliyin", "Nazirliyin", "MN", "Müdafiə Nazirliyi", "nazirlikdən"]

# Azerbaijani negation is a suffix the root drops ("olmayıb" -> "ol"): these match as written.
NEGATIONS = ["heç bir"]
NEGATION_WORDS = ["yox", "deyil", "olmayıb", "olmamışdır", "vurulmayıb", "dəyməyib", "yoxdur", "qeydə alınmayıb"]
ABSENCE: list[str] = ["itki yoxdur", "tələfat olmayıb"]
ABSENCE_WORDS = ["yoxdur", "olmayıb", "yox", "alınmayıb", "sıradadır", "yerindədir", "vurulmayıb", "dəyməyib"]
DENIALS = ["təkzib", "təkzib edib", "təkzib edirik", "yalandır", "yalan", "yanlış məlumatdır", "həqiqətə uyğun deyil",
           "həqiqəti əks etdirmir", "reallığı əks etdirmir", "əsası yoxdur", "dezinformasiya", "dezinformasiyadır",
           "uydurma", "rədd edirik", "yanlışdır", "əsassızdır", "saxtadır"]
ALLEGED = ["guya", "iddia edilən", "iddia"]
HYPOTHETICALS = ["əgər", "ola bilər", "ehtimal", "gözlənilir"]

CEASEFIRE_NOUNS = ["atəşkəs", "atəşkəsi", "atəşkəs rejimi", "atəşkəs rejimini", "humanitar atəşkəs",
                   "humanitar atəşkəsə", "atəşkəsin", "atəşkəsə", "10 noyabr bəyanatı", "üçtərəfli bəyanat",
                   "müharibəni dayandırmaq", "hərbi əməliyyatları dayandırmaq"]
CEASEFIRE_TRIGGERS = {
    "violation": ["pozub", "pozdu", "pozulub", "pozulması", "pozaraq", "kobud şəkildə pozub", "kobud surətdə pozub",
                  "əməl etməyən", "əməl etmir", "riayət etməyib", "riayət edilməməsi", "pozuntu", "pozuntusu",
                  "pozmaqla", "pozması"],
    "collapse": ["iki dəqiqə davam etdi", "başa çatdı"],
    "rejection": ["qeyd-şərtsiz ola bilməz", "rədd edib", "qəbul etmir", "imtina"],
    "agreement": ["razılaşma", "razılıq əldə olunub", "razılaşdırılıb", "razılaşıb", "imzalanıb", "imzalayıb",
                  "razılaşmasına", "razılaşmaya"],
    "in_effect": ["qüvvəyə minib", "qüvvəyə mindi", "elan olunub", "elan edilib", "riayət edir", "riayət edirik",
                  "əməl edir", "davam edir", "başlayıb"],
    "proposal": ["təklif", "təklif edib", "hazırıq", "hazırdır", "hazır", "şərtlə", "şərtilə"],
    "call": ["çağırıb", "çağırış", "çağırır", "tələb edib", "tələb edir"],
}
# A call governs what it calls for ("призвал объявить режим тишины" is a call).
CEASEFIRE_ORDER = ["violation", "collapse", "rejection", "agreement", "call", "proposal", "in_effect"]

MONTHS = {
    "yanvar": 1, "fevral": 2, "mart": 3, "aprel": 4, "may": 5, "iyun": 6, "iyul": 7, "avqust": 8,
    "sentyabr": 9, "oktyabr": 10, "noyabr": 11, "dekabr": 12, "yanvarın": 1, "fevralın": 2, "martın": 3,
    "aprelin": 4, "mayın": 5, "iyunun": 6, "iyulun": 7, "avqustun": 8, "sentyabrın": 9, "oktyabrın": 10,
    "noyabrın": 11, "dekabrın": 12,
}
YEAR_WORDS = ["il", "ildə", "ilin", "ilində", "ci", "cı", "cu", "cü"]
BIRTH_WORDS = ["təvəllüdlü", "doğumlu", "anadan olub"]
PAST = ["ötən il", "keçən il", "il əvvəl", "illər əvvəl", "ildönümü", "ildönümünə", "bir il ötür", "aprel döyüşləri",
        "44 günlük", "44 gün sürən", "birinci Qarabağ müharibəsi", "İkinci Qarabağ müharibəsi", "onilliklər boyu",
        "xronikası", "il ərzində"]
SINCE = ["dən", "dan", "bəri", "etibarən"]

TALLY_PERSONNEL = ["canlı qüvvə", "şəxsi heyət"]
TALLY_SIDE = None

# Openings that go on from the sentence before ("As a result"): its speaker speaks on.
FOLLOW_ONS = ["Nəticədə", "Bunun nəticəsində", "Həmçinin"]
# Words that open a part of the count before it ("including one child"): the part shares its loss.
INCLUDING = ["o cümlədən", "onlardan", "aralarında", "daxil olmaqla"]
JOINERS = [",", "və", "həmçinin", "eləcə də", "o cümlədən", "onlardan", "isə", "daha", "—", "–", "-"]
BREAKS = [";", ".", "lakin", "amma", "ancaq", "?", "!"]
