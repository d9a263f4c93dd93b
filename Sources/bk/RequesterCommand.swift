import ArgumentParser
import BlauweKnop
import Foundation

/// `bk requester`: Blauwe Knop Plus for the requester, e.g. a municipality's debt counselling
/// (PROTOCOL §10.4–§10.6).
struct RequesterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requester", abstract: "Fetch a citizen's signed data under their consent (for a requester of the scheme).",
        subcommands: [Overview.self])

    /// `bk requester overview --consent FILE`.
    struct Overview: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One citizen's overview under one consent, verified as the citizen's own.",
            discussion: """
                Organisations outside the consent are not asked (status not_in_consent); those in it that do not take part in Plus
                are not_supported. Neither counts against 'complete'. Exit codes as 'bk overview'; 1 also for a consent that does
                not verify or has expired, and for a key the scheme does not list for the consent's requester.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: "The consent the citizen gave (a file made by 'bk consent grant').")
        var consent: String

        @Option(name: .customLong("requester-key"), help: "The requester's private key, PEM PKCS#8, mode 0600 (BK_REQUESTER_KEY).")
        var requesterKey: String?

        @Option(help: "table or json (default: json unless standard output is a terminal).")
        var format: TextOrJSON?

        @Option(name: [.short, .customLong("output")], help: "Write the overview to this file (atomically; '-' is standard output).")
        var output: String?

        @Option(help: "Time for the whole run (e.g. 30s, 2m).")
        var deadline = DurationArgument(seconds: 30)

        func run() async throws {
            let json = format.map { $0 == .json } ?? !(Terminal.standardOutputIsTerminal && (output == nil || output == OutputFile.standardOutputName))
            let presentation = Presentation(global, jsonErrors: json)
            let overview: BlauweKnop.Overview
            do {
                let client = try global.client()
                let key = try RequesterKey.load(path: requesterKey ?? ProcessInfo.processInfo.environment["BK_REQUESTER_KEY"])
                guard let compact = try AtomicFile.read(consent, limit: Consent.maxBytes) else { throw FileError(path: consent, action: "read", errno: ENOENT) }
                let http = client.http(deadlineSeconds: deadline.seconds)
                let scheme = try await client.scheme(http: http)
                let verified = try BlauweKnop.Consent(compact: String(decoding: compact, as: UTF8.self), scheme: scheme, now: client.clock.epochSeconds)
                guard scheme.requesterKeys[verified.claims.aud]?[try key.keyID()] != nil else {
                    throw ConsentError(.notAllowed, "this requester key is not one the scheme lists for \(TerminalText.sanitized(verified.requester.name))")
                }
                guard verified.claims.detail == .full else {
                    throw ConsentError(.notAllowed, "consents with detail 'saldo' are not supported by this bk yet")
                }
                overview = await OverviewBuilder(
                    scheme: scheme, access: try .requester(verified, key: key), http: http, clock: client.clock,
                    maxConcurrentHolders: ProcessLimits.concurrentFlowsAllowed()
                ).build()
            } catch let error as SchemeError {
                throw presentation.fail(error, code: Terminal.exitCode(for: error))
            } catch {
                throw presentation.fail(error, code: OverviewExitCode.failure.rawValue)
            }
            let style = presentation.tableStyle(toTerminal: Terminal.standardOutputIsTerminal && (output == nil || output == OutputFile.standardOutputName))
            let text = json ? OverviewJSON.render(overview) : OverviewTable(overview: overview, detail: false, style: style).render()
            try presentation.write(text, to: output, mode: 0o600)
            let code = overview.exitCode
            if code != .complete { throw ExitCode(code.rawValue) }
        }
    }
}

/// The requester's private key: a PEM file that only its owner may read.
enum RequesterKey {
    static func load(path: String?) throws -> PrivateKey {
        guard let path, !path.isEmpty else { throw ValidationError("give the requester's private key: --requester-key FILE or BK_REQUESTER_KEY") }
        var status = stat()
        guard stat(path, &status) == 0 else { throw FileError(path: path, action: "read", errno: errno) }
        guard status.st_mode & 0o077 == 0 else {
            throw ValidationError("the requester key \(TerminalText.sanitized(path)) can be read by others: make it mode 0600 (chmod 600)")
        }
        guard let bytes = try AtomicFile.read(path, limit: 64 << 10) else { throw FileError(path: path, action: "read", errno: ENOENT) }
        return try PrivateKey(pem: String(decoding: bytes, as: UTF8.self))
    }
}
