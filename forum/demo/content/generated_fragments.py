"""Text fragments from which generated_threads() builds filler threads."""

from .signatures import JANA

# Fragments for generated_threads(); placeholders: {device} {city} {since} {month} {domain}.
# Each topic is (title stub, problem, fitting staff answer, fitting community tip).
# The data below is wrapped by hand; the formatter would spread it over twice the lines.
# fmt: off
CITIES = ["Köln", "Hamburg-Altona", "München", "Leipzig", "Dortmund", "Bremen", "Freiburg",
          "Kassel", "Nürnberg", "Berlin-Pankow", "Mainz", "Rostock", "Bielefeld", "Augsburg",
          "Dresden", "Oldenburg"]
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"]
DOMAINS = ["baeckerei-krause.de", "tsv-musterstadt.de", "fotostudio-lehmann.de",
           "kanzlei-weber.de", "gartenfreunde-nord.de", "ferienwohnung-ostsee.de",
           "chor-harmonie.de"]
GREETINGS = ["Hallo zusammen,", "Hallo,", "Moin,", "Guten Abend zusammen,", "Hallo in die Runde,",
             "Servus,"]
SIGNOFFS = ["Viele Grüße", "Danke vorab!", "Gruß", "Danke schon mal für eure Hilfe!",
            "Schönen Abend noch"]
ASKER_NAMES = {"member": ("Max", "Herr Neumann"), "customer": ("Lena", "Frau Hoffmann")}
STAFF_SIGNOFFS = [JANA, "Beste Grüße\nJana vom Kundenservice"]
SAME = ["Gleiches Problem hier, auch in {city}.",
        "Bei mir genau dasselbe. Bin gespannt, was der Service sagt.", "+1, betrifft mich auch.",
        "Dito. Hat sich schon jemand an die Hotline gewandt?"]
QUESTIONS = ["Hat jemand eine Idee, woran das liegen kann?",
             "Kennt das jemand und hat eine Lösung?", "Was kann ich noch ausprobieren?",
             "Kann sich das bitte jemand vom Service ansehen?"]
STAFF_GENERIC = [
    "damit ich das prüfen kann, schicken Sie mir bitte Ihre Kundennummer per PN.",
    "ich habe das an die Fachabteilung gegeben, Sie hören in zwei Werktagen von uns.",
    "danke für Ihre Geduld! Hat sich die Lage inzwischen gebessert?",
]
BUMPS = ["Kurze Nachfrage: Gibt es schon etwas Neues?",
         "Nachtrag: Bisher hat sich leider nichts geändert."]
THANKS = [
    "Danke, das war's!",
    "Problem gelöst, vielen Dank an alle!",
    "Kurze Rückmeldung: Hat sich erledigt. Danke für die schnelle Hilfe!",
    "Alles geklärt, von mir aus kann das Thema geschlossen werden.",
    "Super, vielen Dank! Da wäre ich allein nie drauf gekommen.",
]
MODERATION = [
    "Ich habe den Titel etwas präzisiert, damit das Thema besser gefunden wird.",
    "Ich habe die Kundennummer aus dem ersten Beitrag entfernt, so etwas bitte nur per PN.",
    "Ich habe das Thema ins passende Board verschoben, das Service-Team ist informiert.",
    "Zwei doppelte Themen zu diesem Problem habe ich hier zusammengeführt.",
]

FRAGMENTS: dict[str, dict[str, list]] = {
    "dsl-festnetz": {
        "titles": ["{topic} {dash} {device} in {city}", "{topic} {since}", "{device}: {topic}",
                   "{topic} ({city})"],
        "devices": ["FRITZ!Box 7590", "FRITZ!Box 7530 AX", "FRITZ!Box 7490", "FRITZ!Box 7590 AX",
                    "FRITZ!Box 7690", "Speedport Smart 4", "Speedport Smart 3", "Speedport W 724V"],
        "since": ["seit letzter Woche", "seit dem letzten Firmware-Update", "seit etwa zwei Wochen",
                  "seit Montag", "seit dem Umzug", "seit dem Wochenende", "seit ein paar Tagen"],
        "context": ["ich habe VDSL 100 in {city}, Router: {device}.",
                    "ich wohne in {city}, der Router ({device}) hängt an der ersten Dose."],
        "topics": [
            ("WLAN bricht abends ab", "Das WLAN bricht {since} regelmäßig ab, vor allem zwischen "
                "19 und 23 Uhr. Per LAN läuft alles stabil.",
             "vermutlich ist der Funkkanal überlastet. Stellen Sie das 2,4-GHz-WLAN fest auf Kanal "
                 "1, 6 oder 11.",
             "Klingt nach überlappenden WLAN-Kanälen. Schau mal mit einer WLAN-Analyse-App nach."),
            ("Sync-Rate deutlich unter Tarif", "Der Router synchronisiert {since} nur mit 40 statt "
                "100 Mbit/s.",
             "ich habe Ihre Leitung durchgemessen und wegen vieler Fehlersekunden den Port "
                 "zurückgesetzt. Bitte starten Sie den Router neu.",
             "Poste doch mal die Werte aus dem DSL-Menü (Dämpfung, Störabstand, Fehler)."),
            ("Telefonie geht nicht, Internet schon", "Das Internet läuft, aber telefonieren kann "
                "ich {since} nicht mehr. Im Hörer ist nur ein Besetztzeichen.",
             "Ihre Rufnummern waren nach einer Wartung nicht mehr registriert. Ich habe das "
                 "korrigiert, bitte starten Sie den Router neu.",
             "Schau mal unter Telefonie > Eigene Rufnummern, ob die Nummern grün sind."),
            ("Hohe Ping-Zeiten am Abend", "Abends habe ich {since} Pings von 80 bis 150 ms.",
             "ein Netzknoten in Ihrem Bereich ist abends ausgelastet, der Ausbau läuft bereits.",
             "Miss mal per LAN-Kabel, damit das WLAN als Ursache ausgeschlossen ist."),
            ("Keine Verbindung: PPPoE-Fehler", "Der Router meldet {since} „PPPoE-Fehler: "
                "Zeitüberschreitung“ und bekommt keine IP-Adresse.",
             "in {city} ist ein Verteiler gestört. Voraussichtlich ist das morgen Abend behoben.",
             "Stimmen die Zugangsdaten noch? Nach einem Reset sind die manchmal weg."),
        ],
        "tried": ["Router neu gestartet", "Werkseinstellungen geladen", "DSL-Kabel getauscht",
                  "Firmware aktualisiert", "WLAN-Kanal gewechselt", "per LAN-Kabel getestet"],
        "community": ["Schon die Störungsseite geprüft? Da steht oft mehr als bei der Hotline.",
                      "Router mal fünf Minuten stromlos machen. Hilft öfter, als man denkt."],
        "asker": ["Werte: Dämpfung 24 dB, Störabstand 6 dB, die CRC-Fehler steigen ständig.",
                  "Der Router ist schon neu, daran liegt es nicht.",
                  "Kabel getauscht, leider keine Änderung."],
    },
    "e-mail-webmailer": {
        "titles": ["{topic} {dash} {device}", "{device}: {topic}", "{topic} {since}",
                   "{topic} bei @beispiel-mail.de"],
        "devices": ["Thunderbird", "Outlook 365", "Mail-App auf dem iPhone",
                    "Gmail-App auf Android", "Apple Mail auf dem Mac", "eM Client", "Outlook 2019"],
        "since": ["seit gestern", "seit dem letzten Update", "seit ein paar Tagen", "seit Montag",
                  "seit heute Morgen", "seit der Passwortänderung"],
        "context": ["ich rufe meine Adresse @beispiel-mail.de per IMAP ab ({device}).",
                    "mein Postfach liegt seit Jahren bei euch, Programm: {device}."],
        "topics": [
            ("Keine neuen E-Mails mehr", "Im Mailprogramm kommen {since} keine neuen Nachrichten "
                "an, im Webmailer sehe ich sie aber.",
             "Ihr Postfach war nach mehreren Fehlanmeldungen gesperrt, die Sperre ist aufgehoben.",
             "Prüf mal, ob irgendwo noch ein altes Gerät mit falschem Passwort abruft."),
            ("Versand schlägt fehl", "Beim Senden kommt {since}: „Verbindung abgelehnt“.",
             "bitte nutzen Sie `smtp.beispiel-mail.de`, Port 587 (STARTTLS), Benutzername ist die "
                 "volle Adresse.",
             "Schau mal, ob beim Postausgangsserver die Authentifizierung aktiviert ist."),
            ("Passwortabfrage in Dauerschleife", "Das Programm fragt {since} ständig nach dem "
                "Kennwort.",
             "wir haben TLS 1.0 und 1.1 abgeschaltet. Nach einem Update des Mailprogramms klappt "
                 "es wieder.",
             "Bei mir war das alte Passwort noch im Schlüsselbund gespeichert."),
            ("Zertifikatswarnung beim Abrufen", "Beim Abrufen erscheint {since} eine "
                "Zertifikatswarnung für `imap.beispiel-mail.de`.",
             "unser Zertifikat ist gültig. Vermutlich prüft Ihr Virenscanner die Mailverbindung, "
                 "bitte dort abschalten.",
             "Manche Virenscanner klinken sich in die Mailverbindung ein, daher die Warnung."),
            ("Viel Spam trotz Spamfilter", "Im Posteingang landen {since} täglich 30 bis 40 "
                "Spam-Mails, obwohl der Filter auf „hoch“ steht.",
             "markieren Sie Spam im Webmailer bitte mit „Als Spam melden“, so lernt der Filter.",
             "Ich habe mir Filterregeln für die typischen Betreffzeilen angelegt."),
        ],
        "tried": ["Passwort neu gesetzt", "Konto gelöscht und neu angelegt",
                  "Virenscanner testweise deaktiviert", "Ports 993 und 587 kontrolliert",
                  "Mailprogramm aktualisiert"],
        "community": ["Bei mir half es, das Konto zu entfernen und manuell neu einzurichten.",
                      "Eine Anleitung gibt es unter https://www.example.com/hilfe/e-mail."],
        "asker": ["Die Einstellungen sind genau so, trotzdem keine Änderung.",
                  "Im Webmailer klappt alles, nur im Programm nicht.",
                  "Nachtrag: Am Handy geht es, nur der PC macht Probleme."],
    },
    "hosting-domains": {
        "titles": ["{topic} bei {domain}", "{topic} {dash} {device}", "{device}: {topic}",
                   "{topic} {since}"],
        "devices": ["WordPress", "Nextcloud", "Joomla", "Shopware", "TYPO3", "Contao", "Kirby",
                    "Hugo"],
        "since": ["seit gestern", "seit dem letzten Update", "seit dem Umzug zu euch",
                  "seit heute Vormittag", "seit ein paar Tagen", "seit Montag"],
        "context": ["ich betreue `{domain}` ({device}) bei euch im Paket Hosting Plus.",
                    "unsere Vereinsseite `{domain}` läuft mit {device} bei euch im Hosting."],
        "topics": [
            ("DNS-Änderung wird nicht übernommen", "Trotz des neuen A-Records zeigt die Domain "
                "{since} auf den alten Server.",
             "bei uns ist die Änderung aktiv, andere Resolver cachen alte Einträge aber bis zu 24 "
                 "Stunden. Zum Prüfen: `dig +short {domain} @ns1.beispiel-dns.de`",
             "Check mal mit https://www.example.com/dns-check, was die Resolver ausliefern."),
            ("SSL-Zertifikat abgelaufen", "Der Browser warnt {since}: „Nicht sicher“.",
             "das Zertifikat wird erneuert, sobald A- und AAAA-Record auf unseren Server zeigen. "
                 "Der AAAA-Record zeigt noch auf einen fremden Server.",
             "Hast du noch einen alten AAAA-Record drin? Der wird gern vergessen."),
            ("500 Internal Server Error", "Die Seite liefert {since} nur noch den Fehler 500.",
             "im Error-Log steht „Allowed memory size exhausted“. Erhöhen Sie das `memory_limit` "
                 "im Kundencenter unter PHP-Einstellungen.",
             "Klassiker: Ein Plugin passt nicht zur PHP-Version. Benenn den Plugin-Ordner mal um."),
            ("SFTP-Login schlägt fehl", "Per SFTP komme ich {since} nicht mehr auf den Webspace, "
                "FileZilla meldet „Authentifizierung fehlgeschlagen“.",
             "das Passwort wurde bei der Umstellung auf SFTP zurückgesetzt. Bitte vergeben Sie im "
                 "Kundencenter ein neues und nutzen Sie Port 22.",
             "Achte darauf, in FileZilla wirklich SFTP und nicht FTP auszuwählen."),
            ("www-Adresse nicht erreichbar", "Ohne www geht alles, mit www {since} nicht mehr.",
             "für `www` fehlte ein DNS-Eintrag. Ich habe einen CNAME auf die Hauptdomain angelegt.",
             "Für www brauchst du einen eigenen Eintrag, zum Beispiel `www IN CNAME {domain}.`"),
        ],
        "tried": ["Cache geleert", "`.htaccess` testweise umbenannt", "alle Plugins deaktiviert",
                  "DNS mit `dig` geprüft", "Passwort neu gesetzt", "Error-Log angeschaut"],
        "community": ["Schau zuerst ins Error-Log im Kundencenter, da steht meist die Ursache.",
                      "Hast du vor Kurzem etwas geändert? Update, PHP-Version, DNS?"],
        "asker": ["Im Error-Log steht leider nichts Hilfreiches.",
                  "Ich habe seit Wochen nichts an der Seite geändert.",
                  "Alles zurückgesetzt, der Fehler bleibt leider."],
    },
    "mobilfunk": {
        "titles": ["{topic} {dash} {device}", "{device}: {topic}", "{topic} {since}",
                   "{topic} (Raum {city})"],
        "devices": ["iPhone 15", "iPhone 13", "Samsung Galaxy S24", "Samsung Galaxy A54",
                    "Google Pixel 8", "Xiaomi Redmi Note 13", "Fairphone 5", "iPhone SE"],
        "since": ["seit gestern", "seit dem letzten Software-Update", "seit ein paar Tagen",
                  "seit Montag", "seit heute Morgen", "seit dem Handywechsel"],
        "context": ["ich wohne in {city}, Tarif Beispiel Mobil M, Handy: {device}.",
                    "mein Handy ist ein {device}, unterwegs bin ich meist im Raum {city}."],
        "topics": [
            ("Kein Netz in der Wohnung", "Zu Hause habe ich {since} kaum Empfang, oft nur „SOS“.",
             "in {city} wird an einem Sendemast gearbeitet. Bis dahin hilft WLAN Call, das ich "
                 "aktiviert habe.",
             "Ich habe in {city} seit Tagen auch schlechten Empfang, am Handy liegt es nicht."),
            ("Mobile Daten gehen nicht", "Telefonieren geht, aber mobile Daten funktionieren "
                "{since} nicht mehr, obwohl noch Volumen da ist.",
             "bitte prüfen Sie den Zugangspunkt (APN). Er muss `internet.beispiel.de` lauten, "
                 "Benutzername und Passwort bleiben leer.",
             "Schau mal, ob der Datensparmodus versehentlich etwas blockiert."),
            ("WLAN Call funktioniert nicht", "WLAN Call ist an, greift {since} aber nicht.",
             "WLAN Call muss einmalig freigeschaltet werden, das habe ich eben erledigt.",
             "Bei mir hat der Router die nötigen Ports blockiert, nach einem Update ging es."),
            ("Datenvolumen ungewöhnlich schnell weg", "Das Datenvolumen schmilzt {since} "
                "ungewöhnlich schnell, obwohl ich unterwegs kaum surfe.",
             "in der Verbrauchsübersicht im Kundenportal sehen Sie, wann viel verbraucht wurde.",
             "Schau mal, welche Apps im Hintergrund Daten ziehen. Bei mir war es das Foto-Backup."),
            ("Nur 4G statt 5G", "Das Handy zeigt {since} nur 4G, laut Netzkarte gibt es 5G.",
             "5G ist in Ihrem Tarif nur mit der Option „5G Plus“ nutzbar. Sie ist im Kundenportal "
                 "monatlich kündbar buchbar.",
             "Ist im Handy unter Netzmodus überhaupt 5G ausgewählt?"),
        ],
        "tried": ["Handy neu gestartet", "Flugmodus an und aus", "Netzeinstellungen zurückgesetzt",
                  "SIM in einem anderen Handy getestet", "Software-Update installiert"],
        "community": ["Schon mal die SIM getauscht? Alte Karten machen manchmal Ärger.",
                      "Flugmodus an, zehn Sekunden warten, wieder aus. Hilft bei mir oft."],
        "asker": ["Neustart hat leider nichts gebracht.",
                  "Das ist übrigens nicht nur zu Hause so, auch in der Innenstadt.",
                  "Mit einem anderen Handy klappt es, es liegt also wohl am {device}."],
    },
    "vertrag-rechnung": {
        "titles": ["Rechnung {month}: {topic}", "{topic} ({device})",
                   "{topic} {dash} bitte um Prüfung", "{device}: {topic}"],
        "devices": ["Beispiel DSL 50", "Beispiel DSL 100", "Beispiel DSL 250", "Glasfaser 500",
                    "Glasfaser 1000", "Beispiel Mobil M", "Beispiel Mobil L",
                    "Kombi-Paket Zuhause"],
        "since": ["seit der letzten Rechnung", "seit der Vertragsverlängerung",
                  "seit dem Tarifwechsel", "seit zwei Monaten", "seit dem Umzug"],
        "context": ["ich bin seit mehreren Jahren im Tarif {device}.",
                    "mein Vertrag: {device}, Zahlung per Lastschrift.",
                    "kurz zu mir: Tarif {device}, Anschluss in {city}."],
        "topics": [
            ("Betrag doppelt abgebucht", "Der Betrag für {month} wurde zweimal abgebucht.",
             "die doppelte Abbuchung ist unser Fehler, das Geld kommt binnen fünf Werktagen "
                 "zurück.",
             "Zur Not kannst du die Lastschrift acht Wochen lang über die Bank zurückholen."),
            ("Grundpreis höher als vereinbart", "Auf der Rechnung steht {since} ein höherer "
                "Grundpreis als bei Vertragsabschluss vereinbart.",
             "der Aktionsrabatt war versehentlich ausgelaufen. Er ist wieder drin, die Differenz "
                 "gutgeschrieben.",
             "Schau mal in die Vertragszusammenfassung, da steht der vereinbarte Preis."),
            ("Keine Kündigungsbestätigung", "Ich habe vor drei Wochen gekündigt, aber keine "
                "Bestätigung mit dem Vertragsende erhalten.",
             "Ihre Kündigung ist zum Ende der Mindestlaufzeit vorgemerkt. Die Bestätigung habe ich "
                 "Ihnen noch einmal per E-Mail geschickt.",
             "Kündigungen immer per Kündigungsbutton oder Einschreiben, wegen des Nachweises."),
            ("Unbekannte Position auf der Rechnung", "Auf der Rechnung für {month} steht „Sonstige "
                "Leistungen“ über 9,99 €, das kann ich nicht zuordnen.",
             "das ist eine Drittanbieterleistung. Ich habe sie gutgeschrieben und die "
                 "Drittanbietersperre für Sie eingerichtet.",
             "Riecht nach Abofalle. Die Drittanbietersperre ist kostenlos."),
            ("Mahnung trotz Zahlung", "Ich habe eine Mahnung zur Rechnung für {month} bekommen, "
                "obwohl ich fristgerecht überwiesen habe.",
             "Ihre Überweisung ohne Rechnungsnummer konnte nicht zugeordnet werden. Ich habe das "
                 "korrigiert, die Mahnung ist hinfällig.",
             "Hast du bei der Überweisung die Kundennummer im Verwendungszweck angegeben?"),
        ],
        "tried": ["im Kundenportal nachgesehen",
                  "bei der Hotline angerufen (45 Minuten Warteschleife)",
                  "Kontaktformular ausgefüllt", "Kontoauszüge geprüft"],
        "community": ["Die Hotline ist vormittags meist schneller zu erreichen als abends.",
                      "Bei mir hat so etwas leider auch zwei Rechnungen gedauert."],
        "asker": ["PN ist raus, danke!",
                  "Die Unterlagen habe ich noch, kann ich gern per PN schicken.",
                  "Die Hotline hat mich ans Forum verwiesen, deshalb frage ich hier."],
    },
}
# fmt: on
