/// Amounts in euro cents, formatted the Dutch way (`€ 1.234,56`, `-€ 12,00`) or the English
/// way (`€1,234.56`).
public enum Money {
    /// Formats cents as euros for people reading `language`.
    public static func euros(_ cents: Int, in language: Language) -> String {
        guard language == .en else { return euros(cents) }
        let dutch = euros(cents)
        let swapped = String(dutch.map { $0 == "." ? "," : $0 == "," ? "." : $0 })
        return swapped.replacingOccurrences(of: "€ ", with: "€")
    }

    /// Formats cents as Dutch euros.
    public static func euros(_ cents: Int) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let whole = String(magnitude / 100)
        var grouped = ""
        for (index, character) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { grouped.append(".") }
            grouped.append(character)
        }
        let fraction = String(magnitude % 100).leftPadded(to: 2)
        return "\(sign)€ \(grouped),\(fraction)"
    }
}
