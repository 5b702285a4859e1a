// Node benchmarks of issue #8: the ntpc-policy addon against what a web team
// would otherwise pick, in one process, on the same inputs; median of 5 runs
// after a warm-up; ratios. Writes a Markdown section to the path given.
//   node bench.mjs [OUT.md]
import { createRequire } from 'node:module'
import { writeFileSync } from 'node:fs'

const require = createRequire(import.meta.url)
const np = require('../index.js')
// The floor function exists only in the benchmark build (feature bench-floor).
const { stringFloorForBench } = require('../native.js')
const validator = require('validator')
const twid = require('taiwan-id-validator')
const PasswordValidator = require('password-validator')
const owasp = require('owasp-password-strength-test')

const REPS = 5
// BENCH_CLOCK=cpu times with this process's CPU time (user + system) instead of
// the wall clock: on a shared, busy machine it is far less noisy.
const CPU = process.env.BENCH_CLOCK === 'cpu'
function now() {
  if (!CPU) return Number(process.hrtime.bigint()) / 1e9
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}
function median(t) {
  t.sort((a, b) => a - b)
  return t[Math.floor(t.length / 2)]
}
/** Median time of each function, repetitions interleaved (A B C A B C …) so
 * that a machine whose speed drifts over minutes (a shared VM) moves every side
 * of a ratio alike; each timing starts after a full collection when Node runs
 * with --expose-gc (as `make bench` does). */
function timedTogether(fns) {
  for (const [fn] of Object.values(fns)) fn()
  const times = Object.fromEntries(Object.keys(fns).map((k) => [k, []]))
  const rounds = Math.max(...Object.values(fns).map(([, reps]) => reps))
  for (let r = 0; r < rounds; r++) {
    for (const [name, [fn, reps]] of Object.entries(fns)) {
      if (r >= reps) continue
      globalThis.gc?.()
      const s = now()
      fn()
      times[name].push(now() - s)
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, t]) => [k, median(t)]))
}

const CODES = { A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21, N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33 }
/** A hand-written JS checksum function, as a web team would write it. */
function jsChecksum(s) {
  if (s.length !== 10) return false
  const c0 = s.charCodeAt(0)
  if (c0 < 65 || c0 > 90) return false
  const code = CODES[s[0]]
  const c1 = s[1]
  let second
  if (c1 === '1' || c1 === '2' || c1 === '8' || c1 === '9') second = c1.charCodeAt(0) - 48
  else if (c1 === 'A' || c1 === 'B' || c1 === 'C' || c1 === 'D') second = CODES[c1] % 10
  else return false
  let sum = Math.floor(code / 10) + (code % 10) * 9 + second * 8
  for (let i = 2; i < 10; i++) {
    const d = s.charCodeAt(i) - 48
    if (d < 0 || d > 9) return false
    sum += d * (i === 9 ? 1 : 9 - i)
  }
  return sum % 10 === 0
}

let x = 0x2545f491n
function next() {
  x ^= (x << 13n) & 0xffffffffn
  x ^= x >> 17n
  x ^= (x << 5n) & 0xffffffffn
  return Number(x)
}
function mixedIds(n) {
  const out = []
  for (let i = 0; i < n; i++) {
    const r = next()
    let prefix = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[r % 26] + '1289ABCD'[(r >>> 8) % 8]
    for (let k = 0; k < 7; k++) prefix += String((r >>> (k * 3)) % 10)
    let valid = ''
    for (let d = 0; d < 10; d++) if (jsChecksum(prefix + d)) valid = prefix + d
    if (i % 4 < 2) out.push(valid)
    else if (i % 4 === 2) out.push(prefix + ((Number(valid[9]) + 1) % 10))
    else out.push(`user${r % 1000000}x${r % 7}`)
  }
  return out
}

const N = 1_000_000
const ids = mixedIds(N)
const rows = []
const row = (name, n, secs, ratio = '', target = '', met = '') => rows.push({ name, n, secs, ratio, target, met })

const id = timedTogether({
  validator: [() => ids.map((s) => validator.isIdentityCard(s, 'zh-TW')), REPS],
  twid: [() => ids.map((s) => twid.isIdCardNumber(s)), REPS],
  js: [() => ids.map(jsChecksum), REPS],
  call: [() => ids.map((s) => np.classifyId(s)), REPS],
  batch: [() => np.classifyIds(ids), REPS],
  valid: [() => ids.map((s) => np.isValidId(s)), REPS],
  packed: [() => np.classifyIdsPacked(ids), REPS],
  floor: [() => ids.map((s) => stringFloorForBench(s)), REPS],
})
const { validator: tValidator, twid: tTwid, js: tJs, call: tCall, batch: tBatch, valid: tValid, packed: tPacked, floor: tFloor } = id
row("validator isIdentityCard(s, 'zh-TW')", N, tValidator)
row('taiwan-id-validator isIdCardNumber', N, tTwid)
row('hand-written JS checksum', N, tJs)
row('ntpc-policy classifyId (per call)', N, tCall, `${(tValidator / tCall).toFixed(2)}× validator`, '≥ 2×', tValidator / tCall >= 2 ? 'yes' : 'no')
row('ntpc-policy isValidId (per call, boolean)', N, tValid, `${(tValidator / tValid).toFixed(2)}× validator`, '≥ 2×', tValidator / tValid >= 2 ? 'yes' : 'no')
row('floor: an addon call string → boolean doing no work', N, tFloor, `${(tValidator / tFloor).toFixed(2)}× validator: the most any per-call function can reach`)
row('ntpc-policy classifyIds (batch)', N, tBatch, `${(tJs / tBatch).toFixed(2)}× JS checksum`, '≥ 1×', tJs / tBatch >= 1 ? 'yes' : 'no')
row('ntpc-policy classifyIdsPacked (batch, Uint8Array)', N, tPacked, `${(tJs / tPacked).toFixed(2)}× JS checksum`, '≥ 1×', tJs / tPacked >= 1 ? 'yes' : 'no')

const NP = 200_000
const pws = ids.slice(0, NP).map((s, i) => s.slice(0, 3).toLowerCase() + s.slice(3, 8) + (i % 2 ? '!' : 'x') + (i % 2 ? 'A' : 'b'))
const schema = new PasswordValidator().is().min(8).is().max(256).has().uppercase().has().lowercase().has().digits().has().symbols()
const pw = timedTogether({
  pv: [() => pws.map((p) => schema.validate(p)), REPS],
  owasp: [() => pws.map((p) => owasp.test(p)), 3],
  check: [() => pws.map((p) => np.checkPassword(p)), REPS],
  batch: [() => np.checkPasswords(pws), REPS],
  verdict: [() => pws.map((p) => np.passwordVerdict(p)), REPS],
})
const { pv: tPv, owasp: tOwasp, check: tPw, batch: tPwBatch, verdict: tVerdict } = pw
row('password-validator schema.validate', NP, tPv)
row('owasp-password-strength-test test', NP, tOwasp)
row('ntpc-policy checkPassword (per call)', NP, tPw, `${(tPv / tPw).toFixed(2)}× password-validator`, '≥ 2×', tPv / tPw >= 2 ? 'yes' : 'no')
row('ntpc-policy checkPasswords (batch)', NP, tPwBatch, `${(tOwasp / tPwBatch).toFixed(1)}× owasp`)
row('ntpc-policy passwordVerdict (per call)', NP, tVerdict, `${(tPv / tVerdict).toFixed(2)}× password-validator`, '≥ 2×', tPv / tVerdict >= 2 ? 'yes' : 'no')

const lines = [
  '## Node',
  '',
  `Node ${process.version}, ntpc-policy addon (release build); median of ${REPS} runs after a warm-up, interleaved with the peers${globalThis.gc ? ', each after a full GC' : ''}${CPU ? ', timed in process CPU time (BENCH_CLOCK=cpu)' : ''}.`,
  '',
  '| benchmark | items | median | ratio | target | met |',
  '|---|---:|---:|---|---|---|',
  ...rows.map((r) => `| ${r.name} | ${r.n.toLocaleString('en')} | ${(r.secs * 1e3).toFixed(1)} ms | ${r.ratio} | ${r.target} | ${r.met} |`),
]
const md = lines.join('\n') + '\n'
if (process.argv[2]) writeFileSync(process.argv[2], md)
console.log(md)
