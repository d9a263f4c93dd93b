import BlauweKnop
import BKTestSupport
import Foundation
import Testing

/// TLS sessions kept between runs: a repeat run resumes them, and a session is used only under
/// the trust it was verified with, only from a private file, and never where a full handshake
/// is what is checked.
@Suite("TLS sessions kept between runs, end to end")
struct TLSResumptionEndToEndTests {
    /// `resumed` and `offered` from `bk overview --verbose --lang en`.
    static func resumptions(_ result: CommandResult) throws -> (resumed: Int, offered: Int) {
        let numbers = try result.numbers(onLineContaining: "saved connections (TLS sessions)")
        try #require(numbers.count == 2, "\(numbers)")
        return (numbers[0], numbers[1])
    }

    static func overview(_ holder: TestHolder, _ extra: [String] = [], environment: [String: String]? = nil) throws -> CommandResult {
        let arguments = ["overview", "--format", "json", "--verbose", "--lang", "en"] + extra
        let result = try CommandResult.run(Paths.binaries + "/bk", arguments, environment: environment ?? holder.bkEnvironment)
        #expect(result.status == 0, "\(result.standardError)")
        return result
    }

    /// A file's permission bits.
    static func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("The sessions file is written by the client's shutdown, never by a client merely let go")
    func sessionsSavedByShutdown() async throws {
        try await DedicatedExecutor.offPool {
            let holder = try TestHolder()
            let sessions = holder.stateDirectory + "/tls-sessions"
            let settings = try ClientSettings.resolve(flags: [:], environment: holder.bkEnvironment)
            do {
                let dropped = try BlauweKnopClient(settings: settings)
                _ = try await dropped.scheme(http: dropped.http(deadlineSeconds: 30))
            }
            #expect(!FileManager.default.fileExists(atPath: sessions), "deinit wrote the sessions file")
            _ = try await BlauweKnopClient.using(settings: settings) { client in try await client.scheme(http: client.http(deadlineSeconds: 30)) }
            #expect(FileManager.default.fileExists(atPath: sessions), "shutdown kept the scheme host's session")
        }
    }

    @Test("A second overview resumes every session the first kept (file 0600), with the same figures; logout removes the sessions")
    func repeatRunResumes() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let sessions = holder.stateDirectory + "/tls-sessions"
        #expect(FileManager.default.fileExists(atPath: sessions), "bk login kept the sessions of the scheme host and the App Manager")
        try FileManager.default.removeItem(atPath: sessions)
        let first = try Self.overview(holder)
        #expect(try Self.resumptions(first) == (0, 0))
        #expect(try Self.mode(sessions) == 0o600)
        let second = try Self.overview(holder)
        let counts = try Self.resumptions(second)
        #expect(counts.offered >= 9, "the scheme host and the nine organisations")
        #expect(counts.resumed == counts.offered)
        let figures = { (result: CommandResult) throws -> ExpectedFigures.Totals? in
            let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
            return ExpectedFigures.totals(object?["totals"])
        }
        #expect(try figures(first) == ExpectedFigures.richTotal)
        #expect(try figures(second) == ExpectedFigures.richTotal)
        #expect(try holder.bk("logout").status == 0)
        #expect(!FileManager.default.fileExists(atPath: sessions))
    }

    @Test("Sessions verified under one trust are not offered under another (--cacert with other bytes, or the system folder)")
    func trustBound() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        _ = try Self.overview(holder)
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // The same CA, and an extra certificate: the holders still verify, the trust is another.
        let otherBundle = folder + "/bundle.pem"
        let ca = try String(contentsOfFile: Paths.examples + "/pki/ca.pem", encoding: .utf8)
        let extra = try String(contentsOfFile: Paths.examples + "/pki/server-other-ca.pem", encoding: .utf8)
        try (ca + extra).write(toFile: otherBundle, atomically: true, encoding: .utf8)
        var environment = holder.bkEnvironment
        environment["BK_CACERT"] = otherBundle
        #expect(try Self.resumptions(Self.overview(holder, environment: environment)).offered == 0)
        // That run kept its own sessions, bound to its own trust: back under the test CA alone, none is offered.
        #expect(try Self.resumptions(Self.overview(holder)).offered == 0)
        let system = try TransportEndToEndTests.hashedFolder(with: [Paths.examples + "/pki/ca.pem"])
        defer { try? FileManager.default.removeItem(atPath: system) }
        environment["BK_CACERT"] = nil
        environment["SSL_CERT_DIR"] = system
        #expect(try Self.resumptions(Self.overview(holder, environment: environment)).offered == 0)
    }

    @Test("A session file others can read, a symbolic link or a damaged file is not used; the run is complete and the file is written anew")
    func untrustedFilesIgnored() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let sessions = holder.stateDirectory + "/tls-sessions"
        _ = try Self.overview(holder)

        #expect(chmod(sessions, 0o644) == 0)
        #expect(try Self.resumptions(Self.overview(holder)).offered == 0)
        #expect(try Self.mode(sessions) == 0o600)

        let kept = holder.stateDirectory + "/elsewhere"
        try FileManager.default.moveItem(atPath: sessions, toPath: kept)
        try FileManager.default.createSymbolicLink(atPath: sessions, withDestinationPath: kept)
        #expect(try Self.resumptions(Self.overview(holder)).offered == 0)
        let replaced = try FileManager.default.attributesOfItem(atPath: sessions)[.type] as? FileAttributeType
        #expect(replaced == .typeRegular, "the link is replaced by a file of bk's own")

        // Cut in the middle of a session, and with a length field that claims more than is there.
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: sessions)))
        #expect(bytes.count > 200)
        bytes.removeLast(bytes.count / 3)
        try Data(bytes).write(to: URL(fileURLWithPath: sessions))
        #expect(chmod(sessions, 0o600) == 0)
        #expect(try Self.resumptions(Self.overview(holder)).offered == 0)
        var grown = try [UInt8](Data(contentsOf: URL(fileURLWithPath: sessions)))
        let header = "bk tls sessions 1\n".utf8.count + 32
        grown[header] = 0xff
        grown[header + 1] = 0xff
        try Data(grown).write(to: URL(fileURLWithPath: sessions))
        #expect(try Self.resumptions(Self.overview(holder)).offered == 0)
        #expect(try Self.resumptions(Self.overview(holder)).resumed >= 9, "the file written anew works again")
    }

    @Test("bk check after a resumed run still sees every server's certificate (its TLS check makes a full handshake)")
    func checkSeesCertificates() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        _ = try Self.overview(holder)
        _ = try Self.overview(holder)
        let result = try holder.bk("check", "--warn-cert-days", "100000", "--format", "json")
        let outcomes = try CheckEndToEndTests.outcomes(result.standardOutput)
        let tls = outcomes.filter { $0.key.hasSuffix(" tls") }
        #expect(tls.count >= 10)
        #expect(tls.values.allSatisfy { $0 == "warning" }, "every certificate seen, and it expires within 100000 days: \(tls)")
    }
}
