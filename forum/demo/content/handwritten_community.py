"""Hand-written threads for the announcements, the chat board and the internal staff
board."""

from .signatures import JANA, TOBIAS

# Thread authors are demo roles; "member" signs as Max Neumann, "customer" as Lena Hoffmann,
# matching the accounts the seeder creates. Replies are (author, body) pairs.
# The data below is wrapped by hand; the formatter would spread it over twice the lines.
# fmt: off
NEWS_THREADS = [
    {"title": "Forenregeln: Bitte vor dem ersten Beitrag lesen", "author": "admin",
     "pinned": True, "locked": True,
     "body": "Herzlich willkommen im Kundenforum von Beispiel Telekom! Damit alle schnell Hilfe "
         "finden:\n\n1. **Freundlich bleiben.** Beleidigungen werden entfernt.\n"
         "2. **Keine persönlichen Daten.** Kundennummern, Adressen und Passwörter gehören in eine "
         "private Nachricht an das Service-Team.\n3. **Erst suchen, dann fragen.**\n"
         "4. **Aussagekräftige Titel.** „Hilfe!!!“ hilft niemandem, „FRITZ!Box 7590: Telefonie "
         "geht nicht“ schon.\n5. **Keine Werbung.**\n\nDie vollständigen Regeln: "
         "https://www.example.com/hilfe/forenregeln\n\nEuer Forenteam",
     "replies": []},
    {"title": "Wartungsarbeiten am E-Mail-System in der Nacht zu Sonntag", "author": "staff",
     "body": "Hallo zusammen,\n\nin der Nacht zu Sonntag arbeiten wir zwischen **1:00 und 5:00 "
         "Uhr** an den Mailservern:\n\n- der Webmailer ist zeitweise nicht erreichbar\n"
         "- der Abruf per IMAP kann dauern\n- eingehende Mails gehen **nicht** verloren\n\n"
         f"{JANA}",
     "replies": [
         ("staff", f"**Update 4:20 Uhr:** Alles erledigt, die Dienste laufen wieder.\n\n{JANA}"),
     ]},
    {"title": "Behoben: Störung bei Internet und Telefonie im Raum Nürnberg", "author": "staff",
     "locked": True,
     "body": "Hallo zusammen,\n\n**Update 18:45 Uhr: Die Störung ist behoben.** Ursache war ein "
         "bei Tiefbauarbeiten beschädigtes Glasfaserkabel.\n\n- 10:30 Uhr: erste Meldungen\n"
         "- 11:15 Uhr: Ursache gefunden, Technik vor Ort\n- 16:00 Uhr: Ersatzstrecke geschaltet\n"
         "- 18:45 Uhr: Kabel repariert\n\nIst Ihr Anschluss noch gestört, bitte den Router neu "
         f"starten.\n\n{JANA}",
     "replies": [
         ("admin", "Wir schließen das Thema. Bei weiteren Problemen bitte ein eigenes Thema im "
             "Board „DSL & Festnetz“ eröffnen.\n\nEuer Forenteam"),
     ]},
]

CHAT_THREADS = [
    {"title": "Vorstellungsrunde: Wer seid ihr?", "author": "moderator",
     "body": "Hallo zusammen,\n\nZeit für eine Vorstellungsrunde! Ich fange an: Tobias, 38, aus "
         f"Mainz, moderiere hier seit zwei Jahren und bastle gern am Heimnetz.\n\n{TOBIAS}",
     "replies": [
         ("community", "Moin! Rentner aus Rostock, früher Fernmeldetechniker bei der Post."),
         ("member", "Ich bin Max, wegen einer Rechnungsfrage gekommen und geblieben."),
         ("customer", "Hallo aus Kassel! Lena, zwei Kinder, drei Tablets und ein Mesh-Netz."),
     ]},
    {"title": "Welchen Router nutzt ihr und warum?", "author": "community",
     "body": "Mietet ihr euren Router oder habt ihr einen eigenen? Ich überlege, den Speedport "
         "zurückzugeben und eine FRITZ!Box zu kaufen, mir fehlt VPN.",
     "replies": [
         ("community", "FRITZ!Box 7590, gekauft. Nach zwei Jahren Miete hätte sie mehr gekostet."),
         ("customer", "Ich bleibe beim Mietgerät. Geht es kaputt, kommt sofort ein neues."),
         ("community", "OpenWrt auf eigenem Gerät. Nichts für jeden, aber flexibel."),
         ("asker", "Danke! Es wird wohl die FRITZ!Box."),
     ]},
    {"title": "Erfahrungen nach einem Jahr Glasfaser", "author": "community",
     "body": "Hallo zusammen,\n\nmein Fazit nach einem Jahr Glasfaser 500:\n\n"
         "- per LAN konstant 480 bis 500 Mbit/s\n- Ping beim Zocken 7 statt 20 ms\n"
         "- eine einzige Störung (45 Minuten)\n\nWie sind eure Erfahrungen?",
     "replies": [
         ("community", "Ich warte noch auf den Ausbau, die Straße ist seit Monaten aufgerissen."),
         ("community", "Ähnlich positiv. Das Beste ist der Upload für Backups."),
     ]},
]

INTERNAL_THREADS = [
    {"title": "Leitfaden: Umgang mit Störungsmeldungen im Forum", "author": "admin", "pinned": True,
     "body": "Hallo Team,\n\nso behandeln wir Störungsmeldungen:\n\n"
         "1. Im Störungsmonitor nach einer Sammelstörung suchen.\n"
         "2. Falls ja, auf die Ankündigung verlinken, keine eigenen Prognosen.\n"
         "3. Falls nein, Kundennummer per PN anfordern, niemals öffentlich.\n"
         "4. Nach der Lösung kurz die Ursache nennen.\n\nTextbausteine stehen im Wiki.",
     "replies": [
         ("staff", "Sollen wir die Behebungszeit aus dem Monitor nennen? Danach wird oft gefragt."),
         ("admin", "Nur, wenn sie dort „bestätigt“ ist. Schätzungen machen nur Ärger."),
         ("moderator", "Doppelte Störungsthreads führe ich zusammen, dann bitte dort antworten."),
     ]},
    {"title": "Übergabe Spätschicht: offene Forenthreads", "author": "staff",
     "body": "Hallo zusammen, für die Frühschicht:\n\n- **Gmail-Weiterleitung** (E-Mail): Logs "
         "angefordert, Ticket beim Mail-Team offen.\n- **5G beim Galaxy S24** (Mobilfunk): mehrere "
         "Meldungen, bitte bei der Technik nachfragen.\n- **WordPress `memory_limit`** (Hosting): "
         "Antwort siehe Textbaustein H-12.\n\nGrüße, Jana",
     "replies": [
         ("admin", "Danke, Jana! Zum S24: Das nächste Samsung-Update behebt den Fehler."),
         ("moderator", "Ich ergänze das im Mobilfunk-Thread, sobald es öffentlich ist."),
     ]},
]
# fmt: on
