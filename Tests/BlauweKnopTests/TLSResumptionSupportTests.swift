@testable import BlauweKnop
import Foundation
import Testing

/// The guard on keeping TLS sessions between runs: only on the libcurl and OpenSSL releases
/// the mechanism was proven on.
@Suite("TLS session keeping guard")
struct TLSResumptionSupportTests {
    typealias Version = TLSResumptionSupport.Version

    @Test(
        "Sessions are kept on libcurl 7.88 with OpenSSL 3.0 only",
        arguments: [
            ("7.88.1", "3.0.19", true), ("7.88.0", "3.0.2", true), ("7.87.0", "3.0.19", false), ("8.5.0", "3.0.13", false),
            ("8.12.1", "3.0.19", false), ("7.88.1", "3.2.0", false), ("7.88.1", "1.1.1", false),
        ])
    func decision(libcurl: String, openSSL: String, kept: Bool) throws {
        func version(_ text: String) throws -> Version {
            let parts = text.split(separator: ".").compactMap { Int($0) }
            try #require(parts.count == 3)
            return Version(major: parts[0], minor: parts[1], patch: parts[2])
        }
        let support = TLSResumptionSupport(libcurl: try version(libcurl), openSSL: try version(openSSL))
        #expect(support.keepsSessions == kept)
        #expect((support.reasonNotKept == nil) == kept)
        if let reason = support.reasonNotKept { #expect(reason.contains(libcurl) && reason.contains(openSSL), "\(reason)") }
    }

    @Test("The version numbers the libraries report are read as releases")
    func versionNumbers() {
        #expect(Version(libcurlNumber: 0x07_58_01) == Version(major: 7, minor: 88, patch: 1))
        #expect(Version(openSSLNumber: 0x3000_0130) == Version(major: 3, minor: 0, patch: 19))
        #expect(Version(openSSLNumber: 0x3020_0000) == Version(major: 3, minor: 2, patch: 0))
    }

    @Test("This machine's libraries are the proven ones, and an engine on others keeps no sessions file")
    func engineFollowsTheGuard() async throws {
        #expect(TLSResumptionSupport.running.keepsSessions, "\(TLSResumptionSupport.running)")
        var options = TransportOptions()
        options.tlsSessionFile = NSTemporaryDirectory() + "/bk-guard-\(UUID().uuidString)"
        let proven = try CurlEngine(options: options)
        #expect(proven.keepsSessionsBetweenRuns)
        await proven.shutdown()
        options.tlsResumptionSupport = TLSResumptionSupport(
            libcurl: Version(major: 8, minor: 12, patch: 1), openSSL: Version(major: 3, minor: 0, patch: 19))
        let unproven = try CurlEngine(options: options)
        #expect(!unproven.keepsSessionsBetweenRuns)
        await unproven.shutdown()
    }
}
