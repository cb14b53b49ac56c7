import Journal
import Records
import Review
import Workspace

/// Times the phases of loading a session: read, split, decode, replay.
enum Phases {
    static func run(_ directory: String) {
        let clock = ContinuousClock()
        let journal = JournalFile(path: directory + "/" + SessionFolder.journalName)
        var text: JournalText?
        let read = clock.measure { text = try! journal.read() }
        var entries: [Entry] = []
        let decode = clock.measure { entries = try! EntryCoding.decodeLines(text!.bytes, text!.lines, omittingBallots: true) }
        let replay = clock.measure { _ = try! SessionState.replay(entries) }
        var root: TreeHash?
        let hashing = clock.measure { root = try! JournalTree(text!).root(ofSize: UInt64(text!.lines.count)) }
        _ = root
        print("read+split \(read), decode \(decode), replay \(replay), tree root \(hashing) for \(entries.count) entries")
    }
}
