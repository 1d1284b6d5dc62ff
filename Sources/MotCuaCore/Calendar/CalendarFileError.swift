/// A calendar file line that cannot be used. Its ``message`` names the file,
/// the line and what is wrong (code `calendar.<problem>`).
package struct CalendarFileError: UserMessage, Hashable, Sendable, CustomStringConvertible {
    package enum Problem: Hashable, Sendable {
        /// The line does not have the columns `date,kind[,note]`.
        case missingColumns(found: Int)
        /// The date is not written `yyyy-MM-dd`.
        case badDateFormat(String)
        /// The date has the right shape but does not exist (2025-02-30).
        case impossibleDate(String)
        /// The year is outside 1900–2200.
        case yearOutOfRange(Int)
        /// The kind is neither `nghi` nor `lam-bu`.
        case unknownKind(String)
        /// The same date is both `nghi` and `lam-bu` in one file.
        case conflictingKinds(date: String, firstLine: Int)

        var code: String {
            switch self {
            case .missingColumns: return "missing-columns"
            case .badDateFormat: return "bad-date"
            case .impossibleDate: return "impossible-date"
            case .yearOutOfRange: return "year-out-of-range"
            case .unknownKind: return "unknown-kind"
            case .conflictingKinds: return "conflicting-kinds"
            }
        }
    }

    package let file: String
    package let line: Int
    package let problem: Problem

    package init(file: String, line: Int, problem: Problem) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    package var message: Message {
        Message("calendar." + problem.code, file: file, line: line, vi: vietnameseReason, en: englishReason)
    }

    package var description: String { message.text() }

    var vietnameseReason: String {
        switch problem {
        case .missingColumns(let n):
            return "cần các cột ngày,loại,ghi chú (ví dụ 2025-09-01,nghi,Quốc khánh) nhưng chỉ có \(n) cột"
        case .badDateFormat(let s):
            return "ngày \"\(s)\" không đúng dạng yyyy-MM-dd (ví dụ 2025-09-01)"
        case .impossibleDate(let s):
            return "ngày \"\(s)\" không tồn tại"
        case .yearOutOfRange(let y):
            return "năm \(y) nằm ngoài khoảng 1900–2200"
        case .unknownKind(let s):
            return "loại ngày \"\(s)\" không hợp lệ: chỉ dùng \"nghi\" (ngày nghỉ) hoặc \"lam-bu\" (ngày làm bù)"
        case .conflictingKinds(let d, let first):
            return "ngày \(d) vừa là ngày nghỉ vừa là ngày làm bù (xem dòng \(first))"
        }
    }

    var englishReason: String {
        switch problem {
        case .missingColumns(let n):
            return "expected the columns date,kind,note (e.g. 2025-09-01,nghi,National Day) but found \(n) column(s)"
        case .badDateFormat(let s):
            return "date \"\(s)\" is not written yyyy-MM-dd (e.g. 2025-09-01)"
        case .impossibleDate(let s):
            return "date \"\(s)\" does not exist"
        case .yearOutOfRange(let y):
            return "year \(y) is outside 1900–2200"
        case .unknownKind(let s):
            return "kind \"\(s)\" is not valid: use \"nghi\" (day off) or \"lam-bu\" (make-up working day)"
        case .conflictingKinds(let d, let first):
            return "date \(d) is both a day off and a make-up day (see line \(first))"
        }
    }
}
