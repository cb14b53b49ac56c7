import Documents
import Review
import Workspace

/// Times `render overview`'s parts: the load for documents, then each format's rendering.
enum OverviewPhases {
    static func run(_ directory: String) {
        let clock = ContinuousClock()
        var state: SessionState?
        let load = clock.measure { state = try! SessionFolder(path: directory).stateForDocuments() }
        print("load for documents (read, decode without ballots, replay): \(load) for \(state!.candidates.count) candidates")
        let renderer = DocumentRenderer(templates: try! TemplateLibrary.shipped())
        for format in [DocumentFormat.csv, .md, .html] {
            var bytes = 0
            let t = clock.measure { bytes = try! renderer.overview(state!, format: format).bytes.count }
            print("render overview \(format.rawValue): \(t), \(bytes) bytes")
        }
        let free = clock.measure { state = nil }
        print("freeing the state: \(free)")
    }
}
