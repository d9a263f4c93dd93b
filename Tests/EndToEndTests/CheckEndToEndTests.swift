import Foundation
import Testing

/// `bk check` against holders with an expired certificate, a wrong discovery OIN, one down and
/// one slow.
@Suite("bk check end to end")
struct CheckEndToEndTests {
    static let broken = TestHolder.Options(
        faults: ["CJIB": "expired_certificate", "DUO": "wrong_discovery_oin", "CAK": "down"], latencies: ["UWV": 400])

    /// The outcome of each (group, check) of a JSON report.
    static func outcomes(_ json: String) throws -> [String: String] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let cases = try #require(object?["cases"] as? [[String: Any]])
        return cases.reduce(into: [:]) { $0["\($1["group"] ?? "") \($1["name"] ?? "")"] = $1["outcome"] as? String }
    }

    @Test("Each broken endpoint is reported for what it is, in scheme order")
    func reportsEachProblem() throws {
        let holder = try TestHolder(Self.broken)
        let result = try holder.bk("check", "--format", "json", "--max-latency-ms", "300")
        #expect(result.status == 3, "errors fail the check by default: \(result.standardError)")
        let outcomes = try Self.outcomes(result.standardOutput)
        #expect(outcomes["CJIB tls"] == "error")
        #expect(outcomes["CJIB discovery"] == "skipped")
        #expect(outcomes["DUO tls"] == "pass")
        #expect(outcomes["DUO discovery"] == "error")
        #expect(outcomes["CAK tls"] == "error")
        #expect(outcomes["UWV discovery"] == "warning", "400 ms is over the 300 ms limit")
        #expect(outcomes["Belastingdienst challenge"] == "pass")
        #expect(outcomes["scheme keys"] == "pass")
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let groups = ((object?["cases"] as? [[String: Any]]) ?? []).compactMap { $0["group"] as? String }
        let order = groups.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        #expect(order == ["scheme", "Belastingdienst", "Toeslagen", "CJIB", "DUO", "SVB", "CAK", "UWV", "RVO", "Utrecht", "Test App Manager"])
        let json = try holder.bk("check", "--format", "json")
        #expect(try Self.outcomes(json.standardOutput)["CJIB tls"] == "error")
    }

    @Test("At 80 columns the table wraps its explanations instead of cutting them, and names a refused connection as refused", arguments: ["nl", "en"])
    func tableAtEightyColumns(language: String) throws {
        let holder = try TestHolder(Self.broken)
        let result = try CommandResult.run(
            Paths.binaries + "/bk", ["check", "--lang", language], environment: holder.bkEnvironment.merging(["COLUMNS": "80"]) { $1 })
        #expect(result.status == 3)
        let lines = result.standardOutput.split(separator: "\n")
        for line in lines { #expect(line.count <= 80, "\(line)") }
        #expect(!result.standardOutput.contains("…"), "nothing is cut off: \(result.standardOutput)")
        let refused = language == "nl" ? "verbinding geweigerd" : "connection refused"
        let cak = try #require(lines.first { $0.hasPrefix("CAK") }, "\(result.standardOutput)")
        #expect(cak.contains(refused), "\(cak)")
        #expect(lines.contains { $0.hasPrefix(" ") && $0.trimmingCharacters(in: .whitespaces).count > 0 }, "a long explanation goes on under itself")
        let summary = try #require(lines.last)
        #expect(!summary.contains("1 warnings") && !summary.contains("1 waarschuwingen"), "\(summary)")
    }

    @Test("The JUnit report validates against the Jenkins JUnit XSD and names each failure")
    func junitValidates() throws {
        let holder = try TestHolder(Self.broken)
        let result = try holder.bk("check", "--format", "junit")
        #expect(result.status == 3)
        #expect(try Validators.xsdProblem(document: result.standardOutput, schema: Paths.packageRoot + "/Tests/EndToEndTests/Fixtures/junit-10.xsd") == nil)
        #expect(result.standardOutput.contains(#"failures="3""#))
        #expect(result.standardOutput.contains(#"<testcase classname="CJIB" name="tls""#))
    }

    @Test("--fail-on decides whether warnings fail the run")
    func failOn() throws {
        let holder = try TestHolder(.init(latencies: ["UWV": 400]))
        let lenient = try holder.bk("check", "--max-latency-ms", "300", "--fail-on", "error")
        #expect(lenient.status == 0, "\(lenient.standardOutput)")
        let strict = try holder.bk("check", "--max-latency-ms", "300", "--fail-on", "warning")
        #expect(strict.status == 3)
        let certificates = try holder.bk("check", "--warn-cert-days", "100000", "--fail-on", "warning", "--format", "json")
        #expect(certificates.status == 3)
        #expect(try Self.outcomes(certificates.standardOutput)["RVO tls"] == "warning")
        #expect(try Self.outcomes(certificates.standardOutput)["Test App Manager tls"] == "warning", "App Managers' certificates are checked too")
    }

    @Test("An answer that stalls after the handshake is blamed on discovery, not on TLS")
    func slowStepIsBlamed() throws {
        let holder = try TestHolder(.init(faults: ["CJIB": "stall_after_headers"], faultEndpoints: ["CJIB": "discovery"]))
        let result = try holder.bk("check", "--format", "json", "--request-timeout", "2")
        #expect(result.status == 3)
        let outcomes = try Self.outcomes(result.standardOutput)
        #expect(outcomes["CJIB tls"] == "pass")
        #expect(outcomes["CJIB discovery"] == "error")
    }

    @Test("A healthy environment passes every check")
    func healthy() throws {
        let holder = try TestHolder()
        let result = try holder.bk("check")
        #expect(result.status == 0, "\(result.standardOutput)")
        #expect(result.standardOutput.contains("0 fouten"))
    }
}

/// A first run without settings: the next step in the run's language, and bk check's report
/// still written, with one failing case that says why.
@Suite("First run end to end")
struct FirstRunEndToEndTests {
    @Test("A missing setting is named with its three ways and where it comes from; bk check still writes its report", arguments: ["nl", "en"])
    func missingSettings(language: String) throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let environment = ["HOME": directory, "XDG_CONFIG_HOME": directory + "/config", "PATH": "/usr/bin:/bin", "BK_LANG": language]
        let report = directory + "/bk-check.xml"
        let check = try CommandResult.run(Paths.binaries + "/bk", ["check", "--format", "junit", "--output", report], environment: environment)
        #expect(check.status == 1)
        let xml = try String(contentsOfFile: report, encoding: .utf8)
        #expect(xml.contains(#"classname="settings""#) && xml.contains("<failure"), "\(xml)")
        #expect(try Validators.xsdProblem(document: xml, schema: Paths.packageRoot + "/Tests/EndToEndTests/Fixtures/junit-10.xsd") == nil)
        let overview = try CommandResult.run(Paths.binaries + "/bk", ["overview"], environment: environment)
        #expect(overview.status == 1)
        let said = overview.standardError
        let expected =
            language == "nl"
            ? ["De instelling scheme-url ontbreekt", "--scheme-url, BK_SCHEME_URL of \"scheme-url\"", "beheerder van het stelsel", "Voor het eerst"]
            : ["The setting scheme-url is missing", "--scheme-url, BK_SCHEME_URL or \"scheme-url\"", "scheme operator", "The first time"]
        for sentence in expected { #expect(said.contains(sentence), "\(sentence) in \(said)") }
        #expect(!said.contains(language == "nl" ? "is not configured" : "ontbreekt"), "one language: \(said)")
    }
}
