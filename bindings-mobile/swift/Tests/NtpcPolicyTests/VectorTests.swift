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
    if m.displayStyle == .enum { return snake(String(describing: value)) }
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

private let calls: [String: (Args) throws -> Any] = [
    "policy.load": { a in try JSONSerialization.jsonObject(with: Data(try Policy.fromJson(text: a["json"] as! String).toJson().utf8)) },
    "policy.edition": { a in try JSONSerialization.jsonObject(with: Data(try Policy.edition(name: a["name"] as! String).toJson().utf8)) },
    "calendar.parse": { a in try parseDate(text: a["text"] as! String) },
    "calendar.parse_datetime": { a in ["datetime": try parseDateTime(text: a["text"] as! String)] },
    "calendar.format": { a in ["text": try formatDate(value: a["date"] as! String, style: a["style"] as! String)] },
    "calendar.format_datetime": { a in
        ["text": try formatDateTime(value: try parseDateTime(text: a["datetime"] as! String), style: a["style"] as! String)]
    },
    "calendar.to_roc": { a in try toRoc(value: a["date"] as! String) },
    "calendar.from_roc": { a in
        ["date": try fromRoc(year: Int32(a["year"] as! Int), month: UInt32(a["month"] as! Int), day: UInt32(a["day"] as! Int))]
    },
    "calendar.school_term": { a in try schoolTerm(value: a["date"] as! String, policy: try policy(a)) },
    "calendar.fiscal_year": { a in ["roc_year": try fiscalYear(value: a["date"] as! String)] },
    "identity.classify": { a in try classifyId(value: a["value"] as! String) },
    "identity.normalize": { a in ["value": try normalizeId(value: a["value"] as! String)] },
    "identity.mask": { a in ["masked": try maskId(value: a["value"] as! String, policy: try policy(a))] },
    "identity.check_account": { a in try checkAccount(name: a["name"] as! String, policy: try policy(a)) },
    "identity.scan": { a in ["matches": try scanIds(text: a["text"] as! String, policy: try policy(a))] },
    "identity.redact": { a in ["text": try redactIds(text: a["text"] as! String, policy: try policy(a))] },
    "identity.check_ubn": { a in try checkUbn(value: a["value"] as! String) },
    "network.ems_allocation": { a in try emsAllocation(schoolNo: UInt32(a["school_no"] as! Int), policy: try policy(a)) },
    "network.check_ems_address": { a in
        try checkEmsAddress(address: a["address"] as! String, schoolNo: UInt32(a["school_no"] as! Int), policy: try policy(a))
    },
    "training.security_training": { a in try securityTraining(hours: (a["hours"] as! NSNumber).doubleValue, policy: try policy(a)) },
    "training.smart_learning_progress": { a in
        try smartLearningProgress(
            teacherQuota: UInt32(a["teacher_quota"] as! Int), certified: UInt32(a["certified"] as! Int), policy: try policy(a))
    },
    "password.check": { a in try checkPassword(password: a["password"] as! String, options: try options(a), policy: try policy(a)) },
    "password.check_many": { a in
        try checkPasswords(passwords: a["passwords"] as! [String], options: try options(a), policy: try policy(a))
    },
    "password.is_common": { a in ["common": try isCommonPassword(password: a["password"] as! String)] },
    "password.expiry": { a in
        try passwordExpiry(
            lastChanged: try parseDateTime(text: a["last_changed"] as! String),
            now: try parseDateTime(text: a["now"] as! String),
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
