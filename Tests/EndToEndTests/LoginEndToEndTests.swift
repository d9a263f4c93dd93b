import Foundation
import Testing

/// `bk login` and `bk logout` (PROTOCOL §3).
@Suite("Login end to end")
struct LoginEndToEndTests {
    @Test("login stores a 0600 app key and credential; logout removes both")
    func loginAndLogout() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        for file in ["app-key.pem", "credential.jws"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: holder.stateDirectory + "/" + file)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(file)")
        }
        let logout = try holder.bk("logout")
        #expect(logout.status == 0)
        #expect(!FileManager.default.fileExists(atPath: holder.stateDirectory + "/app-key.pem"))
        #expect(!FileManager.default.fileExists(atPath: holder.stateDirectory + "/credential.jws"))
        let overview = try holder.bk("overview")
        #expect(overview.status == 77, "log in first has its own exit code: \(overview.standardError)")
        #expect(overview.standardError.contains("bk login"), "\(overview.standardError)")
        let grant = try holder.bk("consent", "grant", "--to", "Utrecht SHV", "--purpose", "schuldhulpverlening", "--days", "30", "--yes")
        #expect(grant.status == 77, "\(grant.standardError)")
    }

    @Test("The test login is refused outside the test environment")
    func testLoginOnlyInTest() throws {
        let holder = try TestHolder(.init(environment: "acc"))
        let result = try holder.bk("login", "--test-bsn", ExpectedFigures.richCitizen)
        #expect(result.status == 1)
        #expect(result.standardError.contains("only allowed in the 'test' environment"))
        #expect(!FileManager.default.fileExists(atPath: holder.stateDirectory + "/credential.jws"))
    }

    @Test("An invalid BSN is a usage error (64)")
    func invalidBSN() throws {
        let holder = try TestHolder()
        let result = try holder.bk("login", "--test-bsn", "123456789")
        #expect(result.status == 64)
        #expect(result.standardError.contains("elfproef"))
    }

    @Test("The BSN never appears in bk's diagnostics")
    func noBSNInDiagnostics() throws {
        let holder = try TestHolder()
        let login = try holder.bk("login", "--test-bsn", ExpectedFigures.richCitizen)
        #expect(login.status == 0)
        #expect(!login.standardError.contains(ExpectedFigures.richCitizen))
        #expect(!login.standardOutput.contains(ExpectedFigures.richCitizen))
    }
}

/// Waiting for the citizen to log in, as a terminal shows it: the time left in minutes, and a
/// timeout said in plain words.
@Suite("Login wait end to end")
struct LoginWaitEndToEndTests {
    @Test("Not logged in before --timeout: said in plain words, exit 1", arguments: ["nl", "en"])
    func timedOut(language: String) throws {
        let holder = try TestHolder()
        let result = try holder.bk("login", "--timeout", "2", "--lang", language)
        #expect(result.status == 1)
        let expected = language == "nl" ? "U bent niet op tijd ingelogd, dus bk is gestopt met wachten." : "You did not log in in time, so bk stopped waiting."
        #expect(result.standardError.contains(expected), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: holder.stateDirectory + "/credential.jws"))
    }

    @Test("The wait shows the minutes left on a terminal, and Ctrl-C ends it")
    func countdownInMinutes() throws {
        let holder = try TestHolder()
        let (status, _, screen) = try PseudoTerminal.controlC(
            [Paths.binaries + "/bk", "login", "--timeout", "5m"], after: 3, environment: holder.bkEnvironment)
        #expect(status == 130, "\(screen)")
        #expect(screen.contains("Wachten tot u bent ingelogd (nog 5 minuten)"), "\(screen)")
    }
}

/// A citizen who answers "nee" made a choice: it is said as such, not as an error.
@Suite("Declining end to end")
struct DecliningEndToEndTests {
    @Test("Answering nee to replacing another citizen's login changes nothing and says it was the citizen's choice")
    func declineReplace() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let before = try String(contentsOfFile: holder.stateDirectory + "/credential.jws", encoding: .utf8)
        let command = "'" + Paths.binaries + "/bk' login --test-bsn " + ExpectedFigures.singleDebtCitizen
        var environment = holder.bkEnvironment
        environment["TERM"] = "xterm-256color"
        let result = try CommandResult.run(
            "/usr/bin/script", ["-q", "-e", "-c", "stty cols 80; " + command, "/dev/null"], environment: environment, input: "nee\n")
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("U koos nee: er is niets veranderd."), "\(result.standardOutput)")
        #expect(!result.standardOutput.contains("Er ging iets mis"), "\(result.standardOutput)")
        #expect(try String(contentsOfFile: holder.stateDirectory + "/credential.jws", encoding: .utf8) == before)
    }
}
