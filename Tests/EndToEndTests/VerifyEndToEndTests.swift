import Foundation
import Testing

/// `bk verify`: an untouched overview is authentic; every kind of edit is found.
@Suite("bk verify end to end")
struct VerifyEndToEndTests {
    /// An overview made against holders with these faults (by default CAK is down, so the
    /// overview has a missing holder too).
    static func overview(format: String, faults: [String: String] = ["CAK": "down"]) throws -> (TestHolder, String) {
        let holder = try TestHolder(.init(faults: faults))
        try holder.login(ExpectedFigures.richCitizen)
        let path = holder.directory + "/overview.\(format)"
        let result = try holder.bk("overview", "--format", format, "--output", path)
        #expect(result.status == (faults.isEmpty ? 0 : 3))
        return (holder, path)
    }

    static func verify(_ holder: TestHolder, _ path: String, _ extra: String...) throws -> CommandResult {
        try CommandResult.run(Paths.binaries + "/bk", ["verify", path, "--format", "json"] + extra, environment: holder.bkEnvironment)
    }

    static func verdict(_ result: CommandResult) -> String? {
        (try? JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])?["verdict"] as? String
    }

    @Test("An untouched complete overview is authentic (exit 0), in JSON and in XML", arguments: ["json", "xml"])
    func authenticComplete(format: String) throws {
        let (holder, path) = try Self.overview(format: format, faults: [:])
        let result = try Self.verify(holder, path)
        #expect(result.status == 0, "\(result.standardOutput) \(result.standardError)")
        #expect(Self.verdict(result) == "authentic")
    }

    @Test(
        "An untouched overview with one organisation down is authentic but incomplete (exit 3); the missing one is named with its claim",
        arguments: ["json", "xml"])
    func authenticIncomplete(format: String) throws {
        let (holder, path) = try Self.overview(format: format)
        let result = try Self.verify(holder, path)
        #expect(result.status == 3, "\(result.standardOutput) \(result.standardError)")
        #expect(Self.verdict(result) == "incomplete")
        let report = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        #expect(report?["complete"] as? Bool == false)
        let holders = (report?["holders"] as? [[String: Any]]) ?? []
        #expect(holders.filter { $0["proven"] as? Bool == true }.count == 8)
        let missing = (report?["missing"] as? [[String: Any]]) ?? []
        #expect(missing.count == 1)
        #expect(missing.first?["name"] as? String == "Centraal Administratie Kantoor")
        #expect(missing.first?["claimed_status"] as? String == "unreachable")
    }

    /// Edits of the JSON file, each of which must be found.
    static let edits: [(String, @Sendable (inout [String: Any]) -> Void)] = [
        (
            "a holder amount",
            { root in
                var holders = root["holders"] as? [[String: Any]] ?? []
                var totals = holders[2]["totals"] as? [String: Any] ?? [:]
                totals["saldo"] = 100
                holders[2]["totals"] = totals
                root["holders"] = holders
            }
        ),
        (
            "a grand total",
            { root in
                var totals = root["totals"] as? [String: Any] ?? [:]
                totals["achterstallig"] = 0
                root["totals"] = totals
            }
        ),
        (
            "a holder name",
            { root in
                var holders = root["holders"] as? [[String: Any]] ?? []
                holders[0]["name"] = "Belastingdienst (edited)"
                root["holders"] = holders
            }
        ),
        (
            "a removed holder",
            { root in
                var holders = root["holders"] as? [[String: Any]] ?? []
                holders.remove(at: 3)
                root["holders"] = holders
            }
        ),
        (
            "a removed document with its holder still shown",
            { root in
                var evidence = root["evidence"] as? [String: Any] ?? [:]
                var documents = evidence["documents"] as? [[String: Any]] ?? []
                documents.removeFirst()
                evidence["documents"] = documents
                root["evidence"] = evidence
            }
        ),
        (
            "a changed byte in a signed document",
            { root in
                var evidence = root["evidence"] as? [String: Any] ?? [:]
                var documents = evidence["documents"] as? [[String: Any]] ?? []
                var jws = Array((documents[0]["jws"] as? String ?? "").utf8)
                let index = jws.firstIndex(of: UInt8(ascii: ".")).map { $0 + 20 } ?? 0
                jws[index] = jws[index] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
                documents[0]["jws"] = String(decoding: jws, as: UTF8.self)
                evidence["documents"] = documents
                root["evidence"] = evidence
            }
        ),
        (
            "a missing holder shown as ok",
            { root in
                var holders = root["holders"] as? [[String: Any]] ?? []
                holders[5]["status"] = "ok"
                holders[5]["error"] = NSNull()
                root["holders"] = holders
                root["complete"] = true
            }
        ),
        ("another citizen's BSN", { root in root["citizen"] = ["bsn": ExpectedFigures.singleDebtCitizen] }),
    ]

    @Test("Every kind of edit is detected (exit 4)", arguments: 0..<edits.count)
    func tampering(edit: Int) throws {
        let (holder, path) = try Self.overview(format: "json")
        var root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        Self.edits[edit].1(&root)
        let edited = holder.directory + "/edited.json"
        try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: edited))
        let result = try Self.verify(holder, edited)
        #expect(result.status == 4, "\(Self.edits[edit].0) was not detected: \(result.standardOutput)")
        #expect(Self.verdict(result) == "tampered")
    }

    @Test("An edited amount in the XML form is detected")
    func tamperedXML() throws {
        let (holder, path) = try Self.overview(format: "xml")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = holder.directory + "/edited.xml"
        let replaced = text.replacingOccurrences(of: "<saldo>\(ExpectedFigures.richByHolder["CJIB"]?.saldo ?? 0)</saldo>", with: "<saldo>1</saldo>")
        #expect(replaced != text)
        try replaced.write(toFile: edited, atomically: true, encoding: .utf8)
        let result = try Self.verify(holder, edited)
        #expect(result.status == 4)
    }

    @Test("Evidence older than --max-age fails with exit 3")
    func maxAge() throws {
        let (holder, path) = try Self.overview(format: "json", faults: [:])
        Thread.sleep(forTimeInterval: 1.2)
        let result = try Self.verify(holder, path, "--max-age", "0s")
        #expect(result.status == 3)
        #expect(Self.verdict(result) == "too_old")
        #expect(try Self.verify(holder, path, "--max-age", "14d").status == 0)
    }

    @Test("Evidence checked against another trust anchor is refused (exit 2)")
    func otherTrustAnchor() throws {
        let (holder, path) = try Self.overview(format: "json")
        let anchor = holder.directory + "/other-anchor.json"
        try #"{"keys":[{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}]}"#.write(
            toFile: anchor, atomically: true, encoding: .utf8)
        let result = try CommandResult.run(
            Paths.binaries + "/bk", ["verify", path], environment: holder.bkEnvironment.merging(["BK_TRUST_ANCHOR": anchor]) { $1 })
        #expect(result.status == 2)
    }
}

/// `bk verify` on files that are no bk overview at all (PROTOCOL §8.1): exit 1, said as such,
/// never as "altered".
@Suite("Verify: not an overview end to end")
struct VerifyNotAnOverviewEndToEndTests {
    @Test("A picture, another program's JSON, a consent and an XML of another kind are exit 1 with that sentence", arguments: ["nl", "en"])
    func notAnOverview(language: String) throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let consent = try RequesterEndToEndTests.grant(holder, only: "CJIB")
        let files: [(String, String)] = [
            ("picture.png", "\u{89}PNG\r\n\u{1A}\n"), ("other.json", #"{"name": "Jansen", "total": 12}"#), ("note.xml", "<note><to>jij</to></note>"),
        ]
        var paths = [consent]
        for (name, content) in files {
            try content.write(toFile: holder.directory + "/" + name, atomically: true, encoding: .utf8)
            paths.append(holder.directory + "/" + name)
        }
        // A PDF of another program: no overzicht.json attached.
        let letter = holder.directory + "/letter.pdf"
        #expect(try PDFEndToEndTests.tool("qpdf", ["--empty", letter]).status == 0)
        paths.append(letter)
        for path in paths {
            let result = try holder.bk("verify", "--lang", language, path)
            #expect(result.status == 1, "\(path): \(result.standardOutput)")
            #expect(
                result.standardOutput.contains(language == "nl" ? "dit bestand is geen overzicht van bk" : "this file is not an overview made by bk"),
                "\(result.standardOutput)")
            #expect(!result.standardOutput.contains(language == "nl" ? "NIET ECHT" : "NOT AUTHENTIC"))
        }
        let json = try holder.bk("verify", "--format", "json", paths[2])
        #expect(try Validators.jsonSchemaProblem(document: json.standardOutput, schema: Paths.packageRoot + "/Schemas/verify-report.schema.json") == nil)
    }
}
