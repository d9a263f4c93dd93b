public import Foundation

/// Wall-clock time as bk-1 uses it: integer seconds since the epoch.
public struct WallClock: Sendable {
    private let source: @Sendable () -> Date

    /// The system clock.
    public static let system = WallClock { Date() }

    public init(_ source: @escaping @Sendable () -> Date) { self.source = source }

    /// Now.
    public var now: Date { source() }

    /// Now in integer seconds since the epoch.
    public var epochSeconds: Int64 { Int64(source().timeIntervalSince1970.rounded(.down)) }
}

/// RFC 3339 and calendar dates, computed directly (Foundation's formatters cost tens of
/// thousands of instructions per call, and documents hold many timestamps).
public enum Timestamps {
    /// RFC 3339 with the offset of `timeZone` (Europe/Amsterdam by default), whole seconds.
    public static func rfc3339(_ date: Date, timeZone: TimeZone = .amsterdam) -> String {
        let offset = timeZone.secondsFromGMT(for: date)
        let local = Int64(date.timeIntervalSince1970.rounded(.down)) + Int64(offset)
        let (days, seconds) = local.floorDivided(by: 86_400)
        let (year, month, day) = civil(fromDays: days)
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(Int(seconds / 3600), 2)):\(pad(Int(seconds % 3600 / 60), 2)):\(pad(Int(seconds % 60), 2))"
            + (offset == 0 ? "Z" : "\(sign)\(pad(magnitude / 3600, 2)):\(pad(magnitude % 3600 / 60, 2))")
    }

    /// Parses RFC 3339 with offset (`Z` or `±HH:MM`, optional fractional seconds).
    public static func parseRFC3339(_ text: String) -> Date? {
        epochSeconds(rfc3339: text).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    /// Seconds since the epoch of an RFC 3339 time (fractions dropped), or `nil` if malformed.
    public static func epochSeconds(rfc3339 text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2), let hour = number(bytes, 11, 2),
            let minute = number(bytes, 14, 2), let second = number(bytes, 17, 2),
            isValidDate(year: year, month: month, day: day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > start else { return nil }
        }
        guard index < bytes.count else { return nil }
        var offset = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == bytes.count else { return nil }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard index + 6 == bytes.count, bytes[index + 3] == UInt8(ascii: ":"), let hours = number(bytes, index + 1, 2),
                let minutes = number(bytes, index + 4, 2), hours < 24, minutes < 60
            else { return nil }
            offset = (hours * 3600 + minutes * 60) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
        default:
            return nil
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        return days * 86_400 + Int64(hour * 3600 + minute * 60 + min(second, 59)) - Int64(offset)
    }

    /// The calendar date (`YYYY-MM-DD`) of a moment in the given zone.
    public static func calendarDate(_ date: Date, timeZone: TimeZone = .amsterdam) -> String {
        let local = Int64(date.timeIntervalSince1970.rounded(.down)) + Int64(timeZone.secondsFromGMT(for: date))
        let (year, month, day) = civil(fromDays: local.floorDivided(by: 86_400).quotient)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Whether `text` is a valid `YYYY-MM-DD` calendar date.
    public static func isCalendarDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), let year = number(bytes, 0, 4),
            let month = number(bytes, 5, 2), let day = number(bytes, 8, 2)
        else { return false }
        return isValidDate(year: year, month: month, day: day)
    }

    /// A date as people in the Netherlands write it, `DD-MM-YYYY` (`31-12-2026`), as
    /// `YYYY-MM-DD`; any other text as it is.
    public static func isoDate(fromDutch text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[2] == UInt8(ascii: "-"), bytes[5] == UInt8(ascii: "-") else { return text }
        let iso = String(text.suffix(4)) + "-" + String(text.dropFirst(3).prefix(2)) + "-" + String(text.prefix(2))
        return isCalendarDate(iso) ? iso : text
    }

    /// The last second (epoch) of a day in Europe/Amsterdam, written `YYYY-MM-DD` or
    /// `DD-MM-YYYY`, or nil.
    public static func endOfDay(_ text: String) -> Int64? {
        let text = isoDate(fromDutch: text)
        guard isCalendarDate(text), let year = Int(text.prefix(4)), let month = Int(text.dropFirst(5).prefix(2)), let day = Int(text.suffix(2)) else {
            return nil
        }
        let nextMidnightUTC = (daysFromCivil(year: year, month: month, day: day) + 1) * 86_400
        let offset = TimeZone.amsterdam.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(nextMidnightUTC)))
        return nextMidnightUTC - Int64(offset) - 1
    }

    // MARK: - Civil calendar arithmetic (proleptic Gregorian)

    static func isValidDate(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let lengths = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    /// Days since 1970-01-01 of a civil date.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0)), Int(month), Int(day))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<start + count] {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func pad(_ value: Int, _ width: Int) -> String { String(value).leftPadded(to: width) }
}

extension Int64 {
    /// Division rounding towards minus infinity, with a non-negative remainder.
    func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let quotient = self >= 0 ? self / divisor : (self - divisor + 1) / divisor
        return (quotient, self - quotient * divisor)
    }
}

extension TimeZone {
    /// The Netherlands' zone; UTC if the system lacks zone data.
    public static let amsterdam: TimeZone = TimeZone(identifier: "Europe/Amsterdam") ?? TimeZone(secondsFromGMT: 0) ?? .current
}
