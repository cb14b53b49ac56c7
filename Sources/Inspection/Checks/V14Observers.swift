import Records

/// V14 — only staff of the organizing unit and of the units the recorded settings list were
/// admitted as observers (R11): by exact name, never by words inside a name.
///
///     allowed = {settings.organizer} ∪ settings.observerUnits        (names normalised)
///     ∀ observer.admitted o: name ≠ "" ∧
///         (kind = organizer ∧ unit ≈ settings.organizer)
///       ∨ (kind = hrss ∧ unit ∈ allowed)
enum Observers {
    static func check(_ e: Evidence) -> CheckResult {
        var r = CheckResult(.v14, unit: "名列席人员 observers")
        let organizer = e.facts.settings?.organizer ?? ""
        let allowed = ([organizer] + (e.facts.settings?.observerUnits ?? [])).map(PlainText.of).filter { !$0.isEmpty }
        for (p, entry) in e.journal.decoded {
            guard case .observerAdmitted(let o) = entry.event else { continue }
            r.count += 1
            if o.name.trimmingWhitespace().isEmpty {
                r.fail(p, "列席人员姓名为空 (an observer without a name)")
            }
            let unit = PlainText.of(o.unit)
            switch o.kind {
            case .organizer where organizer.isEmpty || unit != PlainText.of(organizer):
                r.fail(p, "列席人员 \(o.name) 的单位「\(o.unit)」不是评委会组建单位「\(organizer)」(R11: not the organizing unit)")
            case .hrss where !allowed.contains(unit):
                r.fail(p, "列席人员 \(o.name) 的单位「\(o.unit)」不在设置 observer_units 所列单位之中 (R11: not a unit the settings allow)")
            default:
                break
            }
        }
        return r
    }
}
