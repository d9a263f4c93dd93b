import BlauweKnop
import Foundation
import Testing

/// The hand-written RFC 3339 code against Foundation's formatter.
@Suite("Timestamps")
struct TimestampsTests {
    @Test(
        "Parsing agrees with ISO8601DateFormatter",
        arguments: [
            "2026-09-01T09:00:00+02:00", "2026-11-23T10:00:00Z", "1999-12-31T23:59:59-05:30", "2024-02-29T12:00:00.123+01:00", "1970-01-01T00:00:00Z",
        ])
    func parsing(text: String) throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = text.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        let expected = try #require(formatter.date(from: text))
        #expect(Timestamps.parseRFC3339(text)?.timeIntervalSince1970 == expected.timeIntervalSince1970.rounded(.down))
    }

    @Test(
        "Malformed times and dates are refused",
        arguments: [
            "2026-02-30T00:00:00Z", "2026-09-01 09:00:00Z", "2026-09-01T09:00:00", "2026-13-01T00:00:00Z", "2026-09-01T24:00:00Z", "2026-09-01T09:00:00+2:00",
        ])
    func malformed(text: String) {
        #expect(Timestamps.parseRFC3339(text) == nil)
    }

    @Test("Formatting round-trips and uses the Amsterdam offset")
    func formatting() throws {
        let winter = Date(timeIntervalSince1970: 1_795_426_200)  // 2026-11-23T09:30:00Z
        #expect(Timestamps.rfc3339(winter) == "2026-11-23T10:30:00+01:00")
        let summer = try #require(Timestamps.parseRFC3339("2026-07-01T12:00:00+02:00"))
        #expect(Timestamps.rfc3339(summer) == "2026-07-01T12:00:00+02:00")
        #expect(Timestamps.calendarDate(winter) == "2026-11-23")
        #expect(Timestamps.isCalendarDate("2024-02-29") && !Timestamps.isCalendarDate("2023-02-29"))
    }

    @Test("A last day is taken as people in the Netherlands write it too: 31-12-2026 is 2026-12-31, the end of that day in Amsterdam")
    func dutchDates() throws {
        let iso = try #require(Timestamps.endOfDay("2026-12-31"))
        #expect(Timestamps.endOfDay("31-12-2026") == iso)
        #expect(Timestamps.calendarDate(Date(timeIntervalSince1970: TimeInterval(iso))) == "2026-12-31")
        for wrong in ["31-02-2026", "2026/12/31", "12-31-2026", "1-1-2026"] { #expect(Timestamps.endOfDay(wrong) == nil, "\(wrong)") }
    }
}
