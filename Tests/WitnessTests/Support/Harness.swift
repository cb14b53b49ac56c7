import Foundation
import Journal
import Seal
import Testing
import Witness

/// A witness on a fresh state folder, with a clock the test moves.
final class Harness: @unchecked Sendable {
    let folder: String
    let committee: Committee
    let clock = TestClock()
    private(set) var service: WitnessService!
    private var state: WitnessState?

    init(_ committee: Committee = .p256) throws {
        self.committee = committee
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("witness-tests-\(UUID().uuidString)").path
        try reopen()
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Drops the service and its state (releasing the folder's lock) and opens them again, as
    /// a restarted witness would.
    func reopen(afterPersist: (@Sendable () -> Void)? = nil) throws {
        service = nil
        state = nil
        let state = try WitnessState(path: folder)
        self.state = state
        let clock = self.clock
        service = WitnessService(identity: committee.witness, committee: committee.seal, state: state,
                                 clock: { clock.now }, afterPersist: afterPersist)
    }

    /// Registers `log`, which must succeed.
    func register(_ log: SessionLog, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let outcome = service.register(try log.registration(committee).body)
        #expect(outcome.response.status == 200, "\(String(decoding: outcome.response.body, as: UTF8.self))", sourceLocation: sourceLocation)
    }
}

/// A settable clock, starting now (whole seconds). With a `delay`, reading it takes that long:
/// the witness reads its clock between checking a request and persisting it, so a delay widens
/// the window two racing requests would need to roll the witness back.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    private var pause: TimeInterval = 0

    var now: Date {
        let (time, pause) = lock.withLock { (value, self.pause) }
        if pause > 0 { Thread.sleep(forTimeInterval: pause) }
        return time
    }

    var delay: TimeInterval {
        get { lock.withLock { pause } }
        set { lock.withLock { pause = newValue } }
    }

    func advance(_ seconds: TimeInterval) {
        lock.withLock { value = value.addingTimeInterval(seconds) }
    }
}

/// The text of a response body.
func text(_ response: WitnessResponse) -> String {
    String(decoding: response.body, as: UTF8.self)
}
