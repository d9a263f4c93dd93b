/// Makes text from outside (a holder's error text, a signed document's strings, a file's
/// names) safe to show on a terminal or in a table: the one sanitiser every such string passes.
///
/// C0 and C1 control characters (escape sequences start with them), DEL, Unicode bidi
/// overrides and isolates, and line or paragraph separators are each replaced by U+FFFD, so
/// that a hostile string can neither move the cursor, erase lines, recolour the screen nor
/// reorder what is shown. JSON and XML output keep the exact strings; only what a person reads
/// is sanitised.
public enum TerminalText {
    /// The replacement shown for each removed character.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// The text with every unsafe character replaced.
    /// - Parameter keepingLineBreaks: keep `\n` (for whole screens bk rendered itself); a
    ///   single value from outside never keeps it.
    public static func sanitized(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0, keepingLineBreaks: keepingLineBreaks) }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isUnsafe(scalar, keepingLineBreaks: keepingLineBreaks) ? replacement : scalar)
        }
        return String(scalars)
    }

    /// Whether a character must not reach a terminal.
    static func isUnsafe(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
        switch scalar.value {
        case 0x0A: !keepingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        case 0x2028, 0x2029: true
        default: false
        }
    }
}
