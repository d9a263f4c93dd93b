@testable import BlauweKnopHolder
import BlauweKnop
import Foundation
import Testing

/// The reference holder's bounded state, unit by unit: stateless challenges and the consent
/// registry's per-citizen limits, written as an attacker would use them.
@Suite("Holder limits")
struct HolderLimitsTests {
    @Test("A challenge is 32 bytes, spent once, only in its minute, and only if this holder issued it")
    func challenges() throws {
        var book = ChallengeBook()
        let now: Int64 = 1_800_000_000
        let (challenge, exp) = book.issue(now: now)
        #expect(Base64URL.decode(challenge)?.count == 32)
        #expect(exp > now && exp <= now + 60)
        var other = ChallengeBook()
        let byOther = other.spend(challenge, now: now)
        #expect(!byOther, "another holder's challenge")
        var late = book
        let expired = late.spend(challenge, now: now + 61)
        #expect(!expired, "expired")
        var tampered = Array(Base64URL.decode(challenge) ?? [])
        tampered[0] ^= 1
        let forged = book.spend(Base64URL.encode(tampered), now: now)
        #expect(!forged)
        let first = book.spend(challenge, now: now + 10)
        let second = book.spend(challenge, now: now + 11)
        #expect(first)
        #expect(!second, "spent twice")
        let garbage = book.spend("not base64 !", now: now)
        #expect(!garbage)
    }

    @Test("Limits not in the environment file keep their defaults")
    func limitDefaults() throws {
        let limits = try JSONCoding.decode(HolderLimits.self, from: Array(#"{"consents_per_citizen": 5}"#.utf8))
        #expect(limits.consentsPerCitizen == 5)
        #expect(limits.recentAccesses == HolderLimits().recentAccesses)
        #expect(limits.idleTimeoutSeconds == 10)
    }
}
