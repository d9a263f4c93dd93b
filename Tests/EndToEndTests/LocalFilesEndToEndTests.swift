import Foundation
import Testing

/// Local files that steer bk, as another account on the machine would plant or loosen them: a
/// named pipe among the consents, a config file or state folder others may write.
@Suite("Adversarial: local files end to end")
struct AdversarialLocalFilesEndToEndTests {
    @Test("A named pipe called *.jws among the consents is skipped as a row; the batch does not hang")
    func fifoAmongConsents() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let consents = holder.directory + "/consents", out = holder.directory + "/out"
        try FileManager.default.createDirectory(atPath: consents, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: try RequesterEndToEndTests.grant(holder, only: "CJIB,DUO"), toPath: consents + "/client.jws")
        #expect(mkfifo(consents + "/pipe.jws", 0o600) == 0)
        let batch = try RequesterRun.batch(holder, consents: consents, out: out, ["--deadline", "60"])
        #expect(batch.status == 3, "\(batch.standardError)")
        let rows = try RequesterRun.summaryRows(out)
        let pipe = rows.first { $0["file"] as? String == "pipe.jws" }
        #expect(pipe?["result"] as? String == "refused", "\(rows)")
        let reason = pipe?["reason"] as? String
        #expect(reason?.contains("not a regular file") == true, "\(rows)")
        #expect(rows.first { $0["file"] as? String == "client.jws" }?["result"] as? String == "complete", "\(rows)")
    }

    /// A config file in the holder's config folder with `mode`, steering bk elsewhere.
    static func plantConfig(_ holder: TestHolder, mode: mode_t, _ text: String) throws -> String {
        let folder = holder.directory + "/config/bk"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/config.json"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, mode)
        return path
    }

    @Test("A config file others may write is never used, --yes and trust settings included; the message names it and the fix", arguments: ["nl", "en"])
    func configWritableByOthers(language: String) throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let path = try Self.plantConfig(holder, mode: 0o666, #"{"yes": true, "lang": "\#(language)"}"#)
        var environment = holder.bkEnvironment
        environment["BK_LANG"] = language
        let consent = holder.directory + "/consent.jws"
        let grant = try CommandResult.run(
            Paths.binaries + "/bk",
            ["consent", "grant", "--to", "Utrecht SHV", "--purpose", "schuldhulpverlening", "--days", "30", "--only", "CJIB", "-o", consent],
            environment: environment)
        #expect(grant.status != 0)
        #expect(!FileManager.default.fileExists(atPath: consent), "a consent was granted with --yes from a file others may write")
        #expect(grant.standardError.contains("chmod go-w \(path)"), "\(grant.standardError)")
        let overview = try CommandResult.run(Paths.binaries + "/bk", ["overview"], environment: environment)
        #expect(overview.status == 1)
        #expect(overview.standardError.contains(language == "nl" ? "Anderen kunnen" : "Others can change"), "\(overview.standardError)")
        chmod(path, 0o644)
        #expect(try CommandResult.run(Paths.binaries + "/bk", ["overview"], environment: environment).status == 0)
    }

    @Test("A state folder others may write is refused with the fix; after chmod go-w it works")
    func stateFolderWritableByOthers() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        chmod(holder.stateDirectory, 0o777)
        let refused = try holder.bk("overview")
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("chmod go-w \(holder.stateDirectory)"), "\(refused.standardError)")
        chmod(holder.stateDirectory, 0o755)
        #expect(try holder.bk("overview").status == 0)
    }
}
