import Foundation
import Testing

/// The transport engine end to end: trust from the system's certificate folder, and the same
/// overview whatever number of engine threads carries it.
@Suite("Transport end to end")
struct TransportEndToEndTests {
    /// A folder holding `certificates` under OpenSSL's hashed names, as /etc/ssl/certs does.
    static func hashedFolder(with certificates: [String]) throws -> String {
        let folder = try Paths.temporaryDirectory()
        for (index, path) in certificates.enumerated() {
            try FileManager.default.copyItem(atPath: path, toPath: folder + "/ca-\(index).pem")
        }
        let rehash = try CommandResult.run("/usr/bin/openssl", ["rehash", folder], environment: ["PATH": "/usr/bin:/bin"])
        guard rehash.status == 0 else { throw TestFailure("openssl rehash failed: \(rehash.standardError)") }
        return folder
    }

    @Test("Without --cacert, roots come from the system's hashed certificate folder; a folder without the holders' root trusts none of them")
    func systemFolderTrust() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let trusted = try Self.hashedFolder(with: [Paths.examples + "/pki/ca.pem"])
        let empty = try Paths.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(atPath: trusted)
            try? FileManager.default.removeItem(atPath: empty)
        }
        var environment = holder.bkEnvironment
        environment["BK_CACERT"] = nil
        environment["SSL_CERT_DIR"] = trusted
        let ok = try CommandResult.run(Paths.binaries + "/bk", ["overview", "--format", "json"], environment: environment)
        #expect(ok.status == 0, "\(ok.standardError)")
        let object = try JSONSerialization.jsonObject(with: Data(ok.standardOutput.utf8)) as? [String: Any]
        let statuses = (object?["holders"] as? [[String: Any]] ?? []).map { $0["status"] as? String ?? "" }
        #expect(statuses.count == 9 && statuses.allSatisfy { $0 == "ok" }, "\(statuses)")

        environment["SSL_CERT_DIR"] = empty
        let refused = try CommandResult.run(Paths.binaries + "/bk", ["scheme", "show", "--lang", "en", "--verbose"], environment: environment)
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("certificate"), "\(refused.standardError)")
    }

    @Test("One engine thread or three: the same figures for every organisation")
    func engineThreadsAgree() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        func figures(_ threads: String) throws -> [String] {
            let (result, object) = try holder.overviewJSON(["--engine-threads", threads])
            #expect(result.status == 0, "\(result.standardError)")
            let holders = object["holders"] as? [[String: Any]] ?? []
            return holders.map { "\($0["oin"] ?? "") \($0["status"] ?? "") \(($0["totals"] as? [String: Any])?["saldo"] ?? "")" }.sorted()
        }
        let one = try figures("1")
        #expect(one.count == 9)
        #expect(try figures("3") == one)
        let zero = try holder.bk("overview", "--engine-threads", "0")
        #expect(zero.status == 64)
    }
}
