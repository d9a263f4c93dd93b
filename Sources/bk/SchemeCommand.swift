import ArgumentParser
import BlauweKnop
import Foundation

/// `bk scheme show|verify|fetch`.
struct SchemeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scheme",
        abstract: "Inspect the signed scheme of data holders.",
        subcommands: [Show.self, Verify.self, Fetch.self])

    /// Fetches and verifies the scheme (a rejection ends the run with exit 2).
    static func verifiedScheme(_ global: GlobalOptions) async throws -> VerifiedScheme {
        try await global.withClient { client in try await client.scheme(http: client.http(deadlineSeconds: global.requestTimeout.seconds)) }
    }

    struct Show: AsyncParsableCommand, ReportsErrors {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show organisations, App Managers, version, expiry and key ids.")

        @OptionGroup var global: GlobalOptions

        @Option(help: "table or json.")
        var format: VerifyCommand.ReportFormat = .table

        var presentation: Presentation { Presentation(global, jsonErrors: format == .json) }

        func run() async throws {
            let scheme = try await SchemeCommand.verifiedScheme(global)
            let summary = SchemeSummary(scheme)
            switch format {
            case .json: Terminal.print(String(decoding: (try? JSONCoding.encoder().encode(summary)) ?? Data(), as: UTF8.self) + "\n")
            case .table:
                let presentation = self.presentation
                Terminal.print(summary.table(style: presentation.tableStyle(toTerminal: Terminal.standardOutputIsTerminal)))
            }
        }
    }

    struct Verify: AsyncParsableCommand, ReportsErrors {
        static let configuration = CommandConfiguration(commandName: "verify", abstract: "Verify the scheme; exit 0 when valid, 2 when not (for scripts).")

        @OptionGroup var global: GlobalOptions

        @Option(help: "text (nothing, only the exit code) or json.")
        var format: TextOrJSON = .text

        var presentation: Presentation { Presentation(global, jsonErrors: format == .json) }

        func run() async throws {
            let scheme = try await SchemeCommand.verifiedScheme(global)
            if format == .json {
                let report = SchemeVerification(
                    valid: true, version: scheme.document.version, expiresAt: Timestamps.rfc3339(Date(timeIntervalSince1970: TimeInterval(scheme.document.exp)))
                )
                Terminal.print(String(decoding: (try? JSONCoding.encoder().encode(report)) ?? Data(), as: UTF8.self) + "\n")
            }
        }
    }

    /// What `bk scheme verify --format json` prints (`Schemas/scheme-verify.schema.json`).
    struct SchemeVerification: Encodable {
        var valid: Bool
        var version: Int
        var expiresAt: String

        enum CodingKeys: String, CodingKey {
            case valid, version
            case expiresAt = "expires_at"
        }
    }

    struct Fetch: AsyncParsableCommand, ReportsErrors {
        static let configuration = CommandConfiguration(commandName: "fetch", abstract: "Save the verified scheme JWS to a file.")

        @OptionGroup var global: GlobalOptions

        @Option(name: [.short, .customLong("output")], help: "Where to write the JWS ('-' is standard output).")
        var output: String

        var presentation: Presentation { Presentation(global) }

        func run() async throws {
            let scheme = try await SchemeCommand.verifiedScheme(global)
            try presentation.write(scheme.compact + "\n", to: output)
        }
    }
}
