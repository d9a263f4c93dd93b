import BlauweKnop
import Foundation
import Testing

/// PROTOCOL §1: trust anchor, environment, validity, content rules and rollback state.
@Suite("Scheme verification")
struct SchemeTests {
    let operatorKey: PrivateKey
    let anchor: TrustAnchor
    let organizationKey: PrivateKey

    init() throws {
        operatorKey = try PrivateKey.generate(.p256)
        anchor = try TrustAnchor(jwkSet: JSONCoding.encode(["keys": [operatorKey.publicJWK]]))
        organizationKey = try PrivateKey.generate(.ed25519)
    }

    func document(version: Int = 3, environment: String = "test", iat: Int64 = 1_000, exp: Int64 = 100_000) -> SchemeDocument {
        SchemeDocument(
            iss: "00000001234567890000", environment: environment, version: version, iat: iat, exp: exp,
            organizations: [
                .init(
                    oin: "00000001003214345000", name: "CJIB", shortName: "CJIB", discoveryURL: "https://127.0.0.2/.well-known/bk-configuration",
                    publicKeys: [organizationKey.publicJWK])
            ],
            appManagers: [
                .init(oin: "00000001800866472000", name: "AM", registrationURL: "https://127.0.0.1/v1/registrations", publicKeys: [organizationKey.publicJWK])
            ])
    }

    func sign(_ document: SchemeDocument, key: PrivateKey? = nil) throws -> String {
        try JWS.sign(payload: JSONCoding.encode(document), type: VerifiedScheme.jwsType, key: key ?? operatorKey)
    }

    @Test("A well-formed scheme verifies and exposes its keys")
    func accepts() throws {
        let scheme = try VerifiedScheme(compact: sign(document()), trustAnchor: anchor, environment: "test", now: 2_000)
        #expect(scheme.document.version == 3)
        #expect(scheme.organizationKeys["00000001003214345000"] != nil)
    }

    @Test("Each rule of §1 rejects with its own code")
    func rejections() throws {
        func code(_ compact: String, environment: String = "test", now: Int64 = 2_000) -> SchemeError.Code? {
            do {
                _ = try VerifiedScheme(compact: compact, trustAnchor: anchor, environment: environment, now: now)
                return nil
            } catch {
                return error.code
            }
        }
        #expect(code(try sign(document(), key: organizationKey)) == .untrusted)
        #expect(code(try sign(document()), environment: "prod") == .wrongEnvironment)
        #expect(code(try sign(document()), now: 100_000) == .notCurrent)
        #expect(code(try sign(document(iat: 2_301)), now: 2_000) == .notCurrent)
        var duplicate = document()
        duplicate.organizations.append(duplicate.organizations[0])
        #expect(code(try sign(duplicate)) == .invalidContent)
        var insecure = document()
        insecure.organizations[0].discoveryURL = "http://127.0.0.2/"
        #expect(code(try sign(insecure)) == .invalidContent)
        var keyless = document()
        keyless.appManagers[0].publicKeys = []
        #expect(code(try sign(keyless)) == .invalidContent)
    }

    @Test("Rollback state: lower versions and same-version changes are refused; damaged state is explained")
    func rollbackState() throws {
        let directory = StateDirectory(path: NSTemporaryDirectory() + "bk-scheme-" + UUID().uuidString)
        let store = SchemeStateStore(directory: directory)
        let v3 = try VerifiedScheme(compact: sign(document(version: 3)), trustAnchor: anchor, environment: "test", now: 2_000)
        try store.admitAndRemember(v3, etag: "\"a\"")
        let state = try #require(try store.load())
        let v2 = try VerifiedScheme(compact: sign(document(version: 2)), trustAnchor: anchor, environment: "test", now: 2_000)
        #expect(throws: SchemeError.self) { try state.admits(v2) }
        let v3b = try VerifiedScheme(compact: sign(document(version: 3, exp: 99_999)), trustAnchor: anchor, environment: "test", now: 2_000)
        #expect(throws: SchemeError.self) { try state.admits(v3b) }
        let v4 = try VerifiedScheme(compact: sign(document(version: 4)), trustAnchor: anchor, environment: "test", now: 2_000)
        try state.admits(v4)
        try state.admits(v3)
        try "{not json".write(toFile: directory.schemeStatePath, atomically: true, encoding: .utf8)
        let error = try #require(throws: SchemeError.self) { try store.load() }
        #expect(error.description.contains("remove it"))
    }
}
