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
   */
  function factory(kinds, genders, categories, areas, chunk) {
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
    // JSON.parse as it was when the addon loaded (results that cross as JSON text).
    return [one, many, each, JSON.parse]
  }
)
