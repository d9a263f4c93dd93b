/// The summary of a requester's batch intake (`bk requester batch`): one row per consent file,
/// for a counsellor's case system to import as JSON or CSV.
public struct BatchSummary: Codable, Sendable {
    public struct Row: Codable, Sendable {
        /// The consent file's name.
        public var file: String
        /// `complete`, `incomplete`, `integrity_failure` or `refused` (the consent could not be
        /// used: expired, revoked everywhere, another requester's, malformed).
        public var result: String
        public var consentID: String?
        /// The BSN with all but its last three digits masked.
        public var bsn: String?
        /// The consent's end, RFC 3339.
        public var expires: String?
        /// Every organisation of the scheme answered: false whenever the consent leaves some out.
        public var complete: Bool
        /// Every organisation asked under the consent answered and verified (PROTOCOL §10.6).
        public var completeInConsent: Bool
        /// Organisations asked under the consent, and those not asked (outside it, or without
        /// Plus): about the latter the overview says nothing.
        public var asked: [String]
        public var notAsked: [String]
        /// Integer cents, as in the overview.
        public var saldo: Int?
        public var achterstallig: Int?
        /// Organisations in the consent without a verified document, by name.
        public var missing: [String]
        /// The overview file written for this consent, relative to the output folder.
        public var overview: String?
        /// Why the consent was refused, or nil.
        public var reason: String?

        enum CodingKeys: String, CodingKey {
            case file, result, bsn, expires, complete, saldo, achterstallig, missing, overview, reason, asked
            case consentID = "consent_id"
            case completeInConsent = "complete_in_consent"
            case notAsked = "not_asked"
        }

        public init(file: String, refused reason: String) {
            self.file = file
            self.result = "refused"
            self.complete = false
            self.completeInConsent = false
            self.asked = []
            self.notAsked = []
            self.missing = []
            self.reason = reason
        }

        public init(file: String, overview: Overview, written: String) {
            self.file = file
            let exit = overview.exitCode
            let completeInConsent = overview.completeInConsent ?? overview.complete
            self.result = exit == .integrityFailure ? "integrity_failure" : completeInConsent ? "complete" : "incomplete"
            self.consentID = overview.consent?.jti
            self.bsn = Identifiers.masked(bsn: overview.citizen.bsn)
            self.expires = overview.consent.map { EpochTime.describe($0.exp) }
            self.complete = overview.complete
            self.completeInConsent = completeInConsent
            self.asked = overview.holders.filter { !$0.status.isOutOfScope }.map(\.name)
            self.notAsked = overview.holders.filter(\.status.isOutOfScope).map(\.name)
            self.saldo = overview.totals.saldo
            self.achterstallig = overview.totals.achterstallig
            self.missing = overview.holders.filter { !$0.status.isSuccess && !$0.status.isOutOfScope }.map(\.name)
            self.overview = written
        }
    }

    public var rows: [Row]

    public init(rows: [Row]) { self.rows = rows }

    /// The exit code of the batch: 4 when any overview failed integrity, 3 when any consent
    /// was refused or any overview is incomplete, else 0.
    public var exitCode: Int32 {
        if rows.contains(where: { $0.result == "integrity_failure" }) { return 4 }
        return rows.allSatisfy { $0.result == "complete" } ? 0 : 3
    }

    /// RFC 4180 CSV with a header row; a cell that a spreadsheet would read as a formula is
    /// prefixed with an apostrophe.
    public var csv: String {
        let header = [
            "file", "result", "consent_id", "bsn", "expires", "complete", "complete_in_consent", "saldo_cents", "achterstallig_cents", "missing", "asked",
            "not_asked", "overview", "reason",
        ]
        var lines = [header.joined(separator: ",")]
        for row in rows {
            let cells: [String] = [
                row.file, row.result, row.consentID ?? "", row.bsn ?? "", row.expires ?? "", row.complete ? "yes" : "no",
                row.completeInConsent ? "yes" : "no", row.saldo.map(String.init) ?? "", row.achterstallig.map(String.init) ?? "",
                row.missing.joined(separator: "; "), row.asked.joined(separator: "; "), row.notAsked.joined(separator: "; "), row.overview ?? "",
                row.reason ?? "",
            ]
            lines.append(cells.map(Self.cell).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@\t\r".contains(first), Int(text) == nil { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
