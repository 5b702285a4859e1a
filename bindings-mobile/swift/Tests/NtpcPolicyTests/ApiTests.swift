// The Swift API over the same core: the examples of the README and the error
// contract. (The shared vectors run through Kotlin here, which has a JVM; a Mac
// runs this package's tests with `swift test`.)
import XCTest
@testable import NtpcPolicy

final class ApiTests: XCTestCase {
    func testIdNumbers() throws {
        let info = try classifyId(value: "A123456789")
        XCTAssertEqual(info.kind, .nationalId)
        XCTAssertTrue(info.checksumValid)
        XCTAssertEqual(info.masked, "A12****789")
        XCTAssertTrue(try isValidId(value: "A800000014"))
        XCTAssertEqual(try redactIds(text: "學生A123456789"), "學生A12****789")
    }

    func testPasswords() throws {
        XCTAssertEqual(try passwordVerdict(password: "Tq7#vLm2pX"), .pass)
        let r = try checkPassword(password: "Aa123456", account: "wang01")
        XCTAssertEqual(r.verdict, .warn)
        XCTAssertEqual(r.findings.first?.code, "password.common")
    }

    func testDatesAndRecords() throws {
        XCTAssertEqual(try formatDate(date: "2021-12-07", style: .rocChinese), "110年12月7日")
        let record = MailboxRecord(
            account: "lin@ntpc.edu.tw", activatedOn: "2019-09-01", lastLogin: "2020-07-25",
            staffStatus: .serving, departedOn: nil, usedBytes: nil)
        let status = try mailboxStatus(mailbox: record, today: "2021-12-07")
        XCTAssertEqual(status.state, .deletable)
    }

    func testErrorsCarryTheCode() {
        XCTAssertThrowsError(try parseDate(text: "110/02/30")) { error in
            guard case let PolicyError.Failed(code, _, messageZh, _) = error else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(code, "calendar.invalid_date")
            XCTAssertFalse(messageZh.isEmpty)
        }
    }
}
