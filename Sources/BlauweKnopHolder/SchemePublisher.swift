import BlauweKnop
import Foundation

/// Builds and signs the scheme document for the environment, once the real ports are known.
struct SchemePublisher: Sendable {
    let environment: HolderEnvironment
    let clock: WallClock
    /// The last payload signed and its JWS: the same content is served as the same JWS (and
    /// the same ETag) until it changes, as a real scheme operator publishes one document.
    private let cache = SignedScheme()

    init(environment: HolderEnvironment, clock: WallClock) {
        self.environment = environment
        self.clock = clock
    }

    /// The scheme payload: organisations and App Manager at their bound addresses.
    func document(urls: HolderURLs) -> SchemeDocument {
        let day: Int64 = 86_400
        let today = clock.epochSeconds / day
        let version = environment.file.scheme.version ?? Int(today)
        let issued = environment.file.scheme.expired == true ? clock.epochSeconds - 9 * day : today * day
        let organizations = environment.organizations.enumerated().map { index, organization in
            SchemeDocument.Organization(
                oin: organization.settings.oin, name: organization.settings.name, shortName: organization.settings.shortName,
                discoveryURL: urls.organization(index) + "/.well-known/bk-configuration", publicKeys: [organization.key.publicJWK],
                documentTypes: [FinancialClaimsDocument.documentType])
        }
        let manager = SchemeDocument.AppManager(
            oin: environment.file.appManager.oin, name: environment.file.appManager.name,
            registrationURL: urls.scheme + "/v1/registrations", publicKeys: [environment.appManagerKey.publicJWK])
        var scheme = SchemeDocument(
            iss: environment.file.scheme.iss, environment: environment.file.environment, version: version, iat: issued, exp: issued + 8 * day,
            organizations: organizations, appManagers: [manager],
            documentTypes: [.init(name: FinancialClaimsDocument.documentType, versions: ["3.0"])])
        if !environment.requesters.isEmpty {
            scheme.requesters = environment.requesters.map { requester in
                SchemeDocument.Requester(
                    oin: requester.settings.oin, name: requester.settings.name, shortName: requester.settings.shortName,
                    purposes: requester.settings.purposes, maxConsentDays: requester.settings.maxConsentDays, publicKeys: [requester.key.publicJWK])
            }
        }
        if let suffix = environment.file.scheme.nameSuffix, !scheme.organizations.isEmpty { scheme.organizations[0].name += suffix }
        return scheme
    }

    /// The signed scheme JWS.
    func signed(urls: HolderURLs) throws -> String {
        var payload = try JSONCoding.encode(document(urls: urls))
        if let padding = environment.file.scheme.paddingBytes, padding > 0, payload.last == UInt8(ascii: "}") {
            // An unknown member clients must ignore, only to make the document large.
            payload.removeLast()
            payload += Array(#","padding":""#.utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: padding) + Array(#""}"#.utf8)
        }
        if let cached = cache.compact(for: payload) { return cached }
        let compact = try JWS.sign(payload: payload, type: VerifiedScheme.jwsType, key: environment.operatorKey)
        cache.store(compact, for: payload)
        return compact
    }
}

/// The last signed scheme, shared by every request.
private final class SignedScheme: Sendable {
    private let last = Locked<(payload: [UInt8], compact: String)?>(nil)

    func compact(for payload: [UInt8]) -> String? { last.withLock { $0?.payload == payload ? $0?.compact : nil } }

    func store(_ compact: String, for payload: [UInt8]) { last.withLock { $0 = (payload, compact) } }
}

/// The base URLs of every listener, known once all are bound.
struct HolderURLs: Sendable {
    let scheme: String
    let organizations: [String]

    func organization(_ index: Int) -> String { organizations[index] }
}
