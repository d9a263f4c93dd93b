import Foundation
import Testing

/// The README's examples for counsellors and CI, run verbatim: the blocks marked
/// `<!-- readme-test: NAME -->` are taken from the README as they stand.
@Suite("README examples end to end")
struct ReadmeExamplesEndToEndTests {
    /// The code block that follows the marker `<!-- readme-test: name -->`.
    static func block(_ name: String) throws -> String {
        let readme = try String(contentsOfFile: Paths.packageRoot + "/README.md", encoding: .utf8)
        guard let marker = readme.range(of: "<!-- readme-test: \(name) -->"),
            let open = readme.range(of: "```", range: marker.upperBound..<readme.endIndex),
            let lineEnd = readme.range(of: "\n", range: open.upperBound..<readme.endIndex),
            let close = readme.range(of: "\n```", range: lineEnd.upperBound..<readme.endIndex)
        else { throw TestFailure("the README has no block '\(name)'") }
        return String(readme[lineEnd.upperBound..<close.lowerBound])
    }

    /// Runs a shell script with `bk` on the PATH, in a folder of its own.
    static func run(_ script: String, _ arguments: [String] = [], holder: TestHolder) throws -> CommandResult {
        let folder = holder.directory + "/work-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try script.write(toFile: folder + "/script.sh", atomically: true, encoding: .utf8)
        var environment = holder.bkEnvironment
        environment["PATH"] = Paths.binaries + ":/usr/bin:/bin"
        return try CommandResult.run("/bin/bash", [folder + "/script.sh"] + arguments, environment: environment, currentDirectory: folder)
    }

    @Test("The counsellor's fetch script names what is missing and prints the totals")
    func fetchScript() throws {
        let holder = try TestHolder(.init(faults: ["CAK": "down"]))
        try holder.login(ExpectedFigures.richCitizen)
        let result = try Self.run(Self.block("fetch.sh"), holder: holder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("incomplete: Centraal Administratie Kantoor"))
        #expect(result.standardOutput.contains("\"saldo\": 21744"))
    }

    @Test("The counsellor's intake script accepts an authentic overview and rejects an altered one")
    func intakeScript() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let path = holder.directory + "/overzicht.json"
        #expect(try holder.bk("overview", "-o", path).status == 0)
        let script = try Self.block("intake.sh")
        let accepted = try Self.run(script, [path], holder: holder)
        #expect(accepted.status == 0, "\(accepted.standardOutput) \(accepted.standardError)")
        #expect(accepted.standardOutput.contains("Dienst Uitvoering Onderwijs\t€ 18350,00"), "\(accepted.standardOutput)")
        // The PDF form: verified as a PDF, the amounts read from the overview it carries.
        let pdf = holder.directory + "/overzicht.pdf"
        #expect(try holder.bk("overview", "-o", pdf).status == 0)
        let acceptedPDF = try Self.run(script, [pdf], holder: holder)
        #expect(acceptedPDF.status == 0, "\(acceptedPDF.standardOutput) \(acceptedPDF.standardError)")
        #expect(acceptedPDF.standardOutput.contains("Dienst Uitvoering Onderwijs\t€ 18350,00"), "\(acceptedPDF.standardOutput)")
        #expect(try holder.bk("verify", pdf).status == 0)
        let altered = holder.directory + "/altered.json"
        try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"saldo\" : 1835000", with: "\"saldo\" : 1000")
            .write(toFile: altered, atomically: true, encoding: .utf8)
        let rejected = try Self.run(script, [altered], holder: holder)
        #expect(rejected.status == 1)
        #expect(rejected.standardOutput.contains("REJECTED"))
    }

    @Test("The CI job's bk check command writes its JUnit report")
    func ciJob() throws {
        let holder = try TestHolder()
        let yaml = try Self.block("ci.yml")
        let commands = yaml.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.drop { $0 == " " }
            return trimmed.hasPrefix("- bk ") ? String(trimmed.dropFirst(2)) : nil
        }
        #expect(commands.count == 1)
        let result = try Self.run(commands.joined(separator: "\n") + "\n", holder: holder)
        #expect(result.status == 0, "\(result.standardError)")
        let report = try CommandResult.run("/bin/sh", ["-c", "cat " + holder.directory + "/work-*/bk-check.xml"])
        #expect(report.standardOutput.contains("<testsuites"))
    }
}
