import Foundation

/// A bounded hand-over of batches from one producing thread to one consuming
/// thread: the file is parsed and decoded on one core while the caller
/// stores the previous batches on the other. At most `capacity` batches wait,
/// so memory stays flat however large the export.
///
/// All state is guarded by `condition`, hence `@unchecked Sendable`.
package final class BatchPipe<Batch: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [Batch] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private let capacity: Int

    package init(capacity: Int = 8) { self.capacity = capacity }

    /// Hands a batch over, waiting while the consumer is behind; `false` once it has given up.
    package func put(_ batch: Batch) -> Bool {
        condition.lock(); defer { condition.unlock() }
        while queue.count >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        queue.append(batch)
        condition.broadcast()
        return true
    }

    /// The producer is done: `error` if it failed, else the end of the data.
    package func finish(throwing error: (any Error)? = nil) {
        condition.lock(); defer { condition.unlock() }
        finished = true
        failure = error
        condition.broadcast()
    }

    /// The next batch, `nil` at the end; rethrows the producer's error.
    package func take() throws -> Batch? {
        condition.lock(); defer { condition.unlock() }
        while queue.isEmpty && !finished { condition.wait() }
        if !queue.isEmpty {
            let batch = queue.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// The consumer gives up (it failed): the producer's next `put` returns `false`.
    package func cancel() {
        condition.lock(); defer { condition.unlock() }
        cancelled = true
        queue.removeAll()
        condition.broadcast()
    }

    /// Waits until the producer has called ``finish(throwing:)``.
    package func waitUntilFinished() {
        condition.lock(); defer { condition.unlock() }
        while !finished { condition.wait() }
    }
}
