import BlauweKnop

/// What an option's value is called in help and usage errors (`--output BESTAND`, `--output
/// FILE`), by swift-argument-parser's value name; a name not listed is shown in capitals.
enum ValueNames {
    static func name(_ valueName: String, in language: Language) -> String {
        guard let names = table[valueName] else { return valueName.uppercased() }
        return language == .nl ? names.nl : names.en
    }

    private static let table: [String: (nl: String, en: String)] = [
        "file": ("BESTAND", "FILE"), "files": ("BESTAND", "FILE"), "output": ("BESTAND", "FILE"), "config": ("BESTAND", "FILE"),
        "trust-anchor": ("BESTAND", "FILE"),
        "cacert": ("BESTAND", "FILE"), "consent": ("BESTAND", "FILE"), "requester-key": ("BESTAND", "FILE"), "state-dir": ("MAP", "FOLDER"),
        "consents": ("MAP", "FOLDER"), "output-dir": ("MAP", "FOLDER"), "format": ("VORM", "FORMAT"), "deadline": ("DUUR", "DURATION"),
        "timeout": ("DUUR", "DURATION"), "connect-timeout": ("DUUR", "DURATION"), "request-timeout": ("DUUR", "DURATION"),
        "low-speed-time": ("DUUR", "DURATION"), "max-age": ("DUUR", "DURATION"), "days": ("DAGEN", "DAYS"), "until": ("DATUM", "DATE"),
        "lang": ("TAAL", "LANGUAGE"), "id": ("TOESTEMMING", "CONSENT"), "to": ("AANVRAGER", "REQUESTER"), "purpose": ("DOEL", "PURPOSE"),
        "only": ("ORGANISATIES", "ORGANISATIONS"), "detail": ("DETAIL", "DETAIL"), "reference": ("KENMERK", "REFERENCE"), "test-bsn": ("BSN", "BSN"),
        "scheme-url": ("URL", "URL"), "environment": ("OMGEVING", "ENVIRONMENT"), "parallel": ("AANTAL", "COUNT"), "max-connections": ("AANTAL", "COUNT"),
        "engine-threads": ("AANTAL", "COUNT"), "low-speed-limit": ("BYTES", "BYTES"), "csv-dialect": ("DIALECT", "DIALECT"),
        "fail-on": ("NIVEAU", "LEVEL"), "warn-cert-days": ("DAGEN", "DAYS"), "max-latency-ms": ("MS", "MS"), "subcommands": ("OPDRACHT", "COMMAND"),
    ]
}
