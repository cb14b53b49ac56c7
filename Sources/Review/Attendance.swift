import Records

extension Settings {
    /// The units whose staff may observe (R11): the 组建单位 first, then `observer_units` as
    /// listed. Matched by exact name after `Normalised.text`, never by words inside a name.
    public var allowedObserverUnits: [String] {
        var out = [organizer]
        for u in observerUnits ?? [] where !out.contains(where: { Normalised.same($0, u) }) { out.append(u) }
        return out
    }
}

/// Signing in and out, observers, opening the meeting and handing over the chair (R1, R2, R11).
extension SessionState {
    /// The agenda recorded when the host gives none: the order of 皖人社发〔2018〕5号 第二十三条第五项.
    public static let standardAgenda = [
        "评委会组建单位报告评审材料审查情况",
        "专业（学科）评议组长或初审委员介绍初审意见",
        "委员评议、讨论，无记名投票表决",
        "主持人当场公布评审结果",
    ]

    func checkIn(_ arrivals: [Arrival]) throws(Rejection) -> Event {
        guard !arrivals.isEmpty else { throw .invalid(InputError("至少需要一名委员", "name at least one member")) }
        var seen = Set<MemberID>()
        for a in arrivals {
            _ = try requireMember(a.member)
            guard seen.insert(a.member).inserted else {
                throw .invalid(InputError("委员 \(a.member) 重复出现", "member \(a.member) is named twice"))
            }
            guard !present.contains(a.member) else {
                throw .invalid(InputError("委员 \(who(a.member)) 已在场，无需重复签到", "member \(a.member) is already present"))
            }
        }
        return .membersArrived(MembersArrived(arrivals: arrivals))
    }

    func checkOut(_ id: MemberID, reason: String?) throws(Rejection) -> Event {
        _ = try requireMember(id)
        guard present.contains(id) else {
            throw .invalid(InputError("委员 \(who(id)) 不在场，无法登记离会", "member \(id) is not present, so cannot leave"))
        }
        let r = reason?.trimmingWhitespace()
        return .memberLeft(MemberLeft(member: id, reason: (r?.isEmpty ?? true) ? nil : r))
    }

    func admitObserver(name: String, unit: String, kind: String) throws(Rejection) -> Event {
        let name = try requireText(name, "列席人员姓名", "the observer's name")
        let unit = unit.trimmingWhitespace()
        let observerKind: ObserverKind
        switch kind.trimmingWhitespace().lowercased() {
        case "organizer", "组建单位", "评委会组建单位": observerKind = .organizer
        case "hrss", "人社", "人社部门", "人力资源社会保障部门": observerKind = .hrss
        default:
            throw .refused(Refusal(
                .r11, "除评委会组建单位及人力资源社会保障部门工作人员外，其他人员不得列席（所报类别：\(kind)）",
                "only staff of the organizing unit (organizer) or of a human-resources-and-social-security department (hrss) may observe; got '\(kind)'"))
        }
        let organizer = settings.organizer
        switch observerKind {
        case .organizer:
            guard unit.isEmpty || Normalised.same(unit, organizer) else {
                throw .refused(Refusal(
                    .r11, "列席人员 \(name) 的单位「\(unit)」不是评委会组建单位「\(organizer)」（组建单位的工作人员以组建单位名义登记）",
                    "observer \(name)'s unit '\(unit)' is not the organizing unit '\(organizer)' (its staff are recorded under its name)"))
            }
            return .observerAdmitted(ObserverAdmitted(name: name, unit: organizer, kind: .organizer))
        case .hrss:
            let allowed = settings.allowedObserverUnits
            guard let listed = allowed.first(where: { Normalised.same($0, unit) }) else {
                throw .refused(Refusal(
                    .r11, "列席人员 \(name) 的单位「\(unit)」不在本评委会设置 observer_units 所列的单位之中（\(allowed.joined(separator: "、"))），不得列席",
                    "observer \(name)'s unit '\(unit)' is not among the units the settings list in observer_units (\(allowed.joined(separator: ", ")))"))
            }
            return .observerAdmitted(ObserverAdmitted(name: name, unit: listed, kind: .hrss))
        }
    }

    /// A present 主任委员 or 副主任委员 (R2), or the refusal that says why `id` is not one.
    func requireHostable(_ id: MemberID) throws(Rejection) {
        let m = try requireMember(id)
        guard m.office.mayHost else {
            throw .refused(Refusal(
                .r2, "\(who(id)) 的职务为\(m.office.rawValue)，会议须由主任委员或副主任委员主持",
                "\(id) is a \(m.office == .member ? "member" : m.office.rawValue); the meeting must be hosted by the chair or a vice-chair"))
        }
        guard present.contains(id) else {
            throw .refused(Refusal(
                .r2, "\(m.office.rawValue) \(who(id)) 未签到在场，不能主持会议",
                "\(id) is not present and cannot host the meeting"))
        }
    }

    /// R1: members present ≥ 规定人数.
    func requireQuorum(_ doing: String, _ doingEnglish: String) throws(Rejection) {
        guard present.count >= settings.quorum else {
            throw .refused(Refusal(
                .r1, "出席委员 \(present.count) 人，少于规定人数 \(settings.quorum) 人（委员总数 \(settings.size) 人），不能\(doing)",
                "\(present.count) members present, fewer than the required \(settings.quorum) (committee of \(settings.size)); cannot \(doingEnglish)"))
        }
    }

    func openMeeting(host: MemberID, recorder: String, agenda: [String], seal: MeetingSeal?) throws(Rejection) -> Event {
        guard phase == .convening else {
            throw .invalid(InputError("会议已于 \(clockTime(openedAt ?? "")) 开始", "the meeting is already open"))
        }
        try requireHostable(host)
        let recorder = try requireText(recorder, "记录人", "the recorder")
        try requireQuorum("开会", "open the meeting")
        let items = agenda.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        return .meetingOpened(MeetingOpened(host: host, recorder: recorder, agenda: items.isEmpty ? Self.standardAgenda : items, seal: seal))
    }

    func changeHost(_ id: MemberID) throws(Rejection) -> Event {
        try requireOpenMeeting("更换主持人", "change the host")
        try requireHostable(id)
        guard id != host else { throw .invalid(InputError("\(who(id)) 已是主持人", "\(id) is already the host")) }
        return .hostChanged(HostChanged(host: id))
    }
}
