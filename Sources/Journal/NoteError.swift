/// Why a signed note could not be parsed or signed.
///
/// Line numbers count from 1 over the whole note. Messages say what is wrong in Chinese and
/// English; they never include signature or key bytes.
public enum NoteError: Error, Sendable, Hashable, CustomStringConvertible {
    case notUTF8
    case controlCharacter(offset: Int)
    case missingFinalNewline
    case missingBlankLine
    case noSignatures
    case malformedSignatureLine(line: Int)
    case invalidKeyName(line: Int?, name: String)
    case invalidBase64(line: Int)
    case signatureTooShort(line: Int)
    case duplicateSignature(name: String, keyID: UInt32)
    case tooManySignatures(limit: Int)
    case textWithoutFinalNewline
    case signingFailed(name: String, reason: String)

    public var description: String {
        let what = switch self {
        case .notUTF8:
            "不是有效的 UTF-8 (not valid UTF-8)"
        case .controlCharacter(let offset):
            "第 \(offset) 字节是控制字符 (control character at byte \(offset))"
        case .missingFinalNewline:
            "末行没有换行符，签注可能被截断 (last line has no newline; the note may be truncated)"
        case .missingBlankLine:
            "正文与签名之间没有空行 (no blank line between the text and the signatures)"
        case .noSignatures:
            "没有签名行 (no signature lines)"
        case .malformedSignatureLine(let line):
            "第 \(line) 行不是“— 名称 签名”格式 (line \(line) is not `— name signature`)"
        case let .invalidKeyName(line?, name):
            "第 \(line) 行的密钥名 “\(name)” 为空或含空格、加号 (line \(line): key name is empty or holds a space or `+`)"
        case let .invalidKeyName(nil, name):
            "密钥名 “\(name)” 为空或含空格、加号 (key name is empty or holds a space or `+`)"
        case .invalidBase64(let line):
            "第 \(line) 行的签名不是规范的 base64 (line \(line): signature is not canonical base64)"
        case .signatureTooShort(let line):
            "第 \(line) 行的签名短于密钥 ID 加一字节 (line \(line): signature shorter than key ID plus one byte)"
        case let .duplicateSignature(name, keyID):
            "密钥 \(name) \(String(keyID, radix: 16)) 签名重复 (two signatures by key \(name) \(String(keyID, radix: 16)))"
        case .tooManySignatures(let limit):
            "签名超过 \(limit) 个 (more than \(limit) signatures)"
        case .textWithoutFinalNewline:
            "待签正文不以换行符结尾 (the text to sign does not end in a newline)"
        case let .signingFailed(name, reason):
            "密钥 \(name) 签名失败 (signing with \(name) failed): \(reason)"
        }
        return "签注 (signed note): \(what)"
    }
}
