import Foundation
import Testing

/// Discovery documents kept per `Cache-Control` (PROTOCOL §2): a repeat overview skips that
/// round trip, and a kept document that is wrong, stale or not private costs at most one
/// round trip, never a wrong or incomplete overview.
@Suite("Discovery cache end to end")
struct DiscoveryCacheEndToEndTests {
    /// How many organisations took a kept discovery document, from `--verbose --lang en`.
    static func fromCache(_ result: CommandResult) throws -> Int {
        try #require(result.numbers(onLineContaining: "(discovery documents) came from").first)
    }

    static func overview(_ holder: TestHolder) throws -> (CommandResult, [String: Any]) {
        let result = try holder.bk("overview", "--format", "json", "--verbose", "--lang", "en")
        #expect(result.status == 0, "\(result.standardError)")
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any] ?? [:]
        #expect(ExpectedFigures.totals(object["totals"]) == ExpectedFigures.richTotal)
        return (result, object)
    }

    static func entries(_ path: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        return object?["entries"] as? [[String: Any]] ?? []
    }

    static func write(_ entries: [[String: Any]], to path: String) throws {
        try JSONSerialization.data(withJSONObject: ["entries": entries]).write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, 0o600) == 0)
    }

    @Test("The second overview takes every discovery document from the cache (0600, kept for the holder's max-age), with the same figures")
    func repeatRunUsesCache() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let path = holder.stateDirectory + "/discovery-cache.json"
        let (first, _) = try Self.overview(holder)
        #expect(try Self.fromCache(first) == 0)
        #expect(try TLSResumptionEndToEndTests.mode(path) == 0o600)
        let entries = try Self.entries(path)
        #expect(entries.count == 9)
        let now = Int(Date().timeIntervalSince1970)
        #expect(entries.allSatisfy { ($0["expires_at"] as? Int ?? 0) > now && ($0["expires_at"] as? Int ?? .max) <= now + 3600 + 5 })
        let (second, _) = try Self.overview(holder)
        #expect(try Self.fromCache(second) == 9)
    }

    @Test(
        "A kept document edited to send one organisation's session to another costs one round trip: fetched again, the overview is complete and the cache mended"
    )
    func tamperedEntryIsReplaced() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let path = holder.stateDirectory + "/discovery-cache.json"
        _ = try Self.overview(holder)
        var entries = try Self.entries(path)
        try #require(entries.count == 9)
        let (victim, other) = (0, 1)
        var document = try #require(entries[victim]["document"] as? [String: Any])
        let honest = document["session_url"] as? String
        document["session_url"] = (entries[other]["document"] as? [String: Any])?["session_url"]
        entries[victim]["document"] = document
        try Self.write(entries, to: path)
        let (result, _) = try Self.overview(holder)
        #expect(try Self.fromCache(result) == 9, "all nine were tried from the cache; one was then fetched again")
        let mended = try Self.entries(path).first { $0["oin"] as? String == entries[victim]["oin"] as? String }
        #expect((mended?["document"] as? [String: Any])?["session_url"] as? String == honest)
    }

    @Test("A cache others can write, one kept for longer than a day, or one that is not JSON is not used; the overview is complete")
    func untrustedCacheIgnored() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let path = holder.stateDirectory + "/discovery-cache.json"
        _ = try Self.overview(holder)
        #expect(chmod(path, 0o666) == 0)
        #expect(try Self.fromCache(Self.overview(holder).0) == 0)

        var entries = try Self.entries(path)
        for index in entries.indices { entries[index]["expires_at"] = 4_102_444_800 }  // 2100
        try Self.write(entries, to: path)
        #expect(try Self.fromCache(Self.overview(holder).0) == 0)

        try Data("{\"entries\": [".utf8).write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, 0o600) == 0)
        #expect(try Self.fromCache(Self.overview(holder).0) == 0)
        #expect(try Self.fromCache(Self.overview(holder).0) == 9, "written anew, it works again")
    }
}
