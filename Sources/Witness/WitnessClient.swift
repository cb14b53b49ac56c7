import Foundation
import Journal
import Seal

/// What the session calls to reach its witness: register the meeting's log, then submit each
/// checkpoint with a consistency proof and get back the witness's cosignature.
///
/// Synchronous, with a deadline on every call (a few seconds by default), so a command-line
/// command can call it directly. Every failure is a ``WitnessClientError`` saying what failed.
public struct WitnessClient: Sendable {
    /// The witness's base URL (its submission prefix), e.g. `http://192.168.1.20:7380`.
    public let baseURL: URL
    /// The deadline of each call, in seconds.
    public let timeout: TimeInterval
    private let transport: Transport

    /// How requests reach the witness: over HTTP, or to a service in this process.
    private enum Transport: Sendable {
        case http(HTTPExchange)
        case inProcess(WitnessService)
    }

    public init(baseURL: URL, timeout: TimeInterval = 5) {
        self.baseURL = baseURL
        self.timeout = timeout
        transport = .http(HTTPExchange(timeout: timeout))
    }

    /// A client for a witness service running in this process (`pingshen demo`, tests): the same
    /// requests and answers as over HTTP, without the network.
    public init(inProcess service: WitnessService, baseURL: URL) {
        self.baseURL = baseURL
        timeout = 0
        transport = .inProcess(service)
    }

    /// Registers the session's log (`POST /pingshen/register`); returns the witness's receipt —
    /// check its certificate with ``RegistrationReceipt/witness(trusting:at:)`` before trusting
    /// any cosignature. Registering again with the same key is harmless.
    public func register(_ registration: LogRegistration) throws(WitnessClientError) -> RegistrationReceipt {
        let reply = try post("pingshen/register", registration.body, contentType: "application/json")
        guard reply.status == 200 else { throw .refused(status: reply.status, message: Self.message(reply.body)) }
        guard let receipt = RegistrationReceipt(body: reply.body) else {
            throw .malformedResponse("登记回执不是预期的 JSON (the registration receipt is not the expected JSON)")
        }
        guard receipt.origin == registration.origin else {
            throw .malformedResponse("登记回执的来源 \(receipt.origin) 与请求不符 (the receipt names another origin)")
        }
        return receipt
    }

    /// Submits `checkpoint` with the proof from `old` (`POST /add-checkpoint`).
    ///
    /// - Returns: `.cosigned` with the witness's cosignatures — only lines by `witness` that
    ///   verify over the checkpoint; lines by other keys are ignored, as tlog-witness requires —
    ///   and the checkpoint with those lines appended; or `.conflict(size)` when the witness
    ///   last cosigned another size (resubmit from that size).
    /// - Throws: ``WitnessClientError`` for every other answer, and when no line verifies.
    public func addCheckpoint(
        old: UInt64, proof: [TreeHash], checkpoint: SignedCheckpoint, witness: CosignatureVerifier
    ) throws(WitnessClientError) -> AddCheckpointResult {
        let request: AddCheckpointRequest
        do { request = try AddCheckpointRequest(oldSize: old, proof: proof, checkpoint: checkpoint) } catch {
            throw .badRequest(error.description)
        }
        let reply = try post("add-checkpoint", request.body, contentType: "text/plain; charset=utf-8")
        switch reply.status {
        case 200:
            return try Self.cosigned(reply.body, checkpoint: checkpoint, witness: witness)
        case 409 where reply.contentType.hasPrefix("text/x.tlog.size"):
            let text = reply.body.last == 0x0A ? reply.body.dropLast() : reply.body[...]
            guard reply.body.last == 0x0A, let size = Decimal.canonical(text) else {
                throw .malformedResponse("409 应答的大小不是十进制数加换行 (the 409 body is not a decimal size and a newline)")
            }
            return .conflict(size: size)
        case 409: throw .rootConflict(Self.message(reply.body))
        case 404: throw .unknownOrigin(checkpoint.checkpoint.origin)
        case 403: throw .forbidden(Self.message(reply.body))
        case 400: throw .badRequest(Self.message(reply.body))
        case 422: throw .inconsistent(Self.message(reply.body))
        default: throw .refused(status: reply.status, message: Self.message(reply.body))
        }
    }

    /// The cosignatures in a 200 body: each line parsed as a note signature on `checkpoint`.
    static func cosigned(_ body: [UInt8], checkpoint: SignedCheckpoint, witness: CosignatureVerifier) throws(WitnessClientError) -> AddCheckpointResult {
        guard !body.isEmpty, body.last == 0x0A else {
            throw .malformedResponse("200 应答不是以换行结尾的签名行 (the 200 body is not newline-terminated signature lines)")
        }
        // tlog-witness: append the lines to the checkpoint and verify it as a note.
        let lines = body.split(separator: 0x0A).map { Array($0) + [0x0A] }
        let combined: SignedCheckpoint
        do {
            combined = try SignedCheckpoint(parsing: checkpoint.bytes + body)
        } catch {
            throw .malformedResponse("签名行格式错误 (malformed signature lines): \(error)")
        }
        guard combined.checkpoint.text == checkpoint.checkpoint.text else {
            throw .malformedResponse("应答改变了检查点正文 (the answer changed the checkpoint text)")
        }
        var cosignatures: [Cosignature] = []
        for line in lines {
            guard let cosignature = try? Cosignature(parsingLine: line) else { continue }  // another kind of signature: ignored
            if witness.verify(cosignature, checkpointText: checkpoint.checkpoint.text) { cosignatures.append(cosignature) }
        }
        guard !cosignatures.isEmpty else { throw .noValidCosignature(witness.name) }
        return .cosigned(cosignatures, checkpoint: combined)
    }

    private func post(_ path: String, _ body: [UInt8], contentType: String) throws(WitnessClientError) -> HTTPExchange.Reply {
        let url = baseURL.appendingPathComponent(path)
        let exchange: HTTPExchange
        switch transport {
        case .http(let http): exchange = http
        case .inProcess(let service):
            let response = path == "add-checkpoint" ? service.addCheckpoint(body).response : service.register(body).response
            return HTTPExchange.Reply(status: response.status, contentType: response.contentType, body: response.body)
        }
        switch exchange.post(url, body: body, contentType: contentType, timeout: timeout) {
        case .success(let reply): return reply
        case .failure(.timedOut): throw .timedOut(url: url.absoluteString, seconds: timeout)
        case .failure(.unreachable(let reason)): throw .unreachable(url: url.absoluteString, reason: reason)
        }
    }

    /// The first 500 bytes of a refusal's text, for the error message.
    private static func message(_ body: [UInt8]) -> String {
        String(decoding: body.prefix(500), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A checkpoint the witness accepted, or the size it holds instead.
public enum AddCheckpointResult: Sendable {
    /// The witness's verified cosignatures, and the checkpoint with every returned line appended.
    case cosigned([Cosignature], checkpoint: SignedCheckpoint)
    /// 409: the witness last cosigned `size`, not the `old` sent; resubmit with a proof from it.
    case conflict(size: UInt64)
}

/// Why a call to the witness failed: each case says what failed, in Chinese and English.
public enum WitnessClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No connection (refused, no route, name not found).
    case unreachable(url: String, reason: String)
    /// No answer within the deadline.
    case timedOut(url: String, seconds: TimeInterval)
    /// 404: the witness has no log with this origin (register first).
    case unknownOrigin(String)
    /// 403: the witness did not accept the checkpoint's signature.
    case forbidden(String)
    /// 400: the witness (or this client) found the request malformed.
    case badRequest(String)
    /// 409 without a size: the witness holds another root for this size — a fork.
    case rootConflict(String)
    /// 422: the consistency proof does not verify.
    case inconsistent(String)
    /// Another status (a refused registration: 400, 403, 409; or 5xx).
    case refused(status: Int, message: String)
    /// The answer does not follow the protocol.
    case malformedResponse(String)
    /// 200, but no line by the trusted witness key verifies.
    case noValidCosignature(String)

    public var description: String {
        let what = switch self {
        case let .unreachable(url, reason):
            "无法连接见证方 \(url) (cannot reach the witness): \(reason)"
        case let .timedOut(url, seconds):
            "见证方 \(url) 在 \(Int(seconds)) 秒内没有应答 (the witness did not answer within \(Int(seconds)) s)"
        case .unknownOrigin(let origin):
            "见证方没有登记日志 \(origin)（404）(the witness does not know this log; register it first)"
        case .forbidden(let message):
            "见证方不接受检查点的签名（403）(the witness did not accept the checkpoint's signature): \(message)"
        case .badRequest(let message):
            "请求格式错误（400）(malformed request): \(message)"
        case .rootConflict(let message):
            "见证方已见证同一大小的另一个根哈希（409）：日志可能被改写 (the witness holds another root for this size: the log may have been rewritten): \(message)"
        case .inconsistent(let message):
            "一致性证明不成立（422）(the consistency proof does not verify): \(message)"
        case let .refused(status, message):
            "见证方拒绝（\(status)）(the witness refused): \(message)"
        case .malformedResponse(let reason):
            "见证方应答不合协议 (the witness's answer does not follow the protocol): \(reason)"
        case .noValidCosignature(let name):
            "应答中没有见证方 \(name) 的有效签名 (no valid cosignature by \(name) in the answer)"
        }
        return "见证 (witness): \(what)"
    }
}
