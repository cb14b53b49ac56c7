import Dispatch
import Foundation

/// Verifies many sessions in parallel, streaming: each worker takes the next session, reads it
/// (a folder, or an archive decrypted in memory), checks it and hands the report on, so that
/// at most one session per worker is in memory however large the year.
public struct BatchRun: Sendable {
    public let inspector: Inspector
    /// Opens archives; nil when no inspector key was given (archives are then unreadable).
    public let opener: ArchiveOpener?
    /// Worker threads; defaults to the number of active cores.
    public let jobs: Int

    public init(inspector: Inspector, opener: ArchiveOpener?, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.inspector = inspector
        self.opener = opener
        self.jobs = max(1, jobs)
    }

    /// Verifies `sessions`, calling `deliver` with each report and its index in `sessions`, in
    /// the order of `sessions` (one call at a time, never concurrently).
    ///
    /// In order, so that the output is the same from run to run and the first of two copies of
    /// a session is always the one named first. A report that finishes early waits for those
    /// before it; reports are small (counts and findings), and the wait is about as long as
    /// one session takes.
    public func run(_ sessions: [SessionLocation], deliver: @escaping @Sendable (Int, SessionReport) -> Void) {
        let queue = WorkQueue(count: sessions.count)
        let workers = min(jobs, max(1, sessions.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let cache = CertificateCache()
            while let index = queue.next() {
                let report = verify(sessions[index], cache: cache)
                queue.deliverInOrder(index, report, deliver)
            }
        }
    }

    /// One session's report.
    public func verify(_ location: SessionLocation) -> SessionReport {
        verify(location, cache: CertificateCache())
    }

    func verify(_ location: SessionLocation, cache: CertificateCache) -> SessionReport {
        switch location {
        case .folder(let path):
            return inspector.verify(.folder(path), path: path, cache: cache)
        case .archive(let path):
            guard let opener else {
                return SessionReport(path: path, unreadable: "这是加密归档：请用 --key 与 --cert 给出接收人（监督人员）的私钥与证书 (an encrypted archive: give the recipient's --key and --cert)")
            }
            do {
                return inspector.verify(try opener.files(ofArchiveAt: path), path: path, cache: cache)
            } catch {
                return SessionReport(path: path, unreadable: "归档无法打开：\(error) (the archive cannot be opened)")
            }
        }
    }
}

/// Hands out indices 0..<count once each, and hands their reports on in index order, under one lock.
final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let deliveryLock = NSLock()
    private var nextIndex = 0
    private let count: Int
    /// Reports finished before those ahead of them, by index.
    private var waiting: [Int: SessionReport] = [:]
    private var nextToDeliver = 0

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    /// Keeps `report` until every report before `index` has been delivered, then delivers all that are ready.
    func deliverInOrder(_ index: Int, _ report: SessionReport, _ deliver: (Int, SessionReport) -> Void) {
        deliveryLock.lock()
        defer { deliveryLock.unlock() }
        waiting[index] = report
        while let ready = waiting.removeValue(forKey: nextToDeliver) {
            deliver(nextToDeliver, ready)
            nextToDeliver += 1
        }
    }
}
