import BlauweKnop

/// Challenges (PROTOCOL §4.1: 32 random-looking bytes, single use, at most 60 s) that the
/// holder need not remember until they are spent: 16 random bytes and the first 16 bytes of an
/// HMAC over them and the 30-second window of issue, under a secret of this process. A
/// challenge verifies in its window and the next, so it lives 30 to 60 s. Only a challenge spent
/// by a verified proof is remembered, until it expires, so an anonymous client can ask for as
/// many as it likes without filling anything a citizen needs.
struct ChallengeBook: Sendable {
    private static let window: Int64 = 30
    private static let half = 16

    private let secret = SecureRandom.bytes(32)
    /// Spent challenges by their expiry: single use, forgotten once expired.
    private var spent: [String: Int64] = [:]

    /// A new challenge and when it expires.
    func issue(now: Int64) -> (challenge: String, exp: Int64) {
        let window = now / Self.window
        let random = SecureRandom.bytes(Self.half)
        return (Base64URL.encode(random + mac(random, window: window)), (window + 2) * Self.window)
    }

    /// Spends a challenge: true only for one this process issued, not expired at `now` and not
    /// spent before.
    mutating func spend(_ challenge: String, now: Int64) -> Bool {
        guard challenge.utf8.count <= 64, let bytes = Base64URL.decode(challenge), bytes.count == 2 * Self.half else { return false }
        let random = Array(bytes[..<Self.half]), presented = Array(bytes[Self.half...])
        let current = now / Self.window
        guard let window = [current, current - 1].first(where: { Self.equalInConstantTime(mac(random, window: $0), presented) }) else { return false }
        guard spent[challenge] == nil else { return false }
        if spent.count >= 1024 { spent = spent.filter { $0.value > now } }
        spent[challenge] = (window + 2) * Self.window
        return true
    }

    private func mac(_ random: [UInt8], window: Int64) -> [UInt8] {
        let message = random + (0..<8).map { UInt8(truncatingIfNeeded: window >> (56 - 8 * $0)) }
        return Array(Digest.hmacSHA256(key: secret, message: message).prefix(Self.half))
    }

    private static func equalInConstantTime(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
