/// The Dutch side of bk's help. The English side is what each command declares to
/// swift-argument-parser (`abstract`, `discussion`, `help:`), so the two cannot drift apart
/// unnoticed: the help test asks for a Dutch text for every command and option it declares.
enum DutchHelp {
    /// Per command path (`""` is bk itself): what it does, and the longer explanation.
    static let commands: [String: (abstract: String, discussion: String?)] = [
        "": (
            "Haal uw gewaarmerkte schuldgegevens op bij alle overheidsorganisaties en zie ze in één overzicht.",
            """
            bk leest de ondertekende lijst van organisaties, vraagt ze allemaal tegelijk om uw \
            ondertekende schuldgegevens, controleert elk document en toont één overzicht.

            Instellingen komen uit de opties, dan uit BK_*-omgevingsvariabelen, dan uit \
            $XDG_CONFIG_HOME/bk/config.json (de sleutels zijn de lange optienamen). Algemene \
            opties mogen voor of na de opdracht staan. bk spreekt Nederlands (--lang nl, de \
            standaard) of Engels (--lang en).

            Voorbeelden:
            \(BK.examples)
            """
        ),
        "login": (
            "Inloggen: koppel de app-sleutel van deze computer aan u, bij een App Manager.",
            """
            Maakt de app-sleutel (in de statusmap, alleen voor u leesbaar), meldt hem aan bij de \
            App Manager van de lijst en wacht tot u met DigiD inlogt op het adres dat bk toont.

            Voorbeelden:
              bk login
              bk login --test-bsn 999993653   # alleen in testomgevingen: zonder DigiD
            """
        ),
        "logout": ("Uitloggen: verwijder de app-sleutel en de inloggegevens van deze computer.", nil),
        "status": (
            "Laat zien wie op deze computer is ingelogd en welke lijst van organisaties bk het laatst aannam.",
            """
            Leest alleen de statusmap; er wordt niets opgehaald. Het BSN staat er afgeschermd.

            Afsluitcodes: 0 ingelogd; 3 niet ingelogd (of de login is verlopen); 1 andere fouten.

            Voorbeelden:
              bk status
              bk status --format json
            """
        ),
        "overview": (
            "Toon één overzicht van uw schulden bij alle organisaties van de lijst.",
            """
            Afsluitcodes: 0 volledig; 2 de lijst van organisaties is niet goed ondertekend (niets \
            opgehaald); 3 sommige organisaties waren niet bereikbaar of weigerden; 4 minstens één \
            document was niet in orde (gaat voor 3); 77 log eerst in; 1 andere fouten; 64 de \
            opdracht klopt niet.

            Voorbeelden:
              bk overview
              bk overview --detail
              bk overview --format json --output overzicht.json
              bk overview --format xml --deadline 20
            """
        ),
        "consent": ("Laat een schuldhulpverlener uw gegevens ophalen: toestemming geven, bekijken en intrekken (Blauwe Knop Plus).", nil),
        "consent grant": (
            "Geef een aanvrager toestemming om uw gegevens op te halen, voor één doel en een beperkte tijd.",
            """
            Zegt in gewone woorden wat er gedeeld wordt, met wie, waarvoor en tot wanneer, en \
            vraagt het u op de terminal (--yes in scripts).
            Afsluitcodes: 0 elke organisatie die meedoet heeft het vastgelegd; 3 een van hen niet; \
            2 de lijst van organisaties is niet in orde; 1 andere fouten, ook een toestemming die \
            de lijst niet toestaat.
            """
        ),
        "dispute": (
            "Maak bezwaar tegen een besluit, of vraag een organisatie gegevens te verbeteren of te wissen; bekijk en trek zulke verzoeken in.", nil
        ),
        "dispute list": (
            "Toon elk verzoek dat u indiende, met de stand en de datum waarop erover beslist moet zijn.",
            "Vraagt elke organisatie tegelijk. Afsluitcodes: 0; 3 als een organisatie niet kon worden gevraagd."
        ),
        "dispute withdraw": (
            "Trek een verzoek in, zolang de organisatie er nog niet over heeft beslist.",
            """
            Afsluitcodes: 0 ingetrokken (ook als het dat al was); 1 geen organisatie kent de id, of \
            er is al beslist; 3 een organisatie kon niet worden gevraagd.
            """
        ),
        "dispute file": (
            "Maak bezwaar tegen een besluit, of vraag een organisatie gegevens te verbeteren of te wissen, en bewaar haar ontvangstbevestiging.",
            """
            Zegt in gewone woorden wat er naar wie gaat, en vraagt het u op de terminal (--yes in \
            scripts). Bij bezwaar zegt bk tot wanneer u bezwaar kunt maken, en dient het ook in als \
            die tijd voorbij is. Afsluitcodes: 0 ingediend en ontvangstbevestiging in orde; 3 de \
            organisatie nam het niet aan; 4 de ontvangstbevestiging klopt niet (het verzoek wordt \
            bewaard en de volgende keer opnieuw verstuurd); 1 andere fouten.
            """
        ),
        "consent list": ("Toon elke toestemming die u gaf, en wie daarmee naar uw gegevens keek.", nil),
        "consent revoke": (
            "Trek een toestemming in bij elke organisatie die haar heeft.",
            """
            Een organisatie die niet bereikbaar is, wordt bij de volgende 'bk consent' opnieuw \
            gevraagd, tot zij het bevestigt; tot dan toont 'bk consent list' de toestemming als \
            'bezig'. Afsluitcodes: 0 overal ingetrokken; 3 ergens nog bezig.
            """
        ),
        "requester": ("Haal met toestemming de gegevens van een cliënt op (voor een aanvrager van de lijst).", nil),
        "requester overview": (
            "Het overzicht van één cliënt onder één toestemming, gecontroleerd zoals het eigen overzicht.",
            """
            Organisaties buiten de toestemming worden niet gevraagd (status not_in_consent); \
            organisaties erin die niet aan Plus meedoen, zijn not_supported. Geen van beide telt \
            mee voor 'volledig'. Afsluitcodes als bij 'bk overview'; 1 ook voor een toestemming \
            die niet klopt of verlopen is, en voor een sleutel die de lijst niet bij de aanvrager \
            van de toestemming noemt.
            """
        ),
        "requester batch": (
            "Haal het overzicht op van elke toestemming in een map, met een samenvatting om in te lezen.",
            """
            Schrijft UIT/<toestemming-id>.json per bruikbare toestemming, en UIT/summary.json, \
            UIT/summary.csv (één regel per toestemming) en UIT/schulden.csv (één regel per schuld). \
            Een toestemming die niet bruikbaar is (verlopen, van een andere aanvrager, beschadigd) \
            is een regel met resultaat 'refused', niet het einde van de run. Afsluitcodes: 0 elk \
            overzicht volledig; 3 een ervan onvolledig of geweigerd; 4 een document niet in orde.
            """
        ),
        "verify": (
            "Controleer zonder internet of een overzicht (JSON, XML of PDF) echt, onveranderd en volledig is.",
            """
            Controleert de lijst van organisaties in het bestand met de sleutels van de beheerder \
            en elk document met de sleutels uit die lijst, maakt het overzicht opnieuw uit alleen \
            de documenten en vergelijkt het met het hele bestand. Elke wijziging (een bedrag, een \
            naam, een status, een weggehaalde organisatie, een pagina) wordt gevonden. Van een \
            organisatie zonder gewaarmerkt document is niets bewezen: bk zegt wat het bestand \
            erover beweert. Een bewijs van indienen van 'bk dispute' controleert bk ook: wat er \
            wanneer bij wie is ingediend (0 echt, 4 veranderd, 2 lijst niet ondertekend). Van een \
            bestand van 'bk share' toont bk per organisatie alleen wat gedeeld is (0 echt, 3 te \
            oud, 4 veranderd of voor een ander bedoeld, 2 lijst niet ondertekend).

            Afsluitcodes: 0 echt en volledig; 3 echt maar niet volledig, ouder dan --max-age, of \
            pagina's niet vergeleken; 4 veranderd, beschadigd of dubbelzinnig; 2 de lijst van \
            organisaties is niet ondertekend door de beheerder; 1 het bestand is niet te lezen of \
            geen overzicht van bk; 64 de opdracht klopt niet.

            Voorbeelden:
              bk verify overzicht.json
              bk verify overzicht.pdf --max-age 14d --format json
              bk verify - < overzicht.json
              bk verify gedeeld.json --aud 00000001001234567000 --nonce intake-42
            """
        ),
        "share": (
            "Deel alleen de ondertekende gegevens die u kiest, met een hulpverlener of op papier.",
            """
            Gebruikt de ondertekende saldo's die 'bk overview' bewaarde. Zegt in gewone woorden \
            wat de ontvanger te zien krijgt en wat niet, en vraagt het u op de terminal (--yes in \
            scripts). De ontvanger controleert het bestand met 'bk verify BESTAND'.

            Afsluitcodes: 0 geschreven; 1 niet gedeeld; 77 log eerst in; 64 de opdracht klopt niet.

            Voorbeelden:
              bk share --to 00000001001234567000 --only CJIB,DUO -o voor-schuldhulp.json
              bk share --to paper --show totals -o voor-verhuurder.json
            """
        ),
        "pdf": ("Werk met de PDF van een overzicht.", nil),
        "pdf render": (
            "Maak de PDF van een overzicht in JSON of XML, na het te controleren.",
            """
            Weigert een overzicht dat niet echt is (afsluitcode 4) of waarvan de lijst van \
            organisaties niet te vertrouwen is (2). Een onvolledig of oud overzicht wordt wel een \
            PDF, en de pagina's zeggen dat; de afsluitcode is dan 3, zoals bij 'bk verify'.
            """
        ),
        "pdf extract": (
            "Zet de bestanden die aan een PDF-overzicht hangen (overzicht.json en het document van elke organisatie) in een map.",
            "De bestanden worden geschreven zoals ze eraan hangen; hier wordt niets gecontroleerd. Gebruik daarvoor 'bk verify BESTAND.pdf'."
        ),
        "check": (
            "Test elke organisatie en App Manager van de lijst (inloggen is niet nodig).",
            """
            Controleert de lijst van organisaties en test dan alle adressen tegelijk: TLS 1.3 met \
            een geldig certificaat (en de dagen tot het verloopt), het discovery-document, een \
            nieuwe sessie-uitdaging en hoe lang elke stap duurt; en of de sleutels in de lijst in \
            orde zijn.

            Er komt altijd een rapport, ook als de lijst niet op te halen of niet in orde is (dan \
            als één mislukte test 'scheme').

            Afsluitcodes: 0 niets op of boven het niveau van --fail-on; 3 een test mislukte op dat \
            niveau; 2 de lijst was niet op te halen of niet in orde; 1 bk kon niet werken \
            (instellingen, sleutels van de beheerder); 64 de opdracht klopt niet.

            Voorbeelden:
              bk check
              bk check --format junit --output bk-check.xml --fail-on warning
              bk check --warn-cert-days 14 --max-latency-ms 500
            """
        ),
        "scheme": ("Bekijk de ondertekende lijst van organisaties.", nil),
        "scheme show": ("Toon organisaties, App Managers, versie, einddatum en sleutel-id's.", nil),
        "scheme verify": ("Controleer de lijst van organisaties; afsluitcode 0 als hij in orde is, 2 als niet (voor scripts).", nil),
        "scheme fetch": ("Bewaar de gecontroleerde lijst van organisaties (JWS) in een bestand.", nil),
        "fetch-urls": ("Haal elke URL uit BESTAND tegelijk op (hulpmiddel voor metingen).", nil),
        "help": ("Toon uitleg over een opdracht.", nil),
    ]

    /// Per option: `"<command path> --<name>"` for an option of one command, `"--<name>"` for
    /// one that means the same everywhere (the options every command shares).
    static let options: [String: String] = [
        // Shared by every command: connection and settings.
        "--scheme-url": "Waar de lijst van organisaties staat (BK_SCHEME_URL).",
        "--trust-anchor": "Bestand met de sleutels van de beheerder van de lijst, een JWK Set (BK_TRUST_ANCHOR).",
        "--environment": "De omgeving die de lijst moet noemen, standaard 'prod' (BK_ENVIRONMENT).",
        "--cacert": "Extra CA-bestand voor TLS, voor testomgevingen (BK_CACERT).",
        "--state-dir": "Map voor de app-sleutel, de inloggegevens en de lijst (BK_STATE_DIR).",
        "--config": "Dit instellingenbestand in plaats van $XDG_CONFIG_HOME/bk/config.json (BK_CONFIG).",
        "--lang": "De taal van alles wat bk zegt: nl of en (BK_LANG, 'lang' in het instellingenbestand; anders LANG; standaard nl).",
        "--no-color": "Geen kleur, ook niet op een terminal met kleur (NO_COLOR doet hetzelfde).",
        "--verbose": "Zeg er technische details bij.",
        "--require-encryption": "Weiger organisaties die hun documenten niet voor deze keer versleutelen (X-Wing).",
        "--quiet": "Zeg niets op de foutuitvoer, behalve fouten.",
        "--connect-timeout": "Tijd voor het verbinden en de TLS-handdruk (bijv. 5s).",
        "--request-timeout": "Tijd voor één heel verzoek, van eerste tot laatste byte (bijv. 15s).",
        "--low-speed-limit": "Breek een overdracht af die langzamer is dan dit aantal bytes per seconde …",
        "--low-speed-time": "… zo lang (standaard: de tijd voor een verzoek, zodat een traag eerste antwoord niet wordt afgebroken).",
        "--max-connections": "Hoeveel verbindingen er tegelijk open mogen zijn.",
        "--engine-threads": "Threads die het netwerk- en TLS-werk doen (standaard: één per kern).",
        "--version": "Toon de versie.",
        "--help": "Toon deze uitleg.",
        // One command's own options.
        "login --test-bsn": "Log in als deze testburger, zonder DigiD (alleen in de omgeving 'test').",
        "login --timeout": "Hoe lang bk wacht tot u bent ingelogd (bijv. 300s, 5m).",
        "login --force": "Vervang zonder te vragen de login van een andere burger op deze computer.",
        "login --format": "text of json.",
        "logout --format": "text of json.",
        "status --format": "text of json (standaard: uit de extensie van het --output-bestand, anders text).",
        "status --output": "Schrijf naar dit bestand ('-' is de standaarduitvoer).",
        "overview --format": "table, json, xml of pdf (standaard: uit de extensie van het --output-bestand, .json, .xml, .pdf of .txt; anders table).",
        "overview --detail": "Toon elke zaak met betaalverzoeken, ingediende bezwaren en verzoeken, en contactmogelijkheden (tabel).",
        "overview --deadline": "Tijd voor de hele run (bijv. 30s, 2m); organisaties die dan niet klaar zijn, tellen als te laat.",
        "overview --output": "Schrijf het overzicht naar dit bestand (in één keer; '-' is de standaarduitvoer).",
        "overview --parallel": "Vraag hoogstens zoveel organisaties tegelijk (ook beperkt door het aantal open bestanden).",
        "consent grant --to": "De aanvrager: het OIN of de korte naam (zie 'bk scheme show').",
        "consent grant --purpose": "Waarvoor: een van de doelen van de aanvrager.",
        "consent grant --days": "Voor zoveel dagen (hoogstens wat de lijst de aanvrager toestaat).",
        "consent grant --until": "Tot het eind van deze dag (JJJJ-MM-DD of DD-MM-JJJJ).",
        "consent grant --only": "Alleen deze organisaties (OIN's of korte namen, met komma's ertussen); standaard alle.",
        "consent grant --detail": "full (alles, zoals in uw eigen overzicht) of saldo (alleen de bedragen).",
        "consent grant --reference": "Het kenmerk dat uw hulpverlener u gaf (hoogstens 64 tekens); het gaat met de toestemming mee.",
        "consent grant --output": "Waar de toestemming komt (standaard consent-<id>.jws in deze map).",
        "consent grant --yes": "Geef toestemming zonder te vragen (voor scripts).",
        "share --to": "Wie het krijgt: de OIN of naam van een hulpverlener uit de lijst, of 'paper'.",
        "share --only": "Alleen deze organisaties (korte namen of OIN's, met komma's ertussen); standaard alle met een ondertekend saldo.",
        "share --show": "totals (wat u per organisatie moet betalen en wat te laat is) of zaken (ook elke zaak).",
        "share --bsn": "Laat ook uw BSN zien (staat standaard uit).",
        "share --nonce": "De code van de ontvanger, als die u er een gaf (anders maakt bk er een).",
        "share --output":
            "Waar het komt: .json om te versturen, .pdf om te printen met QR-codes, .png een QR-code per organisatie ('-' is de standaarduitvoer).",
        "share --yes": "Deel zonder te vragen (voor scripts).",
        "verify --aud": "Voor een gedeeld bestand: voor wie het moet zijn (uw OIN); afsluitcode 4 als het voor een ander is.",
        "verify --nonce": "Voor een gedeeld bestand: de code die u de burger gaf; afsluitcode 4 als het met een andere is gemaakt.",
        "consent grant --code": "Toon ook een korte code van de toestemming, zodat de hulpverlener het bestand telefonisch kan nagaan.",
        "consent list --format": "table of json.",
        "dispute file --zaakkenmerk": "Het kenmerk van de zaak, zoals uw overzicht het toont.",
        "dispute file --kind": "bezwaar, correctie (verbeteren) of verwijdering (wissen).",
        "dispute file --reason": "Waarom, in uw eigen woorden (hoogstens 4000 tekens).",
        "dispute file --reason-file": "Lees de reden uit dit bestand.",
        "dispute file --want": "Wat u wilt dat de organisatie doet (hoogstens 1000 tekens).",
        "dispute file --defer": "Bij bezwaar: vraag uitstel van betaling zolang het loopt.",
        "dispute file --org": "De organisatie: OIN of korte naam (standaard: die van deze zaak in uw laatste overzicht).",
        "dispute file --name": "Uw naam (nodig voor bezwaar).",
        "dispute file --address": "Uw postadres, als 'Straat huisnummer, postcode woonplaats' (nodig voor bezwaar).",
        "dispute file --format": "text of json.",
        "dispute file --output": "Waar het bewijs van indienen komt (standaard: in de map van bk).",
        "dispute file --yes": "Verstuur zonder te vragen (voor scripts).",
        "dispute list --format": "table of json.",
        "dispute withdraw --id": "Het kenmerk van het verzoek zoals 'bk dispute list' het toont, of zijn id.",
        "consent revoke --id": "De toestemming: haar id, de korte id die 'bk consent list' toont, of het bestand; een id die met '-' begint, komt na '--'.",
        "requester overview --consent": "De toestemming die de cliënt gaf (een bestand van 'bk consent grant').",
        "requester overview --requester-key": "De geheime sleutel van de aanvrager: PEM PKCS#8 of een geheime JWK, alleen voor u leesbaar (BK_REQUESTER_KEY).",
        "requester overview --format": "table, json, xml of pdf (standaard: uit de extensie van het --output-bestand; anders table).",
        "requester overview --output": "Schrijf het overzicht naar dit bestand (in één keer; '-' is de standaarduitvoer).",
        "requester overview --deadline": "Tijd voor de hele run (bijv. 30s, 2m).",
        "requester batch --consents": "De map met de toestemmingen (*.jws).",
        "requester batch --output-dir": "De map voor de overzichten en de samenvatting (wordt gemaakt als hij er niet is).",
        "requester batch --requester-key": "De geheime sleutel van de aanvrager: PEM PKCS#8 of een geheime JWK, alleen voor u leesbaar (BK_REQUESTER_KEY).",
        "requester batch --parallel": "Hoeveel cliënten tegelijk worden opgehaald.",
        "requester batch --csv-dialect":
            "excel-nl (';', euro's met een decimale komma, UTF-8 met BOM: opent in Nederlandse Excel) of rfc4180 (',', centen: voor scripts).",
        "requester batch --deadline": "Tijd voor de hele run (bijv. 5m).",
        "verify --files":
            "Een overzicht van 'bk overview --format json|xml|pdf', een bewijs van 'bk dispute' of een bestand van 'bk share' ('-' leest de standaardinvoer); met --scan foto's, scans of gescande PDF's.",
        "verify --scan": "Lees de QR-codes op papier: foto's of scans (PNG, JPEG) of gescande PDF's, gecontroleerd met de huidige lijst van organisaties.",
        "verify --max-age": "Afsluitcode 3 als het oudste document ouder is dan dit (bijv. 14d, 36h).",
        "verify --format": "table of json (standaard: uit de extensie van het --output-bestand, .json of .txt; anders table).",
        "verify --output": "Schrijf het rapport naar dit bestand ('-' is de standaarduitvoer).",
        "pdf render --file": "Een overzicht van 'bk overview --format json|xml' ('-' leest de standaardinvoer).",
        "pdf render --output": "Het PDF-bestand dat bk schrijft (in één keer).",
        "pdf extract --file": "Een PDF van 'bk overview --format pdf' ('-' leest de standaardinvoer).",
        "pdf extract --output": "De map om in te schrijven (wordt gemaakt als hij er niet is).",
        "check --format": "table, json of junit (standaard: uit de extensie van het --output-bestand, .json, .xml of .txt; anders table).",
        "check --fail-on": "error of warning: de laagste uitkomst die de afsluitcode niet 0 maakt.",
        "check --warn-cert-days": "Waarschuw als een certificaat binnen zoveel dagen verloopt.",
        "check --max-latency-ms": "Waarschuw als een stap langer duurt dan dit (milliseconden).",
        "check --deadline": "Tijd voor de hele test (bijv. 30s).",
        "check --output": "Schrijf het rapport naar dit bestand (in één keer; '-' is de standaarduitvoer).",
        "scheme show --format": "table of json.",
        "scheme verify --format": "text (niets, alleen de afsluitcode) of json.",
        "scheme fetch --output": "Waar de JWS komt ('-' is de standaarduitvoer).",
        "fetch-urls --file": "Een bestand met één https-URL per regel.",
        "help --subcommands": "De opdracht waarover u uitleg wilt.",
    ]
}
