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


def test_a_model_in_quotes_and_its_noun_stay_one_item_of_the_list() -> None:
    # az-metbuat-2020-10-09-daily
    found = claims("Dünən gün ərzində və ötən gecə ümumilikdə düşmənin 13 ədəd T-72 tankı, 2 ədəd PDM-i, 4 ədəd "
                   "BM-21 “Qrad” yaylım atəşli reaktiv sistemi, 2 ədəd 2S3 “Akasiya” özüyeriyən artilleriya qurğusu, "
                   "3 ədəd D-30 haubitsa topu, 2 ədəd radar sistemi və xeyli sayda avtomobil texnikası dəqiq atəşlə "
                   "məhv edilib və sıradan çıxarılıb.", "az", "2020-10-09")
    got = [(c.category, c.subject, c.count.min, c.side) for c in found]
    assert got[:5] == [("destroyed", "tank", 13, "Armenia"), ("destroyed", "armored vehicle", 2, "Armenia"),
                       ("destroyed", "rocket launcher", 4, "Armenia"), ("destroyed", "artillery", 2, "Armenia"),
                       ("destroyed", "artillery", 3, "Armenia")]


def test_the_ministrys_own_words_for_artillery_and_command_posts() -> None:
    # az-metbuat-2020-10-mahmudov
    found = claims("Bu günə qədər 250-dək tank və digər zirehli texnika, 270-dək artilleriya, yaylım atəşli raket "
                   "sistemləri, minaatan, 60-dək hava hücumundan müdafiə vasitələri, 11 komanda-idarəetmə və "
                   "komanda-müşahidə məntəqəsi, 8 silah-sursat anbarı, 150-dək avtomobil texnikası məhv etdik.", "az")
    got = {(c.subject, c.count.min, c.count.max) for c in found}
    assert {("tank", None, 250), ("artillery", None, 270), ("command post", 11, 11)} <= got


def test_shells_fired_are_not_artillery_lost() -> None:
    # az-yenixeber-2020-10-terter-hajiyev
    found = claims("Şəhərə və ətraf kəndlərə 100-dən çox top mərmisi atılıb, 6 dinc sakin yaralanıb.", "az")
    assert [(c.category, c.subject, c.count.min) for c in found] == [("wounded", "civilian", 6)]


def test_armed_forces_named_without_a_reporting_word_are_the_attacker_not_the_speaker() -> None:
    # az-mia-2020-10-15-terter-recap
    found = claims("Xatırladaq ki, Ermənistan silahlı qüvvələrinin Tərtərdə qəbiristanlığı atəşə tutması "
                   "nəticəsində 3 nəfər həlak olub, 5 nəfər yaralanıb.", "az", "2020-10-15")
    assert [(c.category, c.count.min, c.claimant, c.side) for c in found] == [
        ("killed", 3, None, "Azerbaijan"), ("wounded", 5, None, "Azerbaijan")]


def test_the_murdered_are_the_speakers_own() -> None:
    # az-yenixeber-2020-10-terter-hajiyev
    [claim] = claims("Bir mülki şəxs qətlə yetirilib.", "az")
    assert (claim.category, claim.subject, claim.side) == ("killed", "civilian", "Azerbaijan")


def test_a_ceasefire_that_was_violated_is_a_violation_not_its_collapse() -> None:
    # az-metbuat-2020-10-aliyev-interfax
    [claim] = claims("Çünki atəşkəs üç dəfə pozulub və hər üçü erməni tərəfin təqsiri üzündən baş verib.", "az")
    assert (claim.kind, claim.category) == ("ceasefire", "violation")


def test_damage_to_civilian_vehicles_and_an_accident_are_not_combat_losses() -> None:
    # az-metbuat-2020-10-28-barda-14, az-metbuat-2020-agdam-bus
    found = claims("Bərdə şəhərinə zərbələrin endirilməsi nəticəsində 14 nəfər həlak olub, şəhərdə yerləşən mülki "
                   "infrastruktur obyektlərinə və nəqliyyat vasitələrinə külli miqdarda ziyan dəyib.", "az")
    assert [(c.category, c.count.min) for c in found] == [("killed", 14)]
    assert claims("Alayın gücləndirilməsi məqsədilə buraya gətirilən və içərisində könüllülər olan avtobus qəzaya "
                  "uğrayıb.", "az") == []


def test_people_counted_by_a_bare_word_and_then_named_are_what_is_named() -> None:
    # az-aznews-2020-12-28-khojavend-own
    [claim] = claims("Müdafiə Nazirliyindən AzNews.az-a verilən məlumata görə, nəticədə bir nəfər hərbi qulluqçumuz, "
                     "əsgər Qənbərov Elmir Rayil oğlu şəhid olub.", "az", "2020-12-28")
    assert (claim.category, claim.subject, claim.count.min, claim.side) == ("killed", "soldier", 1, "Azerbaijan")


def test_a_bare_count_after_civilians_counted_in_the_sentence_is_of_civilians() -> None:
    # az-sputnik-2020-10-11-mfa-ganja
    found = claims("Bu hücum nəticəsində 7 mülki şəxs həlak olub, aralarında azyaşlı uşaqlar olmaqla, 34 nəfər "
                   "yaralanıb.", "az", "2020-10-11")
    assert [(c.category, c.subject, c.count.min) for c in found] == [("killed", "civilian", 7), ("wounded", "civilian", 34)]


def test_one_figure_of_killed_and_wounded_is_one_casualty_count() -> None:
    # az-metbuat-2020-09-30-cumulative
    found = claims("Müdafiə Nazirliyindən Metbuat.az-a verilən məlumata görə, sentyabrın 27-dən bu gün səhər "
                   "saatlarınadək düşmənin 2300 nəfərədək canlı qüvvəsi məhv edilib və yaralanıb, 55 ədəd avtomobil "
                   "texnikası məhv edilib və sıradan çıxarılıb.", "az", "2020-09-30")
    assert (found[0].category, found[0].subject, found[0].count.max, found[0].side) == (
        "casualties", "soldier", 2300, "Armenia")


def test_a_vague_many_killed_and_wounded_is_no_one_figure_of_both() -> None:
    # az-metbuat-2020-10-11-mod-many-civilians (its "wounded" is still missed)
    found = claims("Nəticədə xeyli sayda dinc sakin həlak olub və yaralanıb.", "az")
    assert [(c.category, c.subject) for c in found][:1] == [("killed", "civilian")]


def test_martyrs_families_and_the_finished_war_are_no_new_losses() -> None:
    # az-sabahinfo-2024-09-housing, az-meydan-2022-09-16-44-days
    assert claims("2021-2025-ci illərdə ev şəraitinin yaxşılaşdırılmasına ehtiyacı olan 14 mindən çox şəhid ailəsi "
                  "mənzil, fərdi evlə təmin ediləcək.", "az", "2024-09-01") == []
    [claim] = claims("Ümumilikdə 44 gün sürən və İkinci Qarabağ müharibəsi adlandırılan münaqişədə hər iki tərəfdən "
                     "6 mindən artıq hərbçi həlak olub.", "az", "2022-09-16")
    assert claim.historical


def test_a_ceasefire_violation_in_what_is_called_disinformation_is_no_claim() -> None:
    # hy-armradio-sept17-disinformation
    assert claims("«Միևնույն ժամանակ Ադրբեջանի ՊՆ տարածած հաղորդագրությունն այն մասին, թե իբր ՊԲ ստորաբաժանումները "
                  "սեպտեմբերի 17֊ին` ժամը 17։45-ի սահմաններում կրակ են բացել Մարտակերտի շրջանի օկուպացված "
                  "տարածքներում տեղակայված ադրբեջանական դիրքերի ուղղությամբ, ապատեղեկատվություն է և սեփական "
                  "ստորաբաժանումների կողմից հրադադարի խախտման դեպքը հիմնավորելու փորձ»,- ասված է հաղորդագրության մեջ։",
                  "hy", "2020-09-18") == []


def test_children_counted_among_the_victims_share_their_loss_and_side() -> None:
    # hy-iravaban-2023-09-19-at-least-two
    found = claims("Կա առնվազն 2 զոհ, այդ թվում՝ մեկ երեխա և 11 վիրավոր, այդ թվում՝ 8 երեխա․ Արցախի ՄԻՊ", "hy",
                   "2023-09-19")
    children = [(c.category, c.count.min, c.side) for c in found if c.subject == "child"]
    assert children == [("killed", 1, "Nagorno-Karabakh"), ("wounded", 8, "Nagorno-Karabakh")]


def test_ranks_among_the_dead_are_no_claims_of_their_own() -> None:
    # ru-ru24-2016-04-nkr-36
    found = claims("Ранены 122, в том числе 24 офицера.", "ru", "2016-04-08")
    assert all(c.count.min != 24 for c in found)


def test_one_person_named_by_a_singular_noun_and_verb_is_a_count_of_one() -> None:
    # ru-lenta-2026-01-07-b, ru-kavkazuzel-2020-11-nkr-1586
    [claim] = claims("В селе Грузское в результате детонации вражеского дрона погиб мирный житель.", "ru", "2026-01-07")
    assert (claim.category, claim.subject, claim.count.min, claim.count.max) == ("killed", "civilian", 1, 1)
    assert all(c.count is None or c.count.min != 1 for c in claims(
        "Общее число погибших солдат Армии обороны составило не менее 1586.", "ru", "2020-11-15"))


def test_a_count_of_killed_and_wounded_participles_is_one_casualty_count() -> None:
    # ru-hromadske-2024-04-21-a
    found = claims("За прошедшие сутки, 20 апреля, российская армия потеряла еще 950 своих военных убитыми и ранеными.",
                   "ru", "2024-04-21")
    assert [(c.category, c.subject, c.count.min) for c in found] == [("casualties", "soldier", 950)]


def test_the_point_of_a_thousand_does_not_end_the_floor_of_the_list() -> None:
    # ru-tass-2023-12-19-a
    found = claims("Потери Вооруженных сил Украины (ВСУ) с начала спецоперации превысили 383 тыс. военнослужащих "
                   "убитыми и ранеными, 14 тыс. танков, боевых машин пехоты, 553 самолета.", "ru", "2023-12-19")
    assert [(c.subject, c.count.min, c.count.max) for c in found][:2] == [("soldier", 383000, None), ("tank", 14000, None)]


def test_model_codes_with_dashes_are_not_tally_lines() -> None:
    # ru-bowlclub-2020-10-02-sargsyan-830
    found = claims("- За сутки противник потерял 39 единиц бронетехники, четыре самолета Су-25, три вертолета Ми-24, "
                   "17 беспилотников, 830 убитых военных.", "ru", "2020-10-02")
    assert [(c.subject, c.count.min) for c in found] == [("armored vehicle", 39), ("aircraft", 4), ("helicopter", 3),
                                                          ("drone", 17), ("soldier", 830)]


def test_the_speaker_closing_a_quote_speaks_for_its_sentences_before() -> None:
    # ru-bowlclub-2020-10-02-sargsyan-830
    found = claims("- За сутки противник потерял 39 единиц бронетехники, 830 убитых военных. Уничтожен "
                   "артиллерийский дивизион противника, - уточнил Саркисян.", "ru", "2020-10-02")
    assert [(c.count.min, c.claimant_party) for c in found] == [
        (39, "Nagorno-Karabakh"), (830, "Nagorno-Karabakh"), (1, "Nagorno-Karabakh")]


def test_a_sentence_going_on_with_as_a_result_keeps_the_speaker_before() -> None:
    # az-metbuat-2020-10-11-mod-many-civilians
    found = claims("Müdafiə Nazirliyindən Metbuat.az-a verilən məlumata görə, oktyabrın 10-u və 11-i tarixlərində "
                   "Gəncə və Mingəçevir şəhərləri işğalçı ordu tərəfindən atəşə məruz qalıb. Nəticədə xeyli sayda "
                   "dinc sakin həlak olub.", "az", "2020-10-11")
    assert [(c.category, c.claimant, c.claimant_party) for c in found] == [
        ("killed", "Ministry of Defence of Azerbaijan", "Azerbaijan")]


def test_people_counted_as_a_sides_losses_are_soldiers() -> None:
    # ru-apostrophe-2016-02-18-a
    found = claims("Официальные цифры потерь за все время сражения — 136 погибших и 331 раненый — вызывают недоверие "
                   "и вопросы.", "ru", "2016-02-18")
    assert [(c.category, c.subject, c.count.min) for c in found] == [("killed", "soldier", 136), ("wounded", "soldier", 331)]


def test_the_lines_of_a_list_take_the_speaker_of_its_heading() -> None:
    # uk-bukvy-2024-04-20-b
    found = claims("За даними Генштабу, станом на 20 квітня 2024 року, орієнтовні втрати російської армії в Україні "
                   "становлять:\n- особового складу ‒ близько 458 580 (+750 за добу)\n- танків ‒ 7 213 (+8 за добу)",
                   "uk", "2024-04-20")
    assert found and {(c.claimant_party, c.side) for c in found} == {("Ukraine", "Russia")}


def test_the_longest_side_name_before_a_phrase_wins() -> None:
    # az-aznews-2020-12-28-six-destroyed
    [claim] = claims("Görülən tədbirlər nəticəsində qanunsuz erməni hərbi dəstəsinin altı üzvü məhv edilib.", "az",
                     "2020-12-28")
    assert (claim.category, claim.subject, claim.count.min, claim.side) == ("killed", "fighter", 6, "Nagorno-Karabakh")


def test_a_finite_verb_is_not_the_participle_it_shares_a_lemma_with() -> None:
    # ru-ria-2025-09-23-a: "погиб" is the verb of the civilian's death; the drone that struck killed,
    # it was not destroyed.
    found = claims("БЕЛГОРОД, 23 сен — РИА Новости. В Белгороде при ударе дрона ВСУ погиб мирный житель, "
                   "сообщил губернатор Вячеслав Гладков.", "ru", "2025-09-23")
    assert [(c.category, c.subject, c.count.min, c.count.max) for c in found] == [("killed", "civilian", 1, 1)]
    # ru-lenta-2026-01-07-a: the singular noun before its singular verb
    [claim] = claims("Мирный житель погиб в результате удара дрона Вооруженных сил Украины (ВСУ) в Белгородской "
                     "области.", "ru", "2026-01-07")
    assert (claim.category, claim.subject, claim.count.min, claim.count.max) == ("killed", "civilian", 1, 1)


def test_a_ukrainian_singular_has_no_number_in_the_dictionary_and_is_still_one() -> None:
    # uk-slovoidilo-2025-07-09-b: "загинула" (fem. past) and "дитина" carry no number mark
    [claim] = claims("Як зазначається, однорічна дитина загинула внаслідок чергової російської атаки.", "uk",
                     "2025-07-09")
    assert (claim.category, claim.subject, claim.count.min, claim.count.max) == ("killed", "child", 1, 1)


def test_people_harmed_by_a_named_attacker_are_of_the_other_side() -> None:
    # ru-ria-2025-09-23-a: the drone was the Ukrainian forces'; the dead civilian is Russia's
    [claim] = claims("БЕЛГОРОД, 23 сен — РИА Новости. В Белгороде при ударе дрона ВСУ погиб мирный житель, "
                     "сообщил губернатор Вячеслав Гладков.", "ru", "2025-09-23")
    assert claim.side == "Russia"
    # uk-slovoidilo-2025-07-09-b: "внаслідок російської атаки" names the attacker, not the loser
    [claim] = claims("Як зазначається, однорічна дитина загинула внаслідок чергової російської атаки.", "uk",
                     "2025-07-09")
    assert claim.side == "Ukraine"
    # az-metbuat-2020-10-28-barda-26: Armenia's missile strikes on Barda killed Azerbaijan's civilians
    found = claims("Son məlumata görə, Ermənistanın dünən və bu gün Bərdəyə raket zərbələri nəticəsində 26 mülki "
                   "şəxs həlak olub, 82-yə yaxın şəxs yaralanıb.", "az", "2020-10-28")
    assert [(c.category, c.count.min, c.side) for c in found] == [
        ("killed", 26, "Azerbaijan"), ("wounded", 82, "Azerbaijan")]


def test_a_soldier_named_with_his_patronymic_is_one_soldier() -> None:
    # az-bbc-2017-06-16-shahveledov
    [claim] = claims("Azərbaycan Müdafiə Nazirliyinin cümə günü yaydığı məlumata görə, Silahlı Qüvvələrin hərbi "
                     "qulluqçusu, əsgər Şahvələdov Sultan Niyaz oğlu həlak olub.", "az", "2017-06-16")
    assert (claim.category, claim.subject, claim.count.min, claim.count.max, claim.side) == (
        "killed", "soldier", 1, 1, "Azerbaijan")
    # az-aznews-2020-12-28-khojavend-own: one killed, one wounded, each by name
    found = claims("Müdafiə Nazirliyindən AzNews.az-a verilən məlumata görə, nəticədə bir nəfər hərbi qulluqçumuz, "
                   "əsgər Qənbərov Elmir Rayil oğlu şəhid olub, əsgər Əliyev Emin Süleyman oğlu isə yaralanıb.",
                   "az", "2020-12-28")
    assert sorted((c.category, c.count.min, c.count.max) for c in found) == [("killed", 1, 1), ("wounded", 1, 1)]


def test_a_reporting_word_with_nobody_named_goes_on_with_the_speaker_before() -> None:
    # az-publika-2022-09-13-losses
    [claim] = claims("Bu barədə Publika.az-a Müdafiə Nazirliyindən məlumat verilib.\n\nQeyd olunub ki, nəticədə "
                     "şəxsi heyət arasında itkilər var, həmçinin hərbi infrastruktura ziyan dəyib.", "az", "2022-09-13")
    assert (claim.category, claim.subject, claim.count, claim.claimant) == (
        "casualties", "soldier", None, "Ministry of Defence of Azerbaijan")  # losses, with no count


def test_another_one_of_a_kind_is_one() -> None:
    # hy-panarmenian-2020-11-08-bayraktar: "the enemy's next Bayraktar drone" was shot down
    [claim] = claims("PanARMENIAN.Net - Պաշտպանության բանակի հակաօդային պաշտպանության ստորաբաժանումները նոյեմբերի "
                     "8-ին ժամը 13:40-ի սահմաններում հարավարևելյան ուղղությամբ խոցել են թշնամու հերթական Bayraktar "
                     "անօդաչու թռչող սարքը:", "hy", "2020-11-08")
    assert (claim.category, claim.subject, claim.count.min, claim.count.max, claim.side) == (
        "downed", "drone", 1, 1, "Azerbaijan")


def test_armenian_human_losses_are_soldiers_and_tens_are_a_scale() -> None:
    # hy-aravot-2020-09-27-hovhannisyan-dozens: "about 200 human losses, close to 3 tens of armour
    # losses and close to 2 tens of drones"
    found = claims("Ճշտված տեղեկություններով՝ հակառակորդն ունի մոտ 200 մարդկային կորուստ, 3 տասնյակին մոտ "
                   "զրահատեխնիկայի կորուստ և 2 տասնյակին մոտ ԱԹՍ-ներ ու այլ սարքավորումներ։", "hy", "2020-09-27")
    assert [(c.category, c.subject, c.count.min, c.approximate, c.side) for c in found] == [
        ("casualties", "soldier", 200, True, "Azerbaijan"), ("destroyed", "armored vehicle", 30, True, "Azerbaijan"),
        ("destroyed", "drone", 20, True, "Azerbaijan")]


def test_a_side_marked_before_a_list_is_each_items() -> None:
    # hy-kentron-2020-09-28-sargsyan: "the enemy's: about 36 drones, 47 armour and over 400 human losses"
    found = claims("Նա նշեց, որ այսօրվա դրությամբ, ժամը 17:00-ի սահմաններում, արձանագրվել է հակառակորդի՝ շուրջ "
                   "36 ԱԹՍ-ի, 47 զրահատեխնիկայի և 400-ից ավելի մարդկային կորուստ:", "hy", "2020-09-28")
    assert [(c.subject, c.count.min, c.count.max, c.side) for c in found] == [
        ("drone", 36, 36, "Azerbaijan"), ("armored vehicle", 47, 47, "Azerbaijan"), ("soldier", 400, None, "Azerbaijan")]
