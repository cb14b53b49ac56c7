import TextFormats
import Foundation
import Journal
import Seal

/// The witness, independent of HTTP: answers add-checkpoint and registration bodies from its
/// state, one request at a time.
///
/// Every request runs under one lock from its check of the stored size to the durable write of
/// the new view, and the answer is made only after that write (c2sp.org/tlog-witness: two racing
/// requests must not roll the witness back). Time comes from `clock`, so tests can fix it.
public final class WitnessService: @unchecked Sendable {
    /// The witness's key and certificate.
    public let identity: WitnessIdentity
    /// The pinned committee seal: the only root that registrations may chain to.
    public let committee: Certificate
    private let state: WitnessState
    private let clock: @Sendable () -> Date
    private let afterPersist: (@Sendable () -> Void)?
    private let onEvent: (@Sendable (WitnessEvent) -> Void)?
    private let lock = NSLock()

    /// - Parameters:
    ///   - afterPersist: called after a new view is durable and before the answer is made —
    ///     for crash tests (the command line kills itself there when told to).
    ///   - onEvent: told of each registration, cosignature and refusal (the witness's screen).
    public init(
        identity: WitnessIdentity, committee: Certificate, state: WitnessState,
        clock: @escaping @Sendable () -> Date = { Date() },
        afterPersist: (@Sendable () -> Void)? = nil,
        onEvent: (@Sendable (WitnessEvent) -> Void)? = nil
    ) {
        self.identity = identity
        self.committee = committee
        self.state = state
        self.clock = clock
        self.afterPersist = afterPersist
        self.onEvent = onEvent
    }

    /// Handles one add-checkpoint body, following c2sp.org/tlog-witness in its order:
    /// 400 malformed; 404 unknown origin; 403 no signature by the registered key verifies;
    /// 400 `old` beyond the checkpoint's size; 409 `old` is not the size last cosigned (the
    /// body says which); 422 the consistency proof from the stored root does not verify (a proof
    /// from 0 must be empty; a checkpoint of size 0 must have the empty tree's root); 409 the size
    /// last cosigned with another root. Otherwise it cosigns, persists the view, and answers 200
    /// with the cosignature line — again for a resubmission of the checkpoint it holds.
    public func addCheckpoint(_ body: [UInt8]) -> AddCheckpointOutcome {
        let outcome = lock.withLock { decide(body) }
        onEvent?(.addCheckpoint(outcome))
        return outcome
    }

    /// Handles one registration body (pingshen's `POST /pingshen/register`): 200 once the log is
    /// registered (again: idempotent for the same key); 400, 403 or 409 refused (see
    /// ``RegistrationError``). The registration is durable before the answer.
    public func register(_ body: [UInt8]) -> RegistrationOutcome {
        let outcome = lock.withLock { () -> RegistrationOutcome in
            let log: RegisteredLog
            do throws(RegistrationError) {
                log = try RegisteredLog(verifying: body, committee: committee, at: clock())
            } catch {
                return .refused(error)
            }
            if let existing = state.logs[log.origin] {
                let known = existing.log.registration
                guard known.sessionKey == log.registration.sessionKey, known.keyName == log.registration.keyName else {
                    return .refused(.originTaken(log.origin))
                }
                return .registered(existing.log, isNew: false, receipt: receipt(log.origin, existing.size))
            }
            do throws(WitnessError) {
                try state.add(log)
            } catch {
                return .failed(error.description)
            }
            return .registered(log, isNew: true, receipt: receipt(log.origin, 0))
        }
        onEvent?(.registration(outcome))
        return outcome
    }

    /// What the witness follows and has cosigned, for the status page.
    public func status() -> WitnessStatus {
        lock.withLock {
            WitnessStatus(
                witness: identity.cosigner.name, publicKey: Base64.encode(identity.key.publicKey.rawRepresentation),
                committee: committee.subject.commonName ?? committee.subject.description,
                logs: state.logs.values.sorted { $0.log.origin < $1.log.origin }.map(WitnessStatus.Log.init))
        }
    }

    private func receipt(_ origin: String, _ size: UInt64) -> RegistrationReceipt {
        RegistrationReceipt(name: identity.cosigner.name, certificate: identity.certificate, origin: origin, size: size)
    }

    /// The decision for one add-checkpoint body; runs under the lock.
    private func decide(_ body: [UInt8]) -> AddCheckpointOutcome {
        let request: AddCheckpointRequest
        do { request = try AddCheckpointRequest(parsing: body) } catch { return .malformed(error) }
        let checkpoint = request.checkpoint.checkpoint
        let origin = checkpoint.origin
        guard let record = state.logs[origin] else { return .unknownOrigin(origin) }
        guard !request.checkpoint.verify(with: [record.log.verifier]).verified.isEmpty else { return .untrusted(origin: origin) }
        let old = request.oldSize
        guard old <= checkpoint.size else { return .oldBeyondSize(old: old, size: checkpoint.size) }
        guard old == record.size else { return .sizeConflict(origin: origin, latest: record.size) }
        if let refusal = consistency(request, record) {
            let status = refusal.response.status
            state.keepEvidence(body, origin: origin, status: status, timestamp: timestamp())
            return refusal
        }
        let time = timestamp()
        let cosignature: Cosignature
        do {
            cosignature = try identity.cosigner.cosign(checkpoint.text, at: time)
        } catch {
            return .failed(error.description)
        }
        do {
            try state.record(CosignedView(checkpoint: request.checkpoint, timestamp: time))
        } catch {
            return .failed(error.description)
        }
        afterPersist?()
        return .cosigned(origin: origin, size: checkpoint.size, cosignatures: [cosignature])
    }

    /// The 422 or 409 refusal of a request whose `old` matches the stored size, or nil.
    private func consistency(_ request: AddCheckpointRequest, _ record: LogRecord) -> AddCheckpointOutcome? {
        let checkpoint = request.checkpoint.checkpoint
        let origin = checkpoint.origin
        let old = request.oldSize
        if old == 0 {
            guard request.proof.isEmpty else {
                return .inconsistent(origin: origin, reason: "old 为 0 时证明必须为空 (the proof must be empty when old is 0)")
            }
            if checkpoint.size == 0 && checkpoint.root != .emptyTree {
                return .inconsistent(origin: origin, reason: "大小为 0 的树的根不是空树哈希 (a tree of size 0 must have the empty tree's root)")
            }
            return nil
        }
        // old == the stored size > 0, so there is a stored view.
        let stored = record.view!
        if old == checkpoint.size {
            guard request.proof.isEmpty else {
                return .inconsistent(origin: origin, reason: "大小相同时证明必须为空 (the proof must be empty for equal sizes)")
            }
            return checkpoint.root == stored.root ? nil : .rootConflict(origin: origin, size: old)
        }
        let proof = ConsistencyProof(oldSize: old, newSize: checkpoint.size, path: request.proof)
        switch proof.verify(oldRoot: stored.root, newRoot: checkpoint.root) {
        case .verified: return nil
        case .rejected(let reason): return .inconsistent(origin: origin, reason: reason.description)
        }
    }

    private func timestamp() -> UInt64 {
        UInt64(max(0, clock().timeIntervalSince1970.rounded(.down)))
    }
}

/// Something the witness did, for its screen.
public enum WitnessEvent: Sendable {
    case registration(RegistrationOutcome)
    case addCheckpoint(AddCheckpointOutcome)
}
