"""Hand-written threads for the contract boards: Vertrag & Rechnung and the
customers-only board."""

from .signatures import JANA

# Thread authors are demo roles; "member" signs as Max Neumann, "customer" as Lena Hoffmann,
# matching the accounts the seeder creates. Replies are (author, body) pairs.
# The data below is wrapped by hand; the formatter would spread it over twice the lines.
# fmt: off
CONTRACT_THREADS = [
    {"title": "Rechnungsbetrag für März doppelt abgebucht", "author": "customer",
     "body": "Hallo,\n\nauf meinem Konto sehe ich zwei Lastschriften über je 44,99 € für „Rechnung "
         "März“, im Kundenportal gibt es nur eine Rechnung. Bitte um Prüfung.\n\nLena Hoffmann",
     "replies": [
         ("staff", "Hallo Frau Hoffmann,\n\nbitte entschuldigen Sie! Durch einen Fehler beim "
             "Einzug wurden einige Konten doppelt belastet. Die zweite Abbuchung wird binnen fünf "
             f"Werktagen erstattet, Bankgebühren übernehmen wir.\n\n{JANA}"),
         ("asker", "Danke, das Geld ist heute wieder da."),
     ]},
    {"title": "Sonderkündigung wegen Preiserhöhung möglich?", "author": "member",
     "body": "Hallo zusammen,\n\nmein DSL-Tarif wird ab Juli 5 € teurer, der Vertrag läuft noch 20 "
         "Monate. Habe ich ein Sonderkündigungsrecht?\n\nMax",
     "replies": [
         ("community", "Ja. Nach § 57 TKG kannst du bei einer einseitigen Vertragsänderung, die "
             "nicht nur zu deinem Vorteil ist, innerhalb von drei Monaten kostenlos kündigen."),
         ("staff", "Hallo Herr Neumann,\n\nrichtig. Das Formular finden Sie unter "
             "https://www.example.com/hilfe/kuendigung. Wenn Sie lieber bleiben möchten, melden "
             f"Sie sich gern, vielleicht finden wir ein passendes Angebot.\n\n{JANA}"),
         ("asker", "Danke, ich rufe erst einmal an und höre mir das Angebot an."),
     ]},
    {"title": "Umzug nach Hamburg: Vertrag mitnehmen oder kündigen?", "author": "community",
     "body": "Hallo,\n\nwir ziehen im September von Bielefeld nach Hamburg-Eimsbüttel, der Vertrag "
         "läuft bis Februar.\n\n1. Kann ich ihn mitnehmen?\n2. Was, wenn dort nur 50 Mbit/s "
         "gehen?\n3. Wann muss ich den Umzug melden?",
     "replies": [
         ("staff", "Hallo,\n\n1. Ja, der Vertrag zieht mit.\n2. Dann bieten wir den schnellsten "
             "verfügbaren Tarif an, oder Sie kündigen nach § 60 TKG mit einem Monat Frist.\n"
             f"3. Am besten sechs bis acht Wochen vorher im Kundenportal.\n\n{JANA}"),
         ("asker", "Danke! Dort gehen sogar 250 Mbit/s, dann wechsle ich gleich mit."),
     ]},
    {"title": "Unbekannte Drittanbieter-Beträge auf der Handyrechnung", "author": "community",
     "body": "Hallo,\n\nauf meiner Rechnung für Mai steht:\n\n| Position | Betrag |\n|---|---|\n"
         "| Grundgebühr Beispiel Mobil M | 19,99 € |\n| Drittanbieter: GameZone Abo | 4,99 € |\n"
         "| Drittanbieter: GameZone Abo | 4,99 € |\n\nIch habe nie ein Abo abgeschlossen.",
     "replies": [
         ("community", "Typische Abofalle. Richte sofort die kostenlose Drittanbietersperre ein."),
         ("staff", "Hallo,\n\ndie Sperre ist jetzt aktiv und das Abo gekündigt. Die beiden "
             f"Beträge schreibe ich Ihnen aus Kulanz auf der nächsten Rechnung gut.\n\n{JANA}"),
         ("asker", "Vielen Dank, das ging schnell!"),
     ]},
    {"title": "Keine Kündigungsbestätigung erhalten", "author": "member",
     "body": "Hallo,\n\nich habe meinen Mobilfunkvertrag vor drei Wochen per Kündigungsbutton "
         "gekündigt. Es kam nur die Eingangsbestätigung, keine mit Vertragsende. Normal?\n\nMax",
     "replies": [
         ("community", "Die Eingangsbestätigung ist schon dein Nachweis, gut aufheben."),
         ("community", "Bei mir hat die richtige Bestätigung auch fast vier Wochen gedauert."),
         ("asker", "Danke, ich warte noch eine Woche und melde mich dann wieder."),
     ]},
    {"title": "Wo finde ich Rechnungen von vor drei Jahren?", "author": "community",
     "body": "Hallo,\n\nfür die Steuer brauche ich alte Rechnungen, das Portal zeigt nur ein Jahr.",
     "replies": [
         ("community", "Ganz unten in der Übersicht: „Ältere Rechnungen anzeigen“."),
         ("staff", "Hallo,\n\ndort sind 36 Monate abrufbar. Ältere Rechnungen schicke ich Ihnen "
             f"gern, kurze PN genügt.\n\n{JANA}"),
         ("asker", "Gefunden, danke euch!"),
     ]},
]

CUSTOMER_THREADS = [
    {"title": "Neues Kundenportal vorab testen: Euer Feedback", "author": "staff", "pinned": True,
     "body": "Hallo zusammen,\n\nunter https://www.example.com/portal-beta könnt ihr das neue "
         "Kundenportal testen. Neu sind:\n\n- Rechnungen aus fünf Jahren als PDF\n"
         "- Live-Status bei Störungen\n- Tarifwechsel mit zwei Klicks\n\n"
         f"Was fehlt, was hakt? Wir freuen uns über Rückmeldungen.\n\n{JANA}",
     "replies": [
         ("customer", "Viel aufgeräumter! In Safari verdeckt der Cookie-Banner den Login-Button."),
         ("staff", f"Danke, ist an die Entwicklung weitergegeben!\n\n{JANA}"),
         ("customer", "Noch ein Wunsch: Push-Benachrichtigungen, wenn eine Störung behoben ist."),
     ]},
    {"title": "Treueangebot zur Vertragsverlängerung: Lohnt sich das?", "author": "customer",
     "body": "Hallo,\n\nmein Vertrag läuft im Herbst aus. Angeboten wurde mir DSL 250 für 34,99 € "
         "statt DSL 100 für 39,99 €, mit neuem Router. Geht da noch was?\n\nLena",
     "replies": [
         ("staff", "Hallo Frau Hoffmann,\n\ndas ist schon unser bestes Treueangebot. Bei "
             "Abschluss im Kundenportal entfällt aber die Versandpauschale für den Router.\n\n"
             f"{JANA}"),
         ("asker", "Passt, dann nehme ich das. Danke!"),
     ]},
]
# fmt: on
