import Dispatch

/// Two independent pieces of work done at once (*làm song song*), one on the
/// calling thread and one on another core; returns when both are done.
///
/// For the short stretches where the office machine's second core would
/// otherwise wait, such as putting a report's lists in order after the pass
/// over the dossiers. The results are the same as doing `first` then `second`.
package enum BothAtOnce {
    package static func run<A: Sendable, B: Sendable>(_ first: @Sendable () -> A,
                                                      _ second: @Sendable () -> B) -> (A, B) {
        let results = Results<A, B>()
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            // Each slot written by one iteration only; concurrentPerform returns after both.
            if k == 0 { results.first = first() } else { results.second = second() }
        }
        return (results.first!, results.second!)
    }

    private final class Results<A, B>: @unchecked Sendable {
        var first: A?
        var second: B?
    }
}
