import Foundation

enum TemplateResolver {
    /// A template name in `Templates/` or a path to a template file.
    static func resolve(_ nameOrPath: String) throws -> String {
        if nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") || nameOrPath.contains("/") {
            guard FileManager.default.fileExists(atPath: nameOrPath) else {
                throw CLIError(vi: "\(nameOrPath): không tìm thấy tệp mẫu báo cáo.", en: "\(nameOrPath): template file not found.")
            }
            return nameOrPath
        }
        guard let dir = TemplateLocator.templatesDirectory() else {
            throw CLIError(vi: "Không tìm thấy thư mục Templates/ (đặt biến MOTCUA_TEMPLATES).",
                           en: "The Templates/ folder was not found (set MOTCUA_TEMPLATES).")
        }
        let file = dir.appendingPathComponent(nameOrPath + ".yaml").path
        guard FileManager.default.fileExists(atPath: file) else {
            let available = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
                .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
            throw CLIError(vi: "Không có mẫu báo cáo \"\(nameOrPath)\". Các mẫu có: \(available.joined(separator: ", ")).",
                           en: "No template named \"\(nameOrPath)\". Available: \(available.joined(separator: ", ")).")
        }
        return file
    }
}
