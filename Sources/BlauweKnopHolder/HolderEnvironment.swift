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

        enum CodingKeys: String, CodingKey {
            case environment, scheme, organizations
            case appManager = "app_manager"
        }

        public init(environment: String, scheme: SchemeSettings, appManager: AppManagerSettings, organizations: [OrganizationSettings]) {
            self.environment = environment
            self.scheme = scheme
            self.appManager = appManager
            self.organizations = organizations
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

        enum CodingKeys: String, CodingKey {
            case iss, host, port, version, expired
            case operatorKey = "operator_key"
            case latencyMs = "latency_ms"
        }

        public init(iss: String, operatorKey: String, host: String, port: Int, version: Int?, expired: Bool?, latencyMs: Int?) {
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
        /// Added to every response of this organisation, in milliseconds.
        public var latencyMs: Int?
        /// Uniform random extra latency up to this many milliseconds.
        public var latencyJitterMs: Int?

        enum CodingKeys: String, CodingKey {
            case oin, name, key, host, port, data, fault
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
    public let operatorKey: PrivateKey
    public let appManagerKey: PrivateKey
    public let organizations: [Organization]

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
    }
}

/// Ways a test organisation can misbehave.
public enum HolderFault: String, Codable, Sendable, CaseIterable {
    /// Nothing listens: the scheme points at a closed port.
    case down
    /// One byte of the signed payload is changed after signing.
    case tamperedPayload = "tampered_payload"
    /// The document is signed with another organisation's key.
    case otherOrganizationKey = "other_organization_key"
    /// The document is about another citizen.
    case otherCitizen = "other_citizen"
    /// The discovery document names another OIN.
    case wrongDiscoveryOIN = "wrong_discovery_oin"
    /// The TLS certificate has expired (`server-expired.pem` beside the server certificate).
    case expiredCertificate = "expired_certificate"
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
