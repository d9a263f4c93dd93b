import BlauweKnop

// libFuzzer target for the FCID decoder and the event fold (and reading overview files back).

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzClaims(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let document = try? JSONCoding.decode(FinancialClaimsDocument.self, from: bytes) {
        if let zaken = try? ClaimsFold.fold(document, today: "2026-11-23") {
            _ = HolderTotals(zaken)
        }
    }
    _ = try? OverviewDocument.parse(bytes)
    return 0
}
#else
@main
enum FuzzClaims {
    static func main() { print("build with 'make fuzz' to run this fuzzer") }
}
#endif
