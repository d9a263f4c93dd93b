import BlauweKnop
import Foundation

/// The consents one holder keeps (PROTOCOL §10.3): registered as signed, listed with their
/// accesses, revoked for good. Nothing here talks HTTP; `OrganizationService` does.
///
/// Bounded per citizen, so that one citizen cannot crowd out another: at most
/// `consentsPerCitizen` live consents, and ten times that kept in all; a consent that ended
/// (revoked or expired) is purged once it is past both its `exp` and the grace period (a
/// revoked consent is never forgotten while it could still be presented). Each keeps its
/// access count, first and last access and the most recent accesses, not all of them, so a
/// requester cannot push its own accesses out of the citizen's view or grow the list past what
/// a client reads.
struct ConsentRegistry: Sendable {
    typealias Access = ListedConsent.Access

    struct Entry: Sendable {
        let compact: String
        let claims: Consent.Claims
        let registeredAt: Int64
        var revokedAt: Int64?
        /// The most recent accesses, oldest first.
        var recentAccesses: [Access] = []
        var accessCount = 0
        var firstAccessAt: String?

        /// Whether the consent still counts at `now`: not revoked, not expired.
        func isLive(at now: Int64) -> Bool { revokedAt == nil && claims.exp > now }

        /// Whether it may be forgotten: ended long enough ago, and past its own `exp`.
        func isPurgeable(at now: Int64, graceSeconds: Int64) -> Bool {
            let ended = min(revokedAt ?? claims.exp, claims.exp)
            return claims.exp <= now && ended + graceSeconds <= now
        }
    }

    /// How a registration ended.
    enum Registration: Equatable {
        case created(registeredAt: Int64)
        case alreadyRegistered(registeredAt: Int64)
        /// The same id with other content.
        case conflict
        /// The citizen has as many consents here as a citizen may.
        case tooManyForCitizen
    }

    private(set) var entries: [String: Entry] = [:]
    /// Consent ids per citizen (BSN), in the order registered.
    private var idsByCitizen: [String: [String]] = [:]
    let limits: HolderLimits
    /// All citizens together (a last line of defence; the per-citizen limits come first).
    static let maxEntries = 1_000_000

    init(limits: HolderLimits = HolderLimits()) { self.limits = limits }

    private var graceSeconds: Int64 { Int64(limits.consentGraceDays) * 86_400 }
    private var maxKeptPerCitizen: Int { limits.consentsPerCitizen * 10 }

    /// Registers a verified consent; the same JWS again is fine, another under the same id is not.
    mutating func register(_ consent: Consent, now: Int64) -> Registration? {
        if let existing = entries[consent.claims.jti] {
            return existing.compact == consent.compact ? .alreadyRegistered(registeredAt: existing.registeredAt) : .conflict
        }
        let bsn = consent.claims.sub
        purge(citizen: bsn, now: now)
        let ids = idsByCitizen[bsn] ?? []
        let live = ids.filter { entries[$0]?.isLive(at: now) == true }.count
        guard ids.count < maxKeptPerCitizen, live < limits.consentsPerCitizen else {
            return .tooManyForCitizen
        }
        guard entries.count < Self.maxEntries else { return nil }
        entries[consent.claims.jti] = Entry(compact: consent.compact, claims: consent.claims, registeredAt: now)
        idsByCitizen[bsn, default: []].append(consent.claims.jti)
        return .created(registeredAt: now)
    }

    /// Forgets this citizen's consents that may be forgotten.
    private mutating func purge(citizen bsn: String, now: Int64) {
        guard let ids = idsByCitizen[bsn] else { return }
        var kept: [String] = []
        for id in ids {
            if let entry = entries[id], !entry.isPurgeable(at: now, graceSeconds: graceSeconds) {
                kept.append(id)
            } else {
                entries[id] = nil
            }
        }
        idsByCitizen[bsn] = kept.isEmpty ? nil : kept
    }

    /// The consents of one citizen, the most recently registered first.
    mutating func list(bsn: String, now: Int64) -> [ListedConsent] {
        purge(citizen: bsn, now: now)
        return (idsByCitizen[bsn] ?? []).reversed().compactMap { entries[$0] }.map { entry in
            ListedConsent(
                jti: entry.claims.jti, aud: entry.claims.aud, purpose: entry.claims.purpose, detail: entry.claims.detail, iat: entry.claims.iat,
                exp: entry.claims.exp, registeredAt: Self.moment(entry.registeredAt), revokedAt: entry.revokedAt.map(Self.moment),
                accesses: entry.recentAccesses, accessCount: entry.accessCount, firstAccessAt: entry.firstAccessAt,
                lastAccessAt: entry.recentAccesses.last?.at)
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

    /// Logs an access under a consent: counted, and kept among the most recent.
    mutating func logAccess(jti: String, _ access: Access) {
        guard var entry = entries[jti] else { return }
        entry.accessCount += 1
        if entry.firstAccessAt == nil { entry.firstAccessAt = access.at }
        entry.recentAccesses.append(access)
        if entry.recentAccesses.count > limits.recentAccesses { entry.recentAccesses.removeFirst(entry.recentAccesses.count - limits.recentAccesses) }
        entries[jti] = entry
    }
}
