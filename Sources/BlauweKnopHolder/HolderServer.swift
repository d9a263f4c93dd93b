public import BlauweKnop
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL

/// `bk-holder`: serves the scheme, the App Manager and every organisation of an environment
/// over TLS on loopback, each organisation on its own address and port.
public struct HolderServer: Sendable {
    public let environment: HolderEnvironment
    public let certificatePath: String
    public let privateKeyPath: String
    public let clock: WallClock

    public init(environment: HolderEnvironment, certificatePath: String, privateKeyPath: String, clock: WallClock = .system) {
        self.environment = environment
        self.certificatePath = certificatePath
        self.privateKeyPath = privateKeyPath
        self.clock = clock
    }

    /// Runs until the process is told to stop.
    /// - Parameter onReady: called once every listener is bound, with the scheme URL.
    public func run(onReady: @escaping @Sendable (String) -> Void) async throws {
        for host in [environment.file.scheme.host] + environment.file.organizations.map(\.host) where !host.hasPrefix("127.") && host != "localhost" {
            throw HolderError("refusing to listen on \(host): bk-holder serves loopback (127.0.0.0/8) only")
        }
        ProcessLimits.raiseOpenFileLimit()
        let tls = try tlsConfiguration(certificatePath: certificatePath)
        let pkiDirectory = (certificatePath as NSString).deletingLastPathComponent
        var faultyTLS: [HolderFault: TLSConfiguration] = [:]
        for fault in Set(environment.organizations.compactMap(\.settings.fault)) {
            if let file = fault.certificateFile { faultyTLS[fault] = try tlsConfiguration(certificatePath: pkiDirectory + "/" + file) }
        }
        let ports = BoundPorts(count: environment.organizations.count + 1)
        let publisher = SchemePublisher(environment: environment, clock: clock)
        let schemeEndpoint = SchemeEndpoint(publisher: publisher, ports: ports, environment: environment)
        let managerKeys = try [environment.file.appManager.oin: TrustedKeys([environment.appManagerKey.publicJWK])]
        var logger = Logger(label: "bk-holder")
        logger.logLevel = .warning

        var applications: [any ApplicationProtocol] = []
        let schemeRouter = Router(context: HolderRequestContext.self)
        schemeEndpoint.addRoutes(to: schemeRouter)
        let settings = environment.file.scheme
        AppManagerService(environment: environment, clock: clock)
            .addRoutes(to: schemeRouter, baseURL: { ports.url(host: settings.host, index: 0) })
        applications.append(
            try makeApplication(router: schemeRouter, host: settings.host, port: settings.port, index: 0, ports: ports, tls: tls, logger: logger))

        for (offset, organization) in environment.organizations.enumerated() {
            let index = offset + 1
            if organization.settings.fault == .down {
                // Port 1 on loopback refuses connections: the scheme lists a holder that is down.
                ports.record(index: index, port: 1)
                continue
            }
            let otherKey = environment.organizations[(offset + 1) % environment.organizations.count].key
            let router = Router(context: HolderRequestContext.self)
            let verifier = SessionVerifier(organizationOIN: organization.settings.oin, environment: environment.file.environment, appManagerKeys: managerKeys)
            let host = organization.settings.host
            OrganizationService(
                organization: organization, otherKey: otherKey, verifier: verifier, clock: clock, limits: environment.limits,
                adminToken: environment.file.adminToken, currentScheme: { schemeEndpoint.verified(now: $0) }
            )
            .addRoutes(to: router, baseURL: { ports.url(host: host, index: index) }, otherHostURL: { ports.url(host: settings.host, index: 0) })
            let organizationTLS = organization.settings.fault.flatMap { faultyTLS[$0] } ?? tls
            applications.append(
                try makeApplication(
                    router: router, host: host, port: organization.settings.port, index: index, ports: ports, tls: organizationTLS, logger: logger))
        }

        try await withThrowingTaskGroup(of: Void.self) { group in
            for application in applications {
                group.addTask { try await application.runService() }
            }
            group.addTask {
                await ports.waitUntilAllBound()
                onReady(ports.url(host: settings.host, index: 0) + "/scheme")
            }
            try await group.next()
            try await group.next()
            group.cancelAll()
        }
    }

    private func makeApplication(
        router: Router<HolderRequestContext>, host: String, port: Int, index: Int, ports: BoundPorts, tls: TLSConfiguration, logger: Logger
    ) throws -> some ApplicationProtocol {
        let limits = environment.limits
        let connections = ClientConnections(limit: limits.connectionsPerClient)
        let http = HTTP1Channel.Configuration(
            additionalChannelHandlers: [ConnectionGuard(connections: connections)], idleTimeout: .seconds(Int64(limits.idleTimeoutSeconds)))
        // Never plain HTTP: a TLS configuration NIOSSL refuses ends the holder.
        let server = try HTTPServerBuilder.tls(.http1(configuration: http), tlsConfiguration: tls)
        return Application(
            router: router, server: server, configuration: .init(address: .hostname(host, port: port), serverName: "bk-holder", backlog: 4096),
            onServerRunning: { channel in ports.record(index: index, port: channel.localAddress?.port ?? port) },
            logger: logger)
    }

    private func tlsConfiguration(certificatePath: String) throws -> TLSConfiguration {
        let chain = try NIOSSLCertificate.fromPEMFile(certificatePath).map { NIOSSLCertificateSource.certificate($0) }
        let key = try NIOSSLPrivateKey(file: privateKeyPath, format: .pem)
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv13
        _ = try NIOSSLContext(configuration: configuration)
        return configuration
    }
}

/// The scheme document endpoint with ETag support.
struct SchemeEndpoint: Sendable {
    let publisher: SchemePublisher
    let ports: BoundPorts
    let environment: HolderEnvironment
    private let verifiedCache = VerifiedSchemeCache()

    init(publisher: SchemePublisher, ports: BoundPorts, environment: HolderEnvironment) {
        self.publisher = publisher
        self.ports = ports
        self.environment = environment
    }

    private var urls: HolderURLs {
        HolderURLs(
            scheme: ports.url(host: environment.file.scheme.host, index: 0),
            organizations: environment.organizations.enumerated().map { ports.url(host: $1.settings.host, index: $0 + 1) })
    }

    /// The scheme as published now, verified as a client would: what holders check consents
    /// against (PROTOCOL §10.4, "against the current scheme").
    /// Verified once per published document, again only when it has expired.
    func verified(now: Int64) -> VerifiedScheme? {
        guard let compact = try? publisher.signed(urls: urls) else { return nil }
        if let cached = verifiedCache.scheme(for: compact), cached.document.exp > now { return cached }
        guard let anchor = try? TrustAnchor(jwkSet: JSONCoding.encode(["keys": [environment.operatorKey.publicJWK]])),
            let scheme = try? VerifiedScheme(compact: compact, trustAnchor: anchor, environment: environment.file.environment, now: now)
        else { return nil }
        verifiedCache.store(scheme)
        return scheme
    }

    func addRoutes(to router: Router<HolderRequestContext>) {
        router.get("/scheme") { request, _ -> Response in
            if let latency = environment.file.scheme.latencyMs, latency > 0 { try? await Task.sleep(for: .milliseconds(latency)) }
            guard let compact = try? publisher.signed(urls: urls) else { return HolderResponse.problem(.internalServerError, "Signing failed") }
            let etag = "\"" + Digest.sha256Hex(Array(compact.utf8)).prefix(32) + "\""
            if request.headers[.ifNoneMatch] == etag { return Response(status: .notModified, headers: [.eTag: etag]) }
            return HolderResponse.jose(compact, headers: [.eTag: etag])
        }
    }
}

/// The last scheme the holder verified, by its JWS.
private final class VerifiedSchemeCache: Sendable {
    private let last = Locked<VerifiedScheme?>(nil)

    func scheme(for compact: String) -> VerifiedScheme? { last.withLock { $0?.compact == compact ? $0 : nil } }
    func store(_ scheme: VerifiedScheme) { last.withLock { $0 = scheme } }
}

/// The ports the listeners actually bound (port 0 picks a free one).
final class BoundPorts: Sendable {
    private struct State {
        var ports: [Int?]
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state: Locked<State>

    init(count: Int) { state = Locked(State(ports: Array(repeating: nil, count: count))) }

    func record(index: Int, port: Int) {
        let ready: [CheckedContinuation<Void, Never>] = state.withLock { state in
            state.ports[index] = port
            guard state.ports.allSatisfy({ $0 != nil }) else { return [] }
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        ready.forEach { $0.resume() }
    }

    func waitUntilAllBound() async {
        await withCheckedContinuation { continuation in
            let done = state.withLock { state in
                if state.ports.allSatisfy({ $0 != nil }) { return true }
                state.waiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    func url(host: String, index: Int) -> String {
        let port = state.withLock { $0.ports[index] } ?? 0
        return "https://\(host):\(port)"
    }
}
