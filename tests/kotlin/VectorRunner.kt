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
import tw.edu.ntpc.policy.testing.panicForTest

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
    // Bytes are marked here and become the core's `<name>_hex` key in `shape`.
    .registerTypeAdapter(ByteArray::class.java, JsonSerializer<ByteArray> { b, _, _ ->
        JsonObject().apply { addProperty(HEX_MARK, b.joinToString("") { "%02x".format(it) }) }
    })
    .create()

const val HEX_MARK = "\u0000hex"

/** Kotlin enum names whose lowercase is not the stable string (a digit after letters). */
val ENUM_NAMES = mapOf(
    "MICROSOFT365" to "microsoft_365",
    "UTF8" to "utf-8",
    "UTF16_LE" to "utf-16le",
    "UTF16_BE" to "utf-16be",
)

/**
 * JSON → enum constants: the stable name (`transfer_gap` → TRANSFER_GAP), or an
 * input-only word of the contract (`在學`), read from the schema of the enum of
 * the same name in schema/api.json.
 */
lateinit var ENUM_INPUTS: Map<String, Map<String, String>>

fun enumInputs(api: JsonObject): Map<String, Map<String, String>> {
    val out = HashMap<String, Map<String, String>>()
    for ((name, def) in api.getAsJsonObject("\$defs").entrySet()) {
        val variants = def.asJsonObject.getAsJsonArray("oneOf") ?: continue
        val m = HashMap<String, String>()
        for (v in variants.map { it.asJsonObject }) {
            val c = v.get("const")?.asString ?: continue
            val alias = Regex("for `([^`]+)`").find(v.get("description")?.asString ?: "")?.groupValues?.get(1)
            m[c] = alias ?: c
        }
        out[name] = m
    }
    return out
}

/** Enums whose input text is read by the API's own parser (`3.1` → V3). */
val ENUM_PARSERS: Map<String, (String) -> Enum<*>> = mapOf(
    "CvssVersion" to { s -> parseCvssVersion(s) },
    "DateStyle" to { s -> parseDateStyle(s) },
    "Right" to { s -> parseRight(s) },
    "ScanRound" to { s -> parseScanRound(s) },
)

val enumReader = JsonDeserializer<Enum<*>> { j, t, _ ->
    // A list of enums in a record (`List<TimeField>`) reaches here as `? extends TimeField`.
    val cls = (if (t is java.lang.reflect.WildcardType) t.upperBounds[0] else t) as Class<*>
    val text = j.asString
    ENUM_PARSERS[cls.simpleName]?.let { parse ->
        return@JsonDeserializer try { parse(text) } catch (e: PolicyException) { throw JsonSyntaxException(e.toString()) }
    }
    val stable = ENUM_INPUTS[cls.simpleName]?.get(text) ?: text
    val constant = ENUM_NAMES.entries.firstOrNull { it.value == stable }?.key ?: stable.uppercase()
    cls.enumConstants.map { it as Enum<*> }.firstOrNull { it.name == constant }
        ?: throw JsonSyntaxException("$text is not one of ${cls.simpleName}")
}

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
    .registerTypeAdapter(ULong::class.java, JsonDeserializer { j, _, _ -> j.asBigInteger.also { require(it.signum() >= 0) }.toLong().toULong() })
    .registerTypeAdapter(UShort::class.java, JsonDeserializer { j, _, _ -> j.asInt.also { require(it in 0..65535) }.toUShort() })
    .registerTypeHierarchyAdapter(Enum::class.java, enumReader)
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

/** The table of the core's functions (schema/api.json): ids, names, parameters. */
class Api(path: File) {
    private val doc = JsonParser.parseString(path.readText()).asJsonObject
    val functions: Map<String, JsonObject> = doc.getAsJsonArray("functions").associate { f ->
        f.asJsonObject.get("id").asString to f.asJsonObject
    }
}

/** The top-level functions of the generated Kotlin (file ntpc_policy.kt). */
val FACADE: Class<*> = Class.forName("tw.edu.ntpc.policy.Ntpc_policyKt")

/** A function by its Kotlin name; unsigned parameters mangle the JVM name (`mailboxQuota-…`). */
fun method(name: String): java.lang.reflect.Method =
    FACADE.methods.firstOrNull { m -> !m.isSynthetic && (m.name == name || m.name.startsWith("$name-")) }
        ?: throw IllegalStateException("the Kotlin API has no function $name")

fun camel(s: String): String = s.replace(Regex("_([a-z0-9])")) { it.groupValues[1].uppercase() }

/** A whole number of a parameter's range, from its schema (`uint32`, `minimum: 0`, …). */
fun whole(json: JsonElement, schema: JsonObject, name: String): java.math.BigInteger {
    require(json.isJsonPrimitive && json.asJsonPrimitive.isNumber) { "$name: a number is required" }
    val n = json.asBigDecimal
    require(n.stripTrailingZeros().scale() <= 0) { "$name: a whole number is required" }
    val v = n.toBigIntegerExact()
    val fmt = schema.get("format")?.asString ?: ""
    val bits = Regex("\\d+").find(fmt)?.value?.toInt() ?: 64
    val unsigned = fmt.startsWith("uint") || (schema.get("minimum")?.asDouble ?: -1.0) >= 0
    val min = if (unsigned) java.math.BigInteger.ZERO else java.math.BigInteger.ONE.shiftLeft(bits - 1).negate()
    val max = if (unsigned) java.math.BigInteger.ONE.shiftLeft(bits).subtract(java.math.BigInteger.ONE)
              else java.math.BigInteger.ONE.shiftLeft(bits - 1).subtract(java.math.BigInteger.ONE)
    require(v >= min && v <= max) { "$name: out of range" }
    return v
}

/** The schema of a parameter without its `null` alternative. */
fun core(schema: JsonObject): JsonObject =
    schema.getAsJsonArray("anyOf")?.map { it.asJsonObject }?.firstOrNull { it.get("type")?.asString != "null" } ?: schema

/** A vector argument as the Kotlin parameter's type (what Kotlin cannot build throws). */
fun argument(json: JsonElement?, type: java.lang.reflect.Type, p: JsonObject): Any? {
    val name = p.get("name").asString
    if (json == null || json.isJsonNull) {
        require(p.get("optional").asBoolean) { "$name is required" }
        return null
    }
    val schema = core(p.getAsJsonObject("schema"))
    return when (type) {
        String::class.java -> {
            require(json.isJsonPrimitive && json.asJsonPrimitive.isString) { "$name: a string is required" }
            json.asString
        }
        java.lang.Boolean.TYPE, java.lang.Boolean::class.java -> {
            require(json.isJsonPrimitive && json.asJsonPrimitive.isBoolean) { "$name: true or false is required" }
            json.asBoolean
        }
        java.lang.Double.TYPE, java.lang.Double::class.java -> {
            require(json.isJsonPrimitive && json.asJsonPrimitive.isNumber) { "$name: a number is required" }
            json.asDouble
        }
        java.lang.Integer.TYPE, java.lang.Integer::class.java -> whole(json, schema, name).toInt()
        java.lang.Long.TYPE, java.lang.Long::class.java -> whole(json, schema, name).toLong()
        java.lang.Byte.TYPE, java.lang.Byte::class.java -> whole(json, schema, name).toByte()
        UInt::class.java -> whole(json, schema, name).toInt().toUInt()
        ULong::class.java -> whole(json, schema, name).toLong().toULong()
        UByte::class.java -> whole(json, schema, name).toInt().toUByte()
        else -> {
            // An enum argument given as text goes through the API's own reader,
            // so an unknown name fails with the core's code, as in the JSON door.
            val parse = (type as? Class<*>)?.takeIf { it.isEnum }?.let { ENUM_PARSERS[it.simpleName] }
            if (parse != null && json.isJsonPrimitive && json.asJsonPrimitive.isString) return parse(json.asString)
            val filled = withDefaults(json, p.getAsJsonObject("schema"))
            val v: Any? = recordGson.fromJson(filled, type)
            checkKeys(json, recordGson.toJsonTree(v), name)
            v
        }
    }
}

lateinit var DEFS: JsonObject

/** The schema a `$ref` names. */
fun resolve(schema: JsonObject): JsonObject =
    schema.get("\$ref")?.asString?.let { DEFS.getAsJsonObject(it.substringAfterLast('/')) } ?: schema

/**
 * A record with the defaults of its schema filled in: Kotlin records have no
 * optional fields, and gson leaves a missing one null, while the contract lets a
 * caller leave out a field with a default (`staff_status` → `serving`).
 */
fun withDefaults(json: JsonElement, schema0: JsonObject): JsonElement {
    val schema = resolve(schema0)
    if (json.isJsonArray) {
        val items = schema.getAsJsonObject("items") ?: return json
        return JsonArray().also { out -> json.asJsonArray.forEach { out.add(withDefaults(it, items)) } }
    }
    if (!json.isJsonObject) return json
    val alternatives = schema.getAsJsonArray("anyOf")?.map { it.asJsonObject }?.filter { it.get("type")?.asString != "null" }
    if (alternatives != null && alternatives.size == 1) return withDefaults(json, alternatives[0])
    val props = schema.getAsJsonObject("properties") ?: return json
    val out = json.asJsonObject.deepCopy()
    for ((k, prop) in props.entrySet()) {
        val p = prop.asJsonObject
        val v = out.get(k)
        val blankDate = v != null && v.isJsonPrimitive && v.asJsonPrimitive.isString && v.asString.isBlank() &&
            p.getAsJsonArray("anyOf")?.any { it.asJsonObject.get("\$ref")?.asString?.endsWith("/DateLike") == true } == true
        if (blankDate) {
            // A blank optional date cell is no date (the contract's rule); in Kotlin, null.
            out.add(k, JsonNull.INSTANCE)
        } else if (v == null || v.isJsonNull) {
            p.get("default")?.takeUnless { it.isJsonNull }?.let { out.add(k, it.deepCopy()) }
        } else {
            out.add(k, withDefaults(out.get(k), p))
        }
    }
    return out
}

/** File bytes: `data` (text, UTF-8) or `data_hex` (any bytes). */
fun data(args: JsonObject): ByteArray? = args.get("data_hex")?.asString?.replace(Regex("\\s+"), "")?.let { hex ->
    ByteArray(hex.length / 2) { i -> hex.substring(2 * i, 2 * i + 2).toInt(16).toByte() }
} ?: args.get("data")?.takeIf { it.isJsonPrimitive }?.asString?.toByteArray(Charsets.UTF_8)

/** Runs one vector call through the function of the table; wraps a bare result. */
fun run(api: Api, call: String, args: JsonObject): Any? {
    when (call) {
        "policy.load" -> return JsonParser.parseString(Policy.fromJson(args.get("json").asString).toJson())
        "policy.edition" -> return JsonParser.parseString(Policy.edition(args.get("name").asString).toJson())
    }
    val f = api.functions[call] ?: throw IllegalStateException("not a function of the table: $call")
    val m = method(camel(f.get("name").asString))
    val params = f.getAsJsonArray("params").map { it.asJsonObject }
    val types = m.genericParameterTypes
    val values = ArrayList<Any?>()
    params.forEachIndexed { i, p ->
        val name = p.get("name").asString
        values += if (name == "data") data(args) else argument(args.get(name), types[i], p)
    }
    if (f.get("uses_policy").asBoolean) {
        values += args.get("policy")?.takeUnless { it.isJsonNull }?.let { Policy.fromJson(gson.toJson(it)) }
    }
    val out = try {
        m.invoke(null, *values.toTypedArray())
    } catch (e: java.lang.reflect.InvocationTargetException) {
        throw e.targetException
    }
    val shaped: Any? = if (out is ByteArray) out.map { it.toInt() and 0xff } else out
    val wrap = f.get("wrap")?.takeUnless { it.isJsonNull }?.asString
    return if (wrap != null) mapOf(wrap to shaped) else shaped
}

/** Exceptions of building a Kotlin argument from JSON (see `recordGson`). */
fun unbuildable(e: Throwable) = e is JsonSyntaxException || e is IllegalArgumentException ||
    e is NullPointerException || e is IllegalStateException || e is ClassCastException ||
    e is UnsupportedOperationException || e is NumberFormatException || e is ArithmeticException

fun snake(k: String): String = k.replace(Regex("[A-Z]")) { "_" + it.value.lowercase() }

/** The vectors' JSON shape: snake_case keys; `paramsJson` text becomes the `params` object. */
fun shape(e: JsonElement): JsonElement = when {
    e.isJsonArray -> JsonArray().also { out -> e.asJsonArray.forEach { out.add(shape(it)) } }
    e.isJsonObject -> JsonObject().also { out ->
        for ((k, v) in e.asJsonObject.entrySet()) {
            val hex = v.takeIf { it.isJsonObject }?.asJsonObject?.get(HEX_MARK)
            if (k == "paramsJson") out.add("params", JsonParser.parseString(v.asString))
            else if (hex != null) out.add(snake(k) + "_hex", hex)
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

fun main(argv: Array<String>) {
    val dir = File(argv.getOrElse(0) { "tests/vectors" })
    val api = Api(File(argv.getOrElse(1) { "schema/api.json" }))
    val apiDoc = JsonParser.parseString(File(argv.getOrElse(1) { "schema/api.json" }).readText()).asJsonObject
    ENUM_INPUTS = enumInputs(apiDoc)
    DEFS = apiDoc.getAsJsonObject("\$defs")
    var passed = 0
    var failed = 0
    fun fail(label: String, why: String) { failed++; System.err.println("FAIL $label: $why") }

    for (file in dir.listFiles { f -> f.name.endsWith(".json") }!!.sortedBy { it.name }) {
        val doc = JsonParser.parseString(file.readText()).asJsonObject
        for (case in doc.getAsJsonArray("cases").map { it.asJsonObject }) {
            val label = "${file.nameWithoutExtension}: ${case.get("name").asString}"
            val call = case.get("call").asString
            val args = case.getAsJsonObject("args") ?: JsonObject()
            try {
                val got = shape(gson.toJsonTree(run(api, call, args)))
                if (case.has("error")) fail(label, "expected error ${case.get("error").asString}, got $got")
                else mismatch(case.get("expect"), got, "$")?.let { fail(label, "$it\n   got: $got") } ?: passed++
            } catch (e: PolicyException.Failed) {
                if (case.has("error") && case.get("error").asString == e.code) passed++
                else fail(label, "unexpected error ${e.code}: ${e.messageEn}")
            } catch (e: Throwable) {
                if (unbuildable(e) && case.has("error") && case.get("error").asString == "input.invalid_argument") passed++
                else fail(label, "unexpected exception $e")
            }
        }
    }

    // A panic inside Rust becomes the binding's internal error; the process goes on.
    try {
        panicForTest()
        fail("panic", "no exception")
    } catch (e: tw.edu.ntpc.policy.testing.InternalException) {
        passed++
    }
    if (classifyId("A123456789").checksumValid) passed++ else fail("after panic", "the library stopped working")

    // The README's Kotlin lines compile (this file is built with them) and give what it says.
    readmeExamples().let { if (it.isEmpty()) passed++ else fail("README examples", it.joinToString("; ")) }

    // Errors carry the stable code and both messages.
    try {
        parseDate("110/02/30")
        fail("error fields", "no exception")
    } catch (e: PolicyException.Failed) {
        if (e.code == "calendar.invalid_date" && e.messageZh.contains("日期不存在") && e.paramsJson.contains("110/02/30")) passed++
        else fail("error fields", "${e.code} ${e.messageZh} ${e.paramsJson}")
    }

    // Issue 14 §1: the shared leak corpus through redactIds; no in-scope form leaks.
    val corpus = JsonParser.parseString(File(dir, "leak/corpus.json").readText()).asJsonObject
    val leaks = sortedMapOf<String, Int>()
    for (item in corpus.getAsJsonArray("items").map { it.asJsonObject }) {
        val form = item.get("form").asString
        val id = item.get("id").asString
        val text = item.get("text").asString
        val o = item.getAsJsonObject("options")
        val options = ScanOptions(html = o.get("html").asBoolean, loose = o.get("loose").asBoolean)
        if (!readerView(text).contains(id)) { fail("leak $form", "the corpus item hides its ID"); continue }
        val leaked = readerView(redactIds(text, options)).contains(id)
        if (leaked && item.get("in_scope").asBoolean) leaks[form] = (leaks[form] ?: 0) + 1 else passed++
    }
    if (leaks.isNotEmpty()) fail("leak corpus", "in-scope forms leaked: $leaks")

    println("$passed passed, $failed failed")
    exitProcess(if (failed == 0) 0 else 1)
}

/** The reader view of tests/vectors/leak/README.md: what a person sees of a text. */
fun readerView(text: String): String {
    var s = Regex("&#([xX][0-9A-Fa-f]+|[0-9]+);").replace(text) { m ->
        val d = m.groupValues[1]
        val cp = if (d[0] == 'x' || d[0] == 'X') d.substring(1).toLongOrNull(16) else d.toLongOrNull()
        if (cp != null && cp <= 0x10FFFF && Character.isValidCodePoint(cp.toInt())) String(Character.toChars(cp.toInt())) else m.value
    }
    val extra = StringBuilder()
    for (run in Regex("[A-Za-z0-9+/]{12,}").findAll(s)) {
        // Leftover bits dropped, as Node's Buffer and Python's lenient decoders do.
        val v = run.value
        val t = when (v.length % 4) { 1 -> v.dropLast(1); 2 -> "$v=="; 3 -> "$v="; else -> v }
        val bytes = try { java.util.Base64.getDecoder().decode(t) } catch (e: IllegalArgumentException) { continue }
        val dec = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
        try { extra.append(' ').append(dec.decode(java.nio.ByteBuffer.wrap(bytes))) } catch (e: java.nio.charset.CharacterCodingException) {}
    }
    s = (s + extra).replace(Regex("<[^>]*>"), "")
    val out = StringBuilder()
    var i = 0
    while (i < s.length) {
        val cp = s.codePointAt(i)
        i += Character.charCount(cp)
        val dropped = cp == 0x20 || cp == '-'.code || cp == 0xA0 || cp == 0x3000 || cp in 0x2010..0x2015 ||
            cp == 0x2212 || cp == 0xAD || cp in 0x200B..0x200F || cp in 0x2060..0x2064 || cp == 0xFEFF
        if (dropped) continue
        if (cp < 0x80) { out.append(cp.toChar().uppercaseChar()); continue }
        if (cp in 0x0660..0x0669) { out.append('0' + (cp - 0x0660)); continue }
        val c = String(Character.toChars(cp))
        val n = java.text.Normalizer.normalize(c, java.text.Normalizer.Form.NFKC)
        if (n.length == 1 && n[0].code < 0x80 && n[0].isLetterOrDigit()) out.append(n[0].uppercaseChar()) else out.append(c)
    }
    return out.toString()
}
