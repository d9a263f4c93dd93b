internal import CPDF

/// zlib inflation that never grows past the size the caller expects: how bk decodes a
/// `/FlateDecode` attachment, so that a few kilobytes that inflate to gigabytes cost nothing.
public enum BoundedInflate {
    /// The bytes of one complete zlib stream `raw` that inflates to exactly `size` bytes, or
    /// `nil` (not one complete stream, trailing bytes, or more or fewer than `size` bytes).
    /// At most `size` bytes are ever allocated for the output.
    public static func inflate(_ raw: [UInt8], size: Int) -> [UInt8]? {
        guard size >= 0 else { return nil }
        var written = -1
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            written = raw.withUnsafeBufferPointer { input in bk_inflate_bounded(input.baseAddress, input.count, buffer.baseAddress, size) }
            count = max(0, written)
        }
        return written == size ? bytes : nil
    }

    /// The bytes of one complete zlib stream `raw` that inflates to at most `limit` bytes, or
    /// `nil` (not one complete stream, trailing bytes, or more than `limit` bytes). The output
    /// buffer starts small and doubles as needed, never past `limit`.
    public static func inflate(_ raw: [UInt8], atMost limit: Int) -> [UInt8]? {
        guard limit >= 0 else { return nil }
        var capacity = min(limit, max(65_536, raw.count.multipliedReportingOverflow(by: 4).partialValue))
        while true {
            var written = -1
            let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                written = raw.withUnsafeBufferPointer { input in bk_inflate_bounded(input.baseAddress, input.count, buffer.baseAddress, capacity) }
                count = max(0, written)
            }
            if written >= 0 { return bytes }
            guard capacity < limit else { return nil }
            capacity = min(limit, capacity.multipliedReportingOverflow(by: 2).partialValue)
        }
    }
}
