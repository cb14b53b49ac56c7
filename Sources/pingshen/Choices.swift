import ArgumentParser
import Documents
import Records
import Seal
import Workspace

// The enumerated values options take. Each is `ExpressibleByArgument`, so `--help` lists the
// values with what they mean, shell completion offers them, and a value outside the list is a
// usage error (exit 2) before anything is read.

extension DocumentKind: ExpressibleByArgument {
    public static var allValueDescriptions: [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.title) })
    }
}

extension DocumentFormat: ExpressibleByArgument {
    public static var allValueDescriptions: [String: String] {
        ["text": "纯文本（即 Markdown）", "md": "Markdown", "html": "A4 打印版 HTML", "csv": "CSV（仅一览表、分析表；UTF-8 BOM）"]
    }
}

extension CommitteeRole: ExpressibleByArgument {
    public static var allValueDescriptions: [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.description) })
    }
}

/// `keys --algorithm`: the key's signature algorithm.
enum KeyAlgorithm: String, CaseIterable, ExpressibleByArgument {
    /// ECDSA P-256 (the default for the seal and the people it certifies).
    case p256
    /// SM2 with SM3 (国密).
    case sm2
    /// Ed25519, for the witness only.
    case ed25519

    /// Reads the value, also in the spellings earlier versions accepted (`p-256`, `ecdsa`, `国密`).
    init?(argument: String) {
        switch argument.lowercased() {
        case "p256", "p-256", "ecdsa": self = .p256
        case "sm2", "国密": self = .sm2
        case "ed25519": self = .ed25519
        default: return nil
        }
    }

    static var allValueDescriptions: [String: String] {
        ["p256": "ECDSA P-256（默认；别名 p-256、ecdsa）", "sm2": "SM2/SM3 国密（别名 国密）", "ed25519": "Ed25519（仅见证方 witness）"]
    }

    /// The committee's signature algorithm, or nil for Ed25519 (which only the witness uses).
    var signing: SigningAlgorithm? {
        switch self {
        case .p256: .p256
        case .sm2: .sm2
        case .ed25519: nil
        }
    }
}

/// `observer --kind`: who may observe (R11).
enum ObserverKindChoice: String, CaseIterable, ExpressibleByArgument {
    /// Staff of the committee's organizing unit (组建单位).
    case organizer
    /// Staff of a human-resources-and-social-security department (人社部门).
    case hrss

    /// Reads the value, also in Chinese (`组建单位`, `人社` …), as the session engine accepts it.
    init?(argument: String) {
        switch argument.trimmingWhitespace().lowercased() {
        case "organizer", "组建单位", "评委会组建单位": self = .organizer
        case "hrss", "人社", "人社部门", "人力资源社会保障部门": self = .hrss
        default: return nil
        }
    }

    static var allValueDescriptions: [String: String] {
        ["organizer": "评委会组建单位（别名 组建单位）", "hrss": "人力资源社会保障部门（别名 人社、人社部门）"]
    }
}

/// `minutes sign --as`: who signs the minutes (皖人社发〔2018〕5号 第二十四条).
enum MinutesSigner: String, CaseIterable, ExpressibleByArgument {
    case host
    case recorder

    static var allValueDescriptions: [String: String] { ["host": "主持人", "recorder": "记录人"] }

    var signer: DocumentSigner { self == .host ? .host : .recorder }
    var chinese: String { self == .host ? "主持人" : "记录人" }
}

/// `forms sign --as`: who signs the result forms (皖人社发〔2018〕5号 第二十三条第六项).
enum FormsSigner: String, CaseIterable, ExpressibleByArgument {
    case host
    case seal

    static var allValueDescriptions: [String: String] { ["host": "主持人签字", "seal": "评委会印章盖章"] }

    var signer: DocumentSigner { self == .host ? .host : .seal }
    var chinese: String { self == .host ? "主持人" : "评委会印章" }
}

/// `minutes sign`/`forms sign --format`: the formats a paper is signed in.
enum SignedFormat: String, CaseIterable, ExpressibleByArgument {
    case html
    case md

    static var allValueDescriptions: [String: String] { ["html": "A4 打印版（默认）", "md": "Markdown"] }

    var document: DocumentFormat { self == .html ? .html : .md }
}
