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
