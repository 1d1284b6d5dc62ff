import Foundation

/// How many threads read at once (số luồng đọc cùng lúc), an export's
/// stretches or a report's stretches of the database: both cores of the
/// office machine, and no more than four where there are more.
package enum ReadingThreads {
    package static var count: Int { min(max(ProcessInfo.processInfo.activeProcessorCount, 2), 4) }
}
