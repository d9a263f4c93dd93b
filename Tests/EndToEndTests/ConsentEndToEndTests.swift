import BlauweKnop
import Foundation
import Testing

/// Blauwe Knop Plus, the citizen's side (PROTOCOL §10.3), end to end: the real bk against the
/// real bk-holder, whose RVO does not take part in Plus.
@Suite("Consent end to end")
struct ConsentEndToEndTests {
    static let grant = ["consent", "grant", "--to", "Utrecht SHV", "--purpose", "schuldhulpverlening", "--days", "90", "--yes"]

    static func listed(_ holder: TestHolder) throws -> [[String: Any]] {
        let result = try holder.bk("consent", "list", "--format", "json")
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        return object?["consents"] as? [[String: Any]] ?? []
    }

    @Test("When every organisation refuses, the consent is said to be registered nowhere and no file is written", arguments: ["nl", "en"])
    func registeredNowhere(language: String) throws {
        let holder = try TestHolder(.init(faults: ["CJIB": "http_500", "DUO": "http_500"], faultEndpoints: ["CJIB": "consents", "DUO": "consents"]))
        try holder.login(ExpectedFigures.richCitizen)
        let path = holder.directory + "/consent.jws"
        let grant = try holder.bk(Self.grant + ["--only", "CJIB,DUO", "--lang", language, "-o", path])
        #expect(grant.status == 3, "\(grant.standardError)")
        #expect(!FileManager.default.fileExists(atPath: path))
        let nowhere = language == "nl" ? "bij geen enkele organisatie vastgelegd" : "not registered at any organisation"
        #expect(grant.standardError.replacingOccurrences(of: "\n  ", with: " ").contains(nowhere), "\(grant.standardError)")
        #expect(!grant.standardError.contains(language == "nl" ? "Geef dit bestand" : "Give this file"), "\(grant.standardError)")
    }

    @Test(
        "bk consent list shows a short id; revoke takes it, the consent file or the full id; an unknown id is exit 1",
        arguments: ["short id", "file", "full id"])
    func revokeBy(selector: String) throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let path = holder.directory + "/consent.jws"
        #expect(try holder.bk(Self.grant + ["--only", "CJIB,DUO", "-o", path]).status == 0)
        let jti = try #require(try Self.listed(holder).first?["jti"] as? String)
        let table = try holder.bk("consent", "list")
        #expect(table.standardOutput.contains(String(jti.prefix(8))), "\(table.standardOutput)")
        let unknown = try holder.bk("consent", "revoke", "zzzzzzzz")
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("U heeft geen toestemming met dit id"), "\(unknown.standardError)")
        let argument = selector == "short id" ? String(jti.prefix(8)) : selector == "file" ? path : jti
        let revoked = try holder.bk("consent", "revoke", "--", argument)
        #expect(revoked.status == 0, "\(revoked.standardError)")
        #expect(try Self.listed(holder).first?["state"] as? String == "revoked")
    }

    @Test("Grant for three organisations: two register it, RVO does not take part; the consent file is a signed consent; list shows it; revoke withdraws it")
    func grantListRevoke() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let path = holder.directory + "/consent.jws"
        let grant = try holder.bk(Self.grant + ["--only", "CJIB,DUO,RVO", "--lang", "en", "-o", path])
        #expect(grant.status == 0, "\(grant.standardError)")
        #expect(grant.standardError.contains("You give consent to Gemeente Utrecht — Schuldhulpverlening."))
        #expect(grant.standardError.contains("Centraal Justitieel Incassobureau: registered"))
        #expect(grant.standardError.contains("Rijksdienst voor Ondernemend Nederland: does not take part in Blauwe Knop Plus"))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let compact = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let header = try #require(Base64URL.decode(compact.split(separator: ".")[0]))
        #expect(String(decoding: header, as: UTF8.self).contains(#""typ":"bk-consent+jws""#))

        let json = try holder.bk("consent", "list", "--format", "json")
        #expect(try Validators.jsonSchemaProblem(document: json.standardOutput, schema: Paths.packageRoot + "/Schemas/consent-list.schema.json") == nil)
        let consents = try Self.listed(holder)
        #expect(consents.count == 1)
        let consent = try #require(consents.first)
        #expect(consent["state"] as? String == "active")
        #expect(consent["detail"] as? String == "full")
        #expect((consent["organizations"] as? [String])?.sorted() == ["00000001003214345000", "00000001801153045000"])
        let id = try #require(consent["jti"] as? String)

        let revoke = try holder.bk("consent", "revoke", id, "--lang", "en")
        #expect(revoke.status == 0, "\(revoke.standardError)")
        #expect(revoke.standardError.contains("Centraal Justitieel Incassobureau: withdrawn"))
        #expect(revoke.standardError.contains("Belastingdienst: did not hold this consent"))
        #expect(try Self.listed(holder).first?["state"] as? String == "revoked")
        #expect(try holder.bk("consent", "revoke", id).status == 0, "revoking again is fine")
        #expect(try holder.bk("consent", "revoke", "not-an-id").status == 1, "an id no consent has: exit 1, said as such")
    }

    @Test(
        "What the scheme does not allow is refused before anything is sent; without a terminal or --yes nothing is given",
        arguments: [
            ["--to", "Gemeente Elders", "--purpose", "schuldhulpverlening", "--days", "30", "--yes"],
            ["--to", "Utrecht SHV", "--purpose", "incasso", "--days", "30", "--yes"],
            ["--to", "Utrecht SHV", "--purpose", "schuldhulpverlening", "--days", "181", "--yes"],
            ["--to", "Utrecht SHV", "--purpose", "schuldhulpverlening", "--days", "30", "--only", "Nergens", "--yes"],
            ["--to", "Utrecht SHV", "--purpose", "schuldhulpverlening", "--days", "30"],
        ])
    func refused(arguments: [String]) throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let result = try holder.bk(["consent", "grant"] + arguments + ["-o", holder.directory + "/c.jws"])
        #expect(result.status == (arguments.contains("--yes") ? 1 : 64), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: holder.directory + "/c.jws"))
        #expect(try Self.listed(holder).isEmpty)
    }

    @Test("A revocation CJIB does not confirm is kept in the state folder, listed as pending, and done on the next run")
    func pendingRevocation() throws {
        // CJIB's consent endpoint answers 503 to its first twelve requests: three attempts each
        // of the grant, the list, the revocation and the first retry of the revocation.
        let holder = try TestHolder(.init(faults: ["CJIB": "http_503"], faultEndpoints: ["CJIB": "consents"], faultCounts: ["CJIB": 12]))
        try holder.login(ExpectedFigures.richCitizen)
        let grant = try holder.bk(Self.grant + ["--only", "CJIB,DUO", "-o", holder.directory + "/c.jws"])
        #expect(grant.status == 3, "CJIB did not register it: \(grant.standardError)")
        let id = try #require(try Self.listed(holder).first?["jti"] as? String)
        let revoke = try holder.bk("consent", "revoke", id)
        #expect(revoke.status == 3)
        let pendingFile = holder.stateDirectory + "/pending-revocations.json"
        #expect(try String(contentsOfFile: pendingFile, encoding: .utf8).contains("00000001003214345000"))
        #expect(((try FileManager.default.attributesOfItem(atPath: pendingFile))[.posixPermissions] as? Int) == 0o600)
        // The next run asks CJIB again before listing: still no answer, so the consent is pending.
        #expect(try Self.listed(holder).first?["state"] as? String == "revocation_pending")
        let table = try holder.bk("consent", "list", "--lang", "en")
        #expect(table.standardOutput.contains("withdrawal pending") || table.standardOutput.contains("withdrawn"), "\(table.standardOutput)")
        // And the run after that: CJIB answers and confirms.
        let after = try Self.listed(holder)
        #expect(after.first?["state"] as? String == "revoked")
        #expect(!(try String(contentsOfFile: pendingFile, encoding: .utf8)).contains(id))
    }
}
