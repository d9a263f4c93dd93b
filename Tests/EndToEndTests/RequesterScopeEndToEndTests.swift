import BlauweKnop
import Foundation
import Testing

/// What a requester's overview says of its scope (PROTOCOL §10.6): `complete` keeps its §8
/// meaning, `complete_in_consent` says whether everyone asked answered, and every human form
/// names who was asked and who was not, about a client in the third person.
@Suite("Requester scope end to end")
struct RequesterScopeEndToEndTests {
    /// Runs `bk requester overview` with the citizen's settings and the examples' requester key.
    static func requester(_ holder: TestHolder, consent: String, _ extra: [String]) throws -> CommandResult {
        try CommandResult.run(
            Paths.binaries + "/bk",
            ["requester", "overview", "--consent", consent, "--requester-key", try RequesterEndToEndTests.requesterKey(holder)] + extra,
            environment: RequesterRun.environment(holder))
    }

    static func json(_ result: CommandResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any], "\(result.standardError)")
    }

    /// A consent for `organizations` signed with the citizen's real app key, as bk would sign
    /// it (a consent for organisations without Plus is registered nowhere, so bk writes none).
    static func signedConsent(_ holder: TestHolder, organizations: [String]) throws -> String {
        let keys = try CitizenKeys(stateDirectory: holder.stateDirectory)
        let claims = try keys.claims(bsn: ExpectedFigures.richCitizen, organizations: organizations, now: Int64(Date().timeIntervalSince1970))
        let path = holder.directory + "/signed.jws"
        try Consent.sign(claims, appKey: keys.appKey).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("Two of nine organisations: complete false, complete in consent; table, verify and batch name the seven not asked", arguments: ["nl", "en"])
    func twoOfNine(language: String) throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let consent = try RequesterEndToEndTests.grant(holder, only: "CJIB,DUO")
        let result = try Self.requester(holder, consent: consent, ["--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let overview = try Self.json(result)
        #expect(overview["complete"] as? Bool == false)
        #expect(overview["complete_in_consent"] as? Bool == true)
        let table = try Self.requester(holder, consent: consent, ["--format", "table", "--lang", language]).standardOutput
        let nl = language == "nl"
        for expected in nl
            ? [
                "Schulden van de cliënt bij de overheid", "Gevraagd met de toestemming: CJIB, DUO.",
                "7 organisaties niet gevraagd: hierover zegt dit overzicht niets", "Code van de toestemming: ", "de cliënt had € 224,00 al moeten betalen",
            ]
            : [
                "The client's debts to the government", "Asked under the consent: CJIB, DUO.",
                "7 organisations not asked: this overview says nothing about them", "Consent code: ", "the client should already have paid €224.00",
            ]
        {
            #expect(table.replacingOccurrences(of: "\n  ", with: " ").contains(expected), "\(expected) in \(table)")
        }
        for wrong in ["Uw schulden", "had u al", "Your debts", "you should", "Belastingdienst  "] { #expect(!table.contains(wrong), "\(wrong) in \(table)") }
        let path = holder.directory + "/r.json"
        try result.standardOutput.write(toFile: path, atomically: true, encoding: .utf8)
        let verified = try holder.bk("verify", path, "--lang", language)
        #expect(verified.status == 0)
        #expect(verified.standardOutput.contains(nl ? "BINNEN DE TOESTEMMING" : "WITHIN THE CONSENT"), "\(verified.standardOutput)")
        #expect(verified.standardOutput.replacingOccurrences(of: "\n  ", with: " ").contains(nl ? "7 organisaties niet gevraagd" : "7 organisations not asked"))
        let report = try holder.bk("verify", path, "--format", "json")
        #expect(try Validators.jsonSchemaProblem(document: report.standardOutput, schema: Paths.packageRoot + "/Schemas/verify-report.schema.json") == nil)
        #expect((try JSONSerialization.jsonObject(with: Data(report.standardOutput.utf8)) as? [String: Any])?["complete_in_consent"] as? Bool == true)
        // The batch summary says the same per consent.
        let consents = holder.directory + "/consents", out = holder.directory + "/out"
        try FileManager.default.createDirectory(atPath: consents, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: consent, toPath: consents + "/client.jws")
        let batch = try RequesterRun.batch(holder, consents: consents, out: out)
        #expect(batch.status == 0, "\(batch.standardError)")
        let row = try #require(try RequesterRun.summaryRows(out).first)
        #expect(row["result"] as? String == "complete")
        #expect(row["complete"] as? Bool == false)
        #expect(row["complete_in_consent"] as? Bool == true)
        #expect((row["not_asked"] as? [String])?.count == 7)
    }

    @Test("A consent for one organisation without Plus: nothing answered, so not complete in consent (exit 3), and nothing said about payments")
    func onlyWithoutPlus() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let consent = try Self.signedConsent(holder, organizations: ["00000001003263052000"])
        let result = try Self.requester(holder, consent: consent, ["--format", "json"])
        #expect(result.status == 3, "\(result.standardError)")
        let overview = try Self.json(result)
        #expect(overview["complete_in_consent"] as? Bool == false)
        let table = try Self.requester(holder, consent: consent, ["--format", "table"]).standardOutput.replacingOccurrences(of: "\n  ", with: " ")
        #expect(table.contains("geen enkele gevraagde organisatie heeft gegevens gegeven"), "\(table)")
        #expect(table.contains("zonder Blauwe Knop Plus en dus niet gevraagd: RVO"), "\(table)")
        for reassurance in ["niets te laat", "gewaarmerkte documenten", "Volgende betaling"] {
            #expect(!table.contains(reassurance), "\(reassurance) in \(table)")
        }
    }

    @Test("After the client revoked: every organisation refuses, the counsellor is told to ask for a new consent, never to log in", arguments: ["nl", "en"])
    func afterRevocation(language: String) throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let consent = try RequesterEndToEndTests.grant(holder, only: "CJIB,DUO")
        let compact = try String(contentsOfFile: consent, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let payload = try RequesterEndToEndTests.payload(compact)
        #expect(try holder.bk("consent", "revoke", try #require(payload["jti"] as? String)).status == 0)
        let result = try Self.requester(holder, consent: consent, ["--format", "json"])
        #expect(result.status == 3, "\(result.standardError)")
        let overview = try Self.json(result)
        #expect(overview["complete_in_consent"] as? Bool == false)
        let statuses = (overview["holders"] as? [[String: Any]] ?? []).compactMap { $0["status"] as? String }
        #expect(statuses.filter { $0 == "unauthorized" }.count == 2, "\(statuses)")
        let table = try Self.requester(holder, consent: consent, ["--format", "table", "--lang", language]).standardOutput.replacingOccurrences(
            of: "\n    ", with: " ")
        #expect(table.contains(language == "nl" ? "Vraag de cliënt om een nieuwe toestemming" : "Ask the client for a new consent"), "\(table)")
        for wrong in ["bk login", "niets te laat", "nothing overdue", "gewaarmerkte documenten", "sealed documents"] {
            #expect(!table.contains(wrong), "\(wrong) in \(table)")
        }
    }
}
