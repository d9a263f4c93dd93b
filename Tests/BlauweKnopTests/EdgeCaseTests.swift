import BlauweKnop
import Foundation
import Testing

/// Bounded numbers, output files, terminal text, headers and credentials: the edges where
/// outside input meets bk.
@Suite("Edges")
struct EdgeCaseTests {
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "bk-edges-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("Durations: units, bare seconds and fractions parse; infinite, huge and negative ones do not")
    func durations() {
        #expect(Durations.parse("14d") == Int64(1_209_600))
        #expect(Durations.parse("90m") == Int64(5_400))
        #expect(Durations.parse("45") == Int64(45))
        #expect(Durations.parseSeconds("0.5") == 0.5)
        for text in ["999999999999999d", "inf", "1e308", "-1s", "nan", "", "d", "1.5.2s", "9223372036854775807", "5w", "1e3"] {
            #expect(Durations.parseSeconds(text) == nil, "\(text)")
        }
    }

    @Test("Terminal text: escapes, C1 controls, bidi overrides and line breaks are replaced; ordinary text is kept")
    func terminalText() {
        let hostile = "\u{1B}[2K\u{1B}[1A\rHet overzicht is volledig.\u{9B}31m\u{202E}tekst\u{2066}\u{7}\nnext"
        let shown = TerminalText.sanitized(hostile)
        #expect(!shown.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" || $0 == "\u{2066}" })
        #expect(shown.contains("Het overzicht is volledig."))
        #expect(TerminalText.sanitized("a\nb", keepingLineBreaks: true) == "a\nb")
        #expect(TerminalText.sanitized("€ 1.234,56 — Gemeente Utrecht") == "€ 1.234,56 — Gemeente Utrecht")
    }

    @Test("Header values with CR, LF or NUL are refused before sending; bearer tokens must be token68")
    func headers() {
        #expect(HTTPRequest.isSafeHeader(name: "Authorization", value: "Bearer abc-DEF_123.~+/="))
        #expect(!HTTPRequest.isSafeHeader(name: "Authorization", value: "Bearer abc\r\nX-Injected: yes"))
        #expect(!HTTPRequest.isSafeHeader(name: "Authorization", value: "Bearer a\u{0}b"))
        #expect(!HTTPRequest.isSafeHeader(name: "X\r\nY", value: "1"))
    }

    @Test("A folder that cannot be made is named with the system's reason, not always 'permission denied'")
    func ensureDirectoryReasons() throws {
        let base = NSTemporaryDirectory() + "bk-ensure-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: base) }
        try AtomicFile.ensureDirectory(base + "/a/b")
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: base + "/a/b", isDirectory: &isFolder) && isFolder.boolValue)
        try AtomicFile.ensureDirectory(base + "/a/b")
        try "a file".write(toFile: base + "/file", atomically: true, encoding: .utf8)
        do {
            try AtomicFile.ensureDirectory(base + "/file/sub")
            Issue.record("a file in the way made a folder")
        } catch {
            #expect(error.path == base + "/file", "the path that failed")
            #expect(error.errno == ENOTDIR, "\(error)")
            #expect(error.code != .noPermission)
        }
    }

    @Test("Output files: a regular file is replaced whole, also with a one-letter name")
    func outputRegular() throws {
        let folder = try Self.temporaryDirectory()
        try OutputFile.write("one", to: folder + "/x")
        try OutputFile.write("two", to: folder + "/x")
        #expect(try String(contentsOfFile: folder + "/x", encoding: .utf8) == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["x"])
    }

    @Test("Output files: a character device and a FIFO are written through, never replaced")
    func outputDevices() throws {
        try OutputFile.write("nothing", to: "/dev/null")
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
        let folder = try Self.temporaryDirectory()
        let fifo = folder + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Thread {
            let handle = FileHandle(forReadingAtPath: fifo)
            _ = handle?.readDataToEndOfFile()
        }
        reader.start()
        try OutputFile.write("through the pipe", to: fifo)
        #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    }

    @Test("Output files: a folder and a symbolic link are refused with a clear reason")
    func outputRefused() throws {
        let folder = try Self.temporaryDirectory()
        let folderError = #expect(throws: FileError.self) { try OutputFile.write("x", to: folder) }
        #expect(folderError?.description.contains("folder") == true)
        try "keep".write(toFile: folder + "/target", atomically: true, encoding: .utf8)
        #expect(symlink(folder + "/target", folder + "/link") == 0)
        let linkError = #expect(throws: FileError.self) { try OutputFile.write("x", to: folder + "/link") }
        #expect(linkError?.description.contains("symbolic link") == true)
        #expect(try String(contentsOfFile: folder + "/target", encoding: .utf8) == "keep")
    }

    @Test("Temporary files left by a killed run are removed; a live run's are kept")
    func leftovers() throws {
        let folder = try Self.temporaryDirectory()
        let dead = folder + "/.credential.jws.999999999.AbCd12.tmp"
        let live = folder + "/.credential.jws.\(getpid()).AbCd12.tmp"
        for path in [dead, live] { try "999993653".write(toFile: path, atomically: false, encoding: .utf8) }
        TemporaryFiles.removeLeftovers(in: folder)
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: live))
    }

    static func credential(_ claims: Credential.Claims, key: PrivateKey) throws -> String {
        try JWS.sign(payload: JSONCoding.encode(claims), type: Credential.jwsType, key: key)
    }

    @Test("A credential issued a year ahead, or naming another App Manager than its signer, is refused")
    func credentialChecks() throws {
        let managerA = try PrivateKey.generate(.p256)
        let managerB = try PrivateKey.generate(.ed25519)
        let keys = ["00000001800866472000": try TrustedKeys([managerA.publicJWK]), "00000001800866473000": try TrustedKeys([managerB.publicJWK])]
        let app = Credential.Confirmation(jwk: try PrivateKey.generate(.p256).publicJWK)
        let now: Int64 = 1_800_000_000
        let good = Credential.Claims(iss: "00000001800866472000", sub: "999993653", cnf: app, environment: "test", iat: now, exp: now + 86_400)
        _ = try Credential.verifiedClaims(compact: Self.credential(good, key: managerA), appManagerKeys: keys, environment: "test", now: now)
        var ahead = good
        ahead.iat = now + 365 * 86_400
        ahead.exp = ahead.iat + 86_400
        let aheadError = #expect(throws: IdentityError.self) {
            try Credential.verifiedClaims(compact: Self.credential(ahead, key: managerA), appManagerKeys: keys, environment: "test", now: now)
        }
        #expect(aheadError?.detail.contains("future") == true)
        var otherIssuer = good
        otherIssuer.iss = "00000001800866473000"
        let issuerError = #expect(throws: IdentityError.self) {
            try Credential.verifiedClaims(compact: Self.credential(otherIssuer, key: managerA), appManagerKeys: keys, environment: "test", now: now)
        }
        #expect(issuerError?.detail.contains("another App Manager") == true)
        var overflow = good
        overflow.iat = Int64.min
        overflow.exp = Int64.max
        #expect(throws: IdentityError.self) {
            try Credential.verifiedClaims(compact: Self.credential(overflow, key: managerA), appManagerKeys: keys, environment: "test", now: now)
        }
    }
}
