import Foundation

/// Where the package, its examples and the built binaries are.
enum Paths {
    /// The package root, found from this file's location.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let examples = packageRoot + "/Examples"

    /// The folder with `bk` and `bk-holder` (override with BK_BIN_DIR).
    static let binaries: String = {
        if let override = ProcessInfo.processInfo.environment["BK_BIN_DIR"] { return override }
        // The test bundle is built next to the executables.
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
        for candidate in [bundle, packageRoot + "/.build/debug"] where FileManager.default.isExecutableFile(atPath: candidate + "/bk") {
            return candidate
        }
        return packageRoot + "/.build/debug"
    }()

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "bk-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
