import Foundation
import Inspection
import Records
import Seal

/// The sessions the tests share, each made once per test run.
enum Fixtures {
    struct Made: @unchecked Sendable {
        let session: SampleSession
        let committee: TestCommittee
        let files: FolderFiles
        var options: InspectionOptions { InspectionOptions(pinnedCommittees: [committee.seal.certificate]) }
    }

    /// The main sealed sample, signed documents and all.
    static let main: Made = {
        let committee = try! TestCommittee()
        let session = try! Scenarios.main(committee: committee)
        return Made(session: session, committee: committee, files: try! FolderReading.files(of: session.path))
    }()

    /// Another committee's seal and members, made by someone who is not the committee.
    static let rogue: TestCommittee = try! TestCommittee()

    static func verify(_ files: FolderFiles, _ options: InspectionOptions) -> SessionReport {
        Inspector(options).verify(.archive(files), path: "mutated")
    }
}
