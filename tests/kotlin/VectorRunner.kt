// Runs every shared vector in tests/vectors/ through the Kotlin API (uniffi over
// JNA), with the same expected results as Rust. The subset rule is the one every
// runner shares. Prints "N passed, M failed" last and exits non-zero on failure.
import com.google.gson.FieldNamingPolicy
import com.google.gson.Gson
import com.google.gson.GsonBuilder
import com.google.gson.JsonArray
import com.google.gson.JsonDeserializer
import com.google.gson.JsonElement
import com.google.gson.JsonNull
import com.google.gson.JsonObject
import com.google.gson.JsonParser
import com.google.gson.JsonPrimitive
import com.google.gson.JsonSerializer
import com.google.gson.JsonSyntaxException
import com.google.gson.TypeAdapter
import com.google.gson.stream.JsonReader
import com.google.gson.stream.JsonToken
import com.google.gson.stream.JsonWriter
import java.io.File
import java.time.Instant
import java.time.ZoneOffset
import java.time.format.DateTimeFormatter
import kotlin.system.exitProcess
import tw.edu.ntpc.policy.*

val TAIPEI: ZoneOffset = ZoneOffset.ofHours(8)

/** Records → JSON: enums as their stable lowercase names, instants as Taipei RFC 3339. */
val gson: Gson = GsonBuilder()
    .registerTypeHierarchyAdapter(Enum::class.java, JsonSerializer<Enum<*>> { e, _, _ -> JsonPrimitive(ENUM_NAMES[e.name] ?: e.name.lowercase()) })
    // A nullable unsigned number is boxed as its value class; write the number.
    .registerTypeAdapter(UInt::class.java, JsonSerializer<UInt> { u, _, _ -> JsonPrimitive(u.toLong()) })
    .registerTypeAdapter(ULong::class.java, JsonSerializer<ULong> { u, _, _ -> JsonPrimitive(u.toString().toBigInteger()) })
    .registerTypeAdapter(UByte::class.java, JsonSerializer<UByte> { u, _, _ -> JsonPrimitive(u.toInt()) })
    .registerTypeAdapter(Instant::class.java, JsonSerializer<Instant> { t, _, _ ->
        JsonPrimitive(t.atOffset(TAIPEI).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
    })
    .create()

/** Kotlin enum names whose lowercase is not the stable string (a digit after letters). */
val ENUM_NAMES = mapOf(
    "MICROSOFT365" to "microsoft_365",
    "UTF8" to "utf-8",
    "UTF16_LE" to "utf-16le",
    "UTF16_BE" to "utf-16be",
)

/**
 * JSON → record arguments: snake_case keys onto camelCase properties, a string only
 * from a JSON string. What Kotlin cannot build (a missing or mistyped field, a key
 * the record does not have) throws before the call: the README's rule counts that
 * as the vectors' `input.invalid_argument`.
 */
val recordGson: Gson = GsonBuilder()
    .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
    .serializeNulls()
    // A nullable unsigned property is boxed as its value class; read the number.
    .registerTypeAdapter(UInt::class.java, JsonDeserializer { j, _, _ -> j.asLong.also { require(it >= 0) }.toUInt() })
    .registerTypeAdapter(UByte::class.java, JsonDeserializer { j, _, _ -> j.asInt.also { require(it in 0..255) }.toUByte() })
    .registerTypeAdapter(String::class.java, object : TypeAdapter<String>() {
        override fun write(out: JsonWriter, v: String?) { if (v == null) out.nullValue() else out.value(v) }
        override fun read(r: JsonReader): String? = when (r.peek()) {
            JsonToken.NULL -> { r.nextNull(); null }
            JsonToken.STRING -> r.nextString()
            else -> throw JsonSyntaxException("a string is required at ${r.path}")
        }
    })
    .create()

/** Every key of `given` must come back from the built record (recursively). */
fun checkKeys(given: JsonElement, built: JsonElement, path: String) {
    if (given.isJsonObject && built.isJsonObject) {
        for ((k, v) in given.asJsonObject.entrySet()) {
            val b = built.asJsonObject.get(k) ?: throw IllegalArgumentException("unknown field $path.$k")
            checkKeys(v, b, "$path.$k")
        }
    } else if (given.isJsonArray && built.isJsonArray) {
        given.asJsonArray.forEachIndexed { i, v -> checkKeys(v, built.asJsonArray[i], "$path[$i]") }
    }
}

fun <T> Args.record(k: String, cls: Class<T>): T {
    val json = get(k) ?: JsonNull.INSTANCE
    if (json.isJsonNull) throw IllegalArgumentException("$k is required")
    val v = recordGson.fromJson(json, cls)
    checkKeys(json, recordGson.toJsonTree(v), k)
    return v
}

inline fun <reified T> Args.records(k: String): List<T> =
    record(k, java.lang.reflect.Array.newInstance(T::class.java, 0).javaClass).let { arr ->
        @Suppress("UNCHECKED_CAST")
        (arr as Array<T>).toList()
    }

/** File bytes: `data` (text, UTF-8) or `data_hex` (any bytes). */
fun Args.data(): ByteArray = get("data_hex")?.asString?.replace(Regex("\\s+"), "")?.let { hex ->
    ByteArray(hex.length / 2) { i -> hex.substring(2 * i, 2 * i + 2).toInt(16).toByte() }
} ?: str("data").toByteArray(Charsets.UTF_8)

fun Args.importOptions(): ImportOptions? = get("options")?.takeUnless { it.isJsonNull }?.let { record("options", ImportOptions::class.java) }

fun Args.overrides(): List<Override>? = get("overrides")?.takeUnless { it.isJsonNull }?.let { records<Override>("overrides") }

/** Exceptions of building a Kotlin argument from JSON (see `recordGson`). */
fun unbuildable(e: Exception) = e is JsonSyntaxException || e is IllegalArgumentException ||
    e is NullPointerException || e is IllegalStateException || e is ClassCastException ||
    e is UnsupportedOperationException || e is NumberFormatException

fun snake(k: String): String = k.replace(Regex("[A-Z]")) { "_" + it.value.lowercase() }

/** The vectors' JSON shape: snake_case keys; `paramsJson` text becomes the `params` object. */
fun shape(e: JsonElement): JsonElement = when {
    e.isJsonArray -> JsonArray().also { out -> e.asJsonArray.forEach { out.add(shape(it)) } }
    e.isJsonObject -> JsonObject().also { out ->
        for ((k, v) in e.asJsonObject.entrySet()) {
            if (k == "paramsJson") out.add("params", JsonParser.parseString(v.asString))
            else out.add(snake(k), shape(v))
        }
    }
    else -> e
}

fun mismatch(want: JsonElement, got: JsonElement?, path: String): String? {
    if (want.isJsonNull) return if (got == null || got.isJsonNull) null else "$path: want null, got $got"
    if (got == null) return "$path: missing (want $want)"
    if (want.isJsonArray) {
        if (!got.isJsonArray || got.asJsonArray.size() != want.asJsonArray.size()) return "$path: want ${want.asJsonArray.size()} items, got $got"
        want.asJsonArray.forEachIndexed { i, w -> mismatch(w, got.asJsonArray[i], "$path[$i]")?.let { return it } }
        return null
    }
    if (want.isJsonObject) {
        if (!got.isJsonObject) return "$path: want object, got $got"
        for ((k, w) in want.asJsonObject.entrySet()) mismatch(w, got.asJsonObject.get(k), "$path.$k")?.let { return it }
        return null
    }
    val wp = want.asJsonPrimitive
    if (wp.isNumber && got.isJsonPrimitive && got.asJsonPrimitive.isNumber) {
        return if (wp.asDouble == got.asDouble) null else "$path: want $want, got $got"
    }
    return if (want == got) null else "$path: want $want, got $got"
}

typealias Args = JsonObject

/** A text argument: only a JSON string (gson would turn 123 into "123"). */
fun Args.str(k: String): String = get(k)?.takeIf { it.isJsonPrimitive && it.asJsonPrimitive.isString }?.asString
    ?: throw IllegalArgumentException("$k: a string is required")
/** A number argument: only a JSON number (gson would read "3" as 3). */
fun Args.num(k: String): Double = get(k)?.takeIf { it.isJsonPrimitive && it.asJsonPrimitive.isNumber }?.asDouble
    ?: throw IllegalArgumentException("$k: a number is required")
fun Args.opt(k: String): String? = get(k)?.takeUnless { it.isJsonNull }?.asString
fun Args.int(k: String): Int = get(k).asInt
/** An unsigned argument: a negative number cannot be built in Kotlin (see `unbuildable`). */
fun Args.uint(k: String): UInt = int(k).also { require(it >= 0) { "$k must be 0 or more" } }.toUInt()
fun Args.policy(): Policy? = get("policy")?.takeUnless { it.isJsonNull }?.let { Policy.fromJson(gson.toJson(it)) }
fun Args.instant(k: String): Instant = parseDateTime(str(k))
fun Args.options() = PasswordOptions(opt("account"), opt("display_name"), opt("profile")?.let { passwordProfile(it) })

val CALLS: Map<String, (Args) -> Any?> = mapOf(
    "policy.load" to { a -> JsonParser.parseString(Policy.fromJson(a.str("json")).toJson()) },
    "policy.edition" to { a -> JsonParser.parseString(Policy.edition(a.str("name")).toJson()) },
    // calendar
    "calendar.parse" to { a -> parseDate(a.str("text")) },
    "calendar.parse_datetime" to { a -> mapOf("datetime" to parseDateTime(a.str("text"))) },
    "calendar.format" to { a -> mapOf("text" to formatDate(a.str("date"), a.str("style"))) },
    "calendar.format_datetime" to { a -> mapOf("text" to formatDateTime(a.instant("datetime"), a.str("style"))) },
    "calendar.to_roc" to { a -> toRoc(a.str("date")) },
    "calendar.from_roc" to { a -> mapOf("date" to fromRoc(a.int("year"), a.uint("month"), a.uint("day"))) },
    "calendar.school_term" to { a -> schoolTerm(a.str("date"), a.policy()) },
    "calendar.fiscal_year" to { a -> mapOf("rocYear" to fiscalYear(a.str("date"))) },
    // identity
    "identity.classify" to { a -> classifyId(a.str("value")) },
    "identity.classify_packed" to { a -> mapOf("codes" to classifyIdsPacked(a.getAsJsonArray("values").map { it.asString }).map { it.toInt() and 0xff }) },
    "identity.normalize" to { a -> mapOf("value" to normalizeId(a.str("value"))) },
    "identity.mask" to { a -> mapOf("masked" to maskId(a.str("value"), a.policy())) },
    "identity.check_account" to { a -> checkAccount(a.str("name"), a.policy()) },
    "identity.scan" to { a -> mapOf("matches" to scanIds(a.str("text"), a.policy())) },
    "identity.redact" to { a -> mapOf("text" to redactIds(a.str("text"), a.policy())) },
    "identity.check_ubn" to { a -> checkUbn(a.str("value")) },
    // network
    "network.ems_allocation" to { a -> emsAllocation(a.uint("school_no"), a.policy()) },
    "network.check_ems_address" to { a -> checkEmsAddress(a.str("address"), a.uint("school_no"), a.policy()) },
    // training
    "training.security_training" to { a -> securityTraining(a.num("hours"), a.policy()) },
    "training.smart_learning_progress" to { a -> smartLearningProgress(a.uint("teacher_quota"), a.uint("certified"), a.policy()) },
    // password
    "password.check" to { a -> checkPassword(a.str("password"), a.options(), a.policy()) },
    "password.check_many" to { a -> checkPasswords(a.getAsJsonArray("passwords").map { it.asString }, a.options(), a.policy()) },
    // mailbox
    "mailbox.status" to { a -> mailboxStatus(a.record("mailbox", MailboxRecord::class.java), a.str("today"), a.policy()) },
    "mailbox.sweep" to { a -> sweepMailboxes(a.records<MailboxRecord>("mailboxes"), a.str("today"), a.policy()) },
    "mailbox.import" to { a -> importMailboxes(a.data(), a.importOptions(), a.policy()) },
    "mailbox.quota" to { a -> mailboxQuota(a.get("used_bytes").asLong, a.policy()) },
    "mailbox.message_size" to { a -> checkMessageSize(a.get("bytes").asLong, a.policy()) },
    // account
    "account.check" to { a -> accountAccess(a.record("record", AccountRecord::class.java), a.str("today"), a.policy()) },
    "account.import" to { a -> importAccounts(a.data(), a.importOptions(), a.policy()) },
    "account.check_many" to { a -> accountAccessMany(a.records<AccountRecord>("records"), a.str("today"), a.policy()) },
    // parent
    "parent.check" to { a -> checkFamily(a.record("family", FamilyRecord::class.java)) },
    "parent.check_many" to { a -> checkFamilies(a.records<FamilyRecord>("families")) },
    "parent.normalize_mobile" to { a -> normalizeMobile(a.get("text").asJsonPrimitive.takeIf { it.isString }!!.asString) },
    // permission
    "permission.table" to { _ -> mapOf("rows" to permissionTable()) },
    "permission.lookup" to { a -> permissionLookup(a.str("name")) },
    "permission.who_can" to { a -> whoCan(a.str("module"), a.str("right"), a.overrides()) },
    "permission.can" to { a -> can(a.record("person", Person::class.java), a.str("app_or_module"), a.str("right"), a.overrides()) },
    "permission.contact_book_right" to { a -> contactBookRight(a.str("title")) },
    "permission.attendance_view" to { a -> attendanceView(a.record("person", Person::class.java), a.overrides()) },
    "permission.absent_counts" to { a -> absentCounts(a.records<AttendanceRecord>("records")) },
    // import
    "import.decode" to { a -> decodeText(a.data()) },
    "import.csv_escape_cell" to { a -> mapOf("cell" to csvEscapeCell(a.str("value"))) },
    "import.parse_count" to { a -> mapOf("count" to parseCount(a.str("text"))) },
    // incident
    "incident.evaluate" to { a -> evaluateIncident(a.record("incident", Incident::class.java), a.str("now"), a.policy()) },
    "incident.stats" to { a -> incidentStats(a.records<Incident>("incidents"), a.str("now"), a.policy()) },
    "incident.import" to { a -> importIncidents(a.data(), a.importOptions(), a.policy()) },
    "incident.parse_ip" to { a -> parseIncidentIp(a.str("raw")) },
    "incident.parse_level" to { a -> mapOf("level" to parseIncidentLevel(a.str("text")).toInt()) },
    // drill
    "drill.evaluate" to { a -> evaluateDrill(a.record("report", DrillReport::class.java), a.str("now"), a.policy()) },
    "drill.rank" to { a -> rankDrills(a.records<DrillReport>("reports"), a.str("now"), a.policy()) },
    "drill.import" to { a -> importDrills(a.data(), a.importOptions(), a.policy()) },
    // audit
    "audit.pick" to { a ->
        val scans = a.get("scans")?.takeUnless { it.isJsonNull }?.let { a.records<ScanFinding>("scans") }
        pickAuditSchools(a.records<AuditSchool>("schools"), scans, a.get("capacity")?.takeUnless { it.isJsonNull }?.asInt?.let { if (it < 0) throw IllegalArgumentException("capacity") else it.toUInt() }, a.policy())
    },
    "audit.cvss_band" to { a -> mapOf("band" to cvssBand(a.get("score").asJsonPrimitive.takeIf { it.isNumber }!!.asDouble, a.opt("version"))) },
    "audit.parse_cvss_version" to { a -> mapOf("version" to parseCvssVersion(a.str("text"))) },
    "audit.parse_scan_round" to { a -> mapOf("scan" to parseScanRound(a.str("text"))) },
    "audit.import_schools" to { a -> importAuditSchools(a.data(), a.importOptions(), a.policy()) },
    "audit.import_scans" to { a -> importAuditScans(a.data(), a.importOptions(), a.policy()) },
    "password.is_common" to { a -> mapOf("common" to isCommonPassword(a.str("password"))) },
    "password.expiry" to { a ->
        val alerts = a.getAsJsonArray("alerts")?.map { parseDateTime(it.asString) } ?: listOf()
        passwordExpiry(a.instant("last_changed"), a.instant("now"), a.get("reset")?.asBoolean ?: false, alerts, a.policy())
    },
)

fun main(argv: Array<String>) {
    val dir = File(argv.getOrElse(0) { "tests/vectors" })
    var passed = 0
    var failed = 0
    fun fail(label: String, why: String) { failed++; System.err.println("FAIL $label: $why") }

    for (file in dir.listFiles { f -> f.name.endsWith(".json") }!!.sortedBy { it.name }) {
        val doc = JsonParser.parseString(file.readText()).asJsonObject
        for (case in doc.getAsJsonArray("cases").map { it.asJsonObject }) {
            val label = "${file.nameWithoutExtension}: ${case.get("name").asString}"
            val call = case.get("call").asString
            val fn = CALLS[call] ?: run { fail(label, "the Kotlin runner does not know $call"); null } ?: continue
            val args = case.getAsJsonObject("args") ?: JsonObject()
            try {
                val got = shape(gson.toJsonTree(fn(args)))
                if (case.has("error")) fail(label, "expected error ${case.get("error").asString}, got $got")
                else mismatch(case.get("expect"), got, "$")?.let { fail(label, "$it\n   got: $got") } ?: passed++
            } catch (e: PolicyException.Failed) {
                if (case.has("error") && case.get("error").asString == e.code) passed++
                else fail(label, "unexpected error ${e.code}: ${e.messageEn}")
            } catch (e: Exception) {
                if (unbuildable(e) && case.has("error") && case.get("error").asString == "input.invalid_argument") passed++
                else fail(label, "unexpected exception $e")
            }
        }
    }

    // A panic inside Rust becomes the binding's internal error; the process goes on.
    try {
        panicForTest()
        fail("panic", "no exception")
    } catch (e: InternalException) {
        passed++
    }
    if (classifyId("A123456789").checksumValid) passed++ else fail("after panic", "the library stopped working")

    // Errors carry the stable code and both messages.
    try {
        parseDate("110/02/30")
        fail("error fields", "no exception")
    } catch (e: PolicyException.Failed) {
        if (e.code == "calendar.invalid_date" && e.messageZh.contains("日期不存在") && e.paramsJson.contains("110/02/30")) passed++
        else fail("error fields", "${e.code} ${e.messageZh} ${e.paramsJson}")
    }

    println("$passed passed, $failed failed")
    exitProcess(if (failed == 0) 0 else 1)
}
