import Records
import Review
import Testing

/// R11: besides members only staff of the 组建单位 and of the units the settings list by name
/// (`observer_units`) may be recorded present — never a unit guessed from words in its name.
@Suite("R11 observers by list")
struct R11ObserverListTests {
    static let listed = "合肥市人力资源和社会保障局"
    static let organizer = "安徽省人力资源和社会保障厅"

    @Test("R11: the organizer's staff and listed units' staff are admitted, recorded under the settings' spelling", arguments: [
        ("organizer", organizer, organizer), ("组建单位", "", organizer),
        ("hrss", listed, listed), ("人社", organizer, organizer),
        // The same names with a no-break space, a zero-width space, full-width spaces around them.
        ("hrss", "合肥市人力资源和社会保障局\u{00A0}", listed), ("hrss", "合肥市人力资源\u{200B}和社会保障局", listed),
        ("organizer", "\u{3000}安徽省人力资源和社会保障厅", organizer),
    ])
    func admitted(kind: String, unit: String, recorded: String) {
        var m = Meeting(observerUnits: [Self.listed])
        guard case .observerAdmitted(let o)? = m.ok(.admitObserver(name: "工作人员", unit: unit, kind: kind)) else { return }
        #expect(o.unit == recorded)
    }

    @Test("R11: units not on the list are refused, however their names read", arguments: [
        ("hrss", "安徽某某人力资源服务有限公司"), ("hrss", "合肥人社咨询有限公司"), ("hrss", "合肥市人社局"),
        ("hrss", "合肥市人力资源和社会保障局培训中心"), ("organizer", "安徽省人力资源和社会保障厅职称处"),
        ("organizer", "某科技公司"), ("hrss", "省教育厅"), ("press", "安徽日报"), ("", ""), ("applicant", "企业1"),
    ])
    func refused(kind: String, unit: String) {
        var m = Meeting(observerUnits: [Self.listed])
        m.refused(.admitObserver(name: "某人", unit: unit, kind: kind), .r11)
        #expect(m.state.observers.isEmpty)
    }

    @Test("R11: with no observer_units only the organizer's own name is allowed")
    func organizerOnly() {
        var m = Meeting()
        #expect(m.state.settings.allowedObserverUnits == [Self.organizer])
        m.refused(.admitObserver(name: "某人", unit: Self.listed, kind: "hrss"), .r11)
        m.ok(.admitObserver(name: "某人", unit: Self.organizer, kind: "hrss"))
    }

    @Test("R11: the allowed list puts the organizer first and drops a unit listed twice")
    func allowedList() {
        let m = Meeting(observerUnits: [Self.listed, Self.organizer, "合肥市人力资源和社会保障局\u{00A0}"])
        #expect(m.state.settings.allowedObserverUnits == [Self.organizer, Self.listed])
    }
}
