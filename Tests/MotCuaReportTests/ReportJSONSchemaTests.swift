import MotCuaCore
import MotCuaTestSupport
import XCTest
@testable import MotCuaReport

/// The JSON schema file and the figure catalogue describe the same figures,
/// and the validator the tests use rejects what the schema forbids.
final class ReportJSONSchemaTests: XCTestCase {
    func schemaFigures() throws -> (properties: Set<String>, required: Set<String>) {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/report.schema.json")
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let figures = (schema["$defs"] as! [String: Any])["figures"] as! [String: Any]
        return (Set((figures["properties"] as! [String: Any]).keys), Set(figures["required"] as! [String]))
    }

    func testTheSchemaListsExactlyTheCatalogueFigures() throws {
        let fromCatalogue = Set(FigureCatalogue.all.compactMap { $0.json?.first })
        let (properties, required) = try schemaFigures()
        // index766 is not a catalogue figure: it is built from its own counts (docs/rules.md#index766).
        XCTAssertEqual(required, fromCatalogue.union(["index766"]), "every figure with a JSON name is required in docs/report.schema.json")
        XCTAssertEqual(properties, fromCatalogue.union(["tt01", "index766", "previous", "year_ago"]))
    }

    func report(dimensions: Set<ReportDimension> = []) -> PeriodReport {
        let tree = UnitTree([OrgUnit(code: "R", name: "Huyện", level: "huyen"),
                             OrgUnit(code: "X", name: "Xã", level: "xa", parentCode: "R")])
        let period = ReportPeriod.parse("2020-10")!
        var a = PeriodAggregator(period: period, catalogue: ProcedureCatalogue([]), dimensions: dimensions)
        let at = LocalDateTime(year: 2020, month: 10, day: 5, hour: 8, minute: 0, second: 0)!
        a.add(Dossier(code: "1", unitCode: "R", receivedAt: at, dueAt: at.adding(seconds: 86_400), status: .processing))
        a.add(Dossier(code: "2", unitCode: "X", channel: .online, receivedAt: at, status: .processing))
        return a.report(scope: nil, tree: tree)
    }

    func testAReportFollowsTheSchemaAndABrokenOneDoesNot() throws {
        let validator = try JSONSchemaValidator.reportSchema()
        let r = report(dimensions: [.channel])
        let good = try ReportJSON.encode(r, groups: .channel)
        XCTAssertEqual(validator.problems(in: try JSONDocument.read(good)), [])
        var doc = try JSONSerialization.jsonObject(with: good) as! [String: Any]
        XCTAssertEqual((doc["rows"] as! [[String: Any]]).map { $0["own"] as! Bool }, [true, false])
        XCTAssertEqual((doc["units"] as! [[String: Any]]).map { $0["depth"] as! Int }, [0, 1])
        XCTAssertEqual(((doc["groups"] as! [String: Any])["items"] as! [[String: Any]]).map { $0["key"] as! String }, ["1", "2"])

        var total = doc["total"] as! [String: Any]
        total["received"] = -1
        total["surprise"] = 1   // extra keys beside figures are allowed; a negative count is not
        doc["total"] = total
        doc["schema_version"] = 1
        let broken = try JSONSerialization.data(withJSONObject: doc)
        let problems = validator.problems(in: try JSONDocument.read(broken))
        XCTAssertTrue(problems.contains { $0.hasPrefix("$.schema_version") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.hasPrefix("$.total.received") }, "\(problems)")
        doc.removeValue(forKey: "units")
        let missing = validator.problems(in: try JSONDocument.read(try JSONSerialization.data(withJSONObject: doc)))
        XCTAssertTrue(missing.contains("$: missing units"), "\(missing)")
    }
}
