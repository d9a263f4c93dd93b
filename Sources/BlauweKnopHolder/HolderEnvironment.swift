public import BlauweKnop
import Foundation

/// The test environment a `bk-holder` process serves: the scheme operator, one App Manager and
/// any number of organisations with their citizens' data (see `Examples/environment.json`).
public struct HolderEnvironment: Sendable {
    /// The configuration file's shape.
    public struct File: Codable, Sendable {
        public var environment: String
        public var scheme: SchemeSettings
        public var appManager: AppManagerSettings
        public var organizations: [OrganizationSettings]
        /// Parties that may fetch data with consent (PROTOCOL §10.1), published in the scheme.
        public var requesters: [RequesterSettings]?
        /// What one client may take (defaults when absent).
        public var limits: HolderLimits?
        /// The bearer token of the admin endpoint that moves a request to another status
        /// (`POST /v1/admin/requests/<jti>`, for tests and the demo). Absent: no admin endpoint.
        public var adminToken: String?

        enum CodingKeys: String, CodingKey {
            case environment, scheme, organizations, requesters, limits
            case appManager = "app_manager"
            case adminToken = "admin_token"
        }

        public init(
            environment: String, scheme: SchemeSettings, appManager: AppManagerSettings, organizations: [OrganizationSettings],
            requesters: [RequesterSettings]? = nil
        ) {
            self.environment = environment
            self.scheme = scheme
            self.appManager = appManager
            self.organizations = organizations
            self.requesters = requesters
        }
    }

    /// A requester of the scheme: who, for which purposes, how long, and its (test) key.
    public struct RequesterSettings: Codable, Sendable {
        public var oin: String
        public var name: String
        public var shortName: String?
        public var purposes: [String]
        public var maxConsentDays: Int
        public var key: String

        enum CodingKeys: String, CodingKey {
            case oin, name, purposes, key
            case shortName = "short_name"
            case maxConsentDays = "max_consent_days"
        }
    }

    /// Where the scheme and the App Manager are served, and who signs the scheme.
    public struct SchemeSettings: Codable, Sendable {
        public var iss: String
        public var operatorKey: String
        public var host: String
        public var port: Int
        /// A fixed version; by default the version is the number of days since 1970, so that
        /// a new day brings a new version and a restart on the same day the same document.
        public var version: Int?
        /// Publish an already expired scheme (a freeze attack, for tests).
        public var expired: Bool?
        /// Added to every scheme response, in milliseconds (benchmarks).
        public var latencyMs: Int?
        /// Extra bytes in an unknown member, to make the scheme larger (size-limit tests).
        public var paddingBytes: Int?
        /// Appended to the first organisation's name: different content at the same version.
        public var nameSuffix: String?

        enum CodingKeys: String, CodingKey {
            case iss, host, port, version, expired
            case operatorKey = "operator_key"
            case latencyMs = "latency_ms"
            case paddingBytes = "padding_bytes"
            case nameSuffix = "name_suffix"
        }

        public init(iss: String, operatorKey: String, host: String, port: Int, version: Int? = nil, expired: Bool? = nil, latencyMs: Int? = nil) {
            self.iss = iss
            self.operatorKey = operatorKey
            self.host = host
            self.port = port
            self.version = version
            self.expired = expired
            self.latencyMs = latencyMs
        }
    }

    public struct AppManagerSettings: Codable, Sendable {
        public var oin: String
        public var name: String
        public var key: String

        public init(oin: String, name: String, key: String) {
            self.oin = oin
            self.name = name
            self.key = key
        }
    }

    public struct OrganizationSettings: Codable, Sendable {
        public var oin: String
        public var name: String
        public var shortName: String
        public var key: String
        public var host: String
        public var port: Int
        public var data: String
        /// Misbehaviour to simulate, for tests.
        public var fault: HolderFault?
        /// Where a transport or HTTP fault applies (default: claims).
        public var faultEndpoint: HolderEndpoint?
        /// Only the first this many requests to that endpoint misbehave (default: all).
        public var faultCount: Int?
        /// Added to every response of this organisation, in milliseconds.
        public var latencyMs: Int?
        /// Uniform random extra latency up to this many milliseconds.
        public var latencyJitterMs: Int?
        /// false: the holder does not take part in Blauwe Knop Plus (no `consents_url`).
        public var plus: Bool?
        /// false: the holder takes no requests about zaken (no `requests_url`, PROTOCOL §11).
        public var requests: Bool?
        /// false: the holder sends documents over TLS alone (no `encryption` in discovery,
        /// PROTOCOL §13); by default it encrypts them to the client's X-Wing key.
        public var encryption: Bool?
        /// false: the holder issues no saldo statements (no `sd_jwt_url`, PROTOCOL §12.1).
        public var statements: Bool?

        enum CodingKeys: String, CodingKey {
            case oin, name, key, host, port, data, fault, plus, requests, encryption, statements
            case faultEndpoint = "fault_endpoint"
            case faultCount = "fault_count"
            case latencyMs = "latency_ms"
            case latencyJitterMs = "latency_jitter_ms"
            case shortName = "short_name"
        }
    }

    /// One organisation with its key and data loaded.
    public struct Organization: Sendable {
        public let settings: OrganizationSettings
        public let key: PrivateKey
        /// Zaken per BSN.
        public let citizens: [String: [FinancieleZaak]]
    }

    public let file: File
    /// The limits in force: the file's, else the defaults.
    public var limits: HolderLimits { file.limits ?? HolderLimits() }
    public let operatorKey: PrivateKey
    public let appManagerKey: PrivateKey
    public let organizations: [Organization]
    /// The requesters with their keys, in the order of the file.
    public let requesters: [(settings: RequesterSettings, key: PrivateKey)]

    /// Loads the configuration and everything it names; relative paths are relative to it.
    public init(path: String, portOverride: Int? = nil) throws {
        let base = (path as NSString).deletingLastPathComponent
        func resolve(_ relative: String) -> String { relative.hasPrefix("/") ? relative : base + "/" + relative }
        func text(_ relative: String) throws -> String {
            guard let bytes = try AtomicFile.read(resolve(relative)) else { throw HolderError("missing file \(resolve(relative))") }
            return String(decoding: bytes, as: UTF8.self)
        }
        guard let bytes = try AtomicFile.read(path) else { throw HolderError("missing configuration \(path)") }
        var file = try JSONCoding.decode(File.self, from: bytes)
        if let portOverride {
            file.scheme.port = portOverride
            for index in file.organizations.indices { file.organizations[index].port = portOverride }
        }
        self.file = file
        self.operatorKey = try PrivateKey(pem: text(file.scheme.operatorKey))
        self.appManagerKey = try PrivateKey(pem: text(file.appManager.key))
        var keysByPath: [String: PrivateKey] = [:]
        var dataByPath: [String: [String: [FinancieleZaak]]] = [:]
        self.organizations = try file.organizations.map { settings in
            let key = try keysByPath[settings.key] ?? PrivateKey(pem: text(settings.key))
            keysByPath[settings.key] = key
            let citizens = try dataByPath[settings.data] ?? JSONCoding.decode(HolderData.self, from: Array(text(settings.data).utf8)).citizens
            dataByPath[settings.data] = citizens
            return Organization(settings: settings, key: key, citizens: citizens)
        }
        self.requesters = try (file.requesters ?? []).map { settings in (settings, try PrivateKey(pem: text(settings.key))) }
    }
}

/// Ways a test organisation can misbehave, for the adversarial tests. Transport and HTTP
/// faults apply to one endpoint (`fault_endpoint`, by default the claims endpoint); document
/// faults change the signed FCID; certificate faults change the TLS certificate.
public enum HolderFault: String, Codable, Sendable, CaseIterable {
    /// Blauwe Knop Plus: a full document with events under a consent for detail 'saldo'.
    case fullDocumentForSaldo = "full_document_for_saldo"
    /// Blauwe Knop Plus: the requester's document names another consent id.
    case otherConsentID = "other_consent_id"
    // Transport and HTTP.
    /// Nothing listens: the scheme points at a closed port.
    case down
    /// The TCP connection is reset (RST) after part of the body.
    case resetMidResponse = "reset_mid_response"
    /// Headers are sent, then nothing more.
    case stallAfterHeaders = "stall_after_headers"
    /// The body comes at one byte per second.
    case trickle
    /// The body never ends.
    case endlessBody = "endless_body"
    /// A body larger than the client's limit for that document.
    case oversizedBody = "oversized_body"
    /// A body that is not valid JSON (for claims: a signed payload that is not JSON).
    case malformedJSON = "malformed_json"
    /// Valid JSON of the wrong shape.
    case wrongShape = "wrong_shape"
    /// HTTP 429 with `Retry-After: 1`.
    case http429 = "http_429"
    case http500 = "http_500"
    case http502 = "http_502"
    /// HTTP 503 with `Retry-After: 1`.
    case http503 = "http_503"
    /// A redirect to the same path on the same host.
    case redirectSameHost = "redirect_same_host"
    /// A redirect to another host.
    case redirectOtherHost = "redirect_other_host"

    /// A 401 whose problem title and detail carry terminal escape sequences, a bidi override
    /// and a false "complete" line: untrusted text aimed at the citizen's screen.
    case hostileProblem = "hostile_problem"

    // Sessions.
    /// The session request is processed (its challenge consumed), then answered with a 504:
    /// a client that resends the same proof is refused.
    case sessionConsumed504 = "session_consumed_504"
    /// A session token with CR/LF and a header of the holder's choosing in it.
    case headerInjectionToken = "header_injection_token"

    // TLS certificates (files beside the server certificate).
    /// An expired certificate (`server-expired.pem`).
    case expiredCertificate = "expired_certificate"
    /// A certificate from a CA the client does not trust (`server-other-ca.pem`).
    case otherCACertificate = "other_ca_certificate"
    /// A certificate for another host name (`server-wrong-name.pem`).
    case wrongNameCertificate = "wrong_name_certificate"

    // Discovery.
    /// The discovery document names another OIN.
    case wrongDiscoveryOIN = "wrong_discovery_oin"

    // The signed document.
    /// One byte of the signed payload is changed after signing.
    case tamperedPayload = "tampered_payload"
    /// The document is signed with another organisation's key.
    case otherOrganizationKey = "other_organization_key"
    /// `alg: none` with an empty signature.
    case algNone = "alg_none"
    /// `alg: HS256`, keyed with the organisation's public key.
    case algHS256 = "alg_hs256"
    /// Signed by an attacker key that is embedded as a `jwk` header.
    case embeddedJWK = "embedded_jwk"
    /// A `crit` header.
    case critHeader = "crit_header"
    /// An ES256 signature in DER form instead of raw R‖S.
    case derSignature = "der_signature"
    /// `exp` in the past.
    case expiredDocument = "expired_document"
    /// The document is about another citizen.
    case otherCitizen = "other_citizen"
    /// The document is for another app key (a replay).
    case otherAppKey = "other_app_key"
    /// `iat` an hour in the future.
    case futureIssuedAt = "future_iat"
    /// Two events share a `gebeurtenis_kenmerk`.
    case duplicateEventID = "duplicate_event_id"
    /// A negative `bedrag`.
    case negativeAmount = "negative_amount"
    /// A `bedrag` that is not an integer.
    case fractionalAmount = "fractional_amount"
    /// Stated totals that disagree with the events (a warning, not a rejection).
    case statedTotalsMismatch = "stated_totals_mismatch"
    /// An event type the client does not know (a warning, not a rejection).
    case unknownEventType = "unknown_event_type"
    /// `document_version` 4.0.
    case unsupportedVersion = "unsupported_version"

    // Receipts of requests about a zaak (PROTOCOL §11.2).
    /// The receipt is signed with another organisation's key.
    case receiptOtherKey = "receipt_other_key"
    /// The receipt names the digest of other content than the request sent.
    case receiptOtherDigest = "receipt_other_digest"
    /// The receipt is for another citizen.
    case receiptWrongSubject = "receipt_wrong_sub"

    // Documents encrypted to the client (PROTOCOL §13).
    /// The document in plaintext although the session offered a key (a downgrade).
    case plaintextAfterKey = "plaintext_after_key"
    /// The envelope names another KEM.
    case otherKEM = "other_kem"
    /// One byte of the ciphertext flipped.
    case corruptedCiphertext = "corrupted_ciphertext"
    /// Sealed with the `info` of another organisation.
    case otherInfo = "other_info"
    /// Sealed with the encapsulation of this holder's previous encrypted response (to an
    /// earlier run's key, or to this one).
    case replayedEncapsulation = "replayed_encapsulation"

    // Saldo statements (PROTOCOL §12.1).
    /// The statement's totals differ from the FCID of the same data.
    case statementTotalsDiffer = "statement_totals_differ"
    /// One digest occurs twice in the statement's payload.
    case statementDuplicateDigest = "statement_duplicate_digest"
    /// A disclosure named `_sd`, its digest among the payload's.
    case statementDisclosureWithSD = "statement_disclosure_with_sd"
    /// The statement is bound to another app key (`cnf`).
    case statementOtherAppKey = "statement_other_app_key"

    /// The certificate file this fault serves instead of the normal one, if any.
    var certificateFile: String? {
        switch self {
        case .expiredCertificate: "server-expired.pem"
        case .otherCACertificate: "server-other-ca.pem"
        case .wrongNameCertificate: "server-wrong-name.pem"
        default: nil
        }
    }
}

/// The endpoints of an organisation, for scoping transport faults.
public enum HolderEndpoint: String, Codable, Sendable {
    case discovery, challenge, session, claims, consents, requests, statement
}

/// An organisation's data file: the zaken of each citizen, events only (totals are derived).
public struct HolderData: Codable, Sendable {
    public var citizens: [String: [FinancieleZaak]]

    public init(citizens: [String: [FinancieleZaak]]) { self.citizens = citizens }
}

/// A holder configuration or start-up problem.
public struct HolderError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
