// The Kotlin lines of README.md ("Kotlin and Swift"), compiled and run with the
// vector runner so that the README cannot drift from the generated API.
import tw.edu.ntpc.policy.*

/** Runs the README's Kotlin examples; returns the lines whose result differs. */
fun readmeExamples(): List<String> {
    val bad = ArrayList<String>()
    fun expect(what: String, got: Any?, want: Any?) { if (got != want) bad += "$what: want $want, got $got" }

    expect("parseDate", parseDate("110年12月7日").date, "2021-12-07")
    expect("schoolTerm", schoolTerm("2022-02-01").semester, 2u.toUByte())
    expect("classifyId", classifyId("A123456789").masked, "A12****789")
    expect("checkAccount", checkAccount("a123456789@apps.ntpc.edu.tw").verdict, Verdict.FAIL)
    val typed = "Aa123456"
    val r = checkPassword(typed, account = "wang01")
    expect("checkPassword messages", r.findings.map { it.messageZh }.none { it.contains(typed) }, true)
    val lastChanged = "2021-08-01"
    val daysLeft: Long = passwordExpiry(lastChanged, java.time.Instant.now().toString()).daysLeft
    expect("passwordExpiry", daysLeft <= 90, true)
    val code = try { parseDate("110/02/30"); null } catch (e: PolicyException.Failed) { e.code }
    expect("error code", code, "calendar.invalid_date")
    val family = checkFamily(FamilyRecord(student = null, father = Contact("王大明", "0912-345-678", null),
        mother = null, guardian1 = null, guardian2 = null, others = emptyList())).registrants
    expect("checkFamily", family.size, 1)
    expect("can", can(Person(title = "教務主任兼導師", roles = emptyList()), "電子聯絡簿", Right.MANAGE).rule, Rule.TITLE_RULE)
    expect("formatDate", formatDate("2021-12-07", DateStyle.ROC_CHINESE), "110年12月7日")
    return bad
}
