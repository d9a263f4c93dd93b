/// Lines of prose for a terminal of a given width.
public enum Prose {
    /// Breaks a line at spaces so that it fits `width`; continuation lines are indented two
    /// more spaces than the line itself, and a word longer than a line is cut with "…".
    public static func wrap(_ line: String, width: Int) -> String {
        guard line.count > width else { return line }
        let indent = String(line.prefix { $0 == " " })
        var output: [String] = []
        var prefix = indent
        var current = ""
        for word in line.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if prefix.count + current.count + 1 + word.count > width {
                output.append(prefix + current)
                prefix = indent + "  "
                current = String(word)
            } else {
                current += " " + word
            }
        }
        output.append(prefix + current)
        return output.map { $0.count > width ? String($0.prefix(width - 1)) + "…" : $0 }.joined(separator: "\n")
    }

    /// Every line of `text` wrapped to `width`.
    public static func wrapAll(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { wrap(String($0), width: width) }.joined(separator: "\n")
    }
}
