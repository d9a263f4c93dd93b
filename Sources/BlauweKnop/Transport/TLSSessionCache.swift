import Foundation
internal import CCrypto
internal import CCurl

/// TLS sessions kept between runs in the state directory, so that the next run resumes each
/// organisation's session (TLS 1.3 PSK with a fresh key exchange) instead of a full handshake:
/// no server certificate to decode, no chain to verify, no signature to check.
///
/// A session is a secret (it holds the resumption key), so the file is written like the
/// credential: mode 0600, atomically, and `bk logout` removes it. It is read only when it is a
/// regular file of this user that nobody else can read or write; a file that does not parse is
/// ignored as a whole (the cost is one full handshake per organisation, never a failure).
///
/// Resuming skips verifying the server's certificate again, so a session is bound to the trust
/// it was verified under (`TrustStore.identity`, in the file's header) and to the exact
/// `host:port`; it is used at most once (RFC 8446 §C.4: each connection gets a new ticket),
/// for at most `maximumAge` within the lifetime the server gave it, and not after the server's
/// certificate has expired. libcurl still checks the host name against the certificate the
/// session carries on every connection.
final class TLSSessionCache: Sendable {
    /// How long a session may be used after it was received.
    static let maximumAge: Int64 = 24 * 60 * 60
    static let maximumEntries = 20_000
    static let maximumSessionBytes = 16 << 10
    static let magic = Array("bk tls sessions 1\n".utf8)

    private struct Entry {
        var der: [UInt8]
        var receivedAt: Int64
    }

    private struct State {
        var entries: [String: Entry]
        var changed = false
        var offeredCount = 0
        var resumedCount = 0
    }

    private let state: Locked<State>
    let path: String
    let trustIdentity: [UInt8]

    /// Reads the sessions kept at `path` under the same trust; none when the file is missing,
    /// not private or damaged.
    init(path: String, trustIdentity: [UInt8], now: Int64 = TLSSessionCache.now()) {
        self.path = path
        self.trustIdentity = trustIdentity
        let kept = AtomicFile.readPrivateCache(path, limit: 64 << 20).flatMap { Self.decode($0, trustIdentity: trustIdentity, now: now) }
        state = Locked(State(entries: kept ?? [:]))
    }

    /// The session kept for `key`, removed from the cache: the caller owns the reference.
    func take(_ key: String, now: Int64 = TLSSessionCache.now()) -> OpaquePointer? {
        guard
            let entry = state.withLock({ state -> Entry? in
                guard let entry = state.entries.removeValue(forKey: key) else { return nil }
                state.changed = true
                return entry
            }), Self.isFresh(entry.receivedAt, now: now)
        else { return nil }
        let session: OpaquePointer? = entry.der.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_SSL_SESSION(nil, &cursor, buffer.count)
        }
        guard let session else {
            ERR_clear_error()
            return nil
        }
        // A session whose server certificate has expired since is not taken up: that server
        // must show a valid one again.
        guard SSL_SESSION_is_resumable(session) == 1, let peer = SSL_SESSION_get0_peer(session), X509_cmp_current_time(X509_get0_notAfter(peer)) > 0 else {
            SSL_SESSION_free(session)
            return nil
        }
        state.withLock { $0.offeredCount += 1 }
        return session
    }

    /// Keeps a session the server just issued for `key`, replacing an older one.
    func keep(_ session: OpaquePointer, for key: String, now: Int64 = TLSSessionCache.now()) {
        guard SSL_SESSION_is_resumable(session) == 1 else { return }
        let length = i2d_SSL_SESSION(session, nil)
        guard length > 0, Int(length) <= Self.maximumSessionBytes else { return }
        var der = [UInt8](repeating: 0, count: Int(length))
        let written = der.withUnsafeMutableBufferPointer { buffer in
            var cursor: UnsafeMutablePointer<UInt8>? = buffer.baseAddress
            return i2d_SSL_SESSION(session, &cursor)
        }
        guard written == length else { return }
        state.withLock { state in
            state.entries[key] = Entry(der: der, receivedAt: now)
            state.changed = true
        }
    }

    /// Records that a connection resumed a kept session.
    func noteResumed() { state.withLock { $0.resumedCount += 1 } }

    /// How many sessions are kept now.
    var keptCount: Int { state.withLock { $0.entries.count } }

    /// Sessions offered to servers and sessions they accepted, in this process.
    var counts: (offered: Int, resumed: Int) { state.withLock { ($0.offeredCount, $0.resumedCount) } }

    /// Writes the cache back when it changed (failing costs the next run its resumptions, so it
    /// is not an error).
    func save(now: Int64 = TLSSessionCache.now()) {
        let bytes: [UInt8]? = state.withLock { state in
            guard state.changed else { return nil }
            state.changed = false
            return Self.encode(state.entries.filter { Self.isFresh($0.value.receivedAt, now: now) }, trustIdentity: trustIdentity)
        }
        if let bytes { AtomicFile.writePrivateCache(bytes, to: path) }
    }

    static func now() -> Int64 { Int64(Date().timeIntervalSince1970) }

    private static func isFresh(_ receivedAt: Int64, now: Int64) -> Bool {
        receivedAt <= now && now - receivedAt <= maximumAge
    }

    // MARK: - File format
    //
    // magic, 32 bytes of trust identity, then per session: key length (UInt16), key (UTF-8),
    // received at (Int64, seconds since 1970), DER length (UInt32), DER; all big-endian.

    private static func encode(_ entries: [String: Entry], trustIdentity: [UInt8]) -> [UInt8] {
        var bytes = magic + trustIdentity
        for (key, entry) in entries.sorted(by: { $0.key < $1.key }) {
            let keyBytes = Array(key.utf8)
            guard keyBytes.count <= Int(UInt16.max) else { continue }
            bytes.appendBigEndian(UInt64(keyBytes.count), width: 2)
            bytes += keyBytes
            bytes.appendBigEndian(UInt64(bitPattern: entry.receivedAt), width: 8)
            bytes.appendBigEndian(UInt64(entry.der.count), width: 4)
            bytes += entry.der
        }
        return bytes
    }

    private static func decode(_ bytes: [UInt8], trustIdentity: [UInt8], now: Int64) -> [String: Entry]? {
        var reader = ByteReader(bytes)
        guard reader.take(magic.count) == magic[...], reader.take(trustIdentity.count) == trustIdentity[...] else { return nil }
        var entries: [String: Entry] = [:]
        while !reader.isAtEnd {
            guard entries.count < maximumEntries,
                let keyLength = reader.bigEndian(width: 2), let key = reader.take(Int(keyLength)),
                let receivedAt = reader.bigEndian(width: 8), let derLength = reader.bigEndian(width: 4),
                derLength <= UInt64(maximumSessionBytes), let der = reader.take(Int(derLength)),
                UTF8Validation.isValid(Array(key))
            else { return nil }
            let entry = Entry(der: Array(der), receivedAt: Int64(bitPattern: receivedAt))
            if isFresh(entry.receivedAt, now: now) { entries[String(decoding: key, as: UTF8.self)] = entry }
        }
        return entries
    }
}

/// Reads fixed-width fields from a byte array, refusing to read past its end.
private struct ByteReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, bytes.count - offset >= count else { return nil }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func bigEndian(width: Int) -> UInt64? {
        take(width).map { $0.reduce(0) { $0 << 8 | UInt64($1) } }
    }
}

extension [UInt8] {
    fileprivate mutating func appendBigEndian(_ value: UInt64, width: Int) {
        for shift in stride(from: (width - 1) * 8, through: 0, by: -8) { append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}
