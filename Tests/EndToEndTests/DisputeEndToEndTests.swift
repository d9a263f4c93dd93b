import BlauweKnop
import BKTestSupport
import Foundation
import Testing

/// `bk dispute` end to end (PROTOCOL §11): the real bk against the real bk-holder, from the
/// overview to a proof file that verifies offline, and every way filing can fail.
@Suite("bk dispute, end to end")
struct DisputeEndToEndTests {
    static let zaak = "CJIB-2026-000123"
    static let bezwaar = [
        "dispute", zaak, "--kind", "bezwaar", "--reason", "De auto was op die dag al verkocht.", "--want", "De boete vervalt.", "--defer",
        "--name", "J. de Vries", "--address", "Dorpsstraat 1a, 3511 AA Utrecht", "--yes",
    ]

    /// Runs `bk dispute …` with JSON output, which must succeed; what it printed.
    static func file(_ arguments: [String], at holder: TestHolder) throws -> [String: Any] {
        let result = try holder.bk(arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    }

    /// A holder with the rich citizen logged in and an overview made (so bk knows where each zaak is).
    static func holderWithOverview(_ options: TestHolder.Options = TestHolder.Options()) throws -> TestHolder {
        let holder = try TestHolder(options)
        try holder.login(ExpectedFigures.richCitizen)
        #expect(try holder.overviewJSON().0.status == 0)
        return holder
    }

    @Test("A bezwaar is filed with a verified receipt; the proof file (0600) verifies offline; the late term is said in both languages")
    func filed() throws {
        let holder = try Self.holderWithOverview()
        let result = try holder.bk(Self.bezwaar + ["--format", "json", "--lang", "en"])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(object["filed"] as? Bool == true && object["kind"] as? String == "bezwaar" && object["zaakkenmerk"] as? String == Self.zaak)
        #expect(try Validators.jsonSchemaProblem(document: result.standardOutput, schema: Paths.packageRoot + "/Schemas/dispute.schema.json") == nil)
        let proofPath = try #require(object["proof"] as? String)
        #expect(try FileManager.default.attributesOfItem(atPath: proofPath)[.posixPermissions] as? Int == 0o600)
        let anchor = try TrustAnchor(path: holder.trustAnchor)
        guard
            case .success(let proven) = DisputeProof.verify(
                bytes: Array(try Data(contentsOf: URL(fileURLWithPath: proofPath))), trustAnchor: anchor, environment: "test")
        else {
            Issue.record("the proof file does not verify")
            return
        }
        #expect(proven.receipt.claims.kenmerk == object["kenmerk"] as? String)
        #expect(proven.request.claims.uitstelGevraagd == true && proven.request.claims.indiener?.adres?.postcode == "3511 AA")
        #expect(result.standardError.contains("the time to object ended on"), "\(result.standardError)")
        #expect(result.standardError.contains("received your objection"))
        let dutch = try holder.bk(Self.bezwaar)
        #expect(dutch.status == 0)
        #expect(dutch.standardError.contains("de termijn voor bezwaar is verlopen op"), "\(dutch.standardError)")
        #expect(dutch.standardError.contains("heeft uw bezwaar ontvangen"))
    }

    @Test("Nothing is sent for a reason with terminal escapes, 4001 characters, or a bezwaar without a name and address")
    func refusedBeforeSending() throws {
        let holder = try Self.holderWithOverview()
        let long = String(repeating: "a", count: 4001)
        for (arguments, says) in [
            (["dispute", Self.zaak, "--kind", "correctie", "--reason", "bel mij\u{1B}[2J", "--yes"], "kan zo niet mee"),
            (["dispute", Self.zaak, "--kind", "correctie", "--reason", long, "--yes"], "kan zo niet mee"),
            (["dispute", Self.zaak, "--kind", "bezwaar", "--reason", "Onterecht.", "--yes"], "naam en postadres"),
        ] {
            let result = try holder.bk(arguments)
            #expect(result.status == 1, "\(result.standardError)")
            #expect(result.standardError.contains(says), "\(result.standardError)")
            #expect(!result.standardError.contains("\u{1B}"), "an escape from the reason reached the terminal")
        }
        let proofs = (try? FileManager.default.contentsOfDirectory(atPath: holder.stateDirectory + "/requests")) ?? []
        #expect(proofs.isEmpty, "\(proofs)")
    }

    @Test("Without an overview bk asks for --org; an unknown zaak is said as such")
    func organisationUnknown() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let without = try holder.bk("dispute", Self.zaak, "--kind", "correctie", "--reason", "x", "--yes")
        #expect(without.status == 1)
        #expect(without.standardError.contains("--org"), "\(without.standardError)")
        let unknown = try holder.bk("dispute", "CJIB-X", "--kind", "correctie", "--reason", "x", "--yes", "--org", "CJIB")
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("CJIB-X"), "\(unknown.standardError)")
        #expect(try holder.bk("dispute", Self.zaak, "--kind", "correctie", "--reason", "x", "--yes", "--org", "CJIB").status == 0)
    }

    @Test("A receipt that does not check out: exit 4, the request kept; the next run sends it again and files it")
    func receiptFailsThenResent() throws {
        var options = TestHolder.Options()
        options.faults = ["CJIB": "receipt_other_key"]
        options.faultCounts = ["CJIB": 1]
        let holder = try Self.holderWithOverview(options)
        let first = try holder.bk(Self.bezwaar + ["--lang", "en"])
        #expect(first.status == 4, "\(first.standardError)")
        #expect(first.standardError.contains("does not check out"), "\(first.standardError)")
        let pending = try String(contentsOfFile: holder.stateDirectory + "/pending-requests.json", encoding: .utf8)
        #expect(pending.contains("\"oin\""), "\(pending)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: holder.stateDirectory + "/requests")) ?? []).isEmpty)

        let next = try holder.bk("dispute", Self.zaak, "--kind", "correctie", "--reason", "Naam verkeerd gespeld.", "--yes", "--lang", "en")
        #expect(next.status == 0, "\(next.standardError)")
        #expect(next.standardError.contains("was sent again"), "\(next.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: holder.stateDirectory + "/requests").count == 2)
        #expect(!(try String(contentsOfFile: holder.stateDirectory + "/pending-requests.json", encoding: .utf8)).contains("\"oin\""))
    }

    @Test("An organisation that does not take it (HTTP 500): exit 3, said plainly, nothing kept")
    func notTaken() throws {
        var options = TestHolder.Options()
        options.faults = ["CJIB": "http_500"]
        options.faultEndpoints = ["CJIB": "requests"]
        let holder = try Self.holderWithOverview(options)
        let result = try holder.bk(Self.bezwaar)
        #expect(result.status == 3, "\(result.standardError)")
        #expect(result.standardError.contains("niet aangenomen"), "\(result.standardError)")
        #expect(!(try String(contentsOfFile: holder.stateDirectory + "/pending-requests.json", encoding: .utf8)).contains("\"oin\""))
    }

    /// A filed bezwaar and a filed correctie; the paths of their proof files.
    static func twoProofs(_ holder: TestHolder) throws -> (String, String) {
        func proof(_ arguments: [String]) throws -> String {
            let result = try holder.bk(arguments + ["--format", "json"])
            #expect(result.status == 0, "\(result.standardError)")
            let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
            return try #require(object?["proof"] as? String)
        }
        return (try proof(bezwaar), try proof(["dispute", zaak, "--kind", "correctie", "--reason", "Naam verkeerd gespeld.", "--yes"]))
    }

    @Test("bk verify PROOF: authentic with what was filed; a swapped receipt or edited grounds are exit 4, another trust anchor exit 2")
    func verifyProof() throws {
        let holder = try Self.holderWithOverview()
        let (first, second) = try Self.twoProofs(holder)
        let ok = try holder.bk("verify", first)
        #expect(ok.status == 0, "\(ok.standardError)")
        #expect(ok.standardOutput.contains("Dit bewijs van indienen is echt.") && ok.standardOutput.contains(Self.zaak), "\(ok.standardOutput)")
        #expect(ok.standardOutput.contains("••••••653"), "the BSN is masked")
        let json = try holder.bk("verify", first, "--format", "json", "--lang", "en")
        #expect(try Validators.jsonSchemaProblem(document: json.standardOutput, schema: Paths.packageRoot + "/Schemas/proof-report.schema.json") == nil)

        func proof(_ path: String) throws -> [String: String] {
            try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]).compactMapValues {
                $0 as? String
            }
        }
        func written(_ object: [String: Any], _ name: String) throws -> String {
            let path = holder.directory + "/" + name
            try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
            return path
        }
        var swapped: [String: Any] = try proof(first)
        swapped["receipt"] = try proof(second)["receipt"]
        swapped["version"] = 1
        var edited: [String: Any] = try proof(first)
        edited["version"] = 1
        let parts = (edited["request"] as? String ?? "").split(separator: ".").map(String.init)
        let payload = String(decoding: Base64URL.decode(parts[1]) ?? [], as: UTF8.self).replacingOccurrences(of: "verkocht", with: "gestolen")
        edited["request"] = [parts[0], Base64URL.encode(Array(payload.utf8)), parts[2]].joined(separator: ".")
        for (name, object) in [("swapped.json", swapped), ("edited.json", edited)] {
            let result = try holder.bk("verify", try written(object, name))
            #expect(result.status == 4, "\(name): \(result.standardOutput) \(result.standardError)")
            #expect(result.standardOutput.contains("klopt niet"), "\(name)")
        }
        let otherAnchor = holder.directory + "/other-anchor.json"
        let key = try PrivateKey.generate(.p256)
        try Data(try JSONCoding.encode(["keys": [key.publicJWK]])).write(to: URL(fileURLWithPath: otherAnchor))
        let untrusted = try holder.bk("verify", first, "--trust-anchor", otherAnchor)
        #expect(untrusted.status == 2, "\(untrusted.standardOutput) \(untrusted.standardError)")
    }

    @Test("bk dispute list shows each status the organisation sets, its explanation harmlessly; withdraw by reference, not once decided")
    func listAndWithdraw() async throws {
        try await DedicatedExecutor.offPool {
            let holder = try Self.holderWithOverview()
            let objection = try Self.file(Self.bezwaar, at: holder)
            let correction = try Self.file(["dispute", Self.zaak, "--kind", "correctie", "--reason", "Naam verkeerd gespeld.", "--yes"], at: holder)
            let organisation = try await DisputeHolderEndToEndTests.Filer.start(holder)
            #expect(try await organisation.decide(try #require(objection["request"] as? String), .inBehandeling) == 204)
            #expect(
                try await organisation.decide(
                    try #require(correction["request"] as? String), .afgewezen, toelichting: "\u{1B}[32mAlles klopt al.\u{1B}[0m") == 204)

            let table = try holder.bk("dispute", "list")
            #expect(table.status == 0, "\(table.standardError)")
            #expect(table.standardOutput.contains("in behandeling") && table.standardOutput.contains("afgewezen"), "\(table.standardOutput)")
            #expect(table.standardOutput.contains("Alles klopt al.") && !table.standardOutput.contains("\u{1B}"), "\(table.standardOutput)")
            let json = try holder.bk("dispute", "list", "--format", "json")
            #expect(try Validators.jsonSchemaProblem(document: json.standardOutput, schema: Paths.packageRoot + "/Schemas/dispute-list.schema.json") == nil)

            let decided = try holder.bk("dispute", "withdraw", try #require(correction["kenmerk"] as? String))
            #expect(decided.status == 1 && decided.standardError.contains("al beslist"), "\(decided.standardError)")
            let withdrawn = try holder.bk("dispute", "withdraw", try #require(objection["kenmerk"] as? String))
            #expect(withdrawn.status == 0 && withdrawn.standardError.contains("ingetrokken"), "\(withdrawn.standardError)")
            #expect(try holder.bk("dispute", "list").standardOutput.contains("ingetrokken"))
            #expect(try holder.bk("dispute", "withdraw", "CJIB-BZW-1999-9999").status == 1)
        }
    }
}
