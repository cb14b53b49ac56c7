// How each event's `data` reads itself (see RecordReading.swift).

/// The fields of one JSON object, read by kind; what a record needs is then taken by name.
struct Fields: ~Copyable {
    var text: [String: String] = [:]
    var number: [String: Int] = [:]
    var flag: [String: Bool] = [:]

    func t(_ k: String, _ r: borrowing JSONReader) throws(JSONError) -> String { try r.required(text[k], k) }
    func n(_ k: String, _ r: borrowing JSONReader) throws(JSONError) -> Int { try r.required(number[k], k) }
    func b(_ k: String, _ r: borrowing JSONReader) throws(JSONError) -> Bool { try r.required(flag[k], k) }
}

extension JSONReader {
    /// Reads an object whose fields are all strings (optional ones may be null or absent),
    /// integers or booleans, as listed.
    mutating func fields(text: Set<String> = [], number: Set<String> = [], flag: Set<String> = []) throws(JSONError) -> Fields {
        var f = Fields()
        try object { r, key throws(JSONError) in
            if text.contains(key) {
                if let s = try r.optionalString() { f.text[key] = s }
            } else if number.contains(key) {
                f.number[key] = try r.int()
            } else if flag.contains(key) {
                f.flag[key] = try r.bool()
            } else {
                throw r.unknown(key)
            }
        }
        return f
    }
}

extension SessionCreated: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        var schema: Int?
        var session, registryPath: String?
        var settings: Settings?
        var members: [Member]?
        var candidates: [Candidate]?
        var registry: [PastDecision]?
        var sources: [String: String]?
        try r.object { r, key throws(JSONError) in
            switch key {
            case "schema": schema = try r.int()
            case "session": session = try r.string()
            case "settings": settings = try r.read()
            case "members": members = try r.list()
            case "candidates": candidates = try r.list()
            case "registry": registry = try r.list()
            case "registryPath": registryPath = try r.optionalString()
            case "sources": sources = try r.map { r throws(JSONError) in try r.string() }
            default: throw r.unknown(key)
            }
        }
        let version = try r.required(schema, "schema")
        guard version == 1 else { throw r.error("不支持的日志格式版本 \(version) (unsupported schema)") }
        self.init(schema: version, session: try r.required(session, "session"), settings: try r.required(settings, "settings"),
                  members: try r.required(members, "members"), candidates: try r.required(candidates, "candidates"),
                  registry: try r.required(registry, "registry"), registryPath: registryPath, sources: try r.required(sources, "sources"))
    }
}

extension Arrival: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        let f = try r.fields(text: ["member", "pinSalt", "pinHash"])
        self.init(member: try f.t("member", r), pinSalt: try f.t("pinSalt", r), pinHash: try f.t("pinHash", r))
    }
}

extension MembersArrived: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        var arrivals: [Arrival]?
        try r.object { r, key throws(JSONError) in
            guard key == "arrivals" else { throw r.unknown(key) }
            arrivals = try r.list()
        }
        self.init(arrivals: try r.required(arrivals, "arrivals"))
    }
}

extension MemberLeft: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        let f = try r.fields(text: ["member", "reason"])
        self.init(member: try f.t("member", r), reason: f.text["reason"])
    }
}

extension ObserverAdmitted: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        let f = try r.fields(text: ["name", "unit", "kind"])
        guard let kind = ObserverKind(rawValue: try f.t("kind", r)) else { throw r.error("无效的列席类别 (invalid observer kind)") }
        self.init(name: try f.t("name", r), unit: try f.t("unit", r), kind: kind)
    }
}

extension MeetingOpened: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        var host, recorder: String?
        var agenda: [String]?
        var seal: MeetingSeal?
        try r.object { r, key throws(JSONError) in
            switch key {
            case "host": host = try r.string()
            case "recorder": recorder = try r.string()
            case "agenda": agenda = try r.strings()
            case "seal": seal = try r.null() ? nil : try r.read()
            default: throw r.unknown(key)
            }
        }
        self.init(host: try r.required(host, "host"), recorder: try r.required(recorder, "recorder"),
                  agenda: try r.required(agenda, "agenda"), seal: seal)
    }
}

extension SignedStatement: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        let f = try r.fields(text: ["text", "format", "signature", "certificate"])
        self.init(text: try f.t("text", r), format: try f.t("format", r), signature: try f.t("signature", r),
                  certificate: try f.t("certificate", r))
    }
}

extension MeetingSeal: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        var text: [String: String] = [:]
        var statement: SignedStatement?
        try r.object { r, key throws(JSONError) in
            switch key {
            case "committeeCertificate", "sessionKey", "algorithm", "origin", "keyName": text[key] = try r.string()
            case "statement": statement = try r.read()
            default: throw r.unknown(key)
            }
        }
        func t(_ k: String) throws(JSONError) -> String { try r.required(text[k], k) }
        self.init(committeeCertificate: try t("committeeCertificate"), sessionKey: try t("sessionKey"), algorithm: try t("algorithm"),
                  origin: try t("origin"), keyName: try t("keyName"), statement: try r.required(statement, "statement"))
    }
}

extension CheckpointSigned: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        var note: String?
        var cosigners: [String]?
        try r.object { r, key throws(JSONError) in
            switch key {
            case "note": note = try r.string()
            case "cosigners": cosigners = try r.strings()
            default: throw r.unknown(key)
            }
        }
        self.init(note: try r.required(note, "note"), cosigners: try r.required(cosigners, "cosigners"))
    }
}

extension DocumentSigned: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        let f = try r.fields(text: ["document", "candidate", "file", "sha256", "signatureFile", "signatureSHA256", "signer", "certificate"])
        self.init(document: try f.t("document", r), candidate: f.text["candidate"], file: try f.t("file", r), sha256: try f.t("sha256", r),
                  signatureFile: try f.t("signatureFile", r), signatureSHA256: try f.t("signatureSHA256", r),
                  signer: try f.t("signer", r), certificate: try f.t("certificate", r))
    }
}

extension HostChanged: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        self.init(host: try r.fields(text: ["host"]).t("host", r))
    }
}

extension Note: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        self.init(text: try r.fields(text: ["text"]).t("text", r))
    }
}

extension Recusal: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        let f = try r.fields(text: ["member", "candidate", "reason"])
        self.init(member: try f.t("member", r), candidate: try f.t("candidate", r), reason: try f.t("reason", r))
    }
}

extension DeliberationBegan: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        var candidates: [String]?
        var opinion: String?
        var recusals: [Recusal]?
        try r.object { r, key throws(JSONError) in
            switch key {
            case "candidates": candidates = try r.strings()
            case "opinion": opinion = try r.optionalString()
            case "recusals": recusals = try r.list()
            default: throw r.unknown(key)
            }
        }
        self.init(candidates: try r.required(candidates, "candidates"), opinion: opinion, recusals: try r.required(recusals, "recusals"))
    }
}

extension CandidateNote: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        let f = try r.fields(text: ["candidate", "text"])
        self.init(candidate: try f.t("candidate", r), text: try f.t("text", r))
    }
}

extension Speech: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        let f = try r.fields(text: ["candidate", "member", "text"])
        self.init(candidate: try f.t("candidate", r), member: try f.t("member", r), text: try f.t("text", r))
    }
}

extension RoundOpened: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        var round, yesCap: Int?
        var credentialKey: String?
        var candidates, eligible: [String]?
        var denominators: [String: Int]?
        var paper: Bool?
        try r.object { r, key throws(JSONError) in
            switch key {
            case "round": round = try r.int()
            case "yesCap": yesCap = try r.int()
            case "candidates": candidates = try r.strings()
            case "eligible": eligible = try r.strings()
            case "denominators": denominators = try r.map { r throws(JSONError) in try r.int() }
            case "paper": paper = try r.bool()
            case "credentialKey": credentialKey = try r.optionalString()
            default: throw r.unknown(key)
            }
        }
        self.init(round: try r.required(round, "round"), candidates: try r.required(candidates, "candidates"),
                  eligible: try r.required(eligible, "eligible"), denominators: try r.required(denominators, "denominators"),
                  paper: try r.required(paper, "paper"), yesCap: try r.required(yesCap, "yesCap"), credentialKey: credentialKey)
    }
}

extension BallotIssued: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        // The journal's most frequent record: read without any per-record collections.
        var round: Int?
        var member, blinded: String?
        try r.object { r, key throws(JSONError) in
            switch key {
            case "round": round = try r.int()
            case "member": member = try r.string()
            case "blinded": blinded = try r.optionalString()
            default: throw r.unknown(key)
            }
        }
        self.init(round: try r.required(round, "round"), member: try r.required(member, "member"), blinded: blinded)
    }
}

extension SheetEntered: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        var round, sheet: Int?
        var teller: String?
        var marks: [String: [String]]?
        try r.object { r, key throws(JSONError) in
            switch key {
            case "round": round = try r.int()
            case "sheet": sheet = try r.int()
            case "teller": teller = try r.string()
            case "marks": marks = try r.map { r throws(JSONError) in try r.strings() }
            default: throw r.unknown(key)
            }
        }
        self.init(round: try r.required(round, "round"), sheet: try r.required(sheet, "sheet"),
                  teller: try r.required(teller, "teller"), marks: try r.required(marks, "marks"))
    }
}

extension RoundCancelled: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        let f = try r.fields(text: ["reason"], number: ["round"])
        self.init(round: try f.n("round", r), reason: try f.t("reason", r))
    }
}

extension RoundClosed: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        var round, returned: Int?
        var ballots: [Ballot]?
        var tallies: [Tally]?
        let omit = r.omitsBallots
        try r.object { r, key throws(JSONError) in
            switch key {
            case "round": round = try r.int()
            case "returned": returned = try r.int()
            case "ballots":
                if omit {
                    try r.skimArray()
                    ballots = []
                } else {
                    ballots = try r.list()
                }
            case "tallies": tallies = try r.list()
            default: throw r.unknown(key)
            }
        }
        self.init(round: try r.required(round, "round"), ballots: try r.required(ballots, "ballots"),
                  returned: try r.required(returned, "returned"), tallies: try r.required(tallies, "tallies"))
        ballotsOmitted = omit
    }
}

extension Matter: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        let f = try r.fields(text: ["text", "handling"])
        self.init(text: try f.t("text", r), handling: f.text["handling"])
    }
}

extension ResultsAnnounced: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        var host: String?
        var candidates: [String]?
        try r.object { r, key throws(JSONError) in
            switch key {
            case "host": host = try r.string()
            case "candidates": candidates = try r.strings()
            default: throw r.unknown(key)
            }
        }
        self.init(host: try r.required(host, "host"), candidates: try r.required(candidates, "candidates"))
    }
}

extension MeetingClosed: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        let f = try r.fields(text: ["host"], number: ["registered"])
        self.init(host: try f.t("host", r), registered: try f.n("registered", r))
    }
}

extension JournalRepaired: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        let f = try r.fields(text: ["sha256", "keptIn"], number: ["discardedBytes"])
        self.init(discardedBytes: try f.n("discardedBytes", r), sha256: try f.t("sha256", r), keptIn: try f.t("keptIn", r))
    }
}

extension Entry: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        var seq: Int?
        var at, kind: String?
        var event: Event?
        var deferred: Range<Int>?
        try r.object { r, key throws(JSONError) in
            switch key {
            case "seq": seq = try r.int()
            case "at": at = try r.string()
            case "event": kind = try r.string()
            case "payload":
                // Written after "event" (sorted keys); a payload met first is read once its kind is known.
                if let kind { event = try Self.payload(kind, &r) } else { deferred = try r.skipValue() }
            default: throw r.unknown(key)
            }
        }
        let name = try r.required(kind, "event")
        if event == nil {
            let range = try r.required(deferred, "payload")
            event = try r.reading(at: range) { r throws(JSONError) in try Self.payload(name, &r) }
        }
        self.init(seq: try r.required(seq, "seq"), at: try r.required(at, "at"), event: event!)
    }

    /// Reads the payload of an event of kind `kind`.
    static func payload(_ kind: String, _ r: inout JSONReader) throws(JSONError) -> Event {
        switch kind {
        case "session.created": .sessionCreated(try r.read())
        case "members.arrived": .membersArrived(try r.read())
        case "member.left": .memberLeft(try r.read())
        case "observer.admitted": .observerAdmitted(try r.read())
        case "meeting.opened": .meetingOpened(try r.read())
        case "host.changed": .hostChanged(try r.read())
        case "materials.reported": .materialsReported(try r.read())
        case "deliberation.began": .deliberationBegan(try r.read())
        case "opinion.recorded": .opinionRecorded(try r.read())
        case "member.recused": .memberRecused(try r.read())
        case "speech.recorded": .speechRecorded(try r.read())
        case "round.opened": .roundOpened(try r.read())
        case "ballot.issued": .ballotIssued(try r.read())
        case "sheet.entered": .sheetEntered(try r.read())
        case "round.cancelled": .roundCancelled(try r.read())
        case "round.closed": .roundClosed(try r.read())
        case "reason.recorded": .reasonRecorded(try r.read())
        case "matter.recorded": .matterRecorded(try r.read())
        case "results.announced": .resultsAnnounced(try r.read())
        case "meeting.closed": .meetingClosed(try r.read())
        case "journal.repaired": .journalRepaired(try r.read())
        case "checkpoint.signed": .checkpointSigned(try r.read())
        case "document.signed": .documentSigned(try r.read())
        default: throw r.error("未知的事件类型 \"\(kind)\" (unknown event kind)")
        }
    }
}
