@testable import BlauweKnop
import Foundation
import FoundationXML
import Testing

/// `Check/` and its reports without a network: the scheme's own cases, when a report fails,
/// and reports that other programs and 80-column terminals read.
@Suite("Check")
struct CheckTests {
    /// The scheme cases of a checker whose clock stands at `now`, for `scheme`.
    static func schemeCases(_ scheme: VerifiedScheme, now: Int64) async throws -> [CheckCase] {
        let engine = try CurlEngine(options: TransportOptions())
        let checker = EndpointChecker(
            scheme: scheme, http: HTTPClient(engine: engine, deadline: .now.advanced(by: .seconds(5))), options: .init(),
            clock: WallClock { Date(timeIntervalSince1970: TimeInterval(now)) })
        let cases = checker.schemeCases()
        await engine.shutdown()
        return cases
    }

    @Test("A scheme that expires within a day is a warning, with the hours left")
    func schemeExpiry() async throws {
        let world = try SignedOverviewFixture()
        let scheme = try VerifiedScheme(compact: world.schemeJWS, trustAnchor: world.anchor, environment: "test", now: world.now)
        let early = try await Self.schemeCases(scheme, now: world.now)
        #expect(early.first { $0.name == "expiry" }?.outcome == .pass)
        let late = try await Self.schemeCases(scheme, now: world.scheme.exp - 5 * 3600)
        let expiry = try #require(late.first { $0.name == "expiry" })
        #expect(expiry.outcome == .warning)
        #expect(expiry.notes.first?.values["hours"] == "5")
        #expect(late.first { $0.name == "signature" }?.outcome == .pass)
    }

    @Test("Two organisations with one key is an error that names both")
    func sharedKey() async throws {
        let world = try SignedOverviewFixture()
        var document = world.scheme
        document.organizations[1].publicKeys = document.organizations[0].publicKeys
        let compact = try JWS.sign(payload: JSONCoding.encode(document), type: VerifiedScheme.jwsType, key: world.operatorKey)
        let scheme = try VerifiedScheme(compact: compact, trustAnchor: world.anchor, environment: "test", now: world.now)
        let keys = try #require(try await Self.schemeCases(scheme, now: world.now).first { $0.name == "keys" })
        #expect(keys.outcome == .error)
        #expect(keys.message?.contains("Organisatie 1 and Organisatie 2") == true, "\(keys.message ?? "")")
    }

    @Test("A report fails on errors, and on warnings only when asked")
    func failing() {
        func report(_ outcomes: [CheckOutcome]) -> CheckReport {
            CheckReport(schemeVersion: 1, environment: "test", cases: outcomes.map { CheckCase(group: "g", name: "n", outcome: $0) })
        }
        #expect(!report([.pass, .skipped]).fails(onWarnings: true))
        #expect(!report([.pass, .warning]).fails(onWarnings: false))
        #expect(report([.pass, .warning]).fails(onWarnings: true))
        #expect(report([.error]).fails(onWarnings: false))
    }

    @Test("A refused connection is said as such, not as a TLS problem")
    func refusedConnection() {
        var refused = TransportError(.unreachable, "connect", isConnectionFailure: true)
        refused.connectionRefused = true
        #expect(EndpointChecker.connectionNote(refused).key == .checkConnectionRefused)
        #expect(EndpointChecker.connectionNote(TransportError(.tls, "handshake")).key == .checkFailedTLS)
    }

    /// A report with an organisation name and a message as a hostile scheme or server could send them.
    static let hostileReport = CheckReport(
        schemeVersion: 7, environment: "test",
        cases: [
            CheckCase(group: #"Gemeente "<Noord>" & Zuid"#, name: "tls", outcome: .pass, durationMs: 12),
            CheckCase(
                group: "Belastingdienst", name: "discovery", outcome: .error, message: "HTTP 500 <html>]]></html>\nline two", durationMs: 40,
                note: CheckNote(.checkFailedTLS)),
            CheckCase(group: "Belastingdienst", name: "challenge", outcome: .skipped, message: "not reached"),
        ])

    @Test("JUnit: well-formed whatever the names say, with the failures counted")
    func junit() throws {
        let xml = CheckFormat.junit(Self.hostileReport)
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")\n\(xml)")
        #expect(xml.contains(#"failures="1""#) && xml.contains(#"skipped="1""#) && xml.contains(#"tests="3""#))
        #expect(xml.contains("&quot;&lt;Noord&gt;&quot; &amp; Zuid"))
    }

    @Test("The table fits 80 columns in both languages, long details wrapped")
    func table() {
        for language in [Language.nl, .en] {
            let text = CheckFormat.table(Self.hostileReport, style: TableStyle(language: language, width: 80))
            for line in text.split(separator: "\n") { #expect(line.count <= 80, "\(language): '\(line)'") }
            #expect(text.contains("Belastingdienst"))
        }
    }
}
