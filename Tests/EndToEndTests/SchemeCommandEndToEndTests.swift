import Foundation
import Testing

/// `bk scheme show|verify|fetch`.
@Suite("bk scheme end to end")
struct SchemeCommandEndToEndTests {
    @Test("show lists every organisation with its key id; verify exits 0; fetch saves the JWS")
    func showVerifyFetch() throws {
        let holder = try TestHolder()
        let show = try holder.bk("scheme", "show", "--format", "json")
        #expect(show.status == 0)
        let summary = try JSONSerialization.jsonObject(with: Data(show.standardOutput.utf8)) as? [String: Any]
        let organizations = (summary?["organizations"] as? [[String: Any]]) ?? []
        #expect(organizations.count == 9)
        #expect(organizations.allSatisfy { ($0["key_ids"] as? [String])?.first?.count == 43 })
        #expect(try holder.bk("scheme", "verify").status == 0)
        let path = holder.directory + "/scheme.jws"
        #expect(try holder.bk("scheme", "fetch", "-o", path).status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).split(separator: ".").count == 3)
    }

    @Test("verify exits 2 for an expired scheme")
    func verifyExpired() throws {
        let holder = try TestHolder(.init(expiredScheme: true))
        let result = try holder.bk("scheme", "verify", "--verbose")
        #expect(result.status == 2)
        #expect(result.standardError.contains("expired"))
        let plain = try holder.bk("scheme", "verify")
        #expect(plain.standardError.contains("niet te vertrouwen"), "without --verbose the reason is in plain Dutch")
    }
}
