/// A text table that fits a given width, as gh and kubectl print theirs: columns are dropped
/// in a fixed order until the table fits, then the flexible column (the first unless another
/// is marked) is narrowed: its text is shortened with "…", or, in a column that wraps, broken
/// between words over more lines.
/// Cells may be marked as alerts (overdue amounts), shown in red on a colour terminal.
struct FittingTable {
    struct Column {
        var header: String
        var rightAligned = false
        /// Lower numbers are dropped first; `nil` is never dropped.
        var dropPriority: Int?
        /// The column narrowed when dropping is not enough.
        var flexible = false
        /// Whether a text too wide for the column continues on the next lines (else it is cut).
        var wraps = false
        /// For a column that wraps: how narrow it may become, by wrapping, before the table
        /// drops columns to fit.
        var minimumWidth: Int?
    }

    struct Cell: ExpressibleByStringLiteral {
        var text: String
        var alert = false

        init(_ text: String, alert: Bool = false) {
            self.text = TerminalText.sanitized(text)
            self.alert = alert
        }

        init(stringLiteral value: String) { self.init(value) }
    }

    let columns: [Column]
    private var rows: [[Cell]?] = []

    init(_ columns: [Column]) { self.columns = columns }

    mutating func add(_ row: [Cell]) { rows.append(row) }
    mutating func addSeparator() { rows.append(nil) }

    /// The lines of the table, at most `width` columns wide.
    func render(width: Int, color: Bool) -> [String] {
        var kept = Array(columns.indices)
        let dropOrder = columns.indices.filter { columns[$0].dropPriority != nil }.sorted { (columns[$0].dropPriority ?? 0) < (columns[$1].dropPriority ?? 0) }
        var widths = naturalWidths()
        func narrowest(_ index: Int) -> Int { columns[index].minimumWidth.map { min(widths[index], $0) } ?? widths[index] }
        func total(_ indices: [Int], narrowed: Bool = false) -> Int {
            indices.map { narrowed ? narrowest($0) : widths[$0] }.reduce(0, +) + 2 * max(0, indices.count - 1)
        }
        for index in dropOrder where total(kept, narrowed: true) > width { kept.removeAll { $0 == index } }
        // Columns that wrap give up what is still too much, down to their minimum.
        for index in kept where columns[index].minimumWidth != nil && total(kept) > width {
            widths[index] -= min(total(kept) - width, widths[index] - narrowest(index))
        }
        if let flexible = kept.first(where: { columns[$0].flexible }) ?? kept.first, total(kept) > width {
            widths[flexible] = max(6, widths[flexible] - (total(kept) - width))
        }
        /// One row as lines: a cell of a wrapping column may take several.
        func lines(_ cells: [Cell]) -> [String] {
            let texts = kept.map { index in
                let text = index < cells.count ? cells[index].text : ""
                if text.count <= widths[index] { return [text] }
                if columns[index].wraps { return Self.wrapped(text, width: widths[index]) }
                return [String(text.prefix(max(0, widths[index] - 1))) + "…"]
            }
            let height = texts.map(\.count).max() ?? 1
            return (0..<height).map { number in
                zip(kept, texts).map { index, parts in
                    let text = number < parts.count ? parts[number] : ""
                    let pad = String(repeating: " ", count: max(0, widths[index] - text.count))
                    let alert = index < cells.count && cells[index].alert
                    let shown = color && alert && !text.isEmpty ? "\u{1B}[31m" + text + "\u{1B}[0m" : text
                    return columns[index].rightAligned ? pad + shown : shown + pad
                }.joined(separator: "  ").trimmingTrailingSpaces()
            }
        }
        let rule = String(repeating: "-", count: min(width, total(kept)))
        return lines(columns.map { Cell($0.header) }) + [rule] + rows.flatMap { $0.map(lines) ?? [rule] }
    }

    /// `text` broken between words into lines of at most `width` characters; a word longer
    /// than that is cut into pieces.
    static func wrapped(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            var word = Substring(word)
            while word.count > width {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    private func naturalWidths() -> [Int] {
        var widths = columns.map(\.header.count)
        for case let row? in rows { for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.text.count) } }
        return widths
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
