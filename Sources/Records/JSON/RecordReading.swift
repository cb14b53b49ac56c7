// How each record type reads itself from the journal's JSON (the writing side is the
// synthesized `Encodable`; round-trip tests keep the two in step). Unknown fields are errors:
// a record means exactly what schema 1 says, nothing more.

/// String-valued enums read their raw value and refuse anything else.
public protocol StringEnumReadable: RawRepresentable, JSONReadable where RawValue == String {}

extension StringEnumReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        let text = try r.string()
        guard let value = Self(rawValue: text) else { throw r.error("无效的取值 \"\(text)\" (invalid value)") }
        self = value
    }
}

extension Office: StringEnumReadable {}
extension Denominator: StringEnumReadable {}
extension Choice: StringEnumReadable {}
extension Outcome: StringEnumReadable {}
extension ObserverKind: StringEnumReadable {}

extension Member: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        var id, name, unit, panel: String?
        var office: Office?
        try r.object { r, key throws(JSONError) in
            switch key {
            case "id": id = try r.string()
            case "name": name = try r.string()
            case "office": office = try r.read()
            case "unit": unit = try r.string()
            case "panel": panel = try r.string()
            default: throw r.unknown(key)
            }
        }
        self.init(id: try r.required(id, "id"), name: try r.required(name, "name"), office: try r.required(office, "office"),
                  unit: try r.required(unit, "unit"), panel: try r.required(panel, "panel"))
    }
}

extension Candidate: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        var f: [String: String] = [:]
        var exceptional: Bool?
        var idNumber: String?
        try r.object { r, key throws(JSONError) in
            switch key {
            case "id", "name", "gender", "born", "unit", "education", "currentTitle", "appliedTitle", "series", "specialty", "level", "panel":
                f[key] = try r.string()
            case "exceptional": exceptional = try r.bool()
            case "idNumber": idNumber = try r.optionalString()
            default: throw r.unknown(key)
            }
        }
        func v(_ k: String) throws(JSONError) -> String { try r.required(f[k], k) }
        self.init(id: try v("id"), name: try v("name"), gender: try v("gender"), born: try v("born"), unit: try v("unit"),
                  education: try v("education"), currentTitle: try v("currentTitle"), appliedTitle: try v("appliedTitle"),
                  series: try v("series"), specialty: try v("specialty"), level: try v("level"),
                  exceptional: try r.required(exceptional, "exceptional"), panel: try v("panel"), idNumber: idNumber)
    }
}

extension ApplicantKey: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        var name, gender, born, appliedTitle, idNumber: String?
        try r.object { r, key throws(JSONError) in
            switch key {
            case "name": name = try r.string()
            case "gender": gender = try r.string()
            case "born": born = try r.string()
            case "appliedTitle": appliedTitle = try r.string()
            case "idNumber": idNumber = try r.optionalString()
            default: throw r.unknown(key)
            }
        }
        self.init(name: try r.required(name, "name"), gender: try r.required(gender, "gender"), born: try r.required(born, "born"),
                  appliedTitle: try r.required(appliedTitle, "appliedTitle"), idNumber: idNumber)
    }
}

extension Settings: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        var text: [String: String] = [:]
        var number: [String: Int] = [:]
        var flag: [String: Bool] = [:]
        var denominator: Denominator?
        try r.object { r, key throws(JSONError) in
            switch key {
            case "name", "series", "specialty", "level", "organizer", "date", "venue": text[key] = try r.string()
            case "size", "quorum", "yesCap": number[key] = try r.int()
            case "recusedLeaveDenominator", "sameEmployerRecusal": flag[key] = try r.bool()
            case "denominator": denominator = try r.read()
            default: throw r.unknown(key)
            }
        }
        func t(_ k: String) throws(JSONError) -> String { try r.required(text[k], k) }
        func n(_ k: String) throws(JSONError) -> Int { try r.required(number[k], k) }
        func b(_ k: String) throws(JSONError) -> Bool { try r.required(flag[k], k) }
        self.init(name: try t("name"), series: try t("series"), specialty: try t("specialty"), level: try t("level"),
                  organizer: try t("organizer"), date: try t("date"), venue: try t("venue"), size: try n("size"),
                  quorum: try n("quorum"), denominator: try r.required(denominator, "denominator"),
                  recusedLeaveDenominator: try b("recusedLeaveDenominator"), yesCap: try n("yesCap"),
                  sameEmployerRecusal: try b("sameEmployerRecusal"))
    }
}

extension Ballot: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        var id, nonce, prefix, signature: String?
        var choices: [CandidateID: Choice]?
        try r.object { r, key throws(JSONError) in
            switch key {
            case "id": id = try r.string()
            case "nonce": nonce = try r.string()
            case "prefix": prefix = try r.optionalString()
            case "signature": signature = try r.optionalString()
            case "choices": choices = try r.map { r throws(JSONError) in try r.read(Choice.self) }
            default: throw r.unknown(key)
            }
        }
        self.init(id: try r.required(id, "id"), choices: try r.required(choices, "choices"), nonce: try r.required(nonce, "nonce"),
                  prefix: prefix, signature: signature)
    }
}

extension Tally: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        var candidate: String?
        var number: [String: Int] = [:]
        var outcome: Outcome?
        try r.object { r, key throws(JSONError) in
            switch key {
            case "candidate": candidate = try r.string()
            case "denominator", "yes", "no", "abstain", "void": number[key] = try r.int()
            case "outcome": outcome = try r.read()
            default: throw r.unknown(key)
            }
        }
        func n(_ k: String) throws(JSONError) -> Int { try r.required(number[k], k) }
        self.init(candidate: try r.required(candidate, "candidate"), denominator: try n("denominator"), yes: try n("yes"),
                  no: try n("no"), abstain: try n("abstain"), void: try n("void"), outcome: try r.required(outcome, "outcome"))
    }
}

extension PastDecision: JSONReadable {
    public init(reading r: inout JSONReader) throws(JSONError) {
        var text: [String: String] = [:]
        var number: [String: Int] = [:]
        var applicant: ApplicantKey?
        var outcome: Outcome?
        try r.object { r, key throws(JSONError) in
            switch key {
            case "committee", "session", "date", "candidate", "unit": text[key] = try r.string()
            case "yes", "denominator": number[key] = try r.int()
            case "applicant": applicant = try r.read()
            case "outcome": outcome = try r.read()
            default: throw r.unknown(key)
            }
        }
        func t(_ k: String) throws(JSONError) -> String { try r.required(text[k], k) }
        self.init(committee: try t("committee"), session: try t("session"), date: try t("date"), candidate: try t("candidate"),
                  applicant: try r.required(applicant, "applicant"), unit: try t("unit"), outcome: try r.required(outcome, "outcome"),
                  yes: try r.required(number["yes"], "yes"), denominator: try r.required(number["denominator"], "denominator"))
    }
}
