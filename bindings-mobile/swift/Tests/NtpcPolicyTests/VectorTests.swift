// Runs every shared vector in tests/vectors/ through the Swift API, with the same
// expected results as Rust — the Swift mirror of tests/kotlin/VectorRunner.kt.
import Foundation
import XCTest
@testable import NtpcPolicy

private let vectorsDir = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().appendingPathComponent("../../../../tests/vectors").standardized

private let taipei = TimeZone(secondsFromGMT: 8 * 3600)!

private func iso8(_ d: Date) -> String {
    let f = ISO8601DateFormatter()
    f.timeZone = taipei
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: d).replacingOccurrences(of: "Z", with: "+00:00")
}

/// Swift case names whose snake_case is not the stable string (a digit after letters, a dash).
private let enumNames = ["microsoft365": "microsoft_365", "utf8": "utf-8", "utf16_le": "utf-16le", "utf16_be": "utf-16be"]

private func snake(_ s: String) -> String {
    var out = ""
    for c in s {
        if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
    }
    return out
}

/// A Swift value in the vectors' JSON shape: records via reflection with snake_case
/// keys, enums as their snake_case names, dates as Taipei RFC 3339, `paramsJson` parsed.
private func shape(_ value: Any) -> Any {
    let m = Mirror(reflecting: value)
    if m.displayStyle == .optional {
        guard let inner = m.children.first?.value else { return NSNull() }
        return shape(inner)
    }
    switch value {
    case let d as Date: return iso8(d)
    case let s as String: return s
    case let b as Bool: return b
    case let n as any BinaryInteger: return Int64(n)
    case let x as Double: return x
    case let a as [Any]: return a.map(shape)
    case let d as [String: Any]: return d.mapValues(shape)
    default: break
    }
    if m.displayStyle == .enum {
        let name = snake(String(describing: value))
        return enumNames[name] ?? name
    }
    var out: [String: Any] = [:]
    for child in m.children {
        guard let label = child.label else { continue }
        if label == "paramsJson", let text = child.value as? String {
            out["params"] = try! JSONSerialization.jsonObject(with: Data(text.utf8))
        } else {
            out[snake(label)] = shape(child.value)
        }
    }
    return out
}

/// nil when `want` is a subset of `got` (the rule every runner shares).
private func mismatch(_ want: Any, _ got: Any?, _ path: String) -> String? {
    if want is NSNull { return (got == nil || got is NSNull) ? nil : "\(path): want null, got \(got!)" }
    guard let got = got else { return "\(path): missing (want \(want))" }
    if let w = want as? [Any] {
        guard let g = got as? [Any], g.count == w.count else { return "\(path): want \(w.count) items, got \(got)" }
        for (i, x) in w.enumerated() { if let p = mismatch(x, g[i], "\(path)[\(i)]") { return p } }
        return nil
    }
    if let w = want as? [String: Any] {
        guard let g = got as? [String: Any] else { return "\(path): want object, got \(got)" }
        for (k, x) in w { if let p = mismatch(x, g[k], "\(path).\(k)") { return p } }
        return nil
    }
    if let w = want as? NSNumber, CFGetTypeID(w) != CFBooleanGetTypeID() {
        if let g = got as? Int64 { return w.doubleValue == Double(g) ? nil : "\(path): want \(w), got \(g)" }
        if let g = got as? Double { return w.doubleValue == g ? nil : "\(path): want \(w), got \(g)" }
    }
    if let w = want as? Bool, let g = got as? Bool { return w == g ? nil : "\(path): want \(w), got \(g)" }
    if let w = want as? String, let g = got as? String { return w == g ? nil : "\(path): want \(w), got \(g)" }
    return "\(path): want \(want), got \(got)"
}

private typealias Args = [String: Any]

private func policy(_ a: Args) throws -> Policy? {
    guard let p = a["policy"], !(p is NSNull) else { return nil }
    let data = try JSONSerialization.data(withJSONObject: p)
    return try Policy.fromJson(text: String(decoding: data, as: UTF8.self))
}

private func options(_ a: Args) throws -> PasswordOptions {
    PasswordOptions(
        account: a["account"] as? String,
        displayName: a["display_name"] as? String,
        profile: try (a["profile"] as? String).map { try passwordProfile(name: $0) }
    )
}

// ---- record arguments from JSON (the Kotlin runner's recordGson, by hand) ----
// What Swift cannot build (a missing or mistyped field, an unknown key) throws
// `Unbuildable`, which the vectors' README counts as `input.invalid_argument`.

private struct Unbuildable: Error { let why: String }

private func obj(_ v: Any?, _ keys: Set<String>) throws -> Args {
    guard let d = v as? Args else { throw Unbuildable(why: "not an object") }
    if let bad = d.keys.first(where: { !keys.contains($0) }) { throw Unbuildable(why: "unknown field \(bad)") }
    return d
}
private func list(_ v: Any?) throws -> [Any] {
    guard let a = v as? [Any] else { throw Unbuildable(why: "not a list") }
    return a
}
private func str(_ d: Args, _ k: String) throws -> String {
    guard let s = d[k] as? String else { throw Unbuildable(why: "\(k): a string is required") }
    return s
}
private func optStr(_ d: Args, _ k: String) throws -> String? {
    guard let v = d[k], !(v is NSNull) else { return nil }
    guard let s = v as? String else { throw Unbuildable(why: "\(k): a string is required") }
    return s
}
private func optNum(_ d: Args, _ k: String) throws -> NSNumber? {
    guard let v = d[k], !(v is NSNull) else { return nil }
    guard let n = v as? NSNumber, CFGetTypeID(n) != CFBooleanGetTypeID() else { throw Unbuildable(why: "\(k): a number is required") }
    return n
}
private func optU32(_ d: Args, _ k: String) throws -> UInt32? {
    guard let n = try optNum(d, k) else { return nil }
    guard n.int64Value >= 0 else { throw Unbuildable(why: "\(k): negative") }
    return n.uint32Value
}
private func u32(_ d: Args, _ k: String) throws -> UInt32 {
    guard let n = try optU32(d, k) else { throw Unbuildable(why: "\(k) is required") }
    return n
}
private func i64(_ d: Args, _ k: String) throws -> Int64 {
    guard let n = try optNum(d, k) else { throw Unbuildable(why: "\(k) is required") }
    return n.int64Value
}
private func num(_ d: Args, _ k: String) throws -> Double {
    guard let n = try optNum(d, k) else { throw Unbuildable(why: "\(k) is required") }
    return n.doubleValue
}
private func strs(_ d: Args, _ k: String) throws -> [String] {
    guard let a = try optStrs(d, k) else { throw Unbuildable(why: "\(k) is required") }
    return a
}
private func optStrs(_ d: Args, _ k: String) throws -> [String]? {
    guard let v = d[k], !(v is NSNull) else { return nil }
    guard let a = v as? [String] else { throw Unbuildable(why: "\(k): a list of strings is required") }
    return a
}

private func mailboxRecord(_ v: Any?) throws -> MailboxRecord {
    let d = try obj(v, ["account", "activated_on", "last_login", "staff_status", "departed_on", "used_bytes"])
    return MailboxRecord(
        account: try str(d, "account"), activatedOn: try str(d, "activated_on"), lastLogin: try optStr(d, "last_login"),
        staffStatus: try optStr(d, "staff_status"), departedOn: try optStr(d, "departed_on"),
        usedBytes: try optNum(d, "used_bytes")?.int64Value)
}
private func accountRecord(_ v: Any?) throws -> AccountRecord {
    let d = try obj(v, ["person", "status", "class", "status_date", "account"])
    return AccountRecord(
        person: try optStr(d, "person"), status: try str(d, "status"), class: try optStr(d, "class"),
        statusDate: try optStr(d, "status_date"), account: try optStr(d, "account"))
}
private func contact(_ v: Any?) throws -> Contact? {
    guard let v = v, !(v is NSNull) else { return nil }
    let d = try obj(v, ["name", "mobile", "relation"])
    return Contact(name: try optStr(d, "name"), mobile: try optStr(d, "mobile"), relation: try optStr(d, "relation"))
}
private func familyRecord(_ v: Any?) throws -> FamilyRecord {
    let d = try obj(v, ["student", "father", "mother", "guardian1", "guardian2", "others"])
    var others: [Contact]? = nil
    if let v = d["others"], !(v is NSNull) {
        others = try list(v).map { c in
            guard let one = try contact(c) else { throw Unbuildable(why: "others: null contact") }
            return one
        }
    }
    return FamilyRecord(
        student: try optStr(d, "student"), father: try contact(d["father"]), mother: try contact(d["mother"]),
        guardian1: try contact(d["guardian1"]), guardian2: try contact(d["guardian2"]), others: others)
}
private func person(_ v: Any?) throws -> Person {
    let d = try obj(v, ["title", "roles"])
    return Person(title: try optStr(d, "title"), roles: try optStrs(d, "roles"))
}
private func overrides(_ a: Args) throws -> [Override]? {
    guard let v = a["overrides"], !(v is NSNull) else { return nil }
    return try list(v).map { o in
        let d = try obj(o, ["module", "right", "add", "remove"])
        return Override(module: try str(d, "module"), right: try str(d, "right"), add: try optStrs(d, "add"), remove: try optStrs(d, "remove"))
    }
}
private func attendanceRecord(_ v: Any?) throws -> AttendanceRecord {
    let d = try obj(v, ["class", "date", "student", "status"])
    return AttendanceRecord(class: try str(d, "class"), date: try str(d, "date"), student: try str(d, "student"), status: try str(d, "status"))
}
private func incident(_ v: Any?) throws -> Incident {
    let d = try obj(v, ["id", "unit", "level", "reported_level", "event_type", "subtype", "occurred_at", "aware_at",
                        "reported_at", "reviewed_at", "recovered_at", "report_filed_at", "ip"])
    guard let level = try optU32(d, "level") else { throw Unbuildable(why: "level is required") }
    return Incident(
        id: try str(d, "id"), unit: try str(d, "unit"), level: level, reportedLevel: try optU32(d, "reported_level"),
        eventType: try optStr(d, "event_type"), subtype: try optStr(d, "subtype"), occurredAt: try optStr(d, "occurred_at"),
        awareAt: try optStr(d, "aware_at"), reportedAt: try optStr(d, "reported_at"), reviewedAt: try optStr(d, "reviewed_at"),
        recoveredAt: try optStr(d, "recovered_at"), reportFiledAt: try optStr(d, "report_filed_at"), ip: try optStr(d, "ip"))
}
private func drillReport(_ v: Any?) throws -> DrillReport {
    let d = try obj(v, ["school", "school_name", "drill", "notified_at", "reported_at"])
    return DrillReport(
        school: try str(d, "school"), schoolName: try optStr(d, "school_name"), drill: try optStr(d, "drill"),
        notifiedAt: try str(d, "notified_at"), reportedAt: try optStr(d, "reported_at"))
}
private func auditSchool(_ v: Any?) throws -> AuditSchool {
    let d = try obj(v, ["school", "name", "drill_overtime_minutes", "previous_year_incidents", "self_report_gaps",
                        "citizen_complaints", "security_grade"])
    return AuditSchool(
        school: try str(d, "school"), name: try optStr(d, "name"),
        drillOvertimeMinutes: try optNum(d, "drill_overtime_minutes")?.int64Value,
        previousYearIncidents: try optU32(d, "previous_year_incidents"), selfReportGaps: try optU32(d, "self_report_gaps"),
        citizenComplaints: try optU32(d, "citizen_complaints"), securityGrade: try optStr(d, "security_grade"))
}
private func scanFinding(_ v: Any?) throws -> ScanFinding {
    let d = try obj(v, ["school", "scan", "cvss", "cvss_version", "label", "title"])
    guard let cvss = try optNum(d, "cvss") else { throw Unbuildable(why: "cvss is required") }
    return ScanFinding(
        school: try str(d, "school"), scan: try str(d, "scan"), cvss: cvss.doubleValue,
        cvssVersion: try optStr(d, "cvss_version"), label: try optStr(d, "label"), title: try optStr(d, "title"))
}
private func importOptions(_ a: Args) throws -> ImportOptions? {
    guard let v = a["options"], !(v is NSNull) else { return nil }
    let d = try obj(v, ["delimiter"])
    return ImportOptions(delimiter: try optStr(d, "delimiter"))
}
private func fileData(_ a: Args) throws -> Data {
    if let hex = a["data_hex"] as? String {
        let digits = Array(hex.filter { !$0.isWhitespace })
        var out = Data()
        var i = 0
        while i + 1 < digits.count {
            guard let b = UInt8(String(digits[i...i + 1]), radix: 16) else { throw Unbuildable(why: "data_hex") }
            out.append(b)
            i += 2
        }
        return out
    }
    return Data(try str(a, "data").utf8)
}

private let calls: [String: (Args) throws -> Any] = [
    "policy.load": { a in try JSONSerialization.jsonObject(with: Data(try Policy.fromJson(text: try str(a, "json")).toJson().utf8)) },
    "policy.edition": { a in try JSONSerialization.jsonObject(with: Data(try Policy.edition(name: try str(a, "name")).toJson().utf8)) },
    "calendar.parse": { a in try parseDate(text: try str(a, "text")) },
    "calendar.parse_datetime": { a in ["datetime": try parseDateTime(text: try str(a, "text"))] },
    "calendar.format": { a in ["text": try formatDate(value: try str(a, "date"), style: try str(a, "style"))] },
    "calendar.format_datetime": { a in
        ["text": try formatDateTime(value: try parseDateTime(text: try str(a, "datetime")), style: try str(a, "style"))]
    },
    "calendar.to_roc": { a in try toRoc(value: try str(a, "date")) },
    "calendar.from_roc": { a in
        ["date": try fromRoc(year: Int32(try i64(a, "year")), month: try u32(a, "month"), day: try u32(a, "day"))]
    },
    "calendar.school_term": { a in try schoolTerm(value: try str(a, "date"), policy: try policy(a)) },
    "calendar.fiscal_year": { a in ["roc_year": try fiscalYear(value: try str(a, "date"))] },
    "identity.classify": { a in try classifyId(value: try str(a, "value")) },
    "identity.classify_packed": { a in ["codes": Array(try classifyIdsPacked(values: try strs(a, "values"))).map { Int($0) }] },
    "identity.normalize": { a in ["value": try normalizeId(value: try str(a, "value"))] },
    "identity.mask": { a in ["masked": try maskId(value: try str(a, "value"), policy: try policy(a))] },
    "identity.check_account": { a in try checkAccount(name: try str(a, "name"), policy: try policy(a)) },
    "identity.scan": { a in ["matches": try scanIds(text: try str(a, "text"), policy: try policy(a))] },
    "identity.redact": { a in ["text": try redactIds(text: try str(a, "text"), policy: try policy(a))] },
    "identity.check_ubn": { a in try checkUbn(value: try str(a, "value")) },
    "network.ems_allocation": { a in try emsAllocation(schoolNo: try u32(a, "school_no"), policy: try policy(a)) },
    "network.check_ems_address": { a in
        try checkEmsAddress(address: try str(a, "address"), schoolNo: try u32(a, "school_no"), policy: try policy(a))
    },
    "training.security_training": { a in try securityTraining(hours: try num(a, "hours"), policy: try policy(a)) },
    "training.smart_learning_progress": { a in
        try smartLearningProgress(
            teacherQuota: try u32(a, "teacher_quota"), certified: try u32(a, "certified"), policy: try policy(a))
    },
    "password.check": { a in try checkPassword(password: try str(a, "password"), options: try options(a), policy: try policy(a)) },
    "password.check_many": { a in
        try checkPasswords(passwords: try strs(a, "passwords"), options: try options(a), policy: try policy(a))
    },
    "mailbox.status": { a in try mailboxStatus(mailbox: try mailboxRecord(a["mailbox"]), today: try str(a, "today"), policy: try policy(a)) },
    "mailbox.sweep": { a in
        try sweepMailboxes(mailboxes: try list(a["mailboxes"]).map(mailboxRecord), today: try str(a, "today"), policy: try policy(a))
    },
    "mailbox.import": { a in try importMailboxes(data: try fileData(a), options: try importOptions(a), policy: try policy(a)) },
    "mailbox.quota": { a in
        guard let n = try optNum(a, "used_bytes") else { throw Unbuildable(why: "used_bytes") }
        return try mailboxQuota(usedBytes: n.int64Value, policy: try policy(a))
    },
    "mailbox.message_size": { a in
        guard let n = try optNum(a, "bytes") else { throw Unbuildable(why: "bytes") }
        return try checkMessageSize(sizeBytes: n.int64Value, policy: try policy(a))
    },
    "account.check": { a in try accountAccess(record: try accountRecord(a["record"]), today: try str(a, "today"), policy: try policy(a)) },
    "account.import": { a in try importAccounts(data: try fileData(a), options: try importOptions(a), policy: try policy(a)) },
    "account.check_many": { a in
        try accountAccessMany(records: try list(a["records"]).map(accountRecord), today: try str(a, "today"), policy: try policy(a))
    },
    "parent.check": { a in try checkFamily(family: try familyRecord(a["family"])) },
    "parent.check_many": { a in try checkFamilies(families: try list(a["families"]).map(familyRecord)) },
    "parent.normalize_mobile": { a in try normalizeMobile(text: try str(a, "text")) },
    "permission.table": { _ in ["rows": try permissionTable()] },
    "permission.lookup": { a in try permissionLookup(name: try str(a, "name")) },
    "permission.who_can": { a in try whoCan(module: try str(a, "module"), right: try str(a, "right"), overrides: try overrides(a)) },
    "permission.can": { a in
        try can(person: try person(a["person"]), appOrModule: try str(a, "app_or_module"), right: try str(a, "right"), overrides: try overrides(a))
    },
    "permission.contact_book_right": { a in try contactBookRight(title: try str(a, "title")) },
    "permission.attendance_view": { a in try attendanceView(person: try person(a["person"]), overrides: try overrides(a)) },
    "permission.absent_counts": { a in try absentCounts(records: try list(a["records"]).map(attendanceRecord)) },
    "import.decode": { a in try decodeText(data: try fileData(a)) },
    "import.csv_escape_cell": { a in ["cell": try csvEscapeCell(value: try str(a, "value"))] },
    "import.parse_count": { a in ["count": try parseCount(text: try str(a, "text"))] },
    "incident.evaluate": { a in try evaluateIncident(incident: try incident(a["incident"]), now: try str(a, "now"), policy: try policy(a)) },
    "incident.stats": { a in try incidentStats(incidents: try list(a["incidents"]).map(incident), now: try str(a, "now"), policy: try policy(a)) },
    "incident.import": { a in try importIncidents(data: try fileData(a), options: try importOptions(a), policy: try policy(a)) },
    "incident.parse_ip": { a in try parseIncidentIp(raw: try str(a, "raw")) },
    "incident.parse_level": { a in ["level": try parseIncidentLevel(text: try str(a, "text"))] },
    "drill.evaluate": { a in try evaluateDrill(report: try drillReport(a["report"]), now: try str(a, "now"), policy: try policy(a)) },
    "drill.rank": { a in try rankDrills(reports: try list(a["reports"]).map(drillReport), now: try str(a, "now"), policy: try policy(a)) },
    "drill.import": { a in try importDrills(data: try fileData(a), options: try importOptions(a), policy: try policy(a)) },
    "audit.pick": { a in
        let scans: [ScanFinding]? = (a["scans"] == nil || a["scans"] is NSNull) ? nil : try list(a["scans"]).map(scanFinding)
        return try pickAuditSchools(
            schools: try list(a["schools"]).map(auditSchool), scans: scans, capacity: try optU32(a, "capacity"), policy: try policy(a))
    },
    "audit.cvss_band": { a in
        guard let score = try optNum(a, "score") else { throw Unbuildable(why: "score") }
        return ["band": try cvssBand(score: score.doubleValue, version: try optStr(a, "version"))]
    },
    "audit.parse_cvss_version": { a in ["version": try parseCvssVersion(text: try str(a, "text"))] },
    "audit.parse_scan_round": { a in ["scan": try parseScanRound(text: try str(a, "text"))] },
    "audit.import_schools": { a in try importAuditSchools(data: try fileData(a), options: try importOptions(a), policy: try policy(a)) },
    "audit.import_scans": { a in try importAuditScans(data: try fileData(a), options: try importOptions(a), policy: try policy(a)) },
    "password.is_common": { a in ["common": try isCommonPassword(password: try str(a, "password"))] },
    "password.expiry": { a in
        try passwordExpiry(
            lastChanged: try parseDateTime(text: try str(a, "last_changed")),
            now: try parseDateTime(text: try str(a, "now")),
            reset: a["reset"] as? Bool ?? false,
            alerts: try ((a["alerts"] as? [String]) ?? []).map { try parseDateTime(text: $0) },
            policy: try policy(a)
        )
    },
]

final class VectorTests: XCTestCase {
    func testEveryVector() throws {
        var passed = 0
        var failures: [String] = []
        let files = try FileManager.default.contentsOfDirectory(at: vectorsDir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        for file in files {
            let doc = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
            for c in doc["cases"] as! [[String: Any]] {
                let label = "\(file.deletingPathExtension().lastPathComponent): \(c["name"]!)"
                guard let fn = calls[c["call"] as! String] else {
                    failures.append("\(label): the Swift runner does not know \(c["call"]!)")
                    continue
                }
                do {
                    let got = shape(try fn(c["args"] as? Args ?? [:]))
                    if let err = c["error"] { failures.append("\(label): expected error \(err), got \(got)"); continue }
                    if let p = mismatch(c["expect"]!, got, "$") { failures.append("\(label): \(p)") } else { passed += 1 }
                } catch PolicyError.Failed(let code, let messageEn, _, _) {
                    if (c["error"] as? String) == code { passed += 1 } else { failures.append("\(label): error \(code): \(messageEn)") }
                } catch let e as Unbuildable {
                    if (c["error"] as? String) == "input.invalid_argument" { passed += 1 } else { failures.append("\(label): \(e.why)") }
                }
            }
        }
        print("\(passed) passed, \(failures.count) failed")
        XCTAssertTrue(failures.isEmpty, failures.joined(separator: "\n"))
        XCTAssertGreaterThan(passed, 100)
    }

    func testAPanicIsAThrownErrorNotACrash() throws {
        XCTAssertThrowsError(try panicForTest())
        XCTAssertTrue(try classifyId(value: "A123456789").checksumValid)
    }
}
