"""Month and weekday names of the languages sitrep reads (data), for dates written out.

"24 лютого", "24. Februar", "24 février", "24 şubat" and "February 24" are one date. Forms are
case-folded and include the inflected forms that stand next to a day number (Russian and
Ukrainian genitive, Armenian genitive). English "may" is absent: it counts only as "May".
"""

_MONTH_FORMS = {
    1: "january jan januar jänner janvier enero gennaio janeiro ocak yanvar января январь січня січень "
       "հունվարի հունվար يناير",
    2: "february feb februar février fevrier febrero febbraio fevereiro şubat fevral февраля февраль "
       "лютого лютий փետրվարի փետրվար فبراير",
    3: "march mar märz maerz mars marzo março mart марта март березня березень մարտի մարտ مارس",
    4: "april apr avril abril aprile nisan aprel апреля апрель квітня квітень ապրիլի ապրիլ أبريل ابريل",
    5: "mai mayo maggio maio mayıs мая май травня травень մայիսի մայիս مايو",
    6: "june jun juni juin junio giugno junho haziran iyun июня июнь червня червень հունիսի հունիս يونيو",
    7: "july jul juli juillet julio luglio julho temmuz iyul июля июль липня липень հուլիսի հուլիս يوليو",
    8: "august aug août aout agosto ağustos avqust августа август серпня серпень օգոստոսի օգոստոս أغسطس",
    9: "september sep sept septembre septiembre settembre setembro eylül sentyabr сентября сентябрь "
       "вересня вересень սեպտեմբերի սեպտեմբեր سبتمبر",
    10: "october oct oktober octobre octubre ottobre outubro ekim oktyabr октября октябрь жовтня жовтень "
        "հոկտեմբերի հոկտեմբեր أكتوبر اكتوبر",
    11: "november nov novembre noviembre novembro kasım noyabr ноября ноябрь листопада листопад "
        "նոյեմբերի նոյեմբեր نوفمبر",
    12: "december dec dezember décembre decembre diciembre dicembre dezembro aralık dekabr декабря "
        "декабрь грудня грудень դեկտեմբերի դեկտեմբեր ديسمبر",
}
MONTHS: dict[str, int] = {form: month for month, forms in _MONTH_FORMS.items() for form in forms.split()}

_WEEKDAY_FORMS = {
    "mon": "monday montag lundi lunes lunedì pazartesi bazar ertəsi понедельник понеділок երկուշաբթի الاثنين",
    "tue": "tuesday dienstag mardi martes martedì salı çərşənbə вторник вівторок երեքշաբթի الثلاثاء",
    "wed": "wednesday mittwoch mercredi miércoles mercoledì çarşamba среда середа չորեքշաբթի الأربعاء",
    "thu": "thursday donnerstag jeudi jueves giovedì perşembe четверг четвер հինգշաբթի الخميس",
    "fri": "friday freitag vendredi viernes venerdì cuma пятница пʼятниця п'ятниця ուրբաթ الجمعة",
    "sat": "saturday samstag samedi sábado sabato cumartesi şənbə суббота субота շաբաթ السبت",
    "sun": "sunday sonntag dimanche domingo domenica pazar bazar воскресенье неділя կիրակի الأحد",
}
WEEKDAYS: dict[str, str] = {}
for _day, _forms in _WEEKDAY_FORMS.items():
    for _form in _forms.split():
        WEEKDAYS.setdefault(_form, _day)
for _ambiguous in ("bazar", "ertəsi", "çərşənbə", "среда", "pazar", "շաբաթ"):
    # parts of two-word Azerbaijani names, and words that also mean "environment", "market", "week"
    WEEKDAYS.pop(_ambiguous, None)
