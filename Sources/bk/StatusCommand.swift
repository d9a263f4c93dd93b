import ArgumentParser
import BlauweKnop
import Foundation

/// `bk status`: who is logged in here, and which scheme bk last accepted (nothing is fetched).
struct StatusCommand: ParsableCommand, ReportsErrors {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show who is logged in on this computer and which scheme bk last accepted.",
        discussion: """
            Reads the state folder only; nothing is fetched. The BSN is shown masked.

            Exit codes: 0 logged in; 3 not logged in (or the login expired); 1 other errors.

            Examples:
              bk status
              bk status --format json
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "text or json (default: from the --output file's extension, else text).")
    var format: TextOrJSON?

    @Option(name: [.short, .customLong("output")], help: "Write to this file ('-' is standard output).")
    var output: String?

    var presentation: Presentation { Presentation(global, jsonErrors: (format ?? TextOrJSON(inferredFrom: output)) == .json) }

    func run() throws {
        let chosen = format ?? TextOrJSON(inferredFrom: output) ?? .text
        let presentation = Presentation(global, jsonErrors: chosen == .json)
        let status: LocalStatus
        status = LocalStatus.read(settings: try global.settings())
        switch chosen {
        case .json: try presentation.write(String(decoding: (try? JSONCoding.encoder().encode(status)) ?? Data(), as: UTF8.self) + "\n", to: output)
        case .text: try presentation.write(Self.text(status, messages: presentation.messages), to: output)
        }
        if !status.loggedIn { throw ExitCode(ExitStatus.partial.rawValue) }
    }

    static func text(_ status: LocalStatus, messages text: Messages) -> String {
        var lines: [String] = []
        if let bsn = status.bsn, let until = status.credentialValidUntil {
            lines.append(text[status.loggedIn ? .statusLoggedIn : .statusExpired, ["bsn": bsn, "moment": text.moment(until)]])
        } else {
            lines.append(text[.statusNotLoggedIn])
        }
        if let version = status.schemeVersion, let expires = status.schemeExpiresAt {
            lines.append(text[.statusScheme, ["version": "\(version)", "moment": text.moment(expires)]])
        } else {
            lines.append(text[.statusNoScheme])
        }
        lines.append(text[.statusFolder, ["path": TerminalText.sanitized(status.stateDirectory)]])
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `--format text|json` for commands whose output is a message or a small document.
enum TextOrJSON: String, ExpressibleByArgument, CaseIterable {
    case text, json

    /// The format a file name asks for: `.json` is JSON, `.txt` text.
    init?(inferredFrom output: String?) {
        guard let output else { return nil }
        if output.hasSuffix(".json") {
            self = .json
        } else if output.hasSuffix(".txt") {
            self = .text
        } else {
            return nil
        }
    }
}
