import Foundation
import Testing

/// Scheme verification (PROTOCOL §1) through the real binaries.
@Suite("Scheme end to end")
struct SchemeEndToEndTests {
    @Test("An expired scheme is refused with exit 2 and nothing is fetched")
    func expiredScheme() throws {
        let good = try TestHolder()
        try good.login(ExpectedFigures.richCitizen)
        // A second holder serving an expired scheme, with the same state (login) directory.
        let expired = try TestHolder(.init(expiredScheme: true), stateDirectory: good.stateDirectory)
        let result = try expired.bk("overview", "--format", "json", "--verbose")
        #expect(result.status == 2)
        #expect(result.standardError.contains("expired"))
        #expect(result.standardOutput.hasPrefix("{\"error\""), "JSON was asked for: the error, never an overview")
        #expect(!result.standardOutput.contains("holders"))
    }

    @Test("A scheme for another environment is refused with exit 2")
    func wrongEnvironment() throws {
        let holder = try TestHolder(.init(environment: "acc"))
        let result = try CommandResult.run(
            Paths.binaries + "/bk", ["overview", "--environment", "test", "--verbose"],
            environment: holder.bkEnvironment.merging(["BK_ENVIRONMENT": "test"]) { $1 })
        #expect(result.status == 2)
        #expect(result.standardError.contains("environment"))
    }

    @Test("A lower scheme version after a higher one is a rollback: exit 2, state kept")
    func rollback() throws {
        let newer = try TestHolder(.init(schemeVersion: 9))
        try newer.login(ExpectedFigures.richCitizen)
        let statePath = newer.stateDirectory + "/scheme-state.json"
        let before = try String(contentsOfFile: statePath, encoding: .utf8)
        #expect(before.contains("\"version\":9"))
        let older = try TestHolder(.init(schemeVersion: 8), stateDirectory: newer.stateDirectory)
        let result = try older.bk("overview", "--format", "json", "--verbose")
        #expect(result.status == 2)
        #expect(result.standardError.contains("rollback"))
        #expect(try String(contentsOfFile: statePath, encoding: .utf8) == before)
    }

    @Test("A scheme signed by a key that is not the trust anchor is refused")
    func untrustedSigner() throws {
        let holder = try TestHolder()
        let anchor = holder.directory + "/other-anchor.json"
        try #"{"keys":[{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}]}"#.write(
            toFile: anchor, atomically: true, encoding: .utf8)
        let result = try CommandResult.run(
            Paths.binaries + "/bk", ["overview", "--verbose"], environment: holder.bkEnvironment.merging(["BK_TRUST_ANCHOR": anchor]) { $1 })
        #expect(result.status == 2)
        #expect(result.standardError.contains("not signed by the configured scheme operator"))
    }
}
