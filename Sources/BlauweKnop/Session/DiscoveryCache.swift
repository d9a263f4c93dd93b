import Foundation

/// Discovery documents kept for as long as their holder allows (`Cache-Control: max-age`,
/// PROTOCOL §2), so that a repeat run skips one round trip per organisation.
///
/// A kept document is used only for the same OIN and discovery URL as the current scheme says,
/// passes the §2 checks again, and for at most `maximumAge`. When a flow that used a kept
/// document fails for another reason than a timeout, the document is dropped and the flow runs
/// once more with a fresh one (the holder may have moved its endpoints). With a path the cache
/// is read from and written to the state directory (`discovery-cache.json`, 0600); a file that is
/// not a private regular file of this user, or does not parse, is ignored.
public final class DiscoveryCache: Sendable {
    /// The longest a document is kept, whatever the holder allows.
    public static let maximumAge: Int64 = 24 * 60 * 60

    struct Entry: Codable, Sendable {
        var oin: String
        var discoveryURL: String
        var expiresAt: Int64
        var document: DiscoveryDocument

        enum CodingKeys: String, CodingKey {
            case oin
            case discoveryURL = "discovery_url"
            case expiresAt = "expires_at"
            case document
        }
    }

    private struct File: Codable {
        var entries: [Entry]
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var changed = false
        var hits = 0
    }

    private let state: Locked<State>
    private let path: String?

    /// A cache kept in `path`, or in memory only for this process when `path` is nil.
    public init(path: String?, now: Int64) {
        self.path = path
        var kept = State()
        if let path, let bytes = AtomicFile.readPrivateCache(path, limit: 16 << 20), let file = try? JSONCoding.decode(File.self, from: bytes) {
            for entry in file.entries where entry.expiresAt > now && entry.expiresAt - now <= Self.maximumAge {
                kept.entries[entry.discoveryURL] = entry
            }
        }
        state = Locked(kept)
    }

    /// The kept document for an organisation of the current scheme, checked again.
    func document(for organization: SchemeDocument.Organization, now: Int64) -> DiscoveryDocument? {
        state.withLock { state in
            guard let entry = state.entries[organization.discoveryURL], entry.oin == organization.oin, entry.expiresAt > now,
                (try? entry.document.check(against: organization)) != nil
            else { return nil }
            state.hits += 1
            return entry.document
        }
    }

    /// Keeps a document that was just fetched, for as long as its response allows.
    func remember(_ document: DiscoveryDocument, for organization: SchemeDocument.Organization, response: HTTPResponse, now: Int64) {
        guard let seconds = Self.maxAge(cacheControl: response.headers["cache-control"]), seconds > 0 else { return }
        let entry = Entry(oin: organization.oin, discoveryURL: organization.discoveryURL, expiresAt: now + min(seconds, Self.maximumAge), document: document)
        state.withLock { state in
            state.entries[organization.discoveryURL] = entry
            state.changed = true
        }
    }

    /// Drops the kept document of an organisation.
    func forget(_ organization: SchemeDocument.Organization) {
        state.withLock { state in
            if state.entries.removeValue(forKey: organization.discoveryURL) != nil { state.changed = true }
        }
    }

    /// How many flows of this process took a kept document.
    public var hitCount: Int { state.withLock { $0.hits } }

    /// Writes the cache back when it changed (failing costs the next run a round trip per
    /// organisation, so it is not an error).
    public func save(now: Int64) {
        let bytes: [UInt8]? = state.withLock { state in
            guard state.changed, path != nil else { return nil }
            state.changed = false
            let kept = state.entries.values.filter { $0.expiresAt > now }.sorted { $0.discoveryURL < $1.discoveryURL }
            return try? JSONCoding.encode(File(entries: kept))
        }
        if let bytes, let path { AtomicFile.writePrivateCache(bytes, to: path) }
    }

    /// `max-age` of a `Cache-Control` value in seconds; nil when absent or when the response
    /// may not be kept (`no-store`, `no-cache`).
    static func maxAge(cacheControl: String?) -> Int64? {
        guard let cacheControl else { return nil }
        var maxAge: Int64?
        for directive in cacheControl.split(separator: ",") {
            let parts = directive.split(separator: "=", maxSplits: 1).map { $0.trimmingASCIIWhitespace.lowercased() }
            switch parts.first {
            case "no-store", "no-cache": return nil
            case "max-age":
                guard parts.count == 2, !parts[1].isEmpty, parts[1].utf8.count <= 10,
                    parts[1].utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }), let seconds = Int64(parts[1])
                else { return nil }
                maxAge = seconds
            default: continue
            }
        }
        return maxAge
    }
}
