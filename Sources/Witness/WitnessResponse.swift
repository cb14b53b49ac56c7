import Journal

/// What the witness answers over HTTP: status, content type and body — decided in this file
/// alone from the typed outcomes (STYLE 14).
public struct WitnessResponse: Sendable, Equatable {
    public let status: Int
    public let contentType: String
    public let body: [UInt8]

    public init(status: Int, contentType: String, body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    /// A plain-text answer: `message` and a newline.
    static func text(_ status: Int, _ message: String) -> WitnessResponse {
        WitnessResponse(status: status, contentType: "text/plain; charset=utf-8", body: Array((message + "\n").utf8))
    }
}

/// What became of one add-checkpoint request (c2sp.org/tlog-witness).
public enum AddCheckpointOutcome: Sendable, Equatable {
    /// 200: cosigned; the body is the cosignature line(s).
    case cosigned(origin: String, size: UInt64, cosignatures: [Cosignature])
    /// 400: the body does not parse.
    case malformed(AddCheckpointError)
    /// 404: no log with this origin is registered.
    case unknownOrigin(String)
    /// 403: no signature by the origin's registered key verifies.
    case untrusted(origin: String)
    /// 400: `old` is larger than the checkpoint's size.
    case oldBeyondSize(old: UInt64, size: UInt64)
    /// 409: `old` is not the size the witness last cosigned; the body is that size.
    case sizeConflict(origin: String, latest: UInt64)
    /// 409: the same size as last cosigned, with another root hash.
    case rootConflict(origin: String, size: UInt64)
    /// 422: the consistency proof does not verify.
    case inconsistent(origin: String, reason: String)
    /// 500: the witness could not sign or persist; nothing was cosigned.
    case failed(String)

    /// The HTTP answer.
    public var response: WitnessResponse {
        switch self {
        case .cosigned(_, _, let cosignatures):
            WitnessResponse(status: 200, contentType: "text/plain; charset=utf-8", body: Array(cosignatures.map(\.line).joined().utf8))
        case .malformed(let error):
            .text(400, error.description)
        case .unknownOrigin(let origin):
            .text(404, "未登记的日志 \(origin) (unknown log origin)")
        case .untrusted(let origin):
            .text(403, "检查点没有日志 \(origin) 登记密钥的有效签名 (no signature by the log's registered key verifies)")
        case let .oldBeyondSize(old, size):
            .text(400, "old \(old) 大于检查点大小 \(size) (old size exceeds the checkpoint size)")
        case .sizeConflict(_, let latest):
            WitnessResponse(status: 409, contentType: "text/x.tlog.size", body: Array("\(latest)\n".utf8))
        case let .rootConflict(origin, size):
            .text(409, "日志 \(origin) 大小 \(size) 的根哈希与已见证的不同 (another root hash for a size already cosigned)")
        case let .inconsistent(origin, reason):
            .text(422, "日志 \(origin) 的一致性证明不成立 (the consistency proof does not verify): \(reason)")
        case .failed(let reason):
            .text(500, "见证方内部错误，未签名 (witness error, nothing cosigned): \(reason)")
        }
    }
}

/// What became of one registration request (`POST /pingshen/register`).
public enum RegistrationOutcome: Sendable {
    /// 200: registered now, or registered already with the same key (`isNew` false); the body
    /// is a ``RegistrationReceipt`` as JSON.
    case registered(RegisteredLog, isNew: Bool, receipt: RegistrationReceipt)
    /// 400, 403 or 409: refused.
    case refused(RegistrationError)
    /// 500: the witness could not persist the registration.
    case failed(String)

    /// The HTTP answer.
    public var response: WitnessResponse {
        switch self {
        case .registered(_, _, let receipt):
            WitnessResponse(status: 200, contentType: "application/json", body: receipt.body)
        case .refused(let error):
            switch error {
            case .malformed: .text(400, error.description)
            case .untrustedHost, .notChair, .badSignature, .statementMismatch: .text(403, error.description)
            case .originTaken: .text(409, error.description)
            }
        case .failed(let reason):
            .text(500, "见证方内部错误，未登记 (witness error, not registered): \(reason)")
        }
    }
}
