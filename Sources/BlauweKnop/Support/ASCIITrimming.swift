extension String {
    /// The text without leading and trailing ASCII white space (space, tab, CR, LF).
    ///
    /// Cheaper than Foundation's `trimmingCharacters(in:)`, which bridges through NSString and
    /// UTF-16: for megabyte-sized JWS bodies that bridge cost more than verifying them.
    var trimmingASCIIWhitespace: String { Substring(self).trimmingASCIIWhitespace }
}

extension Substring {
    /// See `String.trimmingASCIIWhitespace`.
    var trimmingASCIIWhitespace: String {
        let utf8 = self.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
