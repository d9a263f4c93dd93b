import BlauweKnop
import Foundation

/// Writes a generated test environment with many organisations, for benchmarks: fresh keys,
/// one zaak per organisation for the citizen 999993653, each organisation on its own loopback
/// address (127.0.0.2–16, the names of the test certificate) and its own ephemeral port.
public struct BenchmarkEnvironment: Sendable {
    public var organizations: Int
    public var latencyMs: Int
    public var jitterMs: Int

    public init(organizations: Int, latencyMs: Int, jitterMs: Int) {
        self.organizations = organizations
        self.latencyMs = latencyMs
        self.jitterMs = jitterMs
    }

    /// The citizen with a debt at every generated organisation.
    public static let citizen = "999993653"

    /// Writes `environment.json`, keys, data and `trust-anchor.jwks.json` into `directory`.
    public func write(to directory: String) throws {
        for folder in ["keys", "data"] { try AtomicFile.ensureDirectory(directory + "/" + folder) }
        let operatorKey = try PrivateKey.generate(.p256)
        try AtomicFile.write(operatorKey.pemRepresentation(), to: directory + "/keys/operator.pem", mode: 0o600)
        try AtomicFile.write(try PrivateKey.generate(.ed25519).pemRepresentation(), to: directory + "/keys/app-manager.pem", mode: 0o600)
        try AtomicFile.write(JSONCoding.encode(["keys": [operatorKey.publicJWK]]), to: directory + "/trust-anchor.jwks.json")
        var settings: [HolderEnvironment.OrganizationSettings] = []
        for index in 0..<organizations {
            let name = "org\(index)"
            let key = try PrivateKey.generate(index % 2 == 0 ? .p256 : .ed25519)
            try AtomicFile.write(key.pemRepresentation(), to: directory + "/keys/\(name).pem", mode: 0o600)
            try AtomicFile.write(JSONCoding.encode(HolderData(citizens: [Self.citizen: [Self.zaak(index)]])), to: directory + "/data/\(name).json")
            var organization = HolderEnvironment.OrganizationSettings(
                oin: String(format: "0000000190%010d", index), name: "Organisatie \(index)", shortName: "ORG\(index)", key: "keys/\(name).pem",
                host: "127.0.0.\(2 + index % 15)", port: 0, data: "data/\(name).json",
                latencyMs: latencyMs, latencyJitterMs: jitterMs)
            // No saldo statements (PROTOCOL §12.1): bk and the curl baseline make the same requests.
            organization.statements = false
            settings.append(organization)
        }
        // A requester for Blauwe Knop Plus (its key at keys/requester.pem, 0600).
        try AtomicFile.write(try PrivateKey.generate(.p256).pemRepresentation(), to: directory + "/keys/requester.pem", mode: 0o600)
        let requester = HolderEnvironment.RequesterSettings(
            oin: "00000001001234567000", name: "Bench Schuldhulpverlening", shortName: "Bench SHV", purposes: ["schuldhulpverlening"],
            maxConsentDays: 180, key: "keys/requester.pem")
        var file = HolderEnvironment.File(
            environment: "test",
            scheme: .init(iss: "00000001234567890000", operatorKey: "keys/operator.pem", host: "127.0.0.1", port: 0, latencyMs: latencyMs),
            appManager: .init(oin: "00000001800866472000", name: "Bench App Manager", key: "keys/app-manager.pem"),
            organizations: settings, requesters: [requester])
        // The benchmarks measure bk, not the flood guard: under callgrind bk runs some fifty
        // times slower, and its connections would sit idle longer than the default allows.
        var limits = HolderLimits()
        limits.idleTimeoutSeconds = 600
        file.limits = limits
        try AtomicFile.write(try JSONCoding.encoder().encode(file).map { $0 }, to: directory + "/environment.json")
    }

    /// One overdue fine of a few euros, different per organisation.
    static func zaak(_ index: Int) -> FinancieleZaak {
        let id = "ORG\(index)-1"
        let time = "2026-09-01T09:00:00+02:00"
        return FinancieleZaak(
            zaakkenmerk: id, omschrijving: "Vordering \(index)",
            gebeurtenissen: [
                Gebeurtenis(
                    gebeurtenisType: "FinancieleVerplichtingOpgelegd", gebeurtenisKenmerk: "\(id)-e1", datumtijdGebeurtenis: time, zaakkenmerk: id,
                    datumtijdOpgelegd: time, beschikkingsnummer: "B-\(index)", primaireVerplichting: true, type: "org_vordering", categorie: "algemeen",
                    bedrag: 10_000 + index, omschrijving: "Vordering"),
                Gebeurtenis(
                    gebeurtenisType: "BetalingsverplichtingOpgelegd", gebeurtenisKenmerk: "\(id)-e2", datumtijdGebeurtenis: time, zaakkenmerk: id,
                    type: "Aanschrijving", bedrag: 10_000 + index, omschrijving: "Aanschrijving", betalingskenmerk: "K-\(index)", vervaldatum: "2026-10-01",
                    rekeningnummer: "NL00TEST0123456789"),
                Gebeurtenis(
                    gebeurtenisType: "BetalingVerwerkt", gebeurtenisKenmerk: "\(id)-e3", datumtijdGebeurtenis: time, zaakkenmerk: id, bedrag: 1_000,
                    betalingskenmerk: "K-\(index)", datumtijdVerwerkt: time),
            ],
            contactopties: [Contactoptie(soort: "telefoon", waarde: "+31 00 000 0000")])
    }
}
