"""Hand-written threads for the technical support boards: DSL & Festnetz, E-Mail,
Hosting & Domains and Mobilfunk."""

from .signatures import JANA, TOBIAS

# Thread authors are demo roles; "member" signs as Max Neumann, "customer" as Lena Hoffmann,
# matching the accounts the seeder creates. Replies are (author, body) pairs.
# The data below is wrapped by hand; the formatter would spread it over twice the lines.
# fmt: off
DSL_THREADS = [
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
             f"starten.\n\n{JANA}"),
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
             f"Kabelverzweiger in Ihrer Straße, den Termin bekommen Sie per SMS.\n\n{JANA}"),
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
             f"sip.beispiel-telekom.de\n```\n\n{JANA}"),
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
             f"https://www.example.com/hilfe/dual-stack\n\n{JANA}"),
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
             f"auch vor Laufzeitende wechseln.\n\n{JANA}"),
         ("community", "Bei uns hat es nach dem Kasten noch vier Monate gedauert."),
     ]},
]

MAIL_THREADS = [
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
             f"Alternativ geht Port 465 mit SSL/TLS.\n\n{JANA}"),
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
         ("moderator", f"Ich habe den Beitrag als Lösung markiert.\n\n{TOBIAS}"),
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
             f"markieren.\n\n{JANA}"),
         ("asker", "Da bin ich erleichtert, danke! Das Passwort habe ich trotzdem geändert."),
     ]},
    {"title": "Weiterleitung an Gmail kommt nur teilweise an", "author": "customer",
     "body": "Hallo zusammen,\n\nim Webmailer leite ich alle Mails an meine Gmail-Adresse weiter. "
         "Seit einer Woche kommt dort nur noch ein Teil an, Newsletter fehlen ganz.\n\nLena",
     "replies": [
         ("staff", "Hallo Frau Hoffmann,\n\nGoogle lehnt Weiterleitungen teils ab, wenn die "
             "Absenderdomain kein gültiges SPF oder DKIM hat. Schicken Sie mir bitte per PN ein "
             f"Beispiel mit Uhrzeit, dann schaue ich in die Logs.\n\n{JANA}"),
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
         ("staff", f"Danke, wir beheben das mit dem nächsten Update.\n\n{JANA}"),
     ]},
]

HOSTING_THREADS = [
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
             f"angestoßen, der Eintrag ist jetzt sichtbar.\n\n{JANA}"),
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
             f"Transfer neu starten.\n\n{JANA}"),
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
             f"auch per Klick aktivieren. Bei DMARC erst mit `p=none` starten.\n\n{JANA}"),
         ("asker", "Jetzt `spf=pass` und `dkim=pass`, die Testmail kam im Posteingang an. Danke!"),
     ]},
    {"title": "PHP-Version im Paket Hosting Basic auf 8.3 umstellen", "author": "community",
     "body": "Moin,\n\nWordPress meckert über PHP 7.4. Wie stelle ich auf 8.3 um? `AddHandler` in "
         "der `.htaccess` hat nichts gebracht.",
     "replies": [
         ("staff", "Hallo,\n\ndas geht im Kundencenter unter „Hosting > Einstellungen > "
             "PHP-Version“, die `.htaccess` wird dafür nicht ausgewertet. Vorher bitte Plugins "
             f"aktualisieren und ein Backup anlegen.\n\n{JANA}"),
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

MOBILE_THREADS = [
    {"title": "Roaming in der Schweiz: Was kostet das?", "author": "member",
     "body": "Hallo,\n\nwir fahren im August nach Graubünden. Gilt mein EU-Roaming (Beispiel Mobil "
         "M) auch in der Schweiz?\n\nDanke und Gruß, Max",
     "replies": [
         ("staff", "Hallo Herr Neumann,\n\ngut, dass Sie fragen! Die Schweiz gehört nicht zur "
             "EU-Regelung, es gilt Ländergruppe 2:\n\n| Leistung | Preis |\n|---|---|\n"
             "| Anrufe | 0,99 €/Min. |\n| SMS | 0,39 € |\n| Daten | 1,99 € je 10 MB |\n\n"
             f"Günstiger ist „Travel Welt 1 GB“ für 9,95 € (SMS `TRAVEL` an 2233).\n\n{JANA}"),
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
             f"inaktiv, richten Sie die neue also direkt ein.\n\n{JANA}"),
         ("asker", "Hat funktioniert, nach fünf Minuten war das iPhone im Netz. Danke!"),
     ]},
    {"title": "Nur „SOS“ im Neubau, geht WLAN Call?", "author": "community",
     "body": "Hallo,\n\nim Neubau in Freiburg-Rieselfeld habe ich drinnen nur „SOS“, draußen volle "
         "Balken. Kann ich WLAN Call nutzen? Handy ist ein Galaxy S23.",
     "replies": [
         ("community", "Dreifachverglasung ist für Mobilfunk fast eine Wand, WLAN Call hilft."),
         ("staff", "Hallo,\n\nWLAN Call ist kostenlos und für Ihre Nummer aktiviert. Am S23 unter "
             f"`Einstellungen > Verbindungen > WLAN-Anrufe` einschalten.\n\n{JANA}"),
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
             f"es dann drei bis fünf Werktage.\n\n{JANA}"),
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
# fmt: on
