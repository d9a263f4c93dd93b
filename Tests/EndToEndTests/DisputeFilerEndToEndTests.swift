import BlauweKnop
import Foundation
import Testing

/// Who files a bezwaar (PROTOCOL §11.1: a name and a complete postal address): asked for on a
/// real terminal, or taken from the settings like every option (`BK_*`, the config file).
@Suite("bk dispute: the filer's name and address, end to end")
struct DisputeFilerEndToEndTests {
    static let objection = ["dispute", DisputeEndToEndTests.zaak, "--kind", "bezwaar", "--reason", "De auto was op die dag al verkocht."]

    /// The name and address the proof file of a run's JSON says were filed.
    static func filer(_ result: CommandResult, _ holder: TestHolder) throws -> (String?, String?) {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let path = try #require(object["proof"] as? String)
        let proof = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let request = try RequesterEndToEndTests.payload(try #require(proof["request"] as? String))
        let filer = request["indiener"] as? [String: Any]
        let address = filer?["adres"] as? [String: Any]
        let line = address.map { "\($0["straat"] ?? "") \($0["huisnummer"] ?? ""), \($0["postcode"] ?? "") \($0["woonplaats"] ?? "")" }
        return (filer?["naam"] as? String, line)
    }

    @Test("On a terminal bk asks in plain words for the name and the address, explains an address it cannot read, and files")
    func askedOnTerminal() throws {
        let holder = try DisputeEndToEndTests.holderWithOverview()
        let input = holder.directory + "/typed.txt"
        try "J. de Vries\nDorpsstraat\nDorpsstraat 1a, 3511 AA Utrecht\nja\n".write(toFile: input, atomically: true, encoding: .utf8)
        let command = ([Paths.binaries + "/bk"] + Self.objection).map { "'" + $0 + "'" }.joined(separator: " ")
        var environment = holder.bkEnvironment
        environment["TERM"] = "xterm-256color"
        let result = try CommandResult.run(
            "/bin/sh", ["-c", "/usr/bin/script -q -e -c \"stty cols 80; \(command)\" /dev/null < '\(input)'"], environment: environment)
        #expect(result.status == 0, "\(result.standardOutput)")
        let screen = result.standardOutput
        #expect(screen.contains("Voor een bezwaar zijn uw naam en postadres nodig.") && screen.contains("Uw naam:"), "\(screen)")
        #expect(screen.contains("Schrijf het adres als"), "the unreadable address is explained: \(screen)")
        #expect(screen.contains("Ingediend door: J. de Vries, Dorpsstraat 1a, 3511 AA Utrecht") && screen.contains("heeft uw bezwaar ontvangen"), "\(screen)")
        #expect(!screen.contains("--name"), "no option names asked of a citizen: \(screen)")
    }

    @Test("BK_NAME and BK_ADDRESS, or the config file's dispute settings, give the filer without flags")
    func fromSettings() throws {
        let holder = try DisputeEndToEndTests.holderWithOverview()
        var environment = holder.bkEnvironment
        environment["BK_NAME"] = "A. Jansen"
        environment["BK_ADDRESS"] = "Kerkstraat 12, 1234 AB Ergens"
        let byEnvironment = try CommandResult.run(Paths.binaries + "/bk", Self.objection + ["--yes", "--format", "json"], environment: environment)
        #expect(byEnvironment.status == 0, "\(byEnvironment.standardError)")
        #expect(try Self.filer(byEnvironment, holder) == ("A. Jansen", "Kerkstraat 12, 1234 AB Ergens"))

        let folder = holder.directory + "/config/bk"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let settings = #"{"dispute": {"name": "B. de Boer", "address": "Laan 3, 4321 BA Elders", "yes": true}}"#
        try settings.write(toFile: folder + "/config.json", atomically: true, encoding: .utf8)
        chmod(folder + "/config.json", 0o600)
        let byFile = try holder.bk(Self.objection + ["--format", "json"])
        #expect(byFile.status == 0, "\(byFile.standardError)")
        #expect(try Self.filer(byFile, holder) == ("B. de Boer", "Laan 3, 4321 BA Elders"))
        let flagWins = try holder.bk(Self.objection + ["--name", "C. Claes", "--format", "json"])
        #expect(try Self.filer(flagWins, holder).0 == "C. Claes")
    }
}
