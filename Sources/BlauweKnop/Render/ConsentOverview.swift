import Foundation

/// Every consent of a citizen as the organisations list them, merged by id, newest first, with
/// every access (`bk consent list`).
public struct ConsentOverview: Codable, Sendable {
    public struct Entry: Codable, Sendable {
        public var jti: String
        public var aud: String
        public var requesterName: String
        public var purpose: String
        public var detail: Consent.Detail
        public var iat: Int64
        public var exp: Int64
        /// `active`, `revoked`, `revocation_pending` (not yet confirmed everywhere) or `expired`.
        public var state: String
        /// OINs of the organisations that hold it.
        public var organizations: [String]
        /// The accesses the organisations list (some keep only the most recent), newest first.
        public var accesses: [Access]
        /// How many accesses there were in all, at every organisation together.
        public var accessCount: Int

        enum CodingKeys: String, CodingKey {
            case jti, aud, purpose, detail, iat, exp, state, organizations, accesses
            case requesterName = "requester_name"
            case accessCount = "access_count"
        }
    }

    public struct Access: Codable, Sendable {
        public var at: String
        public var organization: String
        public var requester: String
        public var kid: String
        public var detail: Consent.Detail
    }

    public var consents: [Entry]
    /// OINs of organisations that take part in Plus but could not be asked.
    public var unavailable: [String]
    /// Names by OIN, for people (not encoded).
    private var names: [String: String] = [:]

    enum CodingKeys: String, CodingKey {
        case consents, unavailable
    }

    /// - Parameter pending: ids whose revocation some organisation has not yet confirmed.
    public init(_ listed: [ConsentRegistrar.Listed], unavailable: [SchemeDocument.Organization], pending: Set<String> = [], scheme: VerifiedScheme, now: Int64)
    {
        var byID: [String: Entry] = [:]
        var registered: [String: String] = [:]
        for item in listed {
            let consent = item.consent
            let name = scheme.document.requesters?.first { $0.oin == consent.aud }?.name ?? consent.aud
            var entry =
                byID[consent.jti]
                ?? Entry(
                    jti: consent.jti, aud: consent.aud, requesterName: name, purpose: consent.purpose, detail: consent.detail, iat: consent.iat,
                    exp: consent.exp, state: consent.exp <= now ? "expired" : "active", organizations: [], accesses: [], accessCount: 0)
            if consent.revokedAt != nil { entry.state = "revoked" }
            entry.organizations.append(item.organization.oin)
            entry.accesses += consent.accesses.map {
                Access(at: $0.at, organization: item.organization.oin, requester: $0.requester, kid: $0.kid, detail: $0.detail)
            }
            entry.accessCount += max(consent.accessCount ?? 0, consent.accesses.count)
            byID[consent.jti] = entry
            registered[consent.jti] = max(registered[consent.jti] ?? "", consent.registeredAt)
        }
        consents = byID.values.map { entry in
            var entry = entry
            if pending.contains(entry.jti) { entry.state = "revocation_pending" }
            entry.accesses.sort { $0.at > $1.at }
            return entry
        }.sorted { (registered[$0.jti] ?? "", $0.jti) > (registered[$1.jti] ?? "", $1.jti) }
        self.unavailable = unavailable.map(\.oin)
        for organization in scheme.document.organizations { names[organization.oin] = organization.displayName }
    }

    /// The list for people: one block per consent, its accesses under it.
    public func table(text: Messages, width: Int) -> String {
        guard !consents.isEmpty else { return text[.consentListEmpty] + "\n" }
        var table = FittingTable([
            .init(header: text[.consentColumnID]),
            .init(header: text[.consentColumnRequester], flexible: true), .init(header: text[.consentColumnPurpose], dropPriority: 1),
            .init(header: text[.consentColumnDetail], dropPriority: 0), .init(header: text[.consentColumnUntil]),
            .init(header: text[.consentColumnState]), .init(header: text[.consentColumnAccesses], rightAligned: true),
        ])
        for entry in consents {
            let state: MessageKey =
                switch entry.state {
                case "revoked": .consentStateRevoked
                case "revocation_pending": .consentStatePending
                case "expired": .consentStateExpired
                default: .consentStateActive
                }
            let lastDay = Timestamps.calendarDate(Date(timeIntervalSince1970: TimeInterval(entry.exp)))
            table.add([
                .init(ConsentSelector.shortID(entry.jti)), .init(TerminalText.sanitized(entry.requesterName)), .init(TerminalText.sanitized(entry.purpose)),
                .init(text[entry.detail == .full ? .consentDetailFull : .consentDetailSaldo]), .init(text.date(lastDay)),
                .init(text[state], alert: entry.state != "active"), .init("\(entry.accessCount)"),
            ])
        }
        var lines = table.render(width: width, color: false)
        for entry in consents where !entry.accesses.isEmpty {
            lines.append("")
            // Which consent these accesses were made under: its short id, as in the table.
            lines.append(Prose.wrap(text[.consentAccessHeading, ["id": ConsentSelector.shortID(entry.jti)]], width: width))
            for access in entry.accesses {
                let detail = text[access.detail == .full ? .consentDetailFull : .consentDetailSaldo]
                lines.append(
                    Prose.wrap(
                        text[
                            .consentAccessLine,
                            [
                                "moment": text.moment(access.at), "requester": TerminalText.sanitized(entry.requesterName),
                                "organization": TerminalText.sanitized(names[access.organization] ?? access.organization), "detail": detail,
                            ]], width: width))
            }
            let earlier = entry.accessCount - entry.accesses.count
            if earlier > 0 {
                lines.append(Prose.wrap(text[earlier == 1 ? .consentEarlierAccess : .consentEarlierAccesses, ["count": "\(earlier)"]], width: width))
            }
        }
        if !unavailable.isEmpty {
            lines.append("");
            lines.append(Prose.wrap(text[.consentUnavailable, ["names": unavailable.map { names[$0] ?? $0 }.joined(separator: ", ")]], width: width))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
