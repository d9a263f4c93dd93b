import BlauweKnop
import Foundation
import Testing

/// Reading overview files back, and every input `make fuzz` ever found (Tests/FuzzCrashes).
@Suite("Overview files and fuzzer finds")
struct OverviewDocumentTests {
    static let findsDirectory: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        url.deleteLastPathComponent()
        return url.path + "/FuzzCrashes"
    }()

    static let finds: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: findsDirectory)) ?? []).filter {
        !$0.hasPrefix(".") && $0 != "README.md"
    }.sorted()

    @Test("Every fuzzer find runs through the parsers without a crash", arguments: finds)
    func fuzzFind(name: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: Self.findsDirectory + "/" + name)).map { $0 }
        // Each parser must return or throw (a crash fails the run); none of these is valid.
        #expect(throws: VerificationError.self) { try OverviewDocument.parse(bytes) }
        if let document = try? JSONCoding.decode(FinancialClaimsDocument.self, from: bytes) {
            #expect(throws: ClaimsError.self) { try ClaimsFold.fold(document, today: "2026-11-23") }
        }
        #expect(throws: JOSEError.self) { try JWS(compact: String(decoding: bytes, as: UTF8.self)) }
    }

    @Test("The crashing XML input (invalid UTF-8 element name) is refused as malformed")
    func invalidUTF8XML() {
        let error = #expect(throws: VerificationError.self) { try OverviewDocument.parse([0x3c, 0xff, 0xff, 0xff, 0x00]) }
        #expect(error?.code == .malformed)
    }

    @Test("Neither JSON nor XML is not an overview at all (PROTOCOL §8.1: exit 1, never 'altered'), with a reason")
    func unreadable() {
        let error = #expect(throws: VerificationError.self) { try OverviewDocument.parse(Array("hello".utf8)) }
        #expect(error?.code == .notAnOverview)
        #expect(error?.detail.contains("neither an overview in JSON nor in XML") == true)
    }
}
