"""German demo content for the forum: boards, community members, hand-written threads
and a fragment-based generator, kept apart from the seeding code so it reads as text."""

import random

_DASH = "\u2013"  # en dash for titles; written as an escape so no linter mistakes it for "-"
_JANA = "Viele Grüße\nJana vom Kundenservice"
_TOBIAS = "Gruß\nTobias (Moderation)"

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

# Thread authors are demo roles; "member" signs as Max Neumann, "customer" as Lena Hoffmann,
# matching the accounts the seeder creates. Replies are (author, body) pairs.
_DSL = [
    {"title": "FRITZ!Box 7590 synchronisiert nur mit 16 statt 100 Mbit/s", "author": "member",
     "body": "Hallo zusammen,\n\nich bin letzte Woche auf VDSL 100 umgestiegen, die FRITZ!Box 7590 "
         "synchronisiert aber nur mit knapp 16 Mbit/s. Werte aus dem DSL-Menü:\n\n"
         "| | Empfang | Senden |\n|---|---|---|\n| Synchronisation | 16.704 kbit/s | 2.400 kbit/s "
         "|\n| Leitungskapazität | 98.120 kbit/s | 41.380 kbit/s |\n"
         "| Störabstandsmarge | 14 dB | 9 dB |\n\nIst noch das alte Profil hinterlegt?\n\nMax",
     "replies": [
         ("community", "Die Leitungskapazität ist top. Das sieht nach einem falschen Profil in der "
             "Vermittlungsstelle aus, am Router kannst du da nichts machen."),
         ("staff", "Hallo Herr Neumann,\n\ndanke für die Werte! Bei der Tarifumstellung wurde Ihr "
             "Port tatsächlich nicht umgestellt. Das ist nachgeholt, bitte die FRITZ!Box neu "
             f"starten.\n\n{_JANA}"),
         ("asker", "Danke, das war's! Jetzt synchronisiert die Box mit 100 Mbit/s."),
     ]},
    {"title": "Abends Verbindungsabbrüche mit Speedport Smart 4", "author": "customer",
     "body": "Hallo,\n\nseit zehn Tagen verliert mein Speedport Smart 4 fast jeden Abend zwischen "
         "20 und 22 Uhr die Verbindung. Bereits probiert:\n\n- Werkseinstellungen geladen\n"
         "- direkt an der ersten TAE-Dose angeschlossen\n- anderes DSL-Kabel\n\n"
         "Anschluss ist in Kassel-Wehlheiden.\n\nViele Grüße, Lena Hoffmann",
     "replies": [
         ("community", "Poste mal das Ereignisprotokoll (Einstellungen > System > Protokoll). Dann "
             "sieht man, ob die DSL-Synchronisation verloren geht oder nur die PPPoE-Sitzung."),
         ("asker", "Hier der Ausschnitt von gestern:\n\n```\n20:14:31  DSL-Synchronisation "
             "verloren\n20:14:58  DSL-Synchronisation beginnt (Training)\n"
             "20:16:12  DSL ist verfügbar (Down: 109,9 Mbit/s, Up: 40,0 Mbit/s)\n"
             "21:47:05  DSL-Synchronisation verloren\n```"),
         ("staff", "Hallo Frau Hoffmann,\n\ndanke für das Protokoll. Die Leitung verliert die "
             "Synchronisation, am Router liegt es also nicht. Ein Techniker prüft den "
             f"Kabelverzweiger in Ihrer Straße, den Termin bekommen Sie per SMS.\n\n{_JANA}"),
         ("asker", "Update: Der Techniker hat eine korrodierte Klemme getauscht. Seitdem Ruhe!"),
     ]},
    {"title": "SIP-Fehler 403 nach Wechsel auf eigene FRITZ!Box 7530 AX", "author": "community",
     "body": "Hallo zusammen,\n\nInternet läuft mit der neuen FRITZ!Box, aber die Festnetznummern "
         "melden sich nicht an:\n\n> Anmeldung der Internetrufnummer 0511xxxxxx war nicht "
         "erfolgreich. Ursache: Gegenstelle meldet Forbidden (403)\n\n"
         "Welche Zugangsdaten muss ich bei Telefonie eintragen?",
     "replies": [
         ("staff", "Hallo,\n\ndie Telefonie-Zugangsdaten sind andere als die fürs Internet. Sie "
             "stehen im Kundenportal unter „Anschluss > Telefonie“. Pro Rufnummer tragen Sie "
             "ein:\n\n```\nRufnummer:     0511xxxxxx (mit Vorwahl)\nBenutzername:  0511xxxxxx\n"
             "Kennwort:      SIP-Kennwort aus dem Kundenportal\nRegistrar:     "
             f"sip.beispiel-telekom.de\n```\n\n{_JANA}"),
         ("community", "Bei mir musste zusätzlich der Haken bei „Anmeldung immer über eine "
             "Internetverbindung“ gesetzt werden."),
         ("asker", "Ich hatte das Internet-Passwort genommen. Mit dem SIP-Kennwort klappt's!"),
     ]},
    {"title": "Dauerschleife „DSL-Synchronisierung beginnt“ in Leipzig", "author": "community",
     "body": "Moin,\n\nseit heute 6 Uhr kein Internet und kein Telefon. Die FRITZ!Box 7490 meldet "
         "im Minutentakt „DSL antwortet nicht“. Wohne in Leipzig-Gohlis, auf der Störungsseite "
         "steht nichts. Noch jemand betroffen?",
     "replies": [
         ("community", "Ja, hier auch, Gohlis mit Speedport Smart 3. Seit ca. 6:15 Uhr tot."),
         ("community", "Dito, Möckern. Laut Hotline ist die Störung bekannt, aber ohne Uhrzeit."),
         ("community", "+1, Eutritzsch. In der Georg-Schumann-Straße wird gebaggert."),
     ]},
    {"title": "Portfreigabe für Heimserver klappt nicht (DS-Lite?)", "author": "member",
     "body": "Hallo,\n\nmein Raspberry Pi mit Nextcloud soll von unterwegs erreichbar sein. Die "
         "Portfreigabe für 443 ist eingerichtet, von außen kommt aber nichts an. Als IPv4 steht "
         "dort `100.72.x.x`.\n\nMax",
     "replies": [
         ("community", "Die 100.64er-Adresse verrät es: DS-Lite, also keine eigene öffentliche "
             "IPv4. Entweder den Pi per IPv6 freigeben oder beim Service Dual Stack beantragen."),
         ("staff", "Hallo Herr Neumann,\n\ngenau so ist es. Dual Stack ist kostenlos und lässt "
             "sich im Kundenportal unter „Anschluss > Internet“ beantragen. Mehr dazu: "
             f"https://www.example.com/hilfe/dual-stack\n\n{_JANA}"),
         ("asker", "Beantragt, zwei Stunden später hatte ich eine öffentliche IPv4. Danke!"),
     ]},
    {"title": "Glasfaser in der Straße verlegt: Wann kann ich wechseln?", "author": "customer",
     "body": "Hallo,\n\nbei uns wurde Glasfaser verlegt, im Keller hängt ein grauer Kasten. Die "
         "Verfügbarkeitsprüfung zeigt aber nur VDSL 100, und mein Vertrag läuft bis Oktober. Kann "
         "ich vorher wechseln?\n\nLena Hoffmann",
     "replies": [
         ("staff", "Hallo Frau Hoffmann,\n\nder Kasten ist der Hausübergabepunkt. Es fehlen noch "
             "zwei Schritte:\n\n- die Leitung bis in die Wohnung\n"
             "- die Freischaltung des Gebäudes\n\nSobald Ihre Adresse buchbar ist, können Sie "
             f"auch vor Laufzeitende wechseln.\n\n{_JANA}"),
         ("community", "Bei uns hat es nach dem Kasten noch vier Monate gedauert."),
     ]},
]

_MAIL = [
    {"title": "Thunderbird: SMTP-Fehler 535 beim Senden", "author": "member",
     "body": "Hallo,\n\nseit gestern kann ich mit Thunderbird nicht mehr senden, empfangen "
         "klappt:\n\n```\nDer Server antwortete: 535 5.7.8 Authentication failed\n```\n\n"
         "Im Webmailer komme ich mit demselben Passwort rein.\n\nGruß, Max",
     "replies": [
         ("community", "Welche Authentifizierung ist beim Postausgangsserver eingestellt? Bei mir "
             "stand nach einem Update „Verschlüsseltes Passwort“ drin."),
         ("staff", "Hallo Herr Neumann,\n\nbitte vergleichen Sie mit diesen Einstellungen:\n\n"
             "```\nServer:             smtp.beispiel-mail.de\nPort:               587\n"
             "Verbindung:         STARTTLS\nAuthentifizierung:  Passwort, normal\n"
             "Benutzername:       vollständige E-Mail-Adresse\n```\n\n"
             f"Alternativ geht Port 465 mit SSL/TLS.\n\n{_JANA}"),
         ("asker", "Es war der Benutzername: „max.neumann“ ohne Domain. Jetzt geht's, danke!"),
     ]},
    {"title": "IMAP-Einstellungen für die Mail-App auf dem iPhone", "author": "customer",
     "body": "Hallo zusammen,\n\ndie automatische Einrichtung meines Postfachs @beispiel-mail.de "
         "findet auf dem neuen iPhone nichts. Welche Server und Ports brauche ich?\n\nLena",
     "replies": [
         ("community", "Das läuft bei mir seit Jahren:\n\n| Dienst | Server | Port | "
             "Verschlüsselung |\n|---|---|---|---|\n| IMAP | `imap.beispiel-mail.de` | 993 | "
             "SSL/TLS |\n| SMTP | `smtp.beispiel-mail.de` | 587 | STARTTLS |\n\n"
             "Benutzername ist die komplette Adresse. „Andere > Mail-Account hinzufügen“ wählen."),
         ("asker", "Perfekt, läuft! Danke dir."),
         ("moderator", f"Ich habe den Beitrag als Lösung markiert.\n\n{_TOBIAS}"),
     ]},
    {"title": "Postfach voll, obwohl ich alles gelöscht habe", "author": "community",
     "body": "Hallo,\n\nder Webmailer meldet „Ihr Postfach ist zu 100 % belegt“. Ich habe Hunderte "
         "Mails gelöscht, die Anzeige bleibt bei 1 GB von 1 GB. Was mache ich falsch?",
     "replies": [
         ("community", "Gelöschte Mails liegen im Papierkorb und zählen weiter. Rechtsklick auf "
             "„Papierkorb“ > „Ordner leeren“, dasselbe bei „Spam“."),
         ("customer", "In Outlook gibt es oft noch „Gelöschte Elemente“, auch den leeren."),
         ("asker", "Im Papierkorb lagen 900 MB. Jetzt bin ich bei 12 %, danke!"),
     ]},
    {"title": "Erpresser-Mail mit meiner eigenen Adresse als Absender", "author": "member",
     "body": "Hallo,\n\nich bekomme Mails, die angeblich von meiner eigenen Adresse stammen:\n\n"
         "> Ich habe Ihr Gerät gehackt und Sie über die Kamera gefilmt. Überweisen Sie 1.200 € in "
         "Bitcoin.\n\nIst mein Konto gehackt?\n\nMax",
     "replies": [
         ("staff", "Hallo Herr Neumann,\n\nnein, das ist eine bekannte Betrugsmasche. Absender "
             "lassen sich leicht fälschen, in Ihrem Konto sehe ich keine verdächtigen "
             "Anmeldungen. Bitte nicht antworten, nichts bezahlen und die Mail als Spam "
             f"markieren.\n\n{_JANA}"),
         ("asker", "Da bin ich erleichtert, danke! Das Passwort habe ich trotzdem geändert."),
     ]},
    {"title": "Weiterleitung an Gmail kommt nur teilweise an", "author": "customer",
     "body": "Hallo zusammen,\n\nim Webmailer leite ich alle Mails an meine Gmail-Adresse weiter. "
         "Seit einer Woche kommt dort nur noch ein Teil an, Newsletter fehlen ganz.\n\nLena",
     "replies": [
         ("staff", "Hallo Frau Hoffmann,\n\nGoogle lehnt Weiterleitungen teils ab, wenn die "
             "Absenderdomain kein gültiges SPF oder DKIM hat. Schicken Sie mir bitte per PN ein "
             f"Beispiel mit Uhrzeit, dann schaue ich in die Logs.\n\n{_JANA}"),
         ("asker", "PN ist raus."),
         ("community", "Gleiches Problem hier, an GMX klappt es, bei Gmail fehlen einzelne Mails."),
         ("community", "+1, bei mir seit zwei Wochen. Gibt es schon etwas Neues?"),
     ]},
    {"title": "Webmailer: „Sitzung abgelaufen“ direkt nach dem Login", "author": "community",
     "body": "Hallo,\n\nnach dem Login sehe ich kurz den Posteingang, dann kommt „Ihre Sitzung ist "
         "abgelaufen“. Nur in Firefox, in Chrome geht es.",
     "replies": [
         ("community", "Das ist der strenge Tracking-Schutz von Firefox. Über das Schild-Symbol in "
             "der Adressleiste für die Seite abschalten."),
         ("asker", "Das war's! Jetzt bleibe ich eingeloggt. Danke!"),
         ("staff", f"Danke, wir beheben das mit dem nächsten Update.\n\n{_JANA}"),
     ]},
]

_HOSTING = [
    {"title": "A-Record für Subdomain wird nicht übernommen", "author": "community",
     "body": "Hallo,\n\n`shop.baeckerei-krause.de` soll auf einen externen Server zeigen. Die Zone "
         "im DNS-Editor:\n\n```\n$TTL 3600\n@      IN A      203.0.113.10\n"
         "www    IN CNAME  baeckerei-krause.de.\nshop   IN A      198.51.100.25\n```\n\n"
         "Nach zwei Stunden liefert `dig` immer noch NXDOMAIN. Was fehlt?",
     "replies": [
         ("community", "Frag mal direkt den autoritativen Server, dein Resolver cacht das NXDOMAIN "
             "eventuell: `dig shop.baeckerei-krause.de @ns1.beispiel-dns.de`"),
         ("asker", "Auch dort kommt nichts zurück."),
         ("staff", "Hallo,\n\ndie Änderung war gespeichert, aber nicht veröffentlicht: Bei DNSSEC "
             "muss die Zone über „Änderungen übernehmen“ neu signiert werden. Das habe ich "
             f"angestoßen, der Eintrag ist jetzt sichtbar.\n\n{_JANA}"),
         ("asker", "Jetzt geht's, vielen Dank!"),
     ]},
    {"title": "Let's Encrypt: Zertifikat wird nicht ausgestellt", "author": "customer",
     "body": "Hallo zusammen,\n\nfür `fotografie-hoffmann.de` schlägt die SSL-Ausstellung seit "
         "Tagen fehl:\n\n> Validierung fehlgeschlagen: Die Domain konnte nicht über HTTP-01 "
         "verifiziert werden.\n\nPer HTTP ist die Seite erreichbar.\n\nLena",
     "replies": [
         ("community", "Gibt es einen AAAA-Record? Let's Encrypt bevorzugt IPv6. Zeigt der noch "
             "auf einen alten Server, scheitert die Validierung."),
         ("asker", "Treffer, ein Eintrag vom alten Anbieter! Gelöscht, Zertifikat ist da."),
     ]},
    {"title": "Domain-Transfer: AuthCode wird als ungültig abgelehnt", "author": "community",
     "body": "Hallo,\n\nich will `tsv-musterstadt.de` zu euch umziehen. Der Transfer bricht mit "
         "„AuthInfo ungültig“ ab, obwohl ich den Code zweimal kontrolliert habe.",
     "replies": [
         ("staff", "Hallo,\n\nmeist steckt eine von zwei Ursachen dahinter:\n\n"
             "1. Der alte Anbieter hat den Code neu erzeugt.\n2. Beim Kopieren kam ein "
             "Leerzeichen oder Zeilenumbruch mit.\n\nBitte einen neuen Code anfordern und den "
             f"Transfer neu starten.\n\n{_JANA}"),
         ("asker", "Es war Nummer 2, beim Kopieren aus dem PDF. Der Transfer läuft jetzt."),
     ]},
    {"title": "Mails von eigener Domain landen bei Gmail im Spam", "author": "community",
     "body": "Hallo zusammen,\n\nRechnungen von `info@kanzlei-weber.de` landen bei Gmail im Spam. "
         "Im Header steht `spf=neutral` und `dkim=none`. Welche DNS-Einträge brauche ich?",
     "replies": [
         ("community", "SPF, DKIM und DMARC. Bei mir sieht das so aus:\n\n```\n"
             "@               IN TXT \"v=spf1 include:_spf.beispiel-mail.de -all\"\n"
             "bt1._domainkey  IN TXT \"v=DKIM1; k=rsa; p=MIIBIjANBgkq...\"\n"
             "_dmarc          IN TXT \"v=DMARC1; p=none; rua=mailto:dmarc@example.com\"\n```"),
         ("staff", "Hallo,\n\ndas passt. DKIM können Sie unter „E-Mail > Domain-Einstellungen“ "
             f"auch per Klick aktivieren. Bei DMARC erst mit `p=none` starten.\n\n{_JANA}"),
         ("asker", "Jetzt `spf=pass` und `dkim=pass`, die Testmail kam im Posteingang an. Danke!"),
     ]},
    {"title": "PHP-Version im Paket Hosting Basic auf 8.3 umstellen", "author": "community",
     "body": "Moin,\n\nWordPress meckert über PHP 7.4. Wie stelle ich auf 8.3 um? `AddHandler` in "
         "der `.htaccess` hat nichts gebracht.",
     "replies": [
         ("staff", "Hallo,\n\ndas geht im Kundencenter unter „Hosting > Einstellungen > "
             "PHP-Version“, die `.htaccess` wird dafür nicht ausgewertet. Vorher bitte Plugins "
             f"aktualisieren und ein Backup anlegen.\n\n{_JANA}"),
         ("asker", "Hat geklappt, nur ein altes Galerie-Plugin musste raus."),
     ]},
    {"title": "500 Internal Server Error nach WordPress-Update", "author": "member",
     "body": "Hallo,\n\nseit dem automatischen Update zeigt `gartenfreunde-nord.de` nur noch „500 "
         "Internal Server Error“, auch `/wp-admin`. Wo fange ich an?\n\nMax",
     "replies": [
         ("community", "1. Error-Log im Kundencenter ansehen.\n2. Per SFTP `wp-content/plugins` "
             "umbenennen.\n3. Lädt die Seite dann, Plugins einzeln zurückholen."),
         ("asker", "Im Log steht:\n\n```\nPHP Fatal error: Allowed memory size of 134217728 bytes "
             "exhausted\n```\n\nPlugins umbenennen hat nichts geändert."),
         ("community", "Dann `memory_limit` hochsetzen, 128 MB sind knapp."),
         ("asker", "Mehr als 128 MB lässt mein Paket nicht zu. Muss ich wirklich upgraden?"),
     ]},
]

_MOBILE = [
    {"title": "Roaming in der Schweiz: Was kostet das?", "author": "member",
     "body": "Hallo,\n\nwir fahren im August nach Graubünden. Gilt mein EU-Roaming (Beispiel Mobil "
         "M) auch in der Schweiz?\n\nDanke und Gruß, Max",
     "replies": [
         ("staff", "Hallo Herr Neumann,\n\ngut, dass Sie fragen! Die Schweiz gehört nicht zur "
             "EU-Regelung, es gilt Ländergruppe 2:\n\n| Leistung | Preis |\n|---|---|\n"
             "| Anrufe | 0,99 €/Min. |\n| SMS | 0,39 € |\n| Daten | 1,99 € je 10 MB |\n\n"
             f"Günstiger ist „Travel Welt 1 GB“ für 9,95 € (SMS `TRAVEL` an 2233).\n\n{_JANA}"),
         ("community", "Tipp: In Grenznähe bucht sich das Handy gern ins Schweizer Netz ein."),
         ("asker", "Danke euch, die Option ist gebucht."),
     ]},
    {"title": "eSIM auf neues iPhone übertragen: QR-Code geht nicht", "author": "customer",
     "body": "Hallo zusammen,\n\nder QR-Code aus meinem Begrüßungsbrief von 2022 wird vom neuen "
         "iPhone 15 als ungültig abgelehnt. Was nun?\n\nLena",
     "replies": [
         ("community", "Der Code ist nur einmal verwendbar, du brauchst ein neues eSIM-Profil."),
         ("staff", "Hallo Frau Hoffmann,\n\ngenau. Ein neues Profil gibt es im Kundenportal unter "
             "„Mobilfunk > SIM-Karte > eSIM neu anfordern“. Die alte eSIM ist danach sofort "
             f"inaktiv, richten Sie die neue also direkt ein.\n\n{_JANA}"),
         ("asker", "Hat funktioniert, nach fünf Minuten war das iPhone im Netz. Danke!"),
     ]},
    {"title": "Nur „SOS“ im Neubau, geht WLAN Call?", "author": "community",
     "body": "Hallo,\n\nim Neubau in Freiburg-Rieselfeld habe ich drinnen nur „SOS“, draußen volle "
         "Balken. Kann ich WLAN Call nutzen? Handy ist ein Galaxy S23.",
     "replies": [
         ("community", "Dreifachverglasung ist für Mobilfunk fast eine Wand, WLAN Call hilft."),
         ("staff", "Hallo,\n\nWLAN Call ist kostenlos und für Ihre Nummer aktiviert. Am S23 unter "
             f"`Einstellungen > Verbindungen > WLAN-Anrufe` einschalten.\n\n{_JANA}"),
         ("asker", "Funktioniert, danke!"),
     ]},
    {"title": "Datenvolumen nach drei Tagen aufgebraucht?", "author": "member",
     "body": "Hallo zusammen,\n\nmeine 10 GB waren diesmal nach drei Tagen weg, obwohl ich "
         "unterwegs kaum surfe. Wo sehe ich, wofür das Volumen draufging?\n\nMax",
     "replies": [
         ("community", "Unter Einstellungen > Mobilfunk siehst du den Verbrauch pro App."),
         ("customer", "Bei mir war es der WLAN-Assistent, der auf Mobilfunk umschaltet."),
         ("asker", "Gefunden: Die Foto-Cloud hat 8 GB Videos über Mobilfunk hochgeladen."),
     ]},
    {"title": "Rufnummernmitnahme hängt seit zehn Tagen", "author": "community",
     "body": "Hallo,\n\ndie Portierung meiner Nummer war für den 14. angekündigt, seitdem steht im "
         "Kundenportal „Portierung in Bearbeitung“. Wie lange dauert das?",
     "replies": [
         ("staff", "Hallo,\n\nder alte Anbieter hat abgelehnt, weil dort noch Ihr Geburtsname "
             "hinterlegt ist. Ich habe den Auftrag korrigiert und neu eingereicht, meist dauert "
             f"es dann drei bis fünf Werktage.\n\n{_JANA}"),
         ("asker", "Seit heute früh läuft die Nummer auf der neuen SIM. Danke!"),
     ]},
    {"title": "Kein 5G mit dem Samsung Galaxy S24", "author": "community",
     "body": "Hallo,\n\nlaut Netzkarte gibt es in Dortmund-Hörde 5G, mein Tarif hat 5G, das S24 "
         "zeigt aber nur 4G. Geht das noch jemandem so?",
     "replies": [
         ("community", "Ja, genauso beim Pixel 8, Dortmund-Innenstadt."),
         ("community", "Dasselbe mit dem S24, seit dem letzten Software-Update."),
         ("community", "Gleiches Problem hier. Die Hotline wusste von nichts."),
     ]},
]

_CONTRACT = [
    {"title": "Rechnungsbetrag für März doppelt abgebucht", "author": "customer",
     "body": "Hallo,\n\nauf meinem Konto sehe ich zwei Lastschriften über je 44,99 € für „Rechnung "
         "März“, im Kundenportal gibt es nur eine Rechnung. Bitte um Prüfung.\n\nLena Hoffmann",
     "replies": [
         ("staff", "Hallo Frau Hoffmann,\n\nbitte entschuldigen Sie! Durch einen Fehler beim "
             "Einzug wurden einige Konten doppelt belastet. Die zweite Abbuchung wird binnen fünf "
             f"Werktagen erstattet, Bankgebühren übernehmen wir.\n\n{_JANA}"),
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
             f"Sie sich gern, vielleicht finden wir ein passendes Angebot.\n\n{_JANA}"),
         ("asker", "Danke, ich rufe erst einmal an und höre mir das Angebot an."),
     ]},
    {"title": "Umzug nach Hamburg: Vertrag mitnehmen oder kündigen?", "author": "community",
     "body": "Hallo,\n\nwir ziehen im September von Bielefeld nach Hamburg-Eimsbüttel, der Vertrag "
         "läuft bis Februar.\n\n1. Kann ich ihn mitnehmen?\n2. Was, wenn dort nur 50 Mbit/s "
         "gehen?\n3. Wann muss ich den Umzug melden?",
     "replies": [
         ("staff", "Hallo,\n\n1. Ja, der Vertrag zieht mit.\n2. Dann bieten wir den schnellsten "
             "verfügbaren Tarif an, oder Sie kündigen nach § 60 TKG mit einem Monat Frist.\n"
             f"3. Am besten sechs bis acht Wochen vorher im Kundenportal.\n\n{_JANA}"),
         ("asker", "Danke! Dort gehen sogar 250 Mbit/s, dann wechsle ich gleich mit."),
     ]},
    {"title": "Unbekannte Drittanbieter-Beträge auf der Handyrechnung", "author": "community",
     "body": "Hallo,\n\nauf meiner Rechnung für Mai steht:\n\n| Position | Betrag |\n|---|---|\n"
         "| Grundgebühr Beispiel Mobil M | 19,99 € |\n| Drittanbieter: GameZone Abo | 4,99 € |\n"
         "| Drittanbieter: GameZone Abo | 4,99 € |\n\nIch habe nie ein Abo abgeschlossen.",
     "replies": [
         ("community", "Typische Abofalle. Richte sofort die kostenlose Drittanbietersperre ein."),
         ("staff", "Hallo,\n\ndie Sperre ist jetzt aktiv und das Abo gekündigt. Die beiden "
             f"Beträge schreibe ich Ihnen aus Kulanz auf der nächsten Rechnung gut.\n\n{_JANA}"),
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
             f"gern, kurze PN genügt.\n\n{_JANA}"),
         ("asker", "Gefunden, danke euch!"),
     ]},
]

_NEWS = [
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
         f"{_JANA}",
     "replies": [
         ("staff", f"**Update 4:20 Uhr:** Alles erledigt, die Dienste laufen wieder.\n\n{_JANA}"),
     ]},
    {"title": "Behoben: Störung bei Internet und Telefonie im Raum Nürnberg", "author": "staff",
     "locked": True,
     "body": "Hallo zusammen,\n\n**Update 18:45 Uhr: Die Störung ist behoben.** Ursache war ein "
         "bei Tiefbauarbeiten beschädigtes Glasfaserkabel.\n\n- 10:30 Uhr: erste Meldungen\n"
         "- 11:15 Uhr: Ursache gefunden, Technik vor Ort\n- 16:00 Uhr: Ersatzstrecke geschaltet\n"
         "- 18:45 Uhr: Kabel repariert\n\nIst Ihr Anschluss noch gestört, bitte den Router neu "
         f"starten.\n\n{_JANA}",
     "replies": [
         ("admin", "Wir schließen das Thema. Bei weiteren Problemen bitte ein eigenes Thema im "
             "Board „DSL & Festnetz“ eröffnen.\n\nEuer Forenteam"),
     ]},
]

_CHAT = [
    {"title": "Vorstellungsrunde: Wer seid ihr?", "author": "moderator",
     "body": "Hallo zusammen,\n\nZeit für eine Vorstellungsrunde! Ich fange an: Tobias, 38, aus "
         f"Mainz, moderiere hier seit zwei Jahren und bastle gern am Heimnetz.\n\n{_TOBIAS}",
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

_CUSTOMERS = [
    {"title": "Neues Kundenportal vorab testen: Euer Feedback", "author": "staff", "pinned": True,
     "body": "Hallo zusammen,\n\nunter https://www.example.com/portal-beta könnt ihr das neue "
         "Kundenportal testen. Neu sind:\n\n- Rechnungen aus fünf Jahren als PDF\n"
         "- Live-Status bei Störungen\n- Tarifwechsel mit zwei Klicks\n\n"
         f"Was fehlt, was hakt? Wir freuen uns über Rückmeldungen.\n\n{_JANA}",
     "replies": [
         ("customer", "Viel aufgeräumter! In Safari verdeckt der Cookie-Banner den Login-Button."),
         ("staff", f"Danke, ist an die Entwicklung weitergegeben!\n\n{_JANA}"),
         ("customer", "Noch ein Wunsch: Push-Benachrichtigungen, wenn eine Störung behoben ist."),
     ]},
    {"title": "Treueangebot zur Vertragsverlängerung: Lohnt sich das?", "author": "customer",
     "body": "Hallo,\n\nmein Vertrag läuft im Herbst aus. Angeboten wurde mir DSL 250 für 34,99 € "
         "statt DSL 100 für 39,99 €, mit neuem Router. Geht da noch was?\n\nLena",
     "replies": [
         ("staff", "Hallo Frau Hoffmann,\n\ndas ist schon unser bestes Treueangebot. Bei "
             "Abschluss im Kundenportal entfällt aber die Versandpauschale für den Router.\n\n"
             f"{_JANA}"),
         ("asker", "Passt, dann nehme ich das. Danke!"),
     ]},
]

_INTERNAL = [
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

# Replies are written as (author, body) pairs above and expanded to the dict shape here.
HANDWRITTEN_THREADS: dict[str, list[dict]] = {
    slug: [
        {**thread, "replies": [{"author": a, "body": b} for a, b in thread["replies"]]}
        for thread in threads
    ]
    for slug, threads in [
        ("ankuendigungen", _NEWS), ("dsl-festnetz", _DSL), ("mobilfunk", _MOBILE),
        ("e-mail-webmailer", _MAIL), ("hosting-domains", _HOSTING), ("vertrag-rechnung", _CONTRACT),
        ("vertragskunden", _CUSTOMERS), ("plauderecke", _CHAT), ("intern-service", _INTERNAL),
    ]
}

# Fragments for generated_threads(); placeholders: {device} {city} {since} {month} {domain}.
# Each topic is (title stub, problem, fitting staff answer, fitting community tip).
_CITIES = ["Köln", "Hamburg-Altona", "München", "Leipzig", "Dortmund", "Bremen", "Freiburg",
           "Kassel", "Nürnberg", "Berlin-Pankow", "Mainz", "Rostock", "Bielefeld", "Augsburg",
           "Dresden", "Oldenburg"]
_MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"]
_DOMAINS = ["baeckerei-krause.de", "tsv-musterstadt.de", "fotostudio-lehmann.de",
            "kanzlei-weber.de", "gartenfreunde-nord.de", "ferienwohnung-ostsee.de",
            "chor-harmonie.de"]
_GREETINGS = ["Hallo zusammen,", "Hallo,", "Moin,", "Guten Abend zusammen,", "Hallo in die Runde,",
              "Servus,"]
_SIGNOFFS = ["Viele Grüße", "Danke vorab!", "Gruß", "Danke schon mal für eure Hilfe!",
             "Schönen Abend noch"]
_ASKER_NAMES = {"member": ("Max", "Herr Neumann"), "customer": ("Lena", "Frau Hoffmann")}
_STAFF_SIGNOFFS = [_JANA, "Beste Grüße\nJana vom Kundenservice"]
_SAME = ["Gleiches Problem hier, auch in {city}.",
         "Bei mir genau dasselbe. Bin gespannt, was der Service sagt.", "+1, betrifft mich auch.",
         "Dito. Hat sich schon jemand an die Hotline gewandt?"]
_QUESTIONS = ["Hat jemand eine Idee, woran das liegen kann?",
              "Kennt das jemand und hat eine Lösung?", "Was kann ich noch ausprobieren?",
              "Kann sich das bitte jemand vom Service ansehen?"]
_STAFF_GENERIC = [
    "damit ich das prüfen kann, schicken Sie mir bitte Ihre Kundennummer per PN.",
    "ich habe das an die Fachabteilung gegeben, Sie hören in zwei Werktagen von uns.",
    "danke für Ihre Geduld! Hat sich die Lage inzwischen gebessert?",
]
_BUMPS = ["Kurze Nachfrage: Gibt es schon etwas Neues?",
          "Nachtrag: Bisher hat sich leider nichts geändert."]
_THANKS = [
    "Danke, das war's!",
    "Problem gelöst, vielen Dank an alle!",
    "Kurze Rückmeldung: Hat sich erledigt. Danke für die schnelle Hilfe!",
    "Alles geklärt, von mir aus kann das Thema geschlossen werden.",
    "Super, vielen Dank! Da wäre ich allein nie drauf gekommen.",
]
_MODERATION = [
    "Ich habe den Titel etwas präzisiert, damit das Thema besser gefunden wird.",
    "Ich habe die Kundennummer aus dem ersten Beitrag entfernt, so etwas bitte nur per PN.",
    "Ich habe das Thema ins passende Board verschoben, das Service-Team ist informiert.",
    "Zwei doppelte Themen zu diesem Problem habe ich hier zusammengeführt.",
]

_FRAGMENTS: dict[str, dict[str, list]] = {
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
_REPLY_AUTHORS = ["community", "staff", "asker", "customer", "moderator"]


def generated_threads(rng: random.Random, board_slug: str, count: int) -> list[dict]:
    """Varied filler threads (same dict shape as above), built from fragments, so that the
    demo reaches a few hundred threads without repeating the hand-written ones."""
    frag = _FRAGMENTS.get(board_slug)
    if frag is None:
        return []
    seen = {thread["title"] for thread in HANDWRITTEN_THREADS.get(board_slug, [])}
    threads = []
    for _ in range(count):
        for _attempt in range(40):  # retries keep titles distinct
            topic, problem, answer, tip = rng.choice(frag["topics"])
            values = {
                "topic": topic,
                "dash": _DASH,
                "device": rng.choice(frag["devices"]),
                "city": rng.choice(_CITIES),
                "since": rng.choice(frag["since"]),
                "month": rng.choice(_MONTHS),
                "domain": rng.choice(_DOMAINS),
            }
            title = rng.choice(frag["titles"]).format(**values)
            if title not in seen:
                break
        seen.add(title)
        author = rng.choice(["community", "community", "community", "member", "customer"])
        first_name, formal = _ASKER_NAMES.get(author, ("", ""))
        tried = rng.sample(frag["tried"], rng.randint(0, 3))
        parts = [rng.choice(_GREETINGS), f"{rng.choice(frag['context'])} {problem}"]
        if len(tried) > 1 and rng.random() < 0.6:
            parts.append("Was ich schon probiert habe:\n\n" + "\n".join(f"- {t}" for t in tried))
        elif tried:
            parts.append(f"Bisher probiert: {', '.join(tried)}.")
        signoff = rng.choice(_SIGNOFFS)
        parts += [rng.choice(_QUESTIONS), f"{signoff}\n{first_name}".strip()]
        chat = [tip, *frag["community"], *_SAME]
        pools = {
            "community": chat,
            "customer": chat,
            "asker": frag["asker"] + _BUMPS,
            "staff": [answer, *_STAFF_GENERIC],
            "moderator": _MODERATION,
        }
        size = rng.choice([0, 1, 2, 2, 3, 3, 4, 4, 5, 6, 7, 8])
        solved = size >= 2 and rng.random() < 0.55
        replies, used, previous = [], set(), "asker"
        for index in range(size):
            key = rng.choices(_REPLY_AUTHORS, weights=[6, 4, 3, 2, 1])[0]
            if key == "customer" and author == "customer":  # the demo customer asked
                key = "community"
            if key == previous or (key == "asker" and solved and index == size - 2):
                key = "staff" if previous == "community" else "community"
            fresh = [p for p in pools[key] if p not in used] or pools[key]
            # The answer and tip that fit the topic come first more often than not.
            text = (
                fresh[0] if fresh[0] in (answer, tip) and rng.random() < 0.7 else rng.choice(fresh)
            )
            if solved and index == size - 1:
                key, text = "asker", rng.choice(_THANKS)
            used.add(text)
            if key == "staff":
                greeting = f"Hallo {formal}," if formal and rng.random() < 0.7 else "Hallo,"
                text = f"{greeting}\n\n{text}\n\n{rng.choice(_STAFF_SIGNOFFS)}"
            elif key == "moderator":
                text = f"{text}\n\n{_TOBIAS}"
            replies.append({"author": key, "body": text.format(**values)})
            previous = key
        body = "\n\n".join(parts).format(**values)
        threads.append({"title": title, "author": author, "body": body, "replies": replies})
    return threads
