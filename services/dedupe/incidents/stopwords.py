"""Words too common to tell two stories apart, in the languages sitrep reads (data). A young
window cannot know yet that "said" is everywhere; these never count as words of a report."""

_WORDS = """
that this with from have were said says will would been their there they which about after
also than into when what more over some other could just year years people told news
dass eine einer eines nicht sich auch wird wurde wurden werden haben sind oder aber nach beim
mehr noch schon über sein seine ihre ihrer diese dieser dieses nach gegen sagte heute
dans pour avec sont cette mais plus comme leur leurs être fait elle ils entre selon après
para como pero este esta sobre entre desde tras también según
della delle degli sono come anche dopo questo questa nella negli
что это как его для или уже при было были быть также после более который которые заявил
сообщил сообщает года году время чтобы если того этом этой
що цього також після було були який які заявив повідомив року році коли щоб
için olarak olan ancak daha sonra gibi kadar ayrıca ilgili dedi
olan üçün ilə həm daha sonra kimi bildirib edib
և որ այդ նաև այս իր նրա էր են է կողմից հետո
التي الذي على إلى عن مع كان هذا هذه بين وقال قال بعد أن
""".split()

STOPWORDS = frozenset(w.casefold() for w in _WORDS)
