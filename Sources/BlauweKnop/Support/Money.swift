/// Amounts in euro cents, formatted the Dutch way: `€ 1.234,56`, `-€ 12,00`.
public enum Money {
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
