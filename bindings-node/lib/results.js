// The JS half of the addon's fast results (bindings-node/src/js_results.rs).
//
// The addon evaluates this file once per environment and calls the factory with
// the core's stable strings; the builders it returns make result objects from
// numbers the addon packs, because an object literal with constant keys costs V8
// far less than one N-API property write per field (each interns its key and
// decodes its value). The objects are plain and have the same keys, in the same
// order, as the JSON shape of every other binding (camelCase; absent values are
// null).
//
// Checked by `tsc --checkJs` in make test (bindings-node/lib/tsconfig.json).
'use strict'
;(
  /**
   * @param {string[]} kinds ID kinds by the packed kind code (bits 0–1).
   * @param {string[]} genders genders by code − 1 (bits 4–5).
   * @param {string[]} categories new-certificate categories by code − 1 (bits 8–10).
   * @param {Array<[string, string, string, boolean] | null>} areas first-letter areas by letter A–Z.
   * @param {number} chunk how many array elements `each` hands back per call.
   * @param {{verdicts: string[], profiles: string[], severities: string[]}} pw
   *   the password check's stable strings by their packed codes.
   */
  function factory(kinds, genders, categories, areas, chunk, pw) {
    /** @param {number} i the area code (1 = A) */
    function area(i) {
      const a = areas[i - 1]
      return a === null ? null : { letter: a[0], nameZh: a[1], nameEn: a[2], retired: a[3] }
    }
    /**
     * One IdInfo from its code (the core's packed byte, then bits 8–10 category,
     * 11–15 area letter, 16 masked present) and the masked number.
     * @param {number} c
     * @param {string | null} m
     */
    function one(c, m) {
      const g = (c >>> 4) & 3
      const a = (c >>> 11) & 31
      const cat = (c >>> 8) & 7
      return {
        kind: kinds[c & 3],
        formatValid: (c & 4) !== 0,
        checksumValid: (c & 8) !== 0,
        gender: g === 0 ? null : genders[g - 1],
        area: a === 0 ? null : area(a),
        category: cat === 0 ? null : categories[cat - 1],
        masked: m,
      }
    }
    /**
     * Many IdInfos: `codes` holds pairs (code, UTF-16 end of its masked number
     * in `masks`).
     * @param {Uint32Array} codes
     * @param {string} masks
     */
    function many(codes, masks) {
      const n = codes.length >>> 1
      const out = new Array(n)
      let p = 0
      for (let i = 0; i < n; i++) {
        const c = codes[2 * i]
        const e = codes[2 * i + 1]
        out[i] = one(c, (c & 0x10000) !== 0 ? masks.slice(p, e) : null)
        p = e
      }
      return out
    }
    // Hands a long array back to native code `chunk` elements at a time, as the
    // arguments of `take`; `apply` and `slice` are taken now, so code that later
    // replaces them cannot see `take`.
    const apply = Reflect.apply
    const slice = Array.prototype.slice
    /**
     * @param {unknown[]} xs
     * @param {(...items: unknown[]) => void} take
     * @param {number} n
     */
    function each(xs, take, n) {
      for (let i = 0; i < n; i += chunk) apply(take, undefined, apply(slice, xs, [i, i + chunk]))
    }
    const parse = JSON.parse

    // --- Password checks (bindings-node/src/password_results.rs) ---------------
    // A check crosses as numbers in a Float64Array: verdict, profile, length,
    // class bits, class count, required classes, guessesLog10 (NaN: null), the
    // number of findings, then per finding its message slot and severity. A slot
    // is one (code, params) pair with its two messages, sent once by `define`:
    // the same few hundred recur over a batch, so each result shares the
    // message strings (immutable, so sharing is invisible) and gets its own
    // copy of the params.
    const { verdicts, profiles, severities } = pw
    /** @type {Array<[string, Record<string, unknown>, string, string]>} */
    let slots = []
    /** The per-call buffer the addon writes one check into. @type {Float64Array} */
    let scratch = new Float64Array(0)
    /** @param {Float64Array} a */
    function setScratch(a) {
      scratch = a
    }
    /**
     * New slots, as JSON text: `[reset, [slot, code, params, messageZh, messageEn], …]`.
     * @param {string} json
     */
    function define(json) {
      const defs = parse(json)
      if (defs[0]) slots = []
      for (let i = 1; i < defs.length; i++) {
        const d = defs[i]
        slots[d[0]] = [d[1], d[2], d[3], d[4]]
      }
    }
    /**
     * The check packed at `o` (keys and order as the core's JSON).
     * @param {Float64Array} b
     * @param {number} o
     */
    function checkAt(b, o) {
      const n = b[o + 7]
      const findings = []
      for (let k = o + 8, end = o + 8 + 2 * n; k < end; k += 2) {
        const s = slots[b[k]]
        findings.push({
          code: s[0],
          severity: severities[b[k + 1]],
          params: { ...s[1] },
          messageZh: s[2],
          messageEn: s[3],
        })
      }
      const c = b[o + 3]
      const g = b[o + 6]
      return {
        verdict: verdicts[b[o]],
        profile: profiles[b[o + 1]],
        length: b[o + 2],
        classes: {
          upper: (c & 1) !== 0,
          lower: (c & 2) !== 0,
          digit: (c & 4) !== 0,
          special: (c & 8) !== 0,
          otherLetter: (c & 16) !== 0,
        },
        classCount: b[o + 4],
        requiredClasses: b[o + 5],
        guessesLog10: g === g ? g : null,
        findings,
      }
    }
    /** The check in the scratch buffer. */
    function checkOne() {
      return checkAt(scratch, 0)
    }
    /**
     * Every check packed in `b`, in order.
     * @param {Float64Array} b
     */
    function checkMany(b) {
      const out = []
      for (let o = 0; o < b.length; o += 8 + 2 * b[o + 7]) out.push(checkAt(b, o))
      return out
    }
    // Option keys (camelCase or snake_case) by their argument position of the
    // native fast path; a null prototype, so no key of Object.prototype matches.
    /** @type {Record<string, number | undefined>} */
    const OPTION = Object.assign(Object.create(null), {
      account: 0,
      displayName: 1,
      display_name: 1,
      profile: 2,
      schoolName: 3,
      school_name: 3,
      schoolCode: 4,
      school_code: 4,
      today: 5,
    })
    const keys = Object.keys
    const protoOf = Object.getPrototypeOf
    const objectProto = Object.prototype
    /**
     * `checkPassword`: the common shapes (a string, options a plain object of
     * known keys with string values, no policy) go to `raw`, which writes the
     * check into the scratch buffer; every other shape, and any option `raw`
     * declines (a profile or date it does not read), goes to the napi-rs
     * function `slow`, so errors and strictness stay its own.
     * @param {(...args: unknown[]) => boolean} raw
     * @param {(...args: unknown[]) => unknown} slow
     */
    function wrapCheck(raw, slow) {
      /**
       * @this {unknown}
       * @param {unknown} password
       * @param {unknown} [options]
       * @param {unknown} [policy]
       */
      function checkPassword(password, options, policy) {
        if (typeof password === 'string' && policy === undefined && arguments.length <= 3) {
          if (options === undefined) {
            if (raw(password)) return checkAt(scratch, 0)
          } else if (typeof options === 'object' && options !== null && protoOf(options) === objectProto) {
            /** @type {unknown[]} */
            const o = [password, undefined, undefined, undefined, undefined, undefined, undefined]
            let seen = 0
            let fast = true
            const given = /** @type {Record<string, unknown>} */ (options)
            for (const k of keys(given)) {
              const i = OPTION[k]
              if (i === undefined || (seen & (1 << i)) !== 0) {
                fast = false
                break
              }
              seen |= 1 << i
              const v = given[k]
              if (typeof v === 'string') o[i + 1] = v
              else if (v !== undefined && v !== null) {
                fast = false
                break
              }
            }
            if (fast && apply(raw, undefined, o)) return checkAt(scratch, 0)
          }
        }
        return apply(slow, this, arguments)
      }
      return checkPassword
    }
    // --- classifyId -----------------------------------------------------------
    /** Where the addon's per-call entry writes the code of `one`. */
    const idCode = new Uint32Array(1)
    /**
     * `classifyId`: a single string goes to `raw`, which returns the masked
     * number (or null) and writes the code into `idCode`, so the object is made
     * here without a call from native code into JS; every other shape, including
     * every wrong type, goes to the napi-rs function `slow`.
     * @param {(value: string) => string | null} raw
     * @param {(...args: unknown[]) => unknown} slow
     */
    function wrapClassify(raw, slow) {
      /**
       * @this {unknown}
       * @param {unknown} value
       */
      function classifyId(value) {
        if (typeof value === 'string' && arguments.length === 1) {
          const m = raw(value)
          return one(idCode[0], m)
        }
        return apply(slow, this, arguments)
      }
      return classifyId
    }
    // JSON.parse as it was when the addon loaded (results that cross as JSON text).
    return [one, many, each, parse, checkOne, checkMany, define, setScratch, wrapCheck, idCode, wrapClassify]
  }
)
