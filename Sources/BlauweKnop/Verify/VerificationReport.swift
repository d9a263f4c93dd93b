/// What `bk verify` found (PROTOCOL §8.1).
public struct VerificationReport: Codable, Sendable {
    /// One holder of the scheme.
    public struct Holder: Codable, Sendable {
        public var oin: String
        public var name: String
        /// Whether a signed document proves this holder's figures.
        public var proven: Bool
        /// The proven status, or what the file claims when nothing proves it.
        public var status: HolderStatus
    }

    /// An organisation without a signed document, with what the file claims for it.
    public struct Missing: Codable, Sendable {
        public var oin: String
        public var name: String
        public var claimedStatus: HolderStatus
        public var claimedError: String?

        enum CodingKeys: String, CodingKey {
            case oin, name
            case claimedStatus = "claimed_status"
            case claimedError = "claimed_error"
        }
    }

    /// The outcome, from best to worst.
    public enum Verdict: String, Codable, Sendable, Comparable {
        /// Authentic and complete, and fresh enough.
        case authentic
        /// Authentic, but some organisations have no signed document.
        case incomplete
        /// Authentic, but older than `--max-age` (or with no document to date it).
        case tooOld = "too_old"
        /// A PDF whose data are authentic, but whose pages another layout version drew: they
        /// could not be compared (PROTOCOL §8.2).
        case pagesNotCompared = "pages_not_compared"
        /// Something in the file differs from the evidence, or the file is malformed or ambiguous.
        case tampered
        /// The scheme evidence is not signed by the trust anchor.
        case untrustedScheme = "untrusted_scheme"
        /// The file is not a bk overview at all: nothing was checked (exit 1).
        case notAnOverview = "not_an_overview"

        var rank: Int {
            switch self {
            case .authentic: 0
            case .incomplete: 1
            case .tooOld: 2
            case .pagesNotCompared: 3
            case .tampered: 4
            case .untrustedScheme: 5
            case .notAnOverview: 6
            }
        }

        public static func < (left: Verdict, right: Verdict) -> Bool { left.rank < right.rank }

        /// The exit code of `bk verify` for this verdict.
        public var exitCode: Int32 {
            switch self {
            case .authentic: 0
            case .incomplete, .tooOld, .pagesNotCompared: 3
            case .tampered: 4
            case .untrustedScheme: 2
            case .notAnOverview: 1
            }
        }
    }

    public var verdict = Verdict.authentic
    public var generatedAt: String
    /// Whether every organisation of the scheme is proven by a signed document.
    public var complete: Bool
    /// A requester's overview only (PROTOCOL §10.6): whether every organisation asked under
    /// the consent is proven, and at least one was.
    public var completeInConsent: Bool?
    public var oldestDocumentIssuedAt: String?
    public var ageSeconds: Int64?
    public var holders: [Holder] = []
    public var missing: [Missing] = []
    /// What differs, for a reader (shown by default, in their language).
    public var findings: [VerificationFinding] = []
    /// What differs, technically (English; shown with `--verbose`).
    public var problems: [String] = []

    enum CodingKeys: String, CodingKey {
        case verdict, complete, holders, missing, findings, problems
        case generatedAt = "generated_at"
        case completeInConsent = "complete_in_consent"
        case oldestDocumentIssuedAt = "oldest_document_issued_at"
        case ageSeconds = "age_seconds"
    }

    init(generatedAt: String, complete: Bool) {
        self.generatedAt = generatedAt
        self.complete = complete
    }

    /// A report for a file that could not be read as an overview at all (exit 4: malformed).
    public static func malformed(_ problem: String) -> VerificationReport { unread(.tampered, problem, .init(.malformed)) }

    /// A report for a file that is not a bk overview at all (exit 1: nothing checked).
    public static func notAnOverview(_ problem: String) -> VerificationReport { unread(.notAnOverview, problem, nil) }

    private static func unread(_ code: VerificationError.Code, _ problem: String, _ finding: VerificationFinding?) -> VerificationReport {
        var report = VerificationReport(generatedAt: "", complete: false)
        report.fail(code, problem, finding)
        return report
    }

    /// Records a problem, and what a reader is told of it (once, however often it is found);
    /// the most serious problem decides the verdict.
    mutating func fail(_ code: VerificationError.Code, _ problem: String, _ finding: VerificationFinding? = nil) {
        problems.append(problem)
        if let finding, !findings.contains(finding) { findings.append(finding) }
        let verdict: Verdict =
            switch code {
            case .untrustedScheme: .untrustedScheme
            case .tooOld: .tooOld
            case .incomplete: .incomplete
            case .notAnOverview: .notAnOverview
            case .pagesNotCompared: .pagesNotCompared
            default: .tampered
            }
        self.verdict = max(self.verdict, verdict)
    }

    /// Whether the file is authentic, complete and fresh enough.
    public var isAuthentic: Bool { verdict == .authentic }
}

/// Durations written and read as `14d`, `36h`, `90m`, `45s`, or bare seconds.
public enum Durations {
    /// The longest duration any option takes: 100 years.
    public static let maxSeconds: Int64 = 100 * 366 * 86_400

    /// Parses `<number>[s|m|h|d]` (bare numbers are seconds) into whole seconds, refusing
    /// negative, non-finite and absurdly large values.
    public static func parse(_ text: String) -> Int64? {
        parseSeconds(text).flatMap { $0 == $0.rounded() ? Int64(exactly: $0) : nil }
    }

    /// Parses a duration that may have a fraction (`0.5`, `1.5s`) into seconds, at most
    /// `maxSeconds`.
    public static func parseSeconds(_ text: String) -> Double? {
        guard let last = text.last else { return nil }
        let multiplier: Double
        var number = Substring(text)
        switch last {
        case "s": multiplier = 1; number = number.dropLast()
        case "m": multiplier = 60; number = number.dropLast()
        case "h": multiplier = 3600; number = number.dropLast()
        case "d": multiplier = 86_400; number = number.dropLast()
        default: multiplier = 1
        }
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let value = Double(number), value.isFinite else {
            return nil
        }
        let seconds = value * multiplier
        guard seconds >= 0, seconds <= Double(maxSeconds) else { return nil }
        return seconds
    }

    static func describe(_ seconds: Int64) -> String {
        if seconds >= 86_400 { return "\(seconds / 86_400) d \(seconds % 86_400 / 3600) h" }
        if seconds >= 3600 { return "\(seconds / 3600) h \(seconds % 3600 / 60) min" }
        return "\(seconds) s"
    }
}
