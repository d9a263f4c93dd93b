import Foundation
import Testing

/// The CLI conventions people know from gh, kubectl and curl.
@Suite("CLI conventions end to end")
struct ConventionsEndToEndTests {
    @Test("Global options may stand before the command")
    func globalOptionsFirst() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let result = try holder.bk("--lang", "en", "-q", "status")
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("You are logged in"))
        let nested = try holder.bk("--lang=en", "scheme", "show")
        #expect(nested.status == 0)
        #expect(nested.standardOutput.contains("Scheme 'test'"))
    }

    @Test("bk help with an unknown command is a usage error")
    func unknownHelp() throws {
        let result = try CommandResult.run(Paths.binaries + "/bk", ["help", "nonexistent"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("nonexistent"))
        #expect(try CommandResult.run(Paths.binaries + "/bk", ["help", "scheme", "show"]).status == 0)
    }

    @Test(
        "A wrong --cacert, a folder for a file and a missing file are named as such (exit 1), not as a network error",
        arguments: ["folder", "missing", "not pem"])
    func fileProblems(kind: String) throws {
        let holder = try TestHolder()
        var environment = holder.bkEnvironment
        switch kind {
        case "folder": environment["BK_CACERT"] = holder.directory
        case "missing": environment["BK_CACERT"] = holder.directory + "/nothing.pem"
        default:
            try "not a certificate".write(toFile: holder.directory + "/bad.pem", atomically: true, encoding: .utf8)
            environment["BK_CACERT"] = holder.directory + "/bad.pem"
        }
        let result = try CommandResult.run(Paths.binaries + "/bk", ["scheme", "show"], environment: environment)
        #expect(result.status == 1)
        #expect(result.standardError.contains("CA-bestand"), "\(result.standardError)")
        let folderInput = try holder.bk("verify", holder.directory)
        #expect(folderInput.status == 1)
        #expect(folderInput.standardError.contains("is een map"))
    }

    @Test("A trust anchor that is no JWK Set is named as the operator's keys, in the reader's language (exit 1)")
    func unusableTrustAnchor() throws {
        let holder = try TestHolder()
        let anchor = holder.directory + "/anchor.json"
        try #"{"keys": []}"#.write(toFile: anchor, atomically: true, encoding: .utf8)
        var environment = holder.bkEnvironment
        environment["BK_TRUST_ANCHOR"] = anchor
        let english = try CommandResult.run(Paths.binaries + "/bk", ["scheme", "show", "--lang", "en"], environment: environment)
        #expect(english.status == 1)
        #expect(english.standardError.contains("The scheme operator's keys (--trust-anchor) cannot be used."), "\(english.standardError)")
    }

    @Test("Every option can come from BK_* or the config file; a flag wins over both, the environment over the file")
    func optionsFromEverywhere() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let config = holder.directory + "/config.json"
        try #"{"format": "json", "lang": "en", "deadline": "20s", "no-color": true}"#.write(toFile: config, atomically: true, encoding: .utf8)
        var environment = holder.bkEnvironment
        environment["BK_CONFIG"] = config
        let fromFile = try CommandResult.run(Paths.binaries + "/bk", ["overview"], environment: environment)
        #expect(fromFile.status == 0)
        #expect(fromFile.standardOutput.hasPrefix("{"), "the config file's format")
        environment["BK_FORMAT"] = "table"
        let fromEnvironment = try CommandResult.run(Paths.binaries + "/bk", ["overview"], environment: environment)
        #expect(fromEnvironment.standardOutput.contains("Still to pay"), "the environment over the file, and the file's language")
        let fromFlag = try CommandResult.run(Paths.binaries + "/bk", ["overview", "--format", "xml"], environment: environment)
        #expect(fromFlag.standardOutput.hasPrefix("<?xml"), "the flag over both")
        // Per command: the same name means a switch for overview and a choice for consent grant.
        try #"{"overview": {"detail": true}, "consent grant": {"detail": "saldo"}}"#.write(toFile: config, atomically: true, encoding: .utf8)
        var scoped = holder.bkEnvironment
        scoped["BK_CONFIG"] = config
        let detailed = try CommandResult.run(Paths.binaries + "/bk", ["overview"], environment: scoped)
        #expect(detailed.status == 0)
        #expect(detailed.standardOutput.contains("vóór "), "overview's own key turned --detail on: \(detailed.standardOutput)")
        let consent = holder.directory + "/consent.jws"
        let granted = try CommandResult.run(
            Paths.binaries + "/bk",
            ["consent", "grant", "--to", "Utrecht SHV", "--purpose", "schuldhulpverlening", "--days", "3", "--only", "CJIB", "--yes", "-o", consent],
            environment: scoped)
        #expect(granted.status == 0, "\(granted.standardError)")
        #expect(
            try RequesterEndToEndTests.payload(String(contentsOfFile: consent, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))["detail"]
                as? String == "saldo")
        try #"{"overview": {"colour": "blue"}}"#.write(toFile: config, atomically: true, encoding: .utf8)
        let unknownScoped = try CommandResult.run(Paths.binaries + "/bk", ["overview"], environment: scoped)
        #expect(unknownScoped.status == 1)
        #expect(unknownScoped.standardError.contains("overview/colour"), "\(unknownScoped.standardError)")
        // --config=FILE is --config FILE: the file's command options apply either way.
        try #"{"status": {"format": "json"}}"#.write(toFile: config, atomically: true, encoding: .utf8)
        for given in [["--config=" + config], ["--config", config]] {
            let status = try CommandResult.run(Paths.binaries + "/bk", ["status"] + given, environment: holder.bkEnvironment)
            #expect(status.standardOutput.hasPrefix("{"), "\(given): \(status.standardOutput)")
        }
        try #"{"colour": "blue"}"#.write(toFile: config, atomically: true, encoding: .utf8)
        let unknown = try CommandResult.run(Paths.binaries + "/bk", ["overview"], environment: environment)
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("colour"))
    }
}
