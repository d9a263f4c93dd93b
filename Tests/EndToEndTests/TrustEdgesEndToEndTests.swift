import Foundation
import Testing

/// The edges of issue "trust holds at every edge", end to end with the real binaries:
/// odd numbers and names on the command line, output files that are not regular files,
/// untrusted text on the terminal, timeouts, state shared by concurrent runs, and CI reports.
@Suite("Trust at the edges end to end")
struct TrustEdgesEndToEndTests {
    static func loggedIn(_ options: TestHolder.Options = .init()) throws -> TestHolder {
        let holder = try TestHolder(options)
        try holder.login(ExpectedFigures.richCitizen)
        return holder
    }

    @Test(
        "Infinite, huge or absurd numbers are usage errors (64), never a crash",
        arguments: [
            ["overview", "--deadline", "inf"], ["overview", "--deadline", "1e308"], ["overview", "--connect-timeout", "inf"],
            ["login", "--timeout", "inf"], ["verify", "x.json", "--max-age", "999999999999999d"], ["overview", "--parallel", "1000000000000"],
            ["overview", "--request-timeout", "-1"], ["check", "--deadline", "nan"],
        ])
    func absurdNumbers(arguments: [String]) throws {
        let holder = try TestHolder()
        let result = try CommandResult.run(Paths.binaries + "/bk", arguments, environment: holder.bkEnvironment)
        #expect(result.status == 64, "\(arguments): \(result.standardError)")
    }

    @Test("'-' is standard output for overview, check and scheme fetch; a one-letter file name works")
    func standardOutputAndShortNames() throws {
        let holder = try Self.loggedIn()
        let overview = try holder.bk("overview", "--format", "json", "--output", "-")
        #expect(overview.status == 0)
        #expect(overview.standardOutput.contains("\"schema_version\""))
        let check = try holder.bk("check", "--format", "json", "--output", "-")
        #expect(check.status == 0, "\(check.standardError)")
        #expect(check.standardOutput.contains("\"cases\""))
        let fetch = try holder.bk("scheme", "fetch", "-o", "-")
        #expect(fetch.status == 0)
        #expect(fetch.standardOutput.split(separator: ".").count == 3)
        let short = try CommandResult.run(
            Paths.binaries + "/bk", ["overview", "--format", "json", "-o", "x"], environment: holder.bkEnvironment, currentDirectory: holder.directory)
        #expect(short.status == 0, "\(short.standardError)")
        #expect(FileManager.default.fileExists(atPath: holder.directory + "/x"))
    }

    @Test("--output to /dev/null writes through and leaves the device; a folder and a symbolic link are refused")
    func outputKinds() throws {
        let holder = try Self.loggedIn()
        #expect(try holder.bk("overview", "--format", "json", "--output", "/dev/null").status == 0)
        var status = stat()
        #expect(lstat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR, "/dev/null is still a character device")
        let folder = try holder.bk("overview", "--format", "json", "--output", holder.directory)
        #expect(folder.status == 1)
        #expect(folder.standardError.contains("is een map"))
        try "keep".write(toFile: holder.directory + "/target.json", atomically: true, encoding: .utf8)
        #expect(symlink(holder.directory + "/target.json", holder.directory + "/link.json") == 0)
        let link = try holder.bk("overview", "--format", "json", "--output", holder.directory + "/link.json")
        #expect(link.status == 1)
        #expect(try String(contentsOfFile: holder.directory + "/target.json", encoding: .utf8) == "keep")
    }

    @Test("A hostile problem text never reaches the terminal as control characters; the incomplete verdict stays")
    func hostileText() throws {
        let holder = try Self.loggedIn(.init(faults: ["CAK": "hostile_problem"]))
        let result = try holder.bk("overview", "--format", "table", "--detail")
        #expect(result.status == 3)
        for text in [result.standardOutput, result.standardError] {
            #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" })
        }
        #expect(result.standardOutput.contains("NIET volledig") || result.standardOutput.contains("niet volledig"))
    }

    @Test("Timeouts mean what they say: an answer after 5.3 s fits a 8 s request timeout (the low-speed rule no longer cuts it at 5 s)")
    func slowFirstByte() throws {
        let holder = try Self.loggedIn(.init(latencies: ["CJIB": 5_300]))
        let (result, overview) = try holder.overviewJSON(["--request-timeout", "8", "--deadline", "60"])
        #expect(result.status == 0, "\(result.standardError)")
        let cjib = (overview["holders"] as? [[String: Any]] ?? []).first { $0["short_name"] as? String == "CJIB" }
        #expect(cjib?["status"] as? String == "ok")
    }

    @Test("Timeouts, the other side: an answer after 1.5 s does not fit a 1 s request timeout, and the reason says so")
    func requestTimeout() throws {
        let holder = try Self.loggedIn(.init(latencies: ["CJIB": 1_500]))
        let (result, overview) = try holder.overviewJSON(["--request-timeout", "1"])
        #expect(result.status == 3)
        let cjib = (overview["holders"] as? [[String: Any]] ?? []).first { $0["short_name"] as? String == "CJIB" }
        #expect(cjib?["status"] as? String == "timeout")
        #expect((cjib?["error"] as? String)?.contains("in time") == true)
    }

    @Test("Concurrent logins on one state folder leave a key and credential that belong together")
    func concurrentLogins() throws {
        let holder = try TestHolder()
        let citizens = [ExpectedFigures.richCitizen, ExpectedFigures.singleDebtCitizen, ExpectedFigures.debtFreeCitizen, ExpectedFigures.richCitizen]
        let environment = holder.bkEnvironment
        let group = DispatchGroup()
        for bsn in citizens {
            DispatchQueue.global().async(group: group) {
                _ = try? CommandResult.run(Paths.binaries + "/bk", ["login", "--test-bsn", bsn], environment: environment)
            }
        }
        group.wait()
        let result = try holder.bk("overview", "--format", "json")
        #expect(result.status == 0, "the stored key and credential must match: \(result.standardError)")
    }

    @Test("A damaged stored scheme with a 304 is fetched again in full, not a permanent exit 2")
    func damagedCacheWith304() throws {
        let holder = try Self.loggedIn()
        let path = holder.stateDirectory + "/scheme-state.json"
        var state = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        #expect(state["etag"] is String, "the holder sends an ETag, so the next run asks If-None-Match")
        let jws = try #require(state["jws"] as? String)
        state["jws"] = String(jws.dropLast(4)) + "AAAA"
        try JSONSerialization.data(withJSONObject: state).write(to: URL(fileURLWithPath: path))
        let result = try holder.bk("overview", "--format", "json")
        #expect(result.status == 0, "\(result.standardError)")
        let unchanged = try holder.bk("overview", "--format", "json")
        #expect(unchanged.status == 0, "\(unchanged.standardError)")
        let repaired = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        #expect(repaired["jws"] as? String == jws)
    }

    @Test("bk logout removes temporary copies an interrupted run left in the state folder")
    func logoutRemovesLeftovers() throws {
        let holder = try Self.loggedIn()
        let leftover = holder.stateDirectory + "/.credential.jws.999999999.AbCdEf.tmp"
        try "credential with a BSN".write(toFile: leftover, atomically: false, encoding: .utf8)
        #expect(try holder.bk("logout").status == 0)
        #expect(!FileManager.default.fileExists(atPath: leftover))
    }

    @Test("bk check writes its JUnit report when the scheme has expired, with a failing scheme case (exit 2)")
    func checkReportOnSchemeFailure() throws {
        let holder = try TestHolder(.init(expiredScheme: true))
        let report = holder.directory + "/bk-check.xml"
        let result = try holder.bk("check", "--format", "junit", "--output", report)
        #expect(result.status == 2)
        let text = try String(contentsOfFile: report, encoding: .utf8)
        #expect(text.contains(#"<testcase classname="scheme""#))
        #expect(text.contains("<failure"))
        #expect(try Validators.xsdProblem(document: text, schema: Paths.packageRoot + "/Tests/EndToEndTests/Fixtures/junit-10.xsd") == nil)
    }

    @Test("bk verify: an XML file nested thousands deep exits 4 without a crash; a missing file exits 1; standard input works")
    func verifyInputs() throws {
        let holder = try Self.loggedIn()
        let deep = holder.directory + "/deep.xml"
        try ("<overview>" + String(repeating: "<a>", count: 5_000) + String(repeating: "</a>", count: 5_000) + "</overview>")
            .write(toFile: deep, atomically: true, encoding: .utf8)
        #expect(try holder.bk("verify", deep).status == 4)
        let missing = try holder.bk("verify", holder.directory + "/nothing.json")
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("bestaat niet"))
        #expect(try holder.bk("verify", holder.directory + "/nothing.json", "--lang", "en").standardError.contains("does not exist"))
        let overview = try holder.bk("overview", "--format", "json")
        let piped = try CommandResult.run(Paths.binaries + "/bk", ["verify", "-"], environment: holder.bkEnvironment, input: overview.standardOutput)
        #expect(piped.status == 0, "\(piped.standardOutput)")
    }

    @Test("With a low open-file limit and many organisations, every healthy one is asked and none is blamed for the local limit")
    func openFileLimit() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let generate = try CommandResult.run(
            Paths.binaries + "/bk-holder", ["generate", "--organizations", "300", "--latency-ms", "0", "--jitter-ms", "0", "--output", directory])
        #expect(generate.status == 0, "\(generate.standardError)")
        let holder = try TestHolder(configPath: directory + "/environment.json", trustAnchor: directory + "/trust-anchor.jwks.json")
        try holder.login(ExpectedFigures.richCitizen)
        let script = "ulimit -n 128 && exec \"$0\" overview --format json --deadline 60"
        let result = try CommandResult.run("/bin/bash", ["-c", script, Paths.binaries + "/bk"], environment: holder.bkEnvironment)
        #expect(result.status == 0, "\(result.standardError.prefix(500))")
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let statuses = (object?["holders"] as? [[String: Any]] ?? []).map { $0["status"] as? String ?? "" }
        #expect(statuses.count == 300)
        #expect(statuses.allSatisfy { $0 == "ok" })
    }
}
