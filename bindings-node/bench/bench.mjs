// Node benchmarks of issue #8: the ntpc-policy addon against what a web team
// would otherwise pick, in one process, on the same inputs; median of 5 runs
// after a warm-up; ratios. Writes a Markdown section to the path given.
//   node bench.mjs [OUT.md]
import { createRequire } from 'node:module'
import { writeFileSync } from 'node:fs'

const require = createRequire(import.meta.url)
const np = require('../index.js')
// The floor functions exist only in the benchmark build (feature bench-floor).
const { stringFloorForBench, checkPasswordCoreForBench } = require('../native.js')
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

// The objects classifyId returns, made in plain JS from the packed codes and
// the area table, the input standing in for the masked number: what building
// the results alone costs (no addon call, no string made), the floor under
// classifyId and classifyIds. Only small tables are kept alive for it.
const preCodes = np.classifyIdsPacked(ids)
const preKinds = ['none', 'national_id', 'resident_old', 'resident_new']
const areaOf = new Uint8Array(N)
const areaTable = []
for (let i = 0; i < N; i++) {
  const a = (preCodes[i] & 4) !== 0 ? np.classifyId(ids[i]).area : null
  if (a !== null) {
    const k = a.letter.charCodeAt(0) - 64
    areaTable[k] = [a.letter, a.nameZh, a.nameEn, a.retired]
    areaOf[i] = k
  }
}
function plainObjects() {
  return ids.map((s, i) => {
    const c = preCodes[i]
    const k = areaOf[i]
    const a = areaTable[k]
    return {
      kind: preKinds[c & 3],
      formatValid: (c & 4) !== 0,
      checksumValid: (c & 8) !== 0,
      gender: null,
      area: k === 0 ? null : { letter: a[0], nameZh: a[1], nameEn: a[2], retired: a[3] },
      category: null,
      masked: (c & 4) !== 0 ? s : null,
    }
  })
}

const id = timedTogether({
  objects: [plainObjects, REPS],
  validator: [() => ids.map((s) => validator.isIdentityCard(s, 'zh-TW')), REPS],
  twid: [() => ids.map((s) => twid.isIdCardNumber(s)), REPS],
  js: [() => ids.map(jsChecksum), REPS],
  call: [() => ids.map((s) => np.classifyId(s)), REPS],
  batch: [() => np.classifyIds(ids), REPS],
  valid: [() => ids.map((s) => np.isValidId(s)), REPS],
  packed: [() => np.classifyIdsPacked(ids), REPS],
  floor: [() => ids.map((s) => stringFloorForBench(s)), REPS],
})
const { validator: tValidator, twid: tTwid, js: tJs, call: tCall, batch: tBatch, valid: tValid, packed: tPacked, floor: tFloor, objects: tObjects } = id
const yes = (ok) => (ok ? 'yes' : 'no')
row("validator isIdentityCard(s, 'zh-TW')", N, tValidator)
row('taiwan-id-validator isIdCardNumber', N, tTwid)
row('hand-written JS checksum', N, tJs)
row('ntpc-policy classifyId (per call)', N, tCall, `${(tValidator / tCall).toFixed(2)}× validator`, '≥ 1×', yes(tValidator / tCall >= 1))
row('ntpc-policy isValidId (per call, boolean)', N, tValid, `${(tValidator / tValid).toFixed(2)}× validator, ${Math.round((100 * tFloor) / tValid)} % of the floor's speed`, '≥ 90 % of the floor', yes(tFloor / tValid >= 0.9))
row('floor: an addon call string → boolean doing no work', N, tFloor, `${(tValidator / tFloor).toFixed(2)}× validator: the most any per-call function can reach`)
row('floor: the same IdInfo objects made in plain JS (no addon call, no string made)', N, tObjects, `${(tValidator / tObjects).toFixed(2)}× validator; with the call floor ${(tValidator / (tFloor + tObjects)).toFixed(2)}×`)
row('ntpc-policy classifyIds (batch)', N, tBatch, `${(tJs / tBatch).toFixed(2)}× JS checksum`, '≥ 0.5×', yes(tJs / tBatch >= 0.5))
row('ntpc-policy classifyIdsPacked (batch, Uint8Array)', N, tPacked, `${(tJs / tPacked).toFixed(2)}× JS checksum`, '≥ 1×', yes(tJs / tPacked >= 1))

const NP = 200_000
const pws = ids.slice(0, NP).map((s, i) => s.slice(0, 3).toLowerCase() + s.slice(3, 8) + (i % 2 ? '!' : 'x') + (i % 2 ? 'A' : 'b'))
const schema = new PasswordValidator().is().min(8).is().max(256).has().uppercase().has().lowercase().has().digits().has().symbols()
const opts = { account: 'wang01', displayName: 'Wang Xiao-Ming' }
const pw = timedTogether({
  pv: [() => pws.map((p) => schema.validate(p)), REPS],
  owasp: [() => pws.map((p) => owasp.test(p)), 3],
  check: [() => pws.map((p) => np.checkPassword(p)), REPS],
  batch: [() => np.checkPasswords(pws), REPS],
  verdict: [() => pws.map((p) => np.passwordVerdict(p)), REPS],
  core: [() => pws.map((p) => checkPasswordCoreForBench(p)), REPS],
  checkOpts: [() => pws.map((p) => np.checkPassword(p, opts)), REPS],
  coreOpts: [() => pws.map((p) => checkPasswordCoreForBench(p, opts.account, opts.displayName)), REPS],
  floor: [() => pws.map((p) => stringFloorForBench(p)), REPS],
})
const { pv: tPv, owasp: tOwasp, check: tPw, batch: tPwBatch, verdict: tVerdict, core: tCore, checkOpts: tPwOpts, coreOpts: tCoreOpts, floor: tPwFloor } = pw
const us = (t) => `${((t / NP) * 1e6).toFixed(2)} µs`
row('password-validator schema.validate', NP, tPv)
row('owasp-password-strength-test test', NP, tOwasp)
row('ntpc-policy checkPassword (per call)', NP, tPw, `${(tPv / tPw).toFixed(2)}× password-validator; the binding's share ${us(tPw - tCore)} a call`, '≥ 1×', yes(tPv / tPw >= 1))
row('ntpc-policy checkPassword(p, {account, displayName})', NP, tPwOpts, `the binding's share ${us(tPwOpts - tCoreOpts)} a call`)
row('ntpc-policy checkPasswords (batch)', NP, tPwBatch, `${(tOwasp / tPwBatch).toFixed(2)}× owasp; the binding's share ${us(tPwBatch - tCore)} a password`, '≥ 1×', yes(tOwasp / tPwBatch >= 1))
row('ntpc-policy passwordVerdict (per call)', NP, tVerdict, `${(tPv / tVerdict).toFixed(2)}× password-validator, ${Math.round((100 * tCore) / tVerdict)} % of the core floor's speed`, '≥ 90 % of the floor', yes(tCore / tVerdict >= 0.9))
row("floor: checkPassword's call and the core's check, no result", NP, tCore, `${(tPv / tCore).toFixed(2)}× password-validator: the most checkPassword and passwordVerdict can reach`)
row('floor: the same, with account and display name', NP, tCoreOpts, `${(tPv / tCoreOpts).toFixed(2)}× password-validator`)
row('floor: an addon call string → boolean doing no work', NP, tPwFloor, `${(tPv / tPwFloor).toFixed(2)}× password-validator`)

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
