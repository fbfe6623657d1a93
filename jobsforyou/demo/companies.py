"""Fictional employers of the region and the vacancies they bring (German, as employers write)."""

from __future__ import annotations

# name, sector, municipality, languages at the booth, vacancy titles
EMPLOYERS: tuple[tuple[str, str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "Hasetal Logistik GmbH",
        "Logistik",
        "Bramsche",
        ("de", "ru", "pl"),
        (
            "Kommissionierer Tiefkühllager (m/w/d)",
            "Fachkraft für Lagerlogistik (m/w/d)",
            "Staplerfahrer (m/w/d) im Schichtdienst",
            "Berufskraftfahrer CE Nahverkehr (m/w/d)",
        ),
    ),
    (
        "Teuto Metallbau KG",
        "Metallbau",
        "Georgsmarienhütte",
        ("de", "tr"),
        (
            "Schweißer MAG (m/w/d)",
            "Metallbauer/in Konstruktionstechnik (m/w/d)",
            "Helfer Metallbau (m/w/d)",
        ),
    ),
    (
        "Artland Fleischwaren GmbH",
        "Lebensmittelindustrie",
        "Quakenbrück",
        ("de", "ru", "ro", "ar"),
        (
            "Produktionshelfer Lebensmittel (m/w/d)",
            "Fleischer/in (m/w/d)",
            "Maschinenführer Verpackung (m/w/d)",
        ),
    ),
    (
        "Pflegedienst Lebensbaum",
        "Pflege",
        "Melle",
        ("de", "ru", "uk"),
        (
            "Pflegehelfer (m/w/d) in Teilzeit",
            "Pflegefachkraft (m/w/d)",
            "Betreuungskraft nach §43b SGB XI (m/w/d)",
        ),
    ),
    (
        "Seniorenzentrum Am Kurpark",
        "Pflege",
        "Bad Rothenfelde",
        ("de", "ar"),
        ("Altenpflegehelfer/in (m/w/d)", "Hauswirtschaftshelfer (m/w/d)", "Küchenhilfe (m/w/d)"),
    ),
    (
        "Hotel Haus Ravensberg",
        "Gastronomie und Hotellerie",
        "Bad Iburg",
        ("de", "en", "uk"),
        (
            "Koch/Köchin (m/w/d)",
            "Servicekraft (m/w/d)",
            "Mitarbeiter Housekeeping (m/w/d)",
            "Spülkraft (m/w/d) auf Minijob-Basis",
        ),
    ),
    (
        "Glanzwerk Gebäudedienste GmbH",
        "Gebäudereinigung",
        "Belm",
        ("de", "tr", "ar", "fa"),
        (
            "Reinigungskraft (m/w/d) in Teilzeit",
            "Glasreiniger (m/w/d)",
            "Objektleiter Gebäudereinigung (m/w/d)",
        ),
    ),
    (
        "Wiehengebirge Bau GmbH",
        "Bau",
        "Ostercappeln",
        ("de", "tr", "ru"),
        ("Bauhelfer (m/w/d)", "Maurer (m/w/d)", "Baumaschinenführer (m/w/d)"),
    ),
    (
        "Maler Dreyer & Söhne",
        "Handwerk",
        "Wallenhorst",
        ("de",),
        ("Maler und Lackierer (m/w/d)", "Helfer Malerarbeiten (m/w/d)"),
    ),
    (
        "Elektro Sandkuhle GmbH",
        "Elektrohandwerk",
        "Bissendorf",
        ("de", "en"),
        (
            "Elektroniker für Energie- und Gebäudetechnik (m/w/d)",
            "Elektrohelfer (m/w/d)",
            "Ausbildung Elektroniker/in (m/w/d) 2027",
        ),
    ),
    (
        "Haustechnik Nordkreis",
        "Sanitär, Heizung, Klima",
        "Bersenbrück",
        ("de", "ru"),
        ("Anlagenmechaniker SHK (m/w/d)", "Helfer Sanitär- und Heizungstechnik (m/w/d)"),
    ),
    (
        "Gemüsehof Hollenberg",
        "Landwirtschaft",
        "Badbergen",
        ("de", "uk", "pl"),
        (
            "Erntehelfer (m/w/d) Saison 2027",
            "Mitarbeiter Gewächshaus (m/w/d)",
            "Landwirt/in (m/w/d)",
        ),
    ),
    (
        "Grüne Gärten Hasbergen",
        "Garten- und Landschaftsbau",
        "Hasbergen",
        ("de", "fa"),
        ("Gärtner/in Garten- und Landschaftsbau (m/w/d)", "Helfer GaLaBau (m/w/d)"),
    ),
    (
        "Bäckerei Kornblume",
        "Lebensmittelhandwerk",
        "Bad Essen",
        ("de",),
        ("Bäcker (m/w/d)", "Verkäufer Bäckerei (m/w/d)", "Produktionshelfer Backstube (m/w/d)"),
    ),
    (
        "Nahkauf-Markt Ankum",
        "Einzelhandel",
        "Ankum",
        ("de", "tr"),
        (
            "Verkäufer/in Lebensmitteleinzelhandel (m/w/d)",
            "Kassierer (m/w/d) Minijob",
            "Regalauffüller (m/w/d)",
        ),
    ),
    (
        "Kita-Verbund Nördliches Osnabrücker Land",
        "Kinderbetreuung",
        "Fürstenau",
        ("de", "en"),
        ("Erzieher (m/w/d)", "Sozialassistent/in (m/w/d)", "Kinderpfleger (m/w/d)"),
    ),
    (
        "Autohaus Hilter",
        "Kfz-Handwerk",
        "Hilter a.T.W.",
        ("de", "ar"),
        (
            "Kfz-Mechatroniker (m/w/d)",
            "Reifenmonteur (m/w/d) Saisonkraft",
            "Fahrzeugaufbereiter (m/w/d)",
        ),
    ),
    (
        "Osnabrücker Kunststofftechnik AG",
        "Kunststoffindustrie",
        "Dissen a.T.W.",
        ("de", "en", "tr"),
        (
            "Maschinen- und Anlagenführer (m/w/d)",
            "Verfahrensmechaniker Kunststoff (m/w/d)",
            "Qualitätsprüfer (m/w/d)",
            "Produktionsmitarbeiter (m/w/d) 3-Schicht",
        ),
    ),
    (
        "Busreisen Stadtmitte",
        "Personenverkehr",
        "Bohmte",
        ("de", "tr"),
        ("Busfahrer (m/w/d) Linienverkehr", "Auslieferungsfahrer (m/w/d) Führerschein B"),
    ),
    (
        "Kreisverwaltung Service GmbH",
        "Öffentlicher Dienst",
        "Osnabrück",
        ("de", "en", "uk", "ar"),
        (
            "Sprach- und Integrationsmittler (m/w/d)",
            "Bürohelfer (m/w/d)",
            "Hausmeister (m/w/d)",
            "Sachbearbeiter/in Buchhaltung (m/w/d)",
        ),
    ),
)
