import Foundation
import Testing

@testable import BlauweKnop

/// The file of TLS sessions kept between runs, read as an attacker might have left it.
@Suite("TLS session file")
struct TLSSessionCacheTests {
    static let trust = [UInt8](repeating: 7, count: 32)
    static let now: Int64 = 1_800_000_000

    /// A file in the cache's format: header, then (key, received at, DER) records.
    static func file(trust: [UInt8] = trust, _ records: [(String, Int64, [UInt8])]) -> [UInt8] {
        func bigEndian(_ value: UInt64, _ width: Int) -> [UInt8] { (0..<width).reversed().map { UInt8(truncatingIfNeeded: value >> UInt64($0 * 8)) } }
        var bytes = Array("bk tls sessions 1\n".utf8) + trust
        for (key, receivedAt, der) in records {
            bytes +=
                bigEndian(UInt64(key.utf8.count), 2) + Array(key.utf8) + bigEndian(UInt64(bitPattern: receivedAt), 8) + bigEndian(UInt64(der.count), 4) + der
        }
        return bytes
    }

    /// The number of sessions a cache reads from `bytes` written with `mode`.
    static func kept(_ bytes: [UInt8], mode: mode_t = 0o600, trust: [UInt8] = trust) throws -> Int {
        let folder = NSTemporaryDirectory() + "bk-tls-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/tls-sessions"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, mode) == 0)
        return TLSSessionCache(path: path, trustIdentity: trust, now: now).keptCount
    }

    @Test("Well-formed records under the same trust are read; a stale or future one is dropped")
    func readsRecords() throws {
        let der = [UInt8](repeating: 0x30, count: 40)
        #expect(try Self.kept(Self.file([("a.example:443", Self.now - 60, der), ("b.example:8443", Self.now - 3600, der)])) == 2)
        #expect(try Self.kept(Self.file([("old:443", Self.now - 24 * 3600 - 1, der), ("future:443", Self.now + 60, der), ("ok:443", Self.now, der)])) == 1)
    }

    @Test("Another trust, another user's permissions, a cut record, an oversized length or bad UTF-8: nothing is read")
    func refusesUntrustedFiles() throws {
        let der = [UInt8](repeating: 0x30, count: 40)
        let good = Self.file([("a.example:443", Self.now, der)])
        #expect(try Self.kept(good, trust: [UInt8](repeating: 8, count: 32)) == 0)
        #expect(try Self.kept(good, mode: 0o644) == 0)
        #expect(try Self.kept(good, mode: 0o620) == 0)
        #expect(try Self.kept(Array(good.dropLast(1))) == 0)
        #expect(try Self.kept(good + [0]) == 0)
        #expect(try Self.kept(Self.file([("a:443", Self.now, [UInt8](repeating: 1, count: 16 << 10 + 1))])) == 0)
        var lying = good
        lying[lying.count - der.count - 1] = 0xff  // DER length far beyond the end
        #expect(try Self.kept(lying) == 0)
        var badKey = good
        badKey[18 + 32 + 2] = 0xc0  // first byte of the key: not UTF-8
        #expect(try Self.kept(badKey) == 0)
        #expect(try Self.kept(Array("bk tls sessions 2\n".utf8) + Self.trust) == 0)
        #expect(try Self.kept([]) == 0)
    }

    @Test("A session whose DER does not parse is not offered, and is gone once asked for")
    func unparsableSessionNotOffered() throws {
        let folder = NSTemporaryDirectory() + "bk-tls-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/tls-sessions"
        try Data(Self.file([("a.example:443", Self.now, [0x30, 0x03, 0x02, 0x01, 0x01])])).write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, 0o600) == 0)
        let cache = TLSSessionCache(path: path, trustIdentity: Self.trust, now: Self.now)
        #expect(cache.keptCount == 1)
        #expect(cache.take("a.example:443", now: Self.now) == nil)
        #expect(cache.keptCount == 0)
        #expect(cache.counts.offered == 0)
        cache.save(now: Self.now)
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written == Array("bk tls sessions 1\n".utf8) + Self.trust, "written anew without the session")
        let mode = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
    }
}

/// How long a holder lets a discovery document be kept (PROTOCOL §2).
@Suite("Discovery Cache-Control")
struct DiscoveryCacheControlTests {
    @Test("max-age in seconds; no-store, no-cache and anything malformed keep nothing")
    func maxAge() {
        #expect(DiscoveryCache.maxAge(cacheControl: "max-age=3600") == 3600)
        #expect(DiscoveryCache.maxAge(cacheControl: "public, MAX-AGE=60") == 60)
        #expect(DiscoveryCache.maxAge(cacheControl: " max-age = 5 ") == 5)
        for refused in [
            nil, "", "public", "no-store, max-age=60", "max-age=60, no-cache", "max-age=", "max-age=-1", "max-age=1e3",
            "max-age=12345678901", "max-age=\"60\"", "max-age=６０",
        ] {
            #expect(DiscoveryCache.maxAge(cacheControl: refused) == nil, "\(refused ?? "nil")")
        }
    }
}
