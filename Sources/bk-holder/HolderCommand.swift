import ArgumentParser
import BlauweKnop
import BlauweKnopHolder
import Foundation

/// `bk-holder`: the reference data holder for tests, demos and benchmarks.
@main
struct HolderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bk-holder",
        abstract: "Serve a bk-1 test environment (scheme, App Manager, organisations) over TLS on loopback.",
        discussion: """
            Prints 'ready <scheme-url>' on standard output once every listener is bound.

            Examples:
              bk-holder serve --config Examples/environment.json
              bk-holder serve --config Examples/environment.json --port 0
              bk-holder trust-anchor --config Examples/environment.json
            """,
        subcommands: [Serve.self, PrintTrustAnchor.self, Generate.self],
        defaultSubcommand: Serve.self)
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Start the holders.")

    @Option(help: "The environment file.")
    var config: String = "Examples/environment.json"

    @Option(help: "Listen on this port everywhere instead of the configured ones (0: any free port).")
    var port: Int?

    @Option(help: "TLS certificate chain (PEM).")
    var certificate: String = "Examples/pki/server.pem"

    @Option(name: .customLong("private-key"), help: "TLS private key (PEM).")
    var privateKey: String = "Examples/pki/server.key"

    func run() async throws {
        do {
            let environment = try HolderEnvironment(path: config, portOverride: port)
            try await HolderServer(environment: environment, certificatePath: certificate, privateKeyPath: privateKey).run { url in
                FileHandle.standardOutput.write(Data("ready \(url)\n".utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("bk-holder: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}

struct PrintTrustAnchor: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "trust-anchor", abstract: "Print the operator's public key as a JWK Set.")

    @Option(help: "The environment file.")
    var config: String = "Examples/environment.json"

    func run() throws {
        let environment = try HolderEnvironment(path: config)
        let set = ["keys": [environment.operatorKey.publicJWK]]
        print(String(decoding: try JSONCoding.encoder().encode(set), as: UTF8.self))
    }
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a generated environment with many organisations (benchmarks).",
        discussion: "Example: bk-holder generate --organizations 400 --latency-ms 50 --jitter-ms 5 --output .build-bench/n400")

    @Option(help: "How many organisations.")
    var organizations: Int

    @Option(name: .customLong("latency-ms"), help: "Server-side latency per response.")
    var latencyMs = 0

    @Option(name: .customLong("jitter-ms"), help: "Uniform random extra latency up to this.")
    var jitterMs = 0

    @Option(help: "The folder to write.")
    var output: String

    func validate() throws {
        guard organizations > 0, latencyMs >= 0, jitterMs >= 0 else { throw ValidationError("counts and latencies must not be negative") }
    }

    func run() throws {
        try BenchmarkEnvironment(organizations: organizations, latencyMs: latencyMs, jitterMs: jitterMs).write(to: output)
    }
}
