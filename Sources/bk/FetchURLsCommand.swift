import ArgumentParser
import BlauweKnop
import Foundation

/// `bk fetch-urls FILE`: GET every URL of a file at once through bk's transport, for the
/// side-by-side transport benchmark against `curl --parallel`. Hidden from help.
struct FetchURLsCommand: AsyncParsableCommand, ReportsErrors {
    static let configuration = CommandConfiguration(
        commandName: "fetch-urls", abstract: "GET every URL in FILE concurrently (benchmark helper).", shouldDisplay: false)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A file with one https URL per line.")
    var file: String

    var presentation: Presentation { Presentation(global) }

    func run() async throws {
        let urls = ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        guard !urls.isEmpty else { throw UsageProblem.error(.usageNoURLs, ["path": TerminalText.sanitized(file)]) }
        let failures = try await global.withClient { client in
            let http = client.http(deadlineSeconds: global.requestTimeout.seconds)
            let failures = await withTaskGroup(of: Bool.self) { group in
                for url in urls {
                    group.addTask { (try? await http.send(HTTPRequest(url: url, maxResponseBytes: 1 << 20)))?.status == 200 }
                }
                var failures = 0
                for await ok in group where !ok { failures += 1 }
                return failures
            }
            let resumptions = client.tlsResumptions
            Terminal.note("\(urls.count - failures) fetched, \(failures) failed, \(resumptions.resumed) of \(resumptions.offered) kept TLS sessions resumed")
            return failures
        }
        if failures > 0 { throw ExitCode.failure }
    }
}
