import Foundation

/// `bk check`: probes every organisation and App Manager of a verified scheme concurrently,
/// without logging in: TLS (version ≥ 1.3 is enforced, chain, days to certificate expiry),
/// discovery (§2), a fresh session challenge (§4), latency per step; and key sanity of the
/// scheme itself.
public struct EndpointChecker: Sendable {
    public struct Options: Sendable {
        /// Certificates expiring within this many days are a warning.
        public var warnCertificateDays = 30
        /// A step slower than this is a warning.
        public var maxLatencyMs: Int?
        /// A scheme expiring within this many hours is a warning.
        public var warnSchemeHours = 24

        public init() {}
    }

    public let scheme: VerifiedScheme
    public let http: HTTPClient
    public let options: Options
    public let clock: WallClock

    public init(scheme: VerifiedScheme, http: HTTPClient, options: Options, clock: WallClock = .system) {
        self.scheme = scheme
        self.http = http
        self.options = options
        self.clock = clock
    }

    /// Runs every probe; results come in scheme order whatever the completion order.
    public func run() async -> CheckReport {
        let document = scheme.document
        var groups = [[CheckCase]](repeating: [], count: document.organizations.count + document.appManagers.count)
        await withTaskGroup(of: (Int, [CheckCase]).self) { group in
            for (index, organization) in document.organizations.enumerated() {
                group.addTask { (index, await probe(organization)) }
            }
            for (offset, manager) in document.appManagers.enumerated() {
                group.addTask { (document.organizations.count + offset, await probe(manager)) }
            }
            for await (index, cases) in group { groups[index] = cases }
        }
        return CheckReport(schemeVersion: document.version, environment: document.environment, cases: schemeCases() + groups.flatMap { $0 })
    }

    /// Key sanity and validity of the scheme itself.
    func schemeCases() -> [CheckCase] {
        let document = scheme.document
        var cases = [
            CheckCase(
                group: "scheme", name: "signature", outcome: .pass,
                message: "signed by the trust anchor, environment '\(document.environment)', version \(document.version)",
                note: CheckNote(.checkSigned, ["environment": document.environment, "version": "\(document.version)"]))
        ]
        let hoursLeft = (document.exp - clock.epochSeconds) / 3600
        cases.append(
            CheckCase(
                group: "scheme", name: "expiry", outcome: hoursLeft < options.warnSchemeHours ? .warning : .pass,
                message: "expires \(EpochTime.describe(document.exp)) (in \(hoursLeft) h)",
                note: CheckNote(.checkSchemeExpires, ["moment": EpochTime.describe(document.exp), "hours": "\(hoursLeft)"])))
        var owners: [String: String] = [:]
        var shared: [String] = []
        var sharedNotes: [CheckNote] = []
        for organization in document.organizations {
            for id in scheme.organizationKeys[organization.oin]?.ids ?? [] {
                if let owner = owners[id], owner != organization.name {
                    shared.append("\(owner) and \(organization.name) share key \(id)")
                    sharedNotes.append(CheckNote(.checkKeysShared, ["first": owner, "second": organization.name, "key": id]))
                }
                owners[id] = organization.name
            }
        }
        var keys = CheckCase(
            group: "scheme", name: "keys", outcome: shared.isEmpty ? .pass : .error,
            message: shared.isEmpty ? "\(owners.count) organisation keys, all parse, none shared" : shared.joined(separator: "; "),
            note: shared.isEmpty ? CheckNote(.checkKeysFine, ["count": "\(owners.count)"]) : nil)
        keys.notes += sharedNotes
        cases.append(keys)
        let requesters = document.requesters ?? []
        if !requesters.isEmpty {
            // VerifiedScheme has refused any requester that breaks §10.1; this says what was checked.
            let keyCount = requesters.reduce(0) { $0 + (scheme.requesterKeys[$1.oin]?.ids.count ?? 0) }
            cases.append(
                CheckCase(
                    group: "scheme", name: "requesters", outcome: .pass,
                    message:
                        "\(requesters.count) requesters with \(keyCount) keys, all usable, none shared with another entry; purposes and consent days well-formed",
                    note: CheckNote(.checkRequestersFine, ["count": "\(requesters.count)", "keys": "\(keyCount)"])))
        }
        let oinCount = document.organizations.count + document.appManagers.count + requesters.count
        cases.append(
            CheckCase(
                group: "scheme", name: "oins", outcome: .pass, message: "\(oinCount) distinct OINs",
                note: CheckNote(.checkOINs, ["count": "\(oinCount)"])))
        return cases
    }

    func probe(_ organization: SchemeDocument.Organization) async -> [CheckCase] {
        let group = organization.displayName
        let started = ContinuousClock.now
        let response: HTTPResponse
        do {
            response = try await http.send(
                HTTPRequest(
                    url: organization.discoveryURL, headers: [("Accept", "application/json")], maxResponseBytes: DiscoveryDocument.maxBytes,
                    captureCertificate: true))
        } catch {
            // A failure after the handshake (a slow or broken answer) is the discovery step's.
            guard error.handshakeCompleted else {
                let failed = CheckCase(
                    group: group, name: "tls", outcome: .error, message: error.detail, durationMs: milliseconds(since: started),
                    note: Self.connectionNote(error))
                return [failed, skipped(group, "discovery"), skipped(group, "challenge")]
            }
            return [
                CheckCase(group: group, name: "tls", outcome: .pass, message: "TLS 1.3, certificate valid", note: CheckNote(.checkTLSValid)),
                CheckCase(
                    group: group, name: "discovery", outcome: .error, message: error.detail, durationMs: milliseconds(since: started),
                    note: CheckNote(.checkFailedDiscovery)),
                skipped(group, "challenge"),
            ]
        }
        var cases = [tlsCase(group, response)]
        // The discovery step's own time: the request after the handshake.
        let discoveryMs = max(0, Int((response.totalSeconds - response.tlsSeconds) * 1000))
        let discovery: DiscoveryDocument
        do {
            guard response.status == 200 else { throw HolderFailure.http(response, step: "discovery") }
            discovery = try JSONCoding.decode(DiscoveryDocument.self, from: response.body)
            try discovery.check(against: organization)
            cases.append(
                timed(
                    CheckCase(
                        group: group, name: "discovery", outcome: .pass, message: "profile bk-1, OIN matches", durationMs: discoveryMs,
                        note: CheckNote(.checkDiscoveryFine))))
            cases.append(encryptionCase(group, discovery))
        } catch {
            cases.append(
                CheckCase(
                    group: group, name: "discovery", outcome: .error, message: "\(error)", durationMs: discoveryMs, note: CheckNote(.checkFailedDiscovery)))
            cases.append(skipped(group, "challenge"))
            return cases
        }
        let challengeStarted = ContinuousClock.now
        do {
            let reply = try await http.exchange(
                .postJSON(url: discovery.sessionURL + "/challenge", body: Array("{}".utf8), maxResponseBytes: 64 << 10), expecting: [200, 201],
                step: "challenge")
            struct Challenge: Decodable { var challenge: String }
            let challenge = try JSONCoding.decode(Challenge.self, from: reply.body)
            guard Base64URL.decode(challenge.challenge)?.count == 32 else { throw HolderFailure(.invalidDocument, "the challenge is not 32 random bytes") }
            cases.append(
                timed(
                    CheckCase(
                        group: group, name: "challenge", outcome: .pass, message: "fresh 32-byte challenge", durationMs: milliseconds(since: challengeStarted),
                        note: CheckNote(.checkChallengeFine))))
        } catch {
            cases.append(
                CheckCase(
                    group: group, name: "challenge", outcome: .error, message: "\(error)", durationMs: milliseconds(since: challengeStarted),
                    note: CheckNote(.checkFailedChallenge)))
        }
        return cases
    }

    func probe(_ manager: SchemeDocument.AppManager) async -> [CheckCase] {
        let started = ContinuousClock.now
        do {
            let response = try await http.send(HTTPRequest(url: manager.registrationURL, maxResponseBytes: 64 << 10, captureCertificate: true))
            var tls = tlsCase(manager.name, response)
            if response.status >= 500 && tls.outcome == .pass {
                tls.outcome = .warning
                tls.message = (tls.message ?? "") + "; the registration endpoint answered HTTP \(response.status)"
                tls.notes.append(CheckNote(.checkRegistrationHTTP, ["status": "\(response.status)"]))
            }
            return [tls]
        } catch {
            return [
                CheckCase(
                    group: manager.name, name: "tls", outcome: .error, message: error.detail, durationMs: milliseconds(since: started),
                    note: Self.connectionNote(error))
            ]
        }
    }

    /// Why no secure connection was made, as an operator acts on it: a refused connection
    /// (nothing listens there) is not a TLS problem.
    static func connectionNote(_ error: TransportError) -> CheckNote {
        CheckNote(error.connectionRefused ? .checkConnectionRefused : .checkFailedTLS)
    }

    private func tlsCase(_ group: String, _ response: HTTPResponse) -> CheckCase {
        let duration = Int(response.tlsSeconds * 1000)
        guard let expiry = response.certificateExpiry else {
            return timed(
                CheckCase(
                    group: group, name: "tls", outcome: .warning, message: "TLS 1.3, certificate valid, but libcurl reported no expiry date",
                    durationMs: duration,
                    note: CheckNote(.checkTLSNoExpiry)))
        }
        let days = Int(expiry.timeIntervalSince(clock.now) / 86_400)
        let outcome: CheckOutcome = days < options.warnCertificateDays ? .warning : .pass
        return timed(
            CheckCase(
                group: group, name: "tls", outcome: outcome, message: "TLS 1.3, certificate valid for \(days) more days", durationMs: duration,
                note: CheckNote(.checkTLSDays, ["days": "\(days)"])))
    }

    private func timed(_ probe: CheckCase) -> CheckCase {
        guard let limit = options.maxLatencyMs, probe.durationMs > limit, probe.outcome == .pass else { return probe }
        var slow = probe
        slow.outcome = .warning
        slow.message = (probe.message ?? "") + "; took \(probe.durationMs) ms, more than \(limit) ms"
        slow.notes.append(CheckNote(.checkSlow, ["ms": "\(probe.durationMs)", "limit": "\(limit)"]))
        return slow
    }

    /// Whether the endpoint encrypts documents beyond TLS (PROTOCOL §13): a warning when not,
    /// so that `--fail-on warning` can require it.
    private func encryptionCase(_ group: String, _ discovery: DiscoveryDocument) -> CheckCase {
        discovery.offersEncryption
            ? CheckCase(
                group: group, name: "encryption", outcome: .pass, message: "documents encrypted to the client (HPKE X-Wing)",
                note: CheckNote(.checkEncryptionOffered))
            : CheckCase(
                group: group, name: "encryption", outcome: .warning, message: "no X-Wing in discovery: documents are protected by TLS only",
                note: CheckNote(.checkEncryptionMissing))
    }

    private func skipped(_ group: String, _ name: String) -> CheckCase {
        CheckCase(group: group, name: name, outcome: .skipped, message: "not reached", note: CheckNote(.checkNotReached))
    }

    private func milliseconds(since start: ContinuousClock.Instant) -> Int { start.duration(to: .now).milliseconds }
}
