import Testing

@testable import BlauweKnop

@Suite("UTF-8 validation")
struct UTF8ValidationTests {
    @Test("Agrees with the standard library's validating initialiser on every edge of RFC 3629")
    func agreesWithStandardLibrary() {
        var samples: [[UInt8]] = [
            [], Array("plain ascii".utf8), Array("é € 𝄞 ￿".utf8), [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],
            [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
            [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82], [0xE2, 0x82, 0x41], [0x80], [0xFF], [0x41, 0xC3],
        ]
        // Every one- and two-byte sequence, and a pseudo-random sweep of longer ones.
        for first in 0...255 {
            samples.append([UInt8(first)])
            for second in stride(from: 0, through: 255, by: 3) { samples.append([UInt8(first), UInt8(second)]) }
        }
        var state: UInt32 = 12345
        for _ in 0..<20000 {
            var sample: [UInt8] = []
            for _ in 0..<4 {
                state = state &* 1_103_515_245 &+ 12345
                sample.append(UInt8(truncatingIfNeeded: state >> 16) | (state & 1 == 0 ? 0x80 : 0))
            }
            samples.append(sample)
        }
        let disagreements = samples.filter { UTF8Validation.isValid($0) != (String(validating: $0, as: UTF8.self) != nil) }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }
}
