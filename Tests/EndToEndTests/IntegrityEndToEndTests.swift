import Foundation
import Testing

/// Documents that fail verification are rejected with the right status and exit code, while
/// every other holder's figures stay exactly right.
@Suite("Integrity failures end to end")
struct IntegrityEndToEndTests {
    /// Runs an overview with one CJIB fault and checks CJIB's status, the exit code and the rest.
    func expectRejected(fault: String, status: String, exitCode: Int32 = 4) throws {
        let holder = try TestHolder(.init(faults: ["CJIB": fault]))
        try holder.login(ExpectedFigures.richCitizen)
        let (result, overview) = try holder.overviewJSON()
        #expect(result.status == exitCode, "fault \(fault): \(result.standardError)")
        #expect(overview["complete"] as? Bool == false)
        let holders = try #require(overview["holders"] as? [[String: Any]])
        #expect(holders.count == 9, "every organisation appears whatever its status")
        for entry in holders {
            let name = entry["short_name"] as? String ?? ""
            if name == "CJIB" {
                #expect(entry["status"] as? String == status, "fault \(fault): \(entry["error"] ?? "")")
                #expect((entry["error"] as? String)?.isEmpty == false)
                #expect((entry["zaken"] as? [Any])?.isEmpty == true, "nothing of a rejected document is merged")
            } else {
                #expect(entry["status"] as? String == "ok")
                #expect(ExpectedFigures.totals(entry["totals"]) == ExpectedFigures.richByHolder[name], "\(name)")
            }
        }
        #expect(ExpectedFigures.totals(overview["totals"]) == ExpectedFigures.richTotal(without: "CJIB"))
        let documents = (overview["evidence"] as? [String: Any])?["documents"] as? [Any]
        #expect(documents?.count == 8, "only verified documents are evidence")
        #expect(try Validators.jsonSchemaProblem(document: result.standardOutput, schema: Paths.packageRoot + "/Schemas/overview.schema.json") == nil)
    }

    @Test("A document with one payload byte changed is an invalid signature")
    func tamperedPayload() throws {
        try expectRejected(fault: "tampered_payload", status: "invalid_signature")
    }

    @Test("A document signed by another organisation's key is an invalid signature")
    func otherOrganizationKey() throws {
        try expectRejected(fault: "other_organization_key", status: "invalid_signature")
    }

    @Test("A document about another citizen is an invalid document")
    func otherCitizen() throws {
        try expectRejected(fault: "other_citizen", status: "invalid_document")
    }

    @Test("A holder that is down is unreachable: partial overview, exit 3")
    func holderDown() throws {
        try expectRejected(fault: "down", status: "unreachable", exitCode: 3)
    }

    @Test("An integrity failure is never masked by a partial one: exit 4")
    func integrityBeatsPartial() throws {
        let holder = try TestHolder(.init(faults: ["CJIB": "tampered_payload", "DUO": "down"]))
        try holder.login(ExpectedFigures.richCitizen)
        let (result, overview) = try holder.overviewJSON()
        #expect(result.status == 4)
        let statuses = (overview["holders"] as? [[String: Any]])?.reduce(into: [String: String]()) {
            $0[$1["short_name"] as? String ?? ""] = $1["status"] as? String
        }
        #expect(statuses?["CJIB"] == "invalid_signature")
        #expect(statuses?["DUO"] == "unreachable")
    }

    @Test("The table names failed holders with a readable reason")
    func tableNamesFailures() throws {
        let holder = try TestHolder(.init(faults: ["CJIB": "tampered_payload"]))
        try holder.login(ExpectedFigures.richCitizen)
        let result = try holder.bk("overview", "--format", "table")
        #expect(result.status == 4)
        #expect(result.standardOutput.contains("NIET volledig"))
        #expect(result.standardOutput.contains("niet te controleren"))
        #expect(!result.standardOutput.contains("NIET ECHT"), "bk cannot know a refused document is false, only that it could not be checked")
        #expect(
            result.standardOutput.replacingOccurrences(of: "\n    ", with: " ").contains(
                "Het document van deze organisatie kon niet worden gecontroleerd en is niet meegeteld."))
    }
}
