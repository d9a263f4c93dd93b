import Foundation
import Testing

/// What a finished process left behind.
struct CommandResult {
    let status: Int32
    let standardOutput: String
    let standardError: String

    /// Runs a program to completion with the given environment, capturing its output.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], input: String? = nil, currentDirectory: String? = nil
    ) throws -> CommandResult {
        let process = Process()
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment.isEmpty ? nil : environment
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outPath = directory + "/out", errPath = directory + "/err"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = out
        process.standardError = err
        if let input {
            let inPath = directory + "/in"
            _ = FileManager.default.createFile(atPath: inPath, contents: Data(input.utf8))
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return CommandResult(
            status: process.terminationStatus,
            standardOutput: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }
}

extension CommandResult {
    /// The numbers on the first line of standard error that contains `text` (a technical line
    /// of `--verbose`), in order.
    func numbers(onLineContaining text: String) throws -> [Int] {
        let line = try #require(standardError.split(separator: "\n").first { $0.contains(text) }, "no line with '\(text)' in: \(standardError)")
        return line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
    }
}
