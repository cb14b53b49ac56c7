import Records
import Review
import Testing

/// The meeting's date is the day it opened; the planned date is kept beside it when they differ.
@Suite("Meeting date")
struct MeetingDateTests {
    @Test("held on the planned day: the planned date, nothing to note")
    func plannedDay() {
        var m = Meeting()
        #expect(m.state.meetingDate == "2026-11-26" && m.state.plannedDateIfDifferent == nil)
        m.open(present: 20)
        #expect(m.state.meetingDate == "2026-11-26" && m.state.plannedDateIfDifferent == nil)
    }

    @Test("held a day late: the opening entry's date is the meeting's, the planned date is noted")
    func dayLate() {
        var m = Meeting()
        m.day = "2026-11-27"
        m.open(present: 20)
        #expect(m.state.meetingDate == "2026-11-27")
        #expect(m.state.plannedDateIfDifferent == "2026-11-26")
        #expect(m.state.settings.date == "2026-11-26")
    }
}
