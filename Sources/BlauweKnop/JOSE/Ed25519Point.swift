/// Checks on an encoded Ed25519 public key that libcrypto does not make when a key is loaded
/// (PROTOCOL §0): the encoding must be canonical and the point must not be of small order.
///
/// A key of small order lets anyone forge signatures that verify under it (for the identity
/// point, R = identity and S = 0 verify for every message). The points of order dividing 8 are
/// exactly those whose y coordinate is 0, 1, −1 or ±y₈ (the order-8 points), whatever the sign
/// bit; an encoding with y ≥ p is not canonical.
enum Ed25519Point {
    /// p = 2²⁵⁵ − 19, little-endian.
    static let prime: [UInt8] = [0xED] + [UInt8](repeating: 0xFF, count: 30) + [0x7F]

    /// The y coordinates (little-endian, sign bit clear) of the points of small order.
    static let smallOrderY: [[UInt8]] = [
        [UInt8](repeating: 0, count: 32),  // y = 0: order 4
        [0x01] + [UInt8](repeating: 0, count: 31),  // y = 1: the identity
        [0xEC] + [UInt8](repeating: 0xFF, count: 30) + [0x7F],  // y = −1: order 2
        [
            0x26, 0xE8, 0x95, 0x8F, 0xC2, 0xB2, 0x27, 0xB0, 0x45, 0xC3, 0xF4, 0x89, 0xF2, 0xEF, 0x98, 0xF0,
            0xD5, 0xDF, 0xAC, 0x05, 0xD3, 0xC6, 0x33, 0x39, 0xB1, 0x38, 0x02, 0x88, 0x6D, 0x53, 0xFC, 0x05,
        ],  // order 8
        [
            0xC7, 0x17, 0x6A, 0x70, 0x3D, 0x4D, 0xD8, 0x4F, 0xBA, 0x3C, 0x0B, 0x76, 0x0D, 0x10, 0x67, 0x0F,
            0x2A, 0x20, 0x53, 0xFA, 0x2C, 0x39, 0xCC, 0xC6, 0x4E, 0xC7, 0xFD, 0x77, 0x92, 0xAC, 0x03, 0x7A,
        ],  // order 8 (p − y₈)
    ]

    /// Why this 32-byte encoding must not be used as a public key, or `nil` when it may.
    static func weakness(of encoded: [UInt8]) -> String? {
        guard encoded.count == 32 else { return "it is not 32 bytes" }
        var y = encoded
        y[31] &= 0x7F
        if !isLess(y, than: prime) { return "its encoding is not canonical (y ≥ p)" }
        if smallOrderY.contains(y) { return "it is a point of small order, under which signatures can be forged" }
        return nil
    }

    /// Little-endian comparison of two 32-byte numbers.
    private static func isLess(_ left: [UInt8], than right: [UInt8]) -> Bool {
        for index in stride(from: 31, through: 0, by: -1) where left[index] != right[index] {
            return left[index] < right[index]
        }
        return false
    }
}
