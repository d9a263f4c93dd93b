import BlauweKnop
import Testing

/// The message catalogue: one language per run, every key in both.
@Suite("Messages")
struct MessagesTests {
    static func placeholders(_ text: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            // `{count:dag|dagen}` uses the placeholder `count`; its forms may hold others.
            let inside = rest[rest.index(after: open)..<close]
            names.insert(String(inside.prefix { $0 != ":" && $0 != "{" && $0 != "|" }))
            rest = rest[rest.index(after: open)...]
        }
        return names
    }

    @Test("Every key has a text in Dutch and in English, with the same placeholders", arguments: MessageKey.allCases)
    func complete(key: MessageKey) throws {
        let dutch = try #require(Messages(.nl).template(key), "no Dutch text for \(key)")
        let english = try #require(Messages(.en).template(key), "no English text for \(key)")
        #expect(!dutch.isEmpty && !english.isEmpty)
        #expect(Self.placeholders(dutch) == Self.placeholders(english), "\(key)")
    }

    @Test("A word after a number takes its form from the number, in both languages")
    func plurals() {
        #expect(Messages(.nl)[.checkTLSDays, ["days": "1"]] == "TLS 1.3, certificaat nog 1 dag geldig")
        #expect(Messages(.nl)[.checkTLSDays, ["days": "21"]] == "TLS 1.3, certificaat nog 21 dagen geldig")
        #expect(Messages(.en)[.checkRequestersFine, ["count": "1", "keys": "2"]] == "1 requester with 2 keys, all usable, none shared")
        #expect(Messages(.nl)[.completeLine, ["count": "1"]] == "Dit overzicht is volledig: de enige organisatie in het stelsel heeft geantwoord.")
        #expect(Messages(.en)[.completeLine, ["count": "9"]] == "This overview is complete: all 9 organisations in the scheme answered.")
        #expect(Messages(.nl)[.loginWaitingMinutes, ["minutes": "1"]] == "Wachten tot u bent ingelogd (nog 1 minuut)")
    }

    @Test("The language comes from the flag, then BK_LANG, then the config file, then the locale; Dutch by default")
    func resolution() {
        #expect(Language.resolve(flag: "en", environment: ["BK_LANG": "nl"], configured: "nl") == .en)
        #expect(Language.resolve(flag: nil, environment: ["BK_LANG": "en", "LANG": "nl_NL.UTF-8"], configured: "nl") == .en)
        #expect(Language.resolve(flag: nil, environment: [:], configured: "en") == .en)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "en_GB.UTF-8"], configured: nil) == .en)
        #expect(Language.resolve(flag: nil, environment: ["LC_ALL": "nl_NL.UTF-8", "LANG": "en_US.UTF-8"], configured: nil) == .nl)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "C.UTF-8"], configured: nil) == .nl)
        #expect(Language.resolve(flag: nil, environment: [:], configured: nil) == .nl)
    }

    @Test("Dates and amounts as people read them")
    func formats() {
        #expect(Messages(.nl).date("2026-08-31") == "31 aug 2026")
        #expect(Messages(.en).date("2026-08-31") == "31 Aug 2026")
        #expect(Money.euros(123_456, in: .nl) == "€ 1.234,56")
        #expect(Money.euros(123_456, in: .en) == "€1,234.56")
        #expect(Money.euros(-1_200, in: .en) == "-€12.00")
    }
}
