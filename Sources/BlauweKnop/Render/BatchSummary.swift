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
        /// The requester's case reference the consent carries (PROTOCOL §10.2).
        public var reference: String?
        /// Every debt of the overview, for `schulden.csv` (not in `summary.json`).
        public var debts: [Debt] = []

        enum CodingKeys: String, CodingKey {
            case file, result, bsn, expires, complete, saldo, achterstallig, missing, overview, reason, asked, reference
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
            self.reference = overview.consent?.reference
            let saldoDate = String(overview.generatedAt.prefix(10))
            self.debts = overview.holders.filter(\.status.isSuccess).flatMap { holder in
                holder.zaken.map { Debt(holder: holder, zaak: $0, saldoDate: saldoDate) }
            }
        }
    }

    /// One debt (zaak) at one organisation, as `schulden.csv` lists it.
    public struct Debt: Sendable {
        public var organization: String
        public var oin: String
        public var zaakkenmerk: String
        public var omschrijving: String
        public var saldo: Int
        public var achterstallig: Int
        /// The first due date still ahead, or nil.
        public var nextDueDate: String?
        /// Where and how the next open payment request is paid (the earliest due, overdue first).
        public var account: String?
        public var paymentReference: String?
        /// How to reach the organisation about this debt: "kind: value", separated by " | ".
        public var contact: String
        /// The day the figures are for (the overview's date).
        public var saldoDate: String

        init(holder: HolderResult, zaak: FoldedZaak, saldoDate: String) {
            organization = holder.name
            oin = holder.oin
            zaakkenmerk = zaak.zaakkenmerk
            omschrijving = zaak.omschrijving ?? ""
            saldo = zaak.saldo
            achterstallig = zaak.achterstallig
            nextDueDate = zaak.volgendeVervaldatum
            let next = zaak.openBetalingsverplichtingen.min { ($0.vervaldatum, $0.betalingskenmerk) < ($1.vervaldatum, $1.betalingskenmerk) }
            account = next?.rekeningnummer
            paymentReference = next?.betalingskenmerk
            contact = zaak.contactopties.map { "\($0.soort): \($0.waarde)" }.joined(separator: " | ")
            self.saldoDate = saldoDate
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

    /// `summary.csv`: one row per consent file, in `dialect` (amounts in euros for Excel,
    /// in cents for scripts; see `CSVWriter`).
    public func csv(_ dialect: CSVDialect) -> String {
        let amounts: [String] = dialect == .excelNL ? ["saldo_euro", "achterstallig_euro"] : ["saldo_cents", "achterstallig_cents"]
        let header: [String] =
            ["file", "result", "reference", "consent_id", "bsn", "expires", "complete", "complete_in_consent"] + amounts
            + ["missing", "asked", "not_asked", "overview", "reason"]
        let cells = rows.map { row -> [CSVValue] in
            var cells: [CSVValue] = [.text(row.file), .text(row.result), .text(row.reference ?? ""), .text(row.consentID ?? "")]
            cells += [.text(row.bsn ?? ""), .text(row.expires ?? ""), .flag(row.complete), .flag(row.completeInConsent)]
            cells += [.cents(row.saldo), .cents(row.achterstallig), .text(row.missing.joined(separator: "; "))]
            cells += [
                .text(row.asked.joined(separator: "; ")), .text(row.notAsked.joined(separator: "; ")), .text(row.overview ?? ""), .text(row.reason ?? ""),
            ]
            return cells
        }
        return CSVWriter(dialect).render(header: header, rows: cells)
    }

    /// `schulden.csv`: one row per debt per organisation, for every overview of the batch.
    public func debtsCSV(_ dialect: CSVDialect) -> String {
        let amounts: [String] = dialect == .excelNL ? ["saldo_euro", "achterstallig_euro"] : ["saldo_cents", "achterstallig_cents"]
        let header: [String] =
            ["reference", "bsn", "organization", "oin", "zaakkenmerk", "omschrijving"] + amounts
            + ["next_due_date", "account", "payment_reference", "contact", "saldo_date", "consent_id"]
        let cells: [[CSVValue]] = rows.flatMap { row in
            row.debts.map { debt -> [CSVValue] in
                var cells: [CSVValue] = [.text(row.reference ?? ""), .text(row.bsn ?? ""), .text(debt.organization), .text(debt.oin)]
                cells += [.text(debt.zaakkenmerk), .text(debt.omschrijving), .cents(debt.saldo), .cents(debt.achterstallig)]
                cells += [.text(debt.nextDueDate ?? ""), .text(debt.account ?? ""), .text(debt.paymentReference ?? ""), .text(debt.contact)]
                cells += [.text(debt.saldoDate), .text(row.consentID ?? "")]
                return cells
            }
        }
        return CSVWriter(dialect).render(header: header, rows: cells)
    }
}
