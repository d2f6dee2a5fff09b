"""The demo categories with their boards, and the community members who post in them."""

# The data below is wrapped by hand; the formatter would spread it over twice the lines.
# fmt: off
CATEGORIES: list[dict] = [
    {"name": "Aktuelles", "boards": [
        {"slug": "ankuendigungen", "name": "Ankündigungen & Störungsmeldungen",
         "description": "Wartungsarbeiten, aktuelle Störungen und Neuigkeiten vom Forenteam.",
         "visibility": "public", "posting_policy": "staff", "is_support": False},
    ]},
    {"name": "Technik & Anschluss", "boards": [
        {"slug": "dsl-festnetz", "name": "DSL & Festnetz",
         "description": "Hilfe rund um DSL, Glasfaser, Router-Einrichtung und Festnetztelefonie.",
         "visibility": "public", "posting_policy": "members", "is_support": True},
        {"slug": "mobilfunk", "name": "Mobilfunk",
         "description": "Alles zu Tarifen, Netzempfang, eSIM, Roaming und Rufnummernmitnahme.",
         "visibility": "public", "posting_policy": "members", "is_support": True},
        {"slug": "e-mail-webmailer", "name": "E-Mail & Webmailer",
         "description": "Postfächer und Mailprogramme einrichten, Spam abwehren, Webmailer nutzen.",
         "visibility": "public", "posting_policy": "members", "is_support": True},
        {"slug": "hosting-domains", "name": "Hosting & Domains",
         "description": "Webspace, Domains, DNS-Einträge, Zertifikate und Mail mit eigener Domain.",
         "visibility": "public", "posting_policy": "members", "is_support": True},
    ]},
    {"name": "Vertrag & Kundenservice", "boards": [
        {"slug": "vertrag-rechnung", "name": "Vertrag & Rechnung",
         "description": "Fragen zu Rechnungen, Tarifwechsel, Kündigung, Umzug und Zahlungen.",
         "visibility": "public", "posting_policy": "members", "is_support": True},
        {"slug": "vertragskunden", "name": "Exklusiv für Vertragskunden",
         "description": "Geschützter Bereich für verifizierte Kunden mit Vorabtests und Angeboten.",
         "visibility": "customers", "posting_policy": "members", "is_support": True},
    ]},
    {"name": "Community", "boards": [
        {"slug": "plauderecke", "name": "Plauderecke",
         "description": "Vorstellen, plaudern und Erfahrungen austauschen, auch ohne Technik.",
         "visibility": "public", "posting_policy": "members", "is_support": False},
        {"slug": "intern-service", "name": "Intern: Service-Team",
         "description": "Internes Board des Service-Teams für Absprachen und Schichtübergaben.",
         "visibility": "staff", "posting_policy": "members", "is_support": False},
    ]},
]

COMMUNITY_MEMBERS: list[tuple[str, str]] = [
    ("dsl_dieter", "Dieter K."), ("kathi84", "Kathi"), ("m.schneider", "Martin Schneider"),
    ("netzwerk_nerd", ""), ("birgit.h", "Birgit Haas"), ("fritzfan", ""),
    ("jonas-w", "Jonas"), ("oma_erna", "Erna"), ("tk_ralf", "Ralf T."),
    ("sabrina_k", "Sabrina"), ("glasfaser_goetz", "Götz"), ("lukas1997", ""),
    ("p.yilmaz", "Pinar Yilmaz"), ("heimwerker_hans", "Hans-Jürgen"), ("anke.w", "Anke Wagner"),
    ("techniktom", "Tom"), ("nordlicht77", ""), ("frank_ffm", "Frank aus Frankfurt"),
    ("elli.b", "Elisabeth B."), ("router_rudi", "Rudi"), ("marco.de", ""),
    ("steffi_s", "Steffi"), ("kai-uwe", "Kai-Uwe Brandt"), ("bremer_jung", ""),
    ("chris_88", "Christian"), ("thorsten-b", "Thorsten Becker"),
]
# fmt: on
