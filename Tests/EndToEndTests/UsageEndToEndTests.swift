import BlauweKnop
import Foundation
import Testing

/// Usage errors and help in the run's language (issue 17, item 5): swift-argument-parser's own
/// messages said by bk in Dutch or English, the nearest command or option for a typo, and help
/// pages built from what each command declares.
@Suite("Usage and help in one language end to end")
struct UsageEndToEndTests {
    static func bk(_ arguments: [String], columns: Int = 80) throws -> CommandResult {
        try CommandResult.run(
            Paths.binaries + "/bk", arguments,
            environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "COLUMNS": "\(columns)", "HOME": NSTemporaryDirectory()])
    }

    /// What swift-argument-parser says in English, never shown without --verbose.
    static let parserWords = ["Error:", "Usage:", "Unknown option", "Missing expected", "Missing value", "Please provide", "Unexpected argument", "See '"]

    /// Arguments, then what a Dutch and an English reader are told.
    static let mistakes: [([String], String, String)] = [
        (["overveiw"], "'overveiw' is geen opdracht van bk. Bedoelde u 'bk overview'?", "'overveiw' is not a bk command. Did you mean 'bk overview'?"),
        (["consent", "grnat"], "Bedoelde u 'bk consent grant'?", "Did you mean 'bk consent grant'?"),
        (
            ["overview", "--detial"], "bk overview kent de optie '--detial' niet. Bedoelde u '--detail'?",
            "bk overview has no option '--detial'. Did you mean '--detail'?"
        ),
        (
            ["overview", "--format", "csv"], "'csv' kan niet bij --format. Kies uit: table, json, xml of pdf.",
            "'csv' is not a value --format takes. Choose from: table, json, xml or pdf."
        ),
        (["verify"], "Bij bk verify hoort nog: BESTAND.", "bk verify also needs: FILE."),
        (["overview", "--deadline"], "Na --deadline hoort een waarde.", "--deadline needs a value."),
        (["overview", "--parallel", "0"], "--parallel moet groter zijn dan 0", "--parallel must be above 0"),
        (["login", "--test-bsn", "123"], "'123' is geen geldig BSN", "'123' is not a valid BSN"),
        (["overview", "--deadline", "0"], "--deadline moet meer dan 0 seconden zijn", "--deadline must be more than 0 seconds"),
        (["consent", "grant", "--to", "X", "--purpose", "y"], "Zeg hoe lang: --days AANTAL of --until", "Say how long: --days N or --until"),
        (["help", "overveiw"], "Bedoelde u 'bk overview'?", "Did you mean 'bk overview'?"),
        (["status", "--lang", "fr"], "--lang kan nl of en zijn.", "--lang takes nl or en."),
        (
            ["overview", "--detail=yes"], "--detail is een schakelaar zonder waarde: laat '=yes' weg.",
            "--detail is a switch without a value: leave out '=yes'."
        ),
    ]

    @Test("A usage error is exit 64, said in the run's language with its next step, and no English parser words", arguments: ["nl", "en"])
    func usageErrors(language: String) throws {
        for (arguments, dutch, english) in Self.mistakes {
            // --lang fr cannot choose the language: then the locale does.
            let chosen = arguments.contains("fr") ? arguments : ["--lang", language] + arguments
            let result = try CommandResult.run(
                Paths.binaries + "/bk", chosen, environment: ["PATH": "/usr/bin:/bin", "LANG": language == "en" ? "en_GB.UTF-8" : "nl_NL.UTF-8"])
            #expect(result.status == 64, "\(arguments): \(result.standardError)")
            #expect(result.standardError.contains(language == "nl" ? dutch : english), "\(arguments): \(result.standardError)")
            #expect(result.standardError.contains(language == "nl" ? "Meer uitleg: bk" : "More: bk"), "the way to the help: \(result.standardError)")
            for words in Self.parserWords { #expect(!result.standardError.contains(words), "\(arguments): \(result.standardError)") }
            #expect(result.standardOutput.isEmpty)
        }
    }

    @Test("A consent the scheme does not allow is said with what to do instead, in the run's language only", arguments: ["nl", "en"])
    func consentRefusals(language: String) throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let grant = ["consent", "grant", "--lang", language, "--yes", "--to"]
        let cases: [([String], String, String)] = [
            (
                ["nobody", "--purpose", "x", "--days", "3"], "'nobody' is geen aanvrager in de lijst van organisaties.",
                "'nobody' is not a requester of the scheme."
            ),
            (["Utrecht SHV", "--purpose", "x", "--days", "3"], "Kies uit: schuldhulpverlening.", "Choose from: schuldhulpverlening."),
            (
                ["Utrecht SHV", "--purpose", "schuldhulpverlening", "--days", "3000"], "mag hoogstens 180 dagen toestemming krijgen",
                "may have consent for at most 180 days"
            ),
            (
                ["Utrecht SHV", "--purpose", "schuldhulpverlening", "--until", "01-01-2020"], "01-01-2020 is al voorbij. Kies een latere dag.",
                "01-01-2020 has passed. Choose a later day."
            ),
            (
                ["Utrecht SHV", "--purpose", "schuldhulpverlening", "--days", "3", "--only", "XYZ"], "'XYZ' is geen organisatie in de lijst.",
                "'XYZ' is not an organisation of the scheme."
            ),
        ]
        for (arguments, dutch, english) in cases {
            let result = try holder.bk(grant + arguments)
            #expect(result.status == 1, "\(arguments): \(result.standardError)")
            #expect(result.standardError.contains(language == "nl" ? dutch : english), "\(arguments): \(result.standardError)")
            if language == "nl" { #expect(!result.standardError.contains(english), "no English detail without --verbose") }
        }
    }

    /// Every command path bk has, from the tool description swift-argument-parser dumps, with
    /// its shown long options and their English help.
    static func commands() throws -> [(path: [String], options: [String], english: [String], abstract: String)] {
        let dump = try bk(["--experimental-dump-help"]).standardOutput
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.utf8)) as? [String: Any])
        var found: [(path: [String], options: [String], english: [String], abstract: String)] = []
        func walk(_ command: [String: Any], _ path: [String]) {
            let arguments = (command["arguments"] as? [[String: Any]] ?? []).filter { $0["shouldDisplay"] as? Bool ?? true }
            let options = arguments.compactMap { argument in
                (argument["names"] as? [[String: Any]] ?? []).first { $0["kind"] as? String == "long" }.flatMap { $0["name"] as? String }
            }
            found.append((path, options, arguments.compactMap { $0["abstract"] as? String }, command["abstract"] as? String ?? ""))
            for sub in command["subcommands"] as? [[String: Any]] ?? [] where sub["commandName"] as? String != "help" {
                walk(sub, path + [sub["commandName"] as? String ?? ""])
            }
        }
        walk(try #require(root["command"] as? [String: Any]), [])
        return found
    }

    @Test(
        "Every command's help, as --help and as bk help, in both languages: every option, no line past 80 columns, no English in Dutch",
        arguments: ["nl", "en"])
    func helpPages(language: String) throws {
        let commands = try Self.commands()
        #expect(commands.count >= 20)
        for command in commands {
            let page = try Self.bk(["--lang", language] + command.path + ["--help"])
            #expect(page.status == 0, "\(command.path)")
            let asked = try Self.bk(["--lang", language, "help"] + command.path)
            #expect(asked.standardOutput == page.standardOutput, "bk help \(command.path) is the same page")
            let text = page.standardOutput
            for option in command.options { #expect(text.contains("--" + option), "\(command.path): --\(option)") }
            for line in text.split(separator: "\n") { #expect(line.count <= 80, "\(command.path): \(line)") }
            #expect(text.contains(language == "nl" ? "Gebruik: bk" : "Usage: bk"), "\(command.path)")
            if language == "nl" {
                #expect(!text.contains(command.abstract), "\(command.path): the Dutch page has its own summary")
                for english in command.english where english.count > 20 { #expect(!text.contains(english), "\(command.path): \(english)") }
                for words in ["Usage:", "Options:", "default:", "Show help information"] { #expect(!text.contains(words), "\(command.path): \(words)") }
            }
        }
    }

    @Test("Every option all commands share may stand before the command too (the list bk keeps of them is complete)")
    func everySharedOptionFirst() throws {
        let holder = try TestHolder()
        let config = holder.directory + "/config.json"
        try "{}".write(toFile: config, atomically: true, encoding: .utf8)
        // The commands that run (a group lists only --help and --version).
        let leaves = try Self.commands().filter { $0.options.count > 2 }
        let shared = leaves.dropFirst().reduce(Set(leaves.first?.options ?? [])) { $0.intersection($1.options) }.subtracting(["help", "version"])
        #expect(shared.count >= 16, "\(shared.sorted())")
        let values: [String: String] = [
            "scheme-url": holder.bkEnvironment["BK_SCHEME_URL"] ?? "", "trust-anchor": Paths.examples + "/trust-anchor.jwks.json", "environment": "test",
            "cacert": Paths.examples + "/pki/ca.pem", "state-dir": holder.stateDirectory, "config": config, "lang": "nl", "connect-timeout": "5s",
            "request-timeout": "15s", "low-speed-limit": "64", "low-speed-time": "15s", "max-connections": "100", "engine-threads": "1",
        ]
        let flags: Set<String> = ["no-color", "verbose", "quiet", "require-encryption"]
        for option in shared.sorted() {
            var arguments = ["--" + option]
            if !flags.contains(option) { arguments.append(try #require(values[option], "a value for --\(option)")) }
            let result = try CommandResult.run(Paths.binaries + "/bk", arguments + ["status"], environment: holder.bkEnvironment)
            #expect(result.status != 64, "--\(option) before the command: \(result.standardError)")
        }
    }

    @Test("A command's own options come first, then the general ones, then the connection options", arguments: ["nl", "en"])
    func helpSections(language: String) throws {
        let text = try Self.bk(["--lang", language, "overview", "--help"]).standardOutput
        let headings = language == "nl" ? ["Opties:", "Algemene opties:", "Verbinding:"] : ["Options:", "General options:", "Connection:"]
        let places = headings.compactMap { text.range(of: $0)?.lowerBound }
        #expect(places.count == 3 && places == places.sorted(), "\(text)")
        let own = try #require(text.range(of: "--detail")?.lowerBound)
        let connection = try #require(text.range(of: "--scheme-url")?.lowerBound)
        #expect(own < connection)
        let root = try Self.bk(["--lang", language])
        #expect(root.status == 0)
        #expect(root.standardOutput.contains(language == "nl" ? "Opdrachten:" : "Commands:"))
    }
}

/// No Dutch run prints an English sentence of the message catalogue (issue 17, item 5).
@Suite("One language: catalogue scan end to end")
struct CatalogueScanEndToEndTests {
    /// Every stretch of English text of at least four words in the catalogue that is not also
    /// Dutch text: what a Dutch run must never print.
    static func englishFragments() -> [String] {
        let english = Messages(.en)
        let dutch = Messages(.nl)
        let dutchTexts = MessageKey.allCases.compactMap { dutch.template($0) }
        var fragments: Set<String> = []
        for key in MessageKey.allCases {
            guard let template = english.template(key) else { continue }
            for piece in template.split(whereSeparator: { "{}".contains($0) }).enumerated() where piece.offset % 2 == 0 {
                let words = piece.element.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
                guard words.split(separator: " ").count >= 4, !dutchTexts.contains(where: { $0.contains(words) }) else { continue }
                fragments.insert(words)
            }
        }
        return fragments.sorted()
    }

    @Test("Dutch runs of every kind (table with one organisation down, verify, check, status, scheme, usage errors, help) print no English catalogue sentence")
    func dutchRuns() throws {
        let fragments = Self.englishFragments()
        #expect(fragments.count > 100, "the scan has something to look for")
        let holder = try TestHolder(.init(faults: ["CAK": "down", "CJIB": "expired_certificate"]))
        try holder.login(ExpectedFigures.richCitizen)
        let json = holder.directory + "/o.json"
        _ = try holder.bk("overview", "-o", json)
        let altered = holder.directory + "/altered.json"
        try String(contentsOfFile: json, encoding: .utf8).replacingOccurrences(of: "\"saldo\" : 1835000", with: "\"saldo\" : 1000")
            .write(toFile: altered, atomically: true, encoding: .utf8)
        let runs: [[String]] = [
            ["overview"], ["overview", "--detail"], ["verify", json], ["verify", altered], ["verify", "--verbose", altered], ["check"], ["status"],
            ["scheme", "show"], ["consent", "list"], ["overveiw"], ["overview", "--format", "csv"], ["verify"], ["overview", "--help"], ["help"],
            ["consent", "grant", "--help"], ["logout"], ["status"],
        ]
        for arguments in runs {
            let result = try holder.bk(arguments + ["--lang", "nl"])
            let said = result.standardOutput + result.standardError
            for fragment in fragments where said.contains(fragment) {
                Issue.record("bk \(arguments.joined(separator: " ")) printed English: '\(fragment)'")
            }
        }
    }
}
