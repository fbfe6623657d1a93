"""Names and phrases for demo job seekers, per language (fictional people)."""

from __future__ import annotations

GIVEN_NAMES: dict[str, tuple[str, ...]] = {
    "uk": (
        "Олена",
        "Андрій",
        "Оксана",
        "Дмитро",
        "Наталія",
        "Іван",
        "Тетяна",
        "Сергій",
        "Юлія",
        "Максим",
    ),
    "ru": ("Ирина", "Алексей", "Светлана", "Николай", "Марина", "Владимир", "Екатерина", "Павел"),
    "ar": ("محمد", "أحمد", "فاطمة", "خالد", "مريم", "عمر", "سارة", "يوسف", "رنا", "حسن"),
    "fa": ("احمد", "زهرا", "محمود", "فریبا", "علی", "مریم", "حمید", "نرگس", "رحیم", "شکیبا"),
    "tr": ("Ayşe", "Mehmet", "Elif", "Mustafa", "Zeynep", "Emre", "Fatma", "Hasan"),
    "ku": ("Rojda", "Azad", "Berfîn", "Şivan", "Nûrê", "Dilşad", "Hêvî", "Rezan"),
    "en": ("Samuel", "Grace", "Daniel", "Mercy", "Yonas", "Helen", "Michael", "Faith"),
    "de": ("Ahmad", "Lina", "Tesfay", "Nadia", "Kemal", "Olga", "Jamal", "Selam"),
}
FAMILY_NAMES: dict[str, tuple[str, ...]] = {
    "uk": ("Коваленко", "Шевченко", "Бондаренко", "Ткаченко", "Кравченко", "Мельник", "Поліщук"),
    # masculine forms; family_name_for() gives women the feminine form
    "ru": ("Иванов", "Смирнов", "Кузнецов", "Попов", "Волков", "Морозов", "Лебедев"),
    "ar": ("الأحمد", "الخطيب", "حداد", "العلي", "السيد", "النجار", "الحسين", "درويش"),
    "fa": ("رحیمی", "حسینی", "احمدی", "کریمی", "محمدی", "نوری", "صدیقی", "عزیزی"),
    "tr": ("Yılmaz", "Kaya", "Demir", "Çelik", "Şahin", "Yıldız", "Aydın"),
    "ku": ("Baran", "Aydin", "Ehmed", "Xelîl", "Zana", "Kobanî", "Şêxo"),
    "en": ("Tesfaye", "Okafor", "Mensah", "Haile", "Osei", "Bekele", "Adeyemi"),
    "de": ("Karimi", "Haddad", "Gebremedhin", "Yusufi", "Arslan", "Petrenko", "Nasser"),
}
# The languages a seeker of each UI language typically also speaks.
OTHER_LANGUAGES: dict[str, tuple[str, ...]] = {
    "uk": ("ru", "en"),
    "ru": ("uk", "en"),
    "ar": ("en", "ku", "fr"),
    "fa": ("ps", "en"),
    "tr": ("ku", "en"),
    "ku": ("tr", "ar"),
    "en": ("ti", "am", "fr"),
    "de": ("ar", "ti", "fa"),
}

# Given names of women in languages whose family names change with gender.
FEMININE_GIVEN_NAMES: dict[str, frozenset[str]] = {
    "ru": frozenset({"Ирина", "Светлана", "Марина", "Екатерина"}),
}


def family_name_for(language: str, given_name: str, family_name: str) -> str:
    """The family name in the form that matches the given name (Russian: Иванов, Иванова)."""
    if given_name in FEMININE_GIVEN_NAMES.get(language, frozenset()):
        if family_name.endswith(("ов", "ев", "ин")):
            return family_name + "а"
    return family_name
