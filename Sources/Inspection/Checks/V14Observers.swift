import Records

/// V14 — only staff of the organizing unit and of human-resources-and-social-security
/// departments were admitted as observers (R11).
///
///     ∀ observer.admitted o: name ≠ "" ∧
///         (kind = organizer ∧ unit starts with settings.organizer)
///       ∨ (kind = hrss ∧ unit contains 人力资源 or 人社)
enum Observers {
    static func check(_ e: Evidence) -> CheckResult {
        var r = CheckResult(.v14, unit: "名列席人员 observers")
        let organizer = e.facts.settings?.organizer ?? ""
        for (p, entry) in e.journal.decoded {
            guard case .observerAdmitted(let o) = entry.event else { continue }
            r.count += 1
            if o.name.trimmingWhitespace().isEmpty {
                r.fail(p, "列席人员姓名为空 (an observer without a name)")
            }
            switch o.kind {
            case .organizer where organizer.isEmpty || !o.unit.hasPrefix(organizer):
                r.fail(p, "列席人员 \(o.name) 的单位「\(o.unit)」不是评委会组建单位「\(organizer)」(R11: not the organizing unit)")
            case .hrss where !(o.unit.contains("人力资源") || o.unit.contains("人社")):
                r.fail(p, "列席人员 \(o.name) 的单位「\(o.unit)」不是人力资源社会保障部门 (R11: not a human-resources department)")
            default:
                break
            }
        }
        return r
    }
}
