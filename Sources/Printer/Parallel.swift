import Dispatch
import Foundation

/// Work on long lists (the 一览表 of a province's year) spread over the cores.
package enum Parallel {
    /// Below this many elements a list is mapped on one thread.
    package static let threshold = 4_096

    /// `transform` applied to every element, in order, on all cores when there are at least
    /// `minimum` elements.
    package static func map<T, U>(_ items: [T], minimum: Int = threshold, _ transform: (Int, T) -> U) -> [U] {
        let count = items.count
        guard count >= max(2, minimum) else { return items.enumerated().map { transform($0, $1) } }
        let slices = max(1, min(count, ProcessInfo.processInfo.activeProcessorCount * 2))
        let size = (count + slices - 1) / slices
        let results = UnsafeMutableBufferPointer<U>.allocate(capacity: items.count)
        defer { results.deallocate() }
        let done = Unchecked(results)
        withoutActuallyEscaping(transform) { transform in
            let work = Unchecked(transform)
            items.withUnsafeBufferPointer { buffer in
                let input = Unchecked(buffer)
                DispatchQueue.concurrentPerform(iterations: slices) { slice in
                    let lower = slice * size, upper = min(count, lower + size)
                    guard lower < upper else { return }
                    for i in lower..<upper {
                        (done.value.baseAddress! + i).initialize(to: work.value(i, input.value[i]))
                    }
                }
            }
        }
        let out = Array(results)
        _ = results.baseAddress.map { $0.deinitialize(count: items.count) }
        return out
    }

    /// A value handed to worker threads that only read it, or write disjoint parts of it.
    struct Unchecked<V>: @unchecked Sendable {
        let value: V
        init(_ value: V) { self.value = value }
    }
}
