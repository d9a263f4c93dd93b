/// The outcome of one probe of `bk check`.
public enum CheckOutcome: String, Codable, Sendable {
    case pass
    case warning
    case error
    /// Not run because an earlier step of the same endpoint failed.
    case skipped
}

/// A sentence about a probe for people, from the message catalogue.
public struct CheckNote: Sendable, Hashable {
    public var key: MessageKey
    public var values: [String: String]

    public init(_ key: MessageKey, _ values: [String: String] = [:]) {
        self.key = key
        self.values = values
    }
}

/// One probe: a test case in JUnit terms.
public struct CheckCase: Codable, Sendable, Hashable {
    /// The group: `scheme`, or the organisation or App Manager probed.
    public var group: String
    /// The probe, such as `tls`, `discovery`, `challenge`.
    public var name: String
    public var outcome: CheckOutcome
    public var message: String?
    public var durationMs: Int
    /// The message for people, in their language (the JSON and JUnit reports keep `message`,
    /// in English, with the technical detail).
    public var notes: [CheckNote] = []

    enum CodingKeys: String, CodingKey {
        case group, name, outcome, message
        case durationMs = "duration_ms"
    }

    public init(group: String, name: String, outcome: CheckOutcome, message: String? = nil, durationMs: Int = 0, note: CheckNote? = nil) {
        self.group = group
        self.name = name
        self.outcome = outcome
        self.message = message
        self.durationMs = durationMs
        self.notes = note.map { [$0] } ?? []
    }
}

/// Everything `bk check` found, in scheme order.
public struct CheckReport: Codable, Sendable {
    public var schemeVersion: Int?
    public var environment: String?
    public var cases: [CheckCase]

    enum CodingKeys: String, CodingKey {
        case cases, environment
        case schemeVersion = "scheme_version"
    }

    public init(schemeVersion: Int?, environment: String?, cases: [CheckCase]) {
        self.schemeVersion = schemeVersion
        self.environment = environment
        self.cases = cases
    }

    /// The report when the scheme itself could not be fetched or verified: one failing case,
    /// so that CI keeps a report exactly when it needs one.
    public static func schemeFailed(_ error: SchemeError, environment: String) -> CheckReport {
        let name = error.code == .unavailable ? "fetch" : "signature"
        return CheckReport(
            schemeVersion: nil, environment: environment,
            cases: [CheckCase(group: "scheme", name: name, outcome: .error, message: error.detail, note: CheckNote(.checkFailedScheme))])
    }

    /// The report when bk is not set up to check anything (a setting missing or unusable): one
    /// failing case, so that a CI job still gets a report that says why.
    public static func settingsFailed(_ detail: String, environment: String) -> CheckReport {
        CheckReport(
            schemeVersion: nil, environment: environment,
            cases: [CheckCase(group: "settings", name: "configuration", outcome: .error, message: detail, note: CheckNote(.checkFailedSettings))])
    }

    /// How many cases ended with each outcome.
    public func count(_ outcome: CheckOutcome) -> Int { cases.filter { $0.outcome == outcome }.count }

    /// Whether the report fails at the given level.
    public func fails(onWarnings: Bool) -> Bool {
        count(.error) > 0 || (onWarnings && count(.warning) > 0)
    }
}
