import BlauweKnop
import Foundation

/// The requester's side run as a counsellor would: `bk requester …` in a state folder of its
/// own (the requester is not the citizen), with the examples' requester key.
enum RequesterRun {
    /// The holder's environment with the requester's own state folder.
    static func environment(_ holder: TestHolder) -> [String: String] {
        var environment = holder.bkEnvironment
        environment["BK_STATE_DIR"] = holder.directory + "/requester-state"
        return environment
    }

    /// `bk requester batch` over `consents` into `out`, with `extra` arguments.
    static func batch(_ holder: TestHolder, consents: String, out: String, _ extra: [String] = []) throws -> CommandResult {
        try CommandResult.run(
            Paths.binaries + "/bk",
            ["requester", "batch", "--consents", consents, "--output-dir", out, "--requester-key", try RequesterEndToEndTests.requesterKey(holder)] + extra,
            environment: environment(holder))
    }

    /// The rows of a batch's `summary.json`.
    static func summaryRows(_ out: String) throws -> [[String: Any]] {
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as? [String: Any]
        return summary?["rows"] as? [[String: Any]] ?? []
    }
}

/// A logged-in citizen's app key and credential, read from the state folder, to sign consents
/// as bk would (or as an attacker with the citizen's own key would).
struct CitizenKeys {
    let appKey: PrivateKey
    let credential: String

    init(stateDirectory: String) throws {
        let state = StateDirectory(path: stateDirectory)
        appKey = try PrivateKey(pem: String(contentsOfFile: state.appKeyPath, encoding: .utf8))
        credential = try String(contentsOfFile: state.credentialPath, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Consent claims for the examples' requester, 30 days from `now`, for `organizations`.
    func claims(bsn: String, organizations: [String], now: Int64) throws -> Consent.Claims {
        Consent.Claims(
            jti: Consent.newID(), iss: try appKey.keyID(), sub: bsn, aud: "00000001001234567000", purpose: "schuldhulpverlening",
            organizations: organizations, detail: .full, iat: now, exp: now + 30 * 86_400, credential: credential)
    }
}

/// A program on a pseudo-terminal (Python's pty module), typed Ctrl-C after `seconds`: what
/// the shell sees as its status, how long it took to end after Ctrl-C, and the screen.
enum PseudoTerminal {
    static func controlC(_ arguments: [String], after seconds: Double, environment: [String: String]) throws -> (status: Int, seconds: Double, screen: String) {
        let script = """
            import os, pty, sys, time, select
            pid, fd = pty.fork()
            if pid == 0:
                os.execv(sys.argv[2], sys.argv[2:])
            screen = b""
            def drain(seconds):
                global screen
                end = time.time() + seconds
                while time.time() < end:
                    ready, _, _ = select.select([fd], [], [], 0.05)
                    if ready:
                        try: screen += os.read(fd, 4096)
                        except OSError: return
            drain(float(sys.argv[1]))
            os.write(fd, b"\\x03")
            sent = time.time()
            _, status = os.waitpid(pid, 0)
            elapsed = time.time() - sent
            drain(0.2)
            code = 128 + os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
            print(code, round(elapsed, 3))
            sys.stdout.write(screen.decode("utf-8", "replace"))
            """
        var terminal = environment
        terminal["TERM"] = "xterm-256color"
        let result = try CommandResult.run("/usr/bin/python3", ["-c", script, "\(seconds)"] + arguments, environment: terminal)
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        let figures = (lines.first ?? "").split(separator: " ")
        guard figures.count == 2, let status = Int(figures[0]), let elapsed = Double(figures[1]) else {
            throw TestFailure("the pseudo-terminal said: \(result.standardOutput) \(result.standardError)")
        }
        return (status, elapsed, lines.dropFirst().joined(separator: "\n"))
    }
}
