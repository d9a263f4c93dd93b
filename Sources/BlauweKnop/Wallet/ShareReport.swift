/// What verifying shared presentations found (PROTOCOL §12.2): one verdict and, only when
/// every presentation holds, per organisation exactly what was disclosed.
/// `bk verify SHARE.json --format json` prints it (`Schemas/share-report.schema.json`).
public struct ShareReport: Codable, Sendable, Hashable {
    /// The verdict, with the exit code of §12.2.
    public enum Verdict: String, Codable, Sendable {
        case valid
        /// Valid, but older than `--max-age` or past an issuer's `exp`.
        case tooOld = "too_old"
        /// Altered, ambiguous, or bound to another recipient or nonce.
        case altered
        /// The scheme in the file is not signed by the trust anchor.
        case untrustedScheme = "untrusted_scheme"
        /// Not a share file.
        case unreadable

        /// 0 valid, 3 too old, 4 altered, 2 untrusted scheme, 1 unreadable.
        public var exitCode: Int32 {
            switch self {
            case .valid: 0
            case .tooOld: 3
            case .altered: 4
            case .untrustedScheme: 2
            case .unreadable: 1
            }
        }
    }

    /// One organisation's presentation: who signed it, for whom, and what it disclosed.
    public struct Shown: Codable, Sendable, Hashable {
        public var oin: String
        /// The organisation's name in the scheme.
        public var name: String
        /// The moment the figures are of.
        public var saldoDatumtijd: String
        public var iat: Int64
        public var exp: Int64
        /// Whether the issuer's validity has passed.
        public var expired: Bool
        /// The recipient and nonce the citizen bound it to.
        public var aud: String
        /// The recipient's name in the scheme, when `aud` is a requester of it.
        public var recipientName: String?
        public var nonce: String
        /// Present only when disclosed.
        public var bsn: String?
        public var totalen: SaldoStatement.Totalen?
        public var zaken: [SaldoStatement.Zaak]?
        /// On paper (§12.3): why this code does not belong with the others, if it does not.
        public var mismatch: Mismatch?

        /// Why a code on a page does not belong with the others.
        public enum Mismatch: String, Codable, Sendable {
            /// It carries another overview's short code.
            case otherShortCode = "other_short_code"
            /// It is bound to another app key or citizen.
            case otherCitizen = "other_citizen"
        }

        enum CodingKeys: String, CodingKey {
            case oin, name, iat, exp, expired, aud, nonce, bsn, totalen, zaken, mismatch
            case saldoDatumtijd = "saldo_datumtijd"
            case recipientName = "recipient_name"
        }
    }

    public var verdict: Verdict
    public var organizations: [Shown]
    /// Why the verdict is not `valid`, in technical words; the first problem found.
    public var problem: String?

    init(_ verdict: Verdict, organizations: [Shown] = [], problem: String? = nil) {
        self.verdict = verdict
        self.organizations = organizations
        self.problem = problem
    }
}
