import BlauweKnop
import Foundation
import Testing

/// Blauwe Knop Plus, the requester's side (PROTOCOL §10.4, §10.6), end to end: the citizen
/// grants, the requester (with the examples' test key) fetches under the consent, the citizen
/// sees each access, revokes, and the requester is refused.
@Suite("Requester end to end")
struct RequesterEndToEndTests {
    /// A date two weeks ahead (YYYY-MM-DD), for --until.
    static var inTwoWeeks: String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        return formatter.string(from: Date().addingTimeInterval(14 * 86_400))
    }

    /// The examples' requester key, copied to a file only its owner can read.
    static func requesterKey(_ holder: TestHolder) throws -> String {
        let path = holder.directory + "/requester.pem"
        if FileManager.default.fileExists(atPath: path) { return path }
        try FileManager.default.copyItem(atPath: Paths.examples + "/keys/requester-utrecht-shv.pem", toPath: path)
        chmod(path, 0o600)
        return path
    }

    static func grant(_ holder: TestHolder, only: String = "CJIB,DUO,RVO", detail: String = "full") throws -> String {
        let path = holder.directory + "/consent.jws"
        let grant = try holder.bk(
            "consent", "grant", "--to", "Utrecht SHV", "--purpose", "schuldhulpverlening", "--days", "30", "--only", only, "--detail", detail, "--yes",
            "-o", path)
        guard grant.status == 0 else { throw TestFailure("grant failed: \(grant.standardError)") }
        return path
    }

    /// Runs `bk requester overview` in its own state folder (the requester is not the citizen).
    static func requesterOverview(_ holder: TestHolder, consent: String, key: String) throws -> (CommandResult, [String: Any]) {
        var environment = holder.bkEnvironment
        environment["BK_STATE_DIR"] = holder.directory + "/requester-state"
        let result = try CommandResult.run(
            Paths.binaries + "/bk", ["requester", "overview", "--consent", consent, "--requester-key", key, "--format", "json"], environment: environment)
        let object = (try? JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]) ?? [:]
        return (result, object)
    }

    static func payload(_ compact: String) throws -> [String: Any] {
        let part = String(compact.split(separator: ".")[1])
        let data = try #require(Base64URL.decode(part))
        return try #require(try JSONSerialization.jsonObject(with: Data(data)) as? [String: Any])
    }

    @Test(
        "Grant → requester overview under the consent → documents for the requester's key carrying the consent → the citizen sees each access → revoke → refused"
    )
    func grantFetchRevoke() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let consent = try Self.grant(holder)
        let key = try Self.requesterKey(holder)
        let (result, overview) = try Self.requesterOverview(holder, consent: consent, key: key)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try Validators.jsonSchemaProblem(document: result.standardOutput, schema: Paths.packageRoot + "/Schemas/overview.schema.json") == nil)
        let statuses = Dictionary(
            uniqueKeysWithValues: (overview["holders"] as? [[String: Any]] ?? []).map { ($0["short_name"] as? String ?? "", $0["status"] as? String ?? "") })
        #expect(statuses["CJIB"] == "ok" && statuses["DUO"] == "ok")
        #expect(statuses["RVO"] == "not_supported")
        #expect(statuses["Belastingdienst"] == "not_in_consent" && statuses["CAK"] == "not_in_consent")
        #expect(overview["complete"] as? Bool == false, "the consent leaves organisations out (PROTOCOL §10.6)")
        #expect(overview["complete_in_consent"] as? Bool == true, "CJIB and DUO answered; RVO takes no part in Plus")
        #expect(overview["schema_version"] as? String == Overview.currentSchemaVersion)
        let summary = try #require(overview["consent"] as? [String: Any])
        #expect(summary["requester_name"] as? String == "Gemeente Utrecht — Schuldhulpverlening")
        let jti = try #require(summary["jti"] as? String)
        let evidence = try #require(overview["evidence"] as? [String: Any])
        #expect((evidence["consent"] as? String)?.isEmpty == false)
        let documents = try #require(evidence["documents"] as? [[String: Any]])
        #expect(documents.count == 2)
        let thumbprint = try JSONSerialization.jsonObject(with: Data(try holder.bk("scheme", "show", "--format", "json").standardOutput.utf8))
        let keyID = (((thumbprint as? [String: Any])?["requesters"] as? [[String: Any]])?.first?["key_ids"] as? [String])?.first
        for document in documents {
            let claims = try Self.payload(try #require(document["jws"] as? String))
            #expect(claims["aud"] as? String == keyID, "the document is for the requester's key")
            #expect(claims["consent"] as? String == jti)
            #expect(claims["purpose"] as? String == "schuldhulpverlening")
            #expect(claims["detail"] as? String == "full")
            #expect(claims["sub"] as? String == ExpectedFigures.richCitizen)
        }

        let list = try holder.bk("consent", "list", "--format", "json")
        let listed = try JSONSerialization.jsonObject(with: Data(list.standardOutput.utf8)) as? [String: Any]
        let accesses = ((listed?["consents"] as? [[String: Any]])?.first?["accesses"] as? [[String: Any]]) ?? []
        #expect(accesses.count == 2, "one access logged per organisation")
        #expect(accesses.allSatisfy { $0["requester"] as? String == "00000001001234567000" && $0["kid"] as? String == keyID })
        // The table says under which consent each access was made, by the short id it lists.
        let table = try holder.bk("consent", "list").standardOutput
        let shortID = String(jti.prefix(8))
        #expect(table.contains("Ingezien met toestemming \(shortID):"), "\(table)")
        let heading = try #require(table.range(of: "Ingezien met toestemming"))
        #expect(table[heading.upperBound...].contains("bekeek uw gegevens bij"), "the accesses follow their consent")

        #expect(try holder.bk("consent", "revoke", jti).status == 0)
        let (after, afterOverview) = try Self.requesterOverview(holder, consent: consent, key: key)
        #expect(after.status == 3)
        let afterStatuses = (afterOverview["holders"] as? [[String: Any]] ?? []).filter { ["CJIB", "DUO"].contains($0["short_name"] as? String ?? "") }
        #expect(afterStatuses.count == 2 && afterStatuses.allSatisfy { $0["status"] as? String == "unauthorized" })
    }

    @Test("Refused before any holder is asked: a key of no requester, a key others can read, a consent whose signature was edited")
    func refused() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let consent = try Self.grant(holder)
        let other = holder.directory + "/other.pem"
        try FileManager.default.copyItem(atPath: Paths.examples + "/keys/cjib.pem", toPath: other)
        chmod(other, 0o600)
        #expect(try Self.requesterOverview(holder, consent: consent, key: other).0.status == 1, "an organisation's key is no requester key")
        let open = try Self.requesterKey(holder)
        chmod(open, 0o644)
        let readable = try Self.requesterOverview(holder, consent: consent, key: open).0
        #expect(readable.status == 1)
        #expect(readable.standardError.contains("0600"))
        chmod(open, 0o600)
        var edited = try String(contentsOfFile: consent, encoding: .utf8)
        edited = String(edited.dropLast(3)) + (edited.hasSuffix("A\n") ? "B\n" : "A\n")
        try edited.write(toFile: consent, atomically: true, encoding: .utf8)
        #expect(try Self.requesterOverview(holder, consent: consent, key: open).0.status == 1, "a consent with a broken signature")
    }

    @Test(
        "bk verify checks a requester's overview as §10.6: untouched it is authentic; an edited consent, a removed consent or a holder outside the consent shown as ok is tampering"
    )
    func verifyRequesterOverview() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let consent = try Self.grant(holder, only: "CJIB,DUO")
        let key = try Self.requesterKey(holder)
        let (result, overview) = try Self.requesterOverview(holder, consent: consent, key: key)
        #expect(result.status == 0)
        let path = holder.directory + "/requester-overview.json"
        try result.standardOutput.write(toFile: path, atomically: true, encoding: .utf8)
        let verified = try holder.bk("verify", path)
        #expect(verified.status == 0, "\(verified.standardOutput)")
        func edited(_ change: (inout [String: Any]) -> Void) throws -> Int32 {
            var copy = overview
            change(&copy)
            let file = holder.directory + "/edited.json"
            try JSONSerialization.data(withJSONObject: copy).write(to: URL(fileURLWithPath: file))
            return try holder.bk("verify", file).status
        }
        #expect(
            try edited { root in
                var consent = root["consent"] as? [String: Any] ?? [:]
                consent["detail"] = "saldo"
                root["consent"] = consent
            } == 4)
        #expect(
            try edited { root in
                var evidence = root["evidence"] as? [String: Any] ?? [:]
                evidence["consent"] = nil
                root["evidence"] = evidence
            } == 4)
        #expect(
            try edited { root in
                var holders = root["holders"] as? [[String: Any]] ?? []
                if let index = holders.firstIndex(where: { $0["short_name"] as? String == "Belastingdienst" }) {
                    holders[index]["status"] = "unreachable"
                }
                root["holders"] = holders
            } == 4)
    }

    @Test("bk requester batch: three citizens' consents and a broken file in one run; an overview per consent that verifies, and a summary in JSON and CSV")
    func batch() throws {
        let holder = try TestHolder()
        let consents = holder.directory + "/consents"
        try FileManager.default.createDirectory(atPath: consents, withIntermediateDirectories: true)
        for (index, bsn) in [ExpectedFigures.richCitizen, ExpectedFigures.singleDebtCitizen, ExpectedFigures.debtFreeCitizen].enumerated() {
            var environment = holder.bkEnvironment
            environment["BK_STATE_DIR"] = holder.directory + "/citizen-\(index)"
            #expect(try CommandResult.run(Paths.binaries + "/bk", ["login", "--test-bsn", bsn], environment: environment).status == 0)
            let grant = try CommandResult.run(
                Paths.binaries + "/bk",
                [
                    "consent", "grant", "--to", "00000001001234567000", "--purpose", "schuldhulpverlening", "--until", Self.inTwoWeeks, "--only", "CJIB,DUO",
                    "--yes",
                    "-o", consents + "/citizen-\(index).jws",
                ], environment: environment)
            #expect(grant.status == 0, "\(grant.standardError)")
        }
        try "not a consent".write(toFile: consents + "/broken.jws", atomically: true, encoding: .utf8)
        var environment = holder.bkEnvironment
        environment["BK_STATE_DIR"] = holder.directory + "/requester-state"
        let out = holder.directory + "/out"
        let batch = try CommandResult.run(
            Paths.binaries + "/bk",
            ["requester", "batch", "--consents", consents, "--output-dir", out, "--requester-key", try Self.requesterKey(holder), "--csv-dialect", "rfc4180"],
            environment: environment)
        #expect(batch.status == 3, "the broken file is refused: \(batch.standardError)")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as? [String: Any]
        let rows = summary?["rows"] as? [[String: Any]] ?? []
        #expect(rows.count == 4)
        // The counts are said in the reader's words (Dutch by default), from the same rows.
        let refusedCount = rows.filter { $0["result"] as? String == "refused" }.count
        #expect(batch.standardError.contains("\(refusedCount) geweigerd"), "\(batch.standardError)")
        #expect(!batch.standardError.contains("refused:"), "\(batch.standardError)")
        #expect(rows.first { $0["file"] as? String == "broken.jws" }?["result"] as? String == "refused")
        let fetched = rows.filter { $0["result"] as? String == "complete" }
        #expect(fetched.count + rows.filter { $0["result"] as? String == "refused" }.count == 4)
        for row in fetched {
            #expect((row["bsn"] as? String)?.hasPrefix("••••••") == true)
            let file = out + "/" + (row["overview"] as? String ?? "?")
            #expect(try holder.bk("verify", file).status == 0, "\(file)")
        }
        let csv = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8)
        let lines = csv.split(separator: "\r\n")
        #expect(lines.first?.hasPrefix("file,result,reference,consent_id,bsn,expires,complete,complete_in_consent,saldo_cents") == true)
        #expect(lines.count == 5)
    }

    @Test("Detail saldo (§10.5): only the stated figures travel, no events; the totals equal the citizen's own; it verifies")
    func saldo() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let consent = try Self.grant(holder, only: "CJIB,DUO", detail: "saldo")
        let (result, overview) = try Self.requesterOverview(holder, consent: consent, key: try Self.requesterKey(holder))
        #expect(result.status == 0, "\(result.standardError)")
        let holders = (overview["holders"] as? [[String: Any]] ?? []).filter { ["CJIB", "DUO"].contains($0["short_name"] as? String ?? "") }
        #expect(holders.count == 2 && holders.allSatisfy { $0["status"] as? String == "ok_with_warnings" }, "marked as stated by the organisation")
        let documents = (overview["evidence"] as? [String: Any])?["documents"] as? [[String: Any]] ?? []
        for document in documents {
            let claims = try Self.payload(try #require(document["jws"] as? String))
            #expect(claims["detail"] as? String == "saldo")
            let zaken = claims["financiele_zaken"] as? [[String: Any]] ?? []
            #expect(!zaken.isEmpty && zaken.allSatisfy { $0["gebeurtenissen"] == nil })
        }
        let (_, own) = try holder.overviewJSON()
        let ownSaldo = (own["holders"] as? [[String: Any]] ?? []).filter { ["CJIB", "DUO"].contains($0["short_name"] as? String ?? "") }
            .map { (($0["totals"] as? [String: Any])?["saldo"] as? Int) ?? -1 }.reduce(0, +)
        #expect(((overview["totals"] as? [String: Any])?["saldo"] as? Int) == ownSaldo)
        let path = holder.directory + "/saldo-overview.json"
        try result.standardOutput.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try holder.bk("verify", path).status == 0)
    }

    @Test(
        "A holder that answers with more than the consent allows, or under another consent, is refused (invalid_document, exit 4)",
        arguments: [("full_document_for_saldo", "saldo"), ("other_consent_id", "full")])
    func overreach(fault: String, detail: String) throws {
        let holder = try TestHolder(.init(faults: ["CJIB": fault]))
        try holder.login(ExpectedFigures.richCitizen)
        let consent = try Self.grant(holder, only: "CJIB,DUO", detail: detail)
        let (result, overview) = try Self.requesterOverview(holder, consent: consent, key: try Self.requesterKey(holder))
        #expect(result.status == 4)
        let cjib = (overview["holders"] as? [[String: Any]] ?? []).first { $0["short_name"] as? String == "CJIB" }
        #expect(cjib?["status"] as? String == "invalid_document")
        #expect(((overview["evidence"] as? [String: Any])?["documents"] as? [[String: Any]])?.count == 1, "nothing of CJIB merged")
    }

    @Test("The citizen (grant --code) and the counsellor (requester overview) see the same short code for the same consent")
    func shortCode() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let path = holder.directory + "/consent.jws"
        let shown = try holder.bk(
            "consent", "grant", "--to", "Utrecht SHV", "--purpose", "schuldhulpverlening", "--days", "30", "--only", "CJIB", "--yes", "--code", "-o", path)
        let code = try #require(shown.standardError.split(separator: "\n").last { $0.contains("Code") }.map { String($0.suffix(19)) })
        #expect(code.split(separator: " ").count == 4)
        let (result, _) = try Self.requesterOverview(holder, consent: path, key: try Self.requesterKey(holder))
        #expect(result.standardError.contains(code), "\(code) in \(result.standardError)")
    }

    @Test("The requester key may be a private JWK file (0600) as well as PEM")
    func jwkKey() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let consent = try Self.grant(holder, only: "CJIB")
        let pem = try String(contentsOfFile: Paths.examples + "/keys/requester-utrecht-shv.pem", encoding: .utf8)
        let path = holder.directory + "/requester.jwk"
        try Data(try PrivateKey(pem: pem).privateJWK()).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
        let (result, overview) = try Self.requesterOverview(holder, consent: consent, key: path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(overview["complete_in_consent"] as? Bool == true)
    }

    @Test("A requester's overview also as XML (valid against the XSD) and as PDF; both verify", arguments: ["xml", "pdf"])
    func otherForms(format: String) throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let consent = try Self.grant(holder, only: "CJIB,DUO")
        var environment = holder.bkEnvironment
        environment["BK_STATE_DIR"] = holder.directory + "/requester-state"
        let path = holder.directory + "/overview." + format
        let result = try CommandResult.run(
            Paths.binaries + "/bk", ["requester", "overview", "--consent", consent, "--requester-key", try Self.requesterKey(holder), "-o", path],
            environment: environment)
        #expect(result.status == 0, "\(result.standardError)")
        if format == "xml" {
            #expect(
                try Validators.xsdProblem(document: String(contentsOfFile: path, encoding: .utf8), schema: Paths.packageRoot + "/Schemas/overview.xsd") == nil)
        }
        let verified = try holder.bk("verify", path)
        #expect(verified.status == 0, "\(verified.standardOutput)")
    }

    @Test("A requester removed from the scheme after the grant: its consent is refused before any holder is asked")
    func requesterRemoved() throws {
        let before = try TestHolder()
        try before.login(ExpectedFigures.richCitizen)
        let consent = try Self.grant(before, only: "CJIB")
        let key = try Self.requesterKey(before)
        // The operator publishes a scheme without the requester (same keys, same organisations).
        let after = try TestHolder(.init(withoutRequesters: true))
        var environment = after.bkEnvironment
        environment["BK_STATE_DIR"] = after.directory + "/requester-state"
        let result = try CommandResult.run(
            Paths.binaries + "/bk", ["requester", "overview", "--consent", consent, "--requester-key", key, "--format", "json", "--verbose"],
            environment: environment)
        #expect(result.status == 1)
        #expect(result.standardError.contains("is not in the scheme"), "\(result.standardError)")
        #expect(result.standardOutput.contains("consent."), "a JSON error with the consent code")
    }
}
