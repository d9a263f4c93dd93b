import BlauweKnop
import Foundation

/// The consents one holder keeps (PROTOCOL §10.3): registered as signed, listed with every
/// access, revoked for good. Nothing here talks HTTP; `OrganizationService` does.
struct ConsentRegistry: Sendable {
    typealias Access = ListedConsent.Access

    struct Entry: Sendable {
        let compact: String
        let claims: Consent.Claims
        let registeredAt: Int64
        var revokedAt: Int64?
        var accesses: [Access] = []
    }

    /// How a registration ended.
    enum Registration: Equatable {
        case created(registeredAt: Int64)
        case alreadyRegistered(registeredAt: Int64)
        /// The same id with other content.
        case conflict
    }

    private(set) var entries: [String: Entry] = [:]
    static let maxEntries = 100_000

    /// Registers a verified consent; the same JWS again is fine, another under the same id is not.
    mutating func register(_ consent: Consent, now: Int64) -> Registration? {
        if let existing = entries[consent.claims.jti] {
            return existing.compact == consent.compact ? .alreadyRegistered(registeredAt: existing.registeredAt) : .conflict
        }
        guard entries.count < Self.maxEntries else { return nil }
        entries[consent.claims.jti] = Entry(compact: consent.compact, claims: consent.claims, registeredAt: now)
        return .created(registeredAt: now)
    }

    /// The consents of one citizen, the most recently registered first.
    func list(bsn: String) -> [ListedConsent] {
        entries.values.filter { $0.claims.sub == bsn }.sorted { ($0.registeredAt, $0.claims.jti) > ($1.registeredAt, $1.claims.jti) }.map { entry in
            ListedConsent(
                jti: entry.claims.jti, aud: entry.claims.aud, purpose: entry.claims.purpose, detail: entry.claims.detail, iat: entry.claims.iat,
                exp: entry.claims.exp, registeredAt: Self.moment(entry.registeredAt), revokedAt: entry.revokedAt.map(Self.moment),
                accesses: entry.accesses)
        }
    }

    /// Revokes a citizen's consent; false when there is no such consent of this citizen.
    mutating func revoke(jti: String, bsn: String, now: Int64) -> Bool {
        guard var entry = entries[jti], entry.claims.sub == bsn else { return false }
        if entry.revokedAt == nil { entry.revokedAt = now }
        entries[jti] = entry
        return true
    }

    static func moment(_ seconds: Int64) -> String { Timestamps.rfc3339(Date(timeIntervalSince1970: TimeInterval(seconds))) }

    /// Logs an access under a consent.
    mutating func logAccess(jti: String, _ access: Access) {
        entries[jti]?.accesses.append(access)
    }
}
