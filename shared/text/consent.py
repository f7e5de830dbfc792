"""Phrases of cookie banners, consent walls, paywalls and login notices, by language (data).

A scraped line holding one of these is the site talking about itself, never the article: such
lines are dropped wherever text is compared, whatever the host. Phrases are case-folded and must be
specific enough never to stand in a news sentence ("privacy policy" alone would).
"""

CONSENT_PHRASES: dict[str, tuple[str, ...]] = {
    "en": (
        "we use cookies", "this website uses cookies", "this site uses cookies", "accept all cookies",
        "by continuing to use this site", "by continuing to browse", "you have reached your limit",
        "subscribe to continue reading", "log in to continue reading", "sign in to continue reading",
        "please enable javascript", "already a subscriber?", "create a free account to continue",
    ),
    "de": (
        "wir verwenden auf unserer webseite cookies", "wir setzen auf unserer website cookies",
        "cookies und andere technologien", "diese website verwendet cookies",
        "registrieren sie sich jetzt kostenlos", "bitte melden sie sich an", "passwort vergessen",
        "um weiterzulesen", "zur datenschutzerklärung", "mit der nutzung unserer website stimmen",
    ),
    "fr": (
        "nous utilisons des cookies", "ce site utilise des cookies", "en poursuivant votre navigation",
        "abonnez-vous pour lire", "accepter les cookies",
    ),
    "es": ("utilizamos cookies", "este sitio web utiliza cookies", "aceptar cookies"),
    "it": ("utilizziamo i cookie", "questo sito utilizza cookie", "accetta i cookie"),
    "tr": (
        "çerezlerden faydalanıyoruz", "çerezleri kullanmamıza izin", "çerez politikası",
        "çerez kullanıyoruz",
    ),
    "ar": ("إخلاء لمسؤوليتنا", "نستخدم ملفات تعريف الارتباط", "ملفات تعريف الارتباط"),
    "ru": ("мы используем файлы cookie", "используем cookies", "продолжая использовать сайт"),
    "uk": ("ми використовуємо файли cookie", "використовуємо cookies", "продовжуючи користуватися сайтом"),
    "az": ("çərəzlərdən istifadə edirik",),
    "hy": ("մենք օգտագործում ենք cookie",),
}

ALL_PHRASES: tuple[str, ...] = tuple(sorted({p for phrases in CONSENT_PHRASES.values() for p in phrases}))
