import Foundation
import Testing

/// `--format json` everywhere, each document validated against its schema under Schemas/,
/// and errors as JSON when JSON was asked for.
@Suite("Machine output end to end")
struct MachineOutputEndToEndTests {
    static func schema(_ name: String) -> String { Paths.packageRoot + "/Schemas/\(name).schema.json" }

    static func expectValid(_ result: CommandResult, against name: String, _ what: String) throws {
        #expect(try Validators.jsonSchemaProblem(document: result.standardOutput, schema: schema(name)) == nil, "\(what): \(result.standardOutput)")
    }

    @Test("login, status, scheme show, scheme verify, check, verify and logout print JSON that validates against its schema")
    func everyDocument() throws {
        let holder = try TestHolder()
        let login = try holder.bk("login", "--test-bsn", ExpectedFigures.richCitizen, "--format", "json")
        #expect(login.status == 0)
        try Self.expectValid(login, against: "login", "login")
        #expect(!login.standardOutput.contains(ExpectedFigures.richCitizen), "the BSN is masked")
        let status = try holder.bk("status", "--format", "json")
        #expect(status.status == 0)
        try Self.expectValid(status, against: "status", "status")
        try Self.expectValid(try holder.bk("scheme", "show", "--format", "json"), against: "scheme-show", "scheme show")
        try Self.expectValid(try holder.bk("scheme", "verify", "--format", "json"), against: "scheme-verify", "scheme verify")
        try Self.expectValid(try holder.bk("check", "--format", "json"), against: "check-report", "check")
        let path = holder.directory + "/overzicht.json"
        #expect(try holder.bk("overview", "-o", path).status == 0, "the format follows the .json extension")
        #expect(try Validators.jsonSchemaProblem(document: String(contentsOfFile: path, encoding: .utf8), schema: Self.schema("overview")) == nil)
        let report = holder.directory + "/verify.json"
        #expect(try holder.bk("verify", path, "-o", report).status == 0)
        #expect(try Validators.jsonSchemaProblem(document: String(contentsOfFile: report, encoding: .utf8), schema: Self.schema("verify-report")) == nil)
        let logout = try holder.bk("logout", "--format", "json")
        try Self.expectValid(logout, against: "logout", "logout")
        let after = try holder.bk("status", "--format", "json")
        #expect(after.status == 3, "not logged in")
        try Self.expectValid(after, against: "status", "status after logout")
    }

    @Test(
        "A failure is a JSON error document on standard output when JSON was asked for",
        arguments: [["overview", "--format", "json"], ["status", "--format", "json", "--config", "/nonexistent.json"]])
    func errorsAsJSON(arguments: [String]) throws {
        let holder = try TestHolder()
        let result = try CommandResult.run(Paths.binaries + "/bk", arguments, environment: holder.bkEnvironment)
        // Not logged in has its own exit code (77); a missing config file is 1.
        #expect(result.status == (arguments.first == "overview" ? 77 : 1))
        try Self.expectValid(result, against: "error", "\(arguments)")
    }

    @Test("The format follows the output file's extension: .xml and .txt")
    func formatFromExtension() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        #expect(try holder.bk("overview", "-o", holder.directory + "/o.xml").status == 0)
        #expect(try String(contentsOfFile: holder.directory + "/o.xml", encoding: .utf8).hasPrefix("<?xml"))
        #expect(try holder.bk("overview", "-o", holder.directory + "/o.txt").status == 0)
        #expect(try String(contentsOfFile: holder.directory + "/o.txt", encoding: .utf8).contains("Totaal"))
        #expect(try holder.bk("check", "-o", holder.directory + "/check.xml").status == 0)
        #expect(try String(contentsOfFile: holder.directory + "/check.xml", encoding: .utf8).contains("<testsuites"))
    }

    @Test("Logging in as another citizen does not replace the login silently; --force does")
    func loginAsAnother() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let refused = try holder.bk("login", "--test-bsn", ExpectedFigures.singleDebtCitizen)
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("--force"))
        #expect(try holder.bk("status").standardOutput.contains("653"), "the first login is kept")
        #expect(try holder.bk("login", "--test-bsn", ExpectedFigures.singleDebtCitizen, "--force").status == 0)
        #expect(try holder.bk("status").standardOutput.contains("012"))
        #expect(try holder.bk("login", "--test-bsn", ExpectedFigures.singleDebtCitizen).status == 0, "the same citizen again needs no --force")
    }

    @Test("bk logout works when the config file cannot be read")
    func logoutWithBrokenConfig() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        var environment = holder.bkEnvironment
        environment["BK_CONFIG"] = holder.directory + "/broken.json"
        try "{not json".write(toFile: holder.directory + "/broken.json", atomically: true, encoding: .utf8)
        let result = try CommandResult.run(Paths.binaries + "/bk", ["logout"], environment: environment)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: holder.stateDirectory + "/credential.jws"))
    }
}
