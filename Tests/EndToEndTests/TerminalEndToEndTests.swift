import Foundation
import Testing

/// What a person sees on a real terminal (a pseudo-terminal made by `script`): tables that fit
/// its width, one language, and progress only where it belongs.
@Suite("On a terminal end to end")
struct TerminalEndToEndTests {
    /// Runs `bk` on a pseudo-terminal of `columns` columns; returns the screen's lines as a
    /// person sees them (escape sequences removed, each line as left after carriage returns).
    static func onTerminal(_ holder: TestHolder, columns: Int, _ arguments: [String]) throws -> (status: Int32, lines: [String]) {
        let quoted = ([Paths.binaries + "/bk"] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        var environment = holder.bkEnvironment
        environment["TERM"] = "xterm-256color"
        let result = try CommandResult.run(
            "/usr/bin/script", ["-q", "-e", "-c", "stty cols \(columns) rows 60; \(quoted)", "/dev/null"], environment: environment)
        let lines = result.standardOutput.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let visible = String(line).replacingOccurrences(of: "\u{1B}\\[[0-9;]*[A-Za-z]", with: "", options: .regularExpression)
            return String(visible.split(separator: "\r", omittingEmptySubsequences: false).last ?? "")
        }
        return (result.status, lines)
    }

    static let screens: [[String]] = [
        ["overview"], ["overview", "--detail"], ["check"], ["scheme", "show"], ["overview", "--lang", "en", "--detail"],
        ["overview", "--lang", "en", "--verbose"],
    ]

    @Test("At 80 and 120 columns no line is wider than the terminal", arguments: [80, 120], screens)
    func fits(columns: Int, arguments: [String]) throws {
        let holder = try TestHolder(.init(faults: ["CAK": "down"]))
        try holder.login(ExpectedFigures.richCitizen)
        let (_, lines) = try Self.onTerminal(holder, columns: columns, arguments)
        #expect(lines.count > 5, "\(arguments) printed nothing")
        for line in lines { #expect(line.count <= columns, "\(arguments) at \(columns): \(line)") }
        if arguments.first == "overview" {
            // Red overdue cells must not make a table row count as prose and be re-spaced.
            #expect(lines.contains { $0.hasPrefix("DUO  ") }, "the DUO row keeps its columns: \(lines)")
            #expect(lines.contains { $0.hasPrefix("CAK ") && ($0.contains("niet bereikbaar") || $0.contains("not reachable")) }, "\(lines)")
        }
    }

    @Test("bk verify's table fits 80 and 120 columns too", arguments: [80, 120])
    func verifyFits(columns: Int) throws {
        let holder = try TestHolder(.init(faults: ["CAK": "down"]))
        try holder.login(ExpectedFigures.richCitizen)
        let path = holder.directory + "/o.json"
        _ = try holder.bk("overview", "--format", "json", "-o", path)
        let (status, lines) = try Self.onTerminal(holder, columns: columns, ["verify", path])
        #expect(status == 3)
        for line in lines { #expect(line.count <= columns, "\(line)") }
    }

    /// Words that belong to one language only.
    static let dutchOnly = ["organisaties", "Totaal", "Nog te betalen", "niet", "gewaarmerkt", "ingelogd", "lijst met"]
    static let englishOnly = ["organisations", "Total", "Still to pay", "not reachable", "sealed", "logged in", "list of"]

    @Test(
        "One language per run, on the happy path and on every error path",
        arguments: ["nl", "en"], ["happy", "not logged in", "organisation down", "tampered document", "scheme unreachable", "missing setting"])
    func oneLanguage(language: String, path: String) throws {
        let faults: [String: String] =
            switch path {
            case "organisation down": ["CAK": "down"]
            case "missing setting": [:]
            case "tampered document": ["CJIB": "tampered_payload"]
            default: [:]
            }
        let holder = try TestHolder(.init(faults: faults))
        if path != "not logged in" { try holder.login(ExpectedFigures.richCitizen) }
        var environment = holder.bkEnvironment
        if path == "scheme unreachable" { environment["BK_SCHEME_URL"] = "https://127.0.0.1:1/scheme" }
        if path == "missing setting" { environment["BK_SCHEME_URL"] = nil }
        environment["BK_LANG"] = language
        let result = try CommandResult.run(Paths.binaries + "/bk", ["overview", "--format", "table", "--detail"], environment: environment)
        let screen = result.standardOutput + result.standardError
        #expect(!screen.isEmpty)
        let foreign = language == "nl" ? Self.englishOnly : Self.dutchOnly
        for word in foreign { #expect(!screen.contains(word), "\(language), \(path): '\(word)' in \(screen)") }
    }

    @Test("Progress never reaches standard output, a pipe or a file; on a terminal it is erased when done")
    func progressPlace() throws {
        let holder = try TestHolder(.init(latencies: ["DUO": 2_500]))
        try holder.login(ExpectedFigures.richCitizen)
        let piped = try holder.bk("overview", "--format", "table")
        #expect(!piped.standardOutput.contains("van 9 organisaties") && !piped.standardError.contains("van 9 organisaties"))
        let (_, lines) = try Self.onTerminal(holder, columns: 100, ["overview"])
        #expect(!lines.contains { $0.contains("van 9 organisaties") }, "the progress line is erased: \(lines)")
        let raw = try CommandResult.run(
            "/usr/bin/script", ["-q", "-e", "-c", "stty cols 100; '\(Paths.binaries)/bk' overview > /dev/null", "/dev/null"], environment: holder.bkEnvironment)
        #expect(raw.standardOutput.contains("nog wachten op: DUO"), "after two seconds the pending organisation is named")
    }

    @Test("bk login shows a spinner with the time left while it waits for DigiD, and erases it")
    func loginSpinner() throws {
        let holder = try TestHolder()
        let raw = try CommandResult.run(
            "/usr/bin/script", ["-q", "-e", "-c", "stty cols 100; '\(Paths.binaries)/bk' login --timeout 2", "/dev/null"], environment: holder.bkEnvironment)
        #expect(raw.status != 0, "nobody logged in within two seconds")
        #expect(raw.standardOutput.contains("Wachten tot u bent ingelogd (nog "))
        #expect(raw.standardOutput.contains("Log in met DigiD op: https://"))
        let (_, lines) = try Self.onTerminal(holder, columns: 100, ["login", "--timeout", "1"])
        #expect(!lines.contains { $0.contains("Wachten tot") }, "the spinner is erased: \(lines)")
    }

    @Test("bk check, verify, status and scheme show speak one language too", arguments: ["nl", "en"])
    func otherScreensOneLanguage(language: String) throws {
        let holder = try TestHolder(.init(faults: ["CJIB": "expired_certificate", "DUO": "wrong_discovery_oin"], latencies: ["UWV": 400]))
        try holder.login(ExpectedFigures.richCitizen)
        let path = holder.directory + "/o.json"
        _ = try holder.bk("overview", "-o", path)
        var screen = ""
        for arguments in [["check", "--max-latency-ms", "300"], ["verify", path], ["status"], ["scheme", "show"]] {
            let result = try holder.bk(arguments + ["--lang", language])
            screen += result.standardOutput + result.standardError
        }
        let foreign =
            language == "nl"
            ? ["valid", "challenge", "checks", "passed", "expires", "organisations", "Scheme", "logged in", "proven"]
            : ["geldig", "uitdaging", "controles", "verloopt", "organisaties", "Stelsel", "ingelogd", "gewaarmerkt"]
        for word in foreign { #expect(!screen.contains(word), "\(language): '\(word)' in \(screen)") }
    }
}
