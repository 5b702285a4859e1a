// The Node API beyond the vectors: errors, panics, types in and out, batches.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { np, native } from './shared.mjs'

test('errors are Error objects with the core code, both messages and the params', () => {
  assert.throws(
    () => np.mailboxStatus({ account: 'a', activatedOn: '110/02/30' }, '2021-12-07'),
    (e) => e instanceof Error && e.code === 'input.invalid_argument' && typeof e.messageZh === 'string' && e.message === e.messageEn && e.params.field === 'mailbox',
  )
  assert.throws(() => np.parseDate('110/02/30'), (e) => e instanceof Error && e.code === 'calendar.invalid_date')
  assert.throws(() => np.Policy.fromJson('{"password":{"min_lenght":1}}'), (e) => e.code === 'policy.invalid_file' && /min_lenght/.test(e.message))
  assert.throws(() => np.formatDate('2021-12-07', 'fancy'), (e) => e.code === 'calendar.unknown_style')
  assert.throws(() => np.checkPassword('x', { profile: 'windows' }), (e) => e.code === 'input.invalid_argument')
})

test('a panic becomes an Error with code internal and Node keeps running', () => {
  for (let i = 0; i < 3; i++) {
    assert.throws(() => native.panicForTest(), (e) => e instanceof Error && e.code === 'internal')
  }
  assert.equal(np.classifyId('A123456789').checksumValid, true)
})

test('bad argument types throw a clear error, never crash', () => {
  assert.throws(() => np.classifyId(123), (e) => e instanceof Error && /String/.test(e.message))
  assert.throws(() => np.classifyId(), (e) => e instanceof Error)
  assert.throws(() => np.checkPassword('x', 'not-an-object'), (e) => e instanceof Error)
  assert.throws(() => np.classifyIds(['A123456789', 5]), (e) => e instanceof Error)
})

test('instants are Dates in and out; naive text means Asia/Taipei', () => {
  const at = np.parseDatetime('2021/02/08 17:50')
  assert.ok(at instanceof Date)
  assert.equal(at.toISOString(), '2021-02-08T09:50:00.000Z')
  const a = np.passwordExpiry(new Date('2021-08-01T00:00:00+08:00'), new Date('2021-10-25T09:00:00+08:00'))
  const b = np.passwordExpiry('110/08/01', '2021-10-25T09:00')
  assert.deepEqual(a, b)
  assert.equal(a.state, 'expiring_soon')
  assert.equal(np.schoolTerm(new Date('2022-02-01T00:30:00+08:00')).semester, 2)
})

test('no silent passes: NaN, Infinity, fractions, out-of-range and invalid Dates are errors', () => {
  const bad = (e) => e instanceof Error && e.code === 'input.invalid_argument'
  assert.throws(() => np.mailboxQuota(NaN), bad)
  assert.throws(() => np.checkMessageSize(Infinity), bad)
  assert.throws(() => np.checkMessageSize(-Infinity), bad)
  assert.throws(() => np.passwordExpiry(new Date(NaN), new Date()), bad)
  assert.throws(() => np.evaluateIncident({ id: '1', level: 1, occurredAt: '2021-12-01T10:00' }, new Date(NaN)), bad)
  assert.throws(() => np.fromRoc(2 ** 32 + 110, 12, 7), bad)
  assert.throws(() => np.fromRoc(110.5, 12, 7), bad)
  assert.throws(() => np.mailboxQuota(2n ** 70n), bad)
  assert.throws(() => np.mailboxQuota(-1), bad)
  assert.equal(np.fromRoc(110, 12, 7), '2021-12-07')
})

test('optional arguments are undefined-safe', () => {
  assert.equal(np.checkPassword('Tq7#vLm2pX').verdict, 'pass')
  assert.equal(np.checkPassword('Tq7#vLm2pX', undefined, undefined).verdict, 'pass')
  assert.equal(np.checkPassword('Tq7#vLm2pX', {}).verdict, 'pass')
  assert.equal(np.maskId('A123456789', undefined), 'A12****789')
  assert.equal(np.formatDate('2021-12-07'), '110/12/07')
})

test('batches equal single calls', () => {
  const ids = ['A123456789', 'A123456780', 'hello', 'ａ１２３４５６７８９', '']
  assert.deepEqual(np.classifyIds(ids), ids.map((v) => np.classifyId(v)))
  const pws = ['Aa123456', 'short', 'Good#Pass2024x', '']
  assert.deepEqual(np.checkPasswords(pws, { account: 'wang01' }), pws.map((p) => np.checkPassword(p, { account: 'wang01' })))
})

test('results never contain the password', () => {
  for (const pw of ['Secret#2024ab', 'Aa123456']) {
    assert.ok(!JSON.stringify(np.checkPassword(pw, { account: 'wang01', displayName: 'Wang Xiao-Ming' })).includes(pw))
  }
})

test('scan offsets are JS string indices', () => {
  const text = '😀 學生A123456789'
  const [m] = np.scanIds(text)
  assert.equal(text.slice(m.utf16Start, m.utf16End), 'A123456789')
})

test('test hooks are not part of the API', () => {
  assert.ok(!Object.keys(np).some((k) => /panic|floor/i.test(k)))
})

test('policy objects', () => {
  const p = new np.Policy()
  assert.equal(p.name, 'ntpc-110')
  assert.deepEqual(np.Policy.editions(), ['ntpc-109', 'ntpc-110'])
  assert.equal(JSON.parse(np.Policy.edition('ntpc-109').toJson()).drill.report_limit_hours, 4)
  const strict = np.Policy.fromJson('{"password": {"min_length": 12}}')
  assert.equal(np.checkPassword('Tq7#vLm2pX', {}, strict).verdict, 'fail')
  assert.ok(np.codeTable().some((r) => r.code === 'password.too_short' && r.messageZh && r.messageEn))
})

// Issue #8 fast paths: same answers as the full functions, on every input shape.
const ID_INPUTS = [
  'A123456789', 'A123456780', 'a123456789', ' A123456789 ', 'ａ１２３４５６７８９', 'A800000014', 'AB12345677',
  'A8000000149', 'hello', '', 'user1x2', '😀A123456789', '\ud800A12345678', 'A12345678\u00e9', 'x'.repeat(62),
  'A123456789'.padEnd(63, ' '), ' '.repeat(70) + 'A123456789', 'Ａ'.repeat(40),
]

test('classifyId returns plain objects with the same keys as before', () => {
  const r = np.classifyId('A800000014')
  assert.equal(Object.getPrototypeOf(r), Object.prototype)
  assert.deepEqual(Object.keys(r), ['kind', 'formatValid', 'checksumValid', 'gender', 'area', 'category', 'masked'])
  assert.deepEqual(Object.keys(np.classifyId('hello')), ['kind', 'formatValid', 'checksumValid', 'gender', 'area', 'category', 'masked'])
  assert.deepEqual(np.classifyId('hello'), { kind: 'none', formatValid: false, checksumValid: false, gender: null, area: null, category: null, masked: null })
  assert.deepEqual(np.classifyId('A123456789').area, { letter: 'A', nameZh: '臺北市', nameEn: 'Taipei City', retired: false })
  assert.notEqual(np.classifyId('A123456789').area, np.classifyId('A123456789').area)
  assert.deepEqual(np.classifyIds(ID_INPUTS), ID_INPUTS.map((v) => np.classifyId(v)))
  assert.deepEqual(np.classifyIds([]), [])
})

test('isValidId is classifyId(v).checksumValid', () => {
  for (const v of ID_INPUTS) assert.equal(np.isValidId(v), np.classifyId(v).checksumValid, JSON.stringify(v))
  assert.equal(np.isValidId('A123456789', undefined), true)
  assert.throws(() => np.isValidId(5), (e) => e instanceof Error && e.code === 'InvalidArg' && /String/.test(e.message))
  assert.throws(() => np.isValidId(), (e) => e instanceof Error && /String/.test(e.message))
})

test('classifyIdsPacked packs kind, validity and gender', () => {
  const kinds = ['none', 'national_id', 'resident_old', 'resident_new']
  const packed = np.classifyIdsPacked(ID_INPUTS)
  assert.ok(packed instanceof Uint8Array)
  assert.equal(packed.length, ID_INPUTS.length)
  ID_INPUTS.forEach((v, i) => {
    const r = np.classifyId(v)
    const b = packed[i]
    assert.equal(kinds[b & 3], r.kind, v)
    assert.equal((b & 4) !== 0, r.formatValid, v)
    assert.equal((b & 8) !== 0, r.checksumValid, v)
    assert.equal([null, 'male', 'female'][(b >> 4) & 3], r.gender, v)
  })
  assert.equal(np.classifyIdsPacked([]).length, 0)
  assert.throws(() => np.classifyIdsPacked(['A123456789', 5]), (e) => e instanceof Error && /index 1/.test(e.message))
  assert.throws(() => np.classifyIdsPacked('A123456789'), (e) => e instanceof Error && e.code === 'InvalidArg')
})

// Arrays of 256 or more strings cross in chunks of arguments (fast.rs); these
// pin that path to the element-by-element one.
const LONG = Array.from({ length: 5000 }, (_, i) => ID_INPUTS[i % ID_INPUTS.length])

test('long arrays: batches equal per-value calls', () => {
  const packed = np.classifyIdsPacked(LONG)
  const objects = np.classifyIds(LONG)
  assert.equal(packed.length, LONG.length)
  assert.equal(objects.length, LONG.length)
  LONG.forEach((v, i) => {
    const one = np.classifyId(v)
    assert.deepEqual(objects[i], one, v)
    assert.equal((packed[i] & 8) !== 0, one.checksumValid, v)
  })
  assert.deepEqual(np.checkAccounts(LONG.slice(0, 300)), LONG.slice(0, 300).map((v) => np.checkAccount(v)))
})

test('long arrays: a bad element is named by its index, and the next call works', () => {
  for (const at of [0, 63, 64, 700, 4999]) {
    const xs = LONG.slice()
    xs[at] = at % 2 ? 5 : null
    const named = (e) => e instanceof Error && e.code === 'input.invalid_argument' && e.message.endsWith(`Expected a string at index ${at}.`)
    assert.throws(() => np.classifyIdsPacked(xs), named)
    assert.throws(() => np.classifyIds(xs), named)
  }
  const holes = new Array(300)
  holes[0] = 'A123456789'
  assert.throws(() => np.classifyIdsPacked(holes), (e) => /index 1\.$/.test(e.message))
  assert.equal(np.classifyIdsPacked(LONG).length, LONG.length)
})

test('long arrays: getters may call the addon again, or throw', () => {
  const nested = LONG.slice(0, 400)
  Object.defineProperty(nested, 300, { get: () => (np.classifyIdsPacked(LONG)[0] & 8 ? 'A123456789' : 'x') })
  assert.equal(np.classifyIdsPacked(nested)[300], np.classifyIdsPacked(['A123456789'])[0])
  const throwing = LONG.slice(0, 400)
  Object.defineProperty(throwing, 350, { get: () => { throw new RangeError('from a getter') } })
  assert.throws(() => np.classifyIdsPacked(throwing), (e) => e instanceof RangeError && e.message === 'from a getter')
  assert.equal(np.classifyIdsPacked(LONG).length, LONG.length)
})

test('long arrays: a panic inside a chunk is an internal Error and Node keeps running', () => {
  for (const at of [5, 100, 4000]) {
    assert.throws(() => native.panicInBatchForTest(LONG, at), (e) => e instanceof Error && e.code === 'internal')
  }
  assert.equal(native.panicInBatchForTest(LONG, 1e9), LONG.length)
  assert.equal(native.panicInBatchForTest(LONG.slice(0, 10), 1e9), 10)
  assert.throws(() => native.panicInBatchForTest(LONG.slice(0, 10), 3), (e) => e.code === 'internal')
})

test('passwordVerdict is checkPassword(...).verdict', () => {
  const strict = np.Policy.fromJson('{"password": {"min_length": 12}}')
  for (const p of ['Tq7#vLm2pX', 'Aa123456', 'short', 'wang01Abc#9', '密碼Abc#1234', '', 'x'.repeat(300)]) {
    assert.equal(np.passwordVerdict(p), np.checkPassword(p).verdict, p)
    assert.equal(np.passwordVerdict(p, undefined, undefined), np.checkPassword(p).verdict, p)
    assert.equal(np.passwordVerdict(p, { account: 'wang01', profile: 'ad' }), np.checkPassword(p, { account: 'wang01', profile: 'ad' }).verdict, p)
    assert.equal(np.passwordVerdict(p, {}, strict), np.checkPassword(p, {}, strict).verdict, p)
  }
  assert.throws(() => np.passwordVerdict('x', { profile: 'windows' }), (e) => e.code === 'input.invalid_argument')
  assert.throws(() => np.passwordVerdict(5), (e) => e instanceof Error && /String/.test(e.message))
})

test('the fast paths work in a worker thread (one set of helpers per environment)', async () => {
  const { Worker } = await import('node:worker_threads')
  const { fileURLToPath } = await import('node:url')
  const addon = process.env.NTPC_POLICY_NODE ?? fileURLToPath(new URL('../../bindings-node/index.js', import.meta.url))
  const w = new Worker(
    `const np = require(${JSON.stringify(addon)}); const { parentPort } = require('node:worker_threads');
     parentPort.postMessage([np.classifyId('A123456789'), np.classifyIds(['hello']), np.isValidId('A123456789'), np.passwordVerdict('Tq7#vLm2pX')])`,
    { eval: true },
  )
  const got = await new Promise((resolve, reject) => { w.once('message', resolve); w.once('error', reject) })
  await w.terminate()
  assert.deepEqual(got, [np.classifyId('A123456789'), np.classifyIds(['hello']), true, 'pass'])
})

test('no silent passes (issue 14 §2): every example of the issue, and NaN-like values inside records', () => {
  const bad = (e) => e instanceof Error && e.code === 'input.invalid_argument'
  const inc = { id: '1', unit: '某校', level: 1 }
  const now = '2021-12-07T09:00:00+08:00'
  for (const f of [
    () => np.mailboxQuota(Infinity),
    () => np.mailboxQuota(-Infinity),
    () => np.mailboxQuota(1.5),
    () => np.mailboxQuota(2 ** 64),
    () => np.checkMessageSize(NaN),
    () => np.checkMessageSize(0.5),
    () => np.passwordExpiry('2021-01-01', new Date(NaN)),
    () => np.evaluateIncident(inc, new Date(NaN)),
    () => np.evaluateIncident({ ...inc, level: NaN }, now),
    () => np.evaluateIncident({ ...inc, level: 1.5 }, now),
    () => np.evaluateIncident({ ...inc, level: 2 ** 53 }, now),
    () => np.fromRoc(NaN, 12, 7),
    () => np.fromRoc(110, 12, Infinity),
    () => np.fromRoc(110, 12.5, 7),
    () => np.fromRoc(-(2 ** 32), 12, 7),
    () => np.securityTraining(NaN),
    () => np.cvssBand(NaN),
    () => np.cvssBand(Infinity),
    () => np.mailboxStatus({ account: 'a@ntpc.edu.tw', activatedOn: '2021-01-01', usedBytes: Infinity }, '2021-12-07'),
    () => np.mailboxStatus({ account: 'a@ntpc.edu.tw', activatedOn: new Date(NaN) }, '2021-12-07'),
  ]) {
    assert.throws(f, bad, f.toString())
  }
  // Whole numbers written as floats are still whole numbers.
  assert.equal(np.fromRoc(110, 12.0, 7), '2021-12-07')
})

test('finding and error params come out in one key order, whichever path built them (issue 14 §5)', () => {
  const sorted = (o) => JSON.stringify(Object.keys(o)) === JSON.stringify(Object.keys(o).sort())
  // The fast path (checkPassword) and the JSON door (can) alike.
  for (const f of np.checkPassword('abc').findings) assert.ok(sorted(f.params), f.code)
  for (const f of np.can({ title: '導師' }, '上課yo', 'edit').findings) assert.ok(sorted(f.params), f.code)
  const viaDoor = native.call('password.check', { password: 'abc' })
  assert.deepEqual(
    viaDoor.findings.map((f) => Object.keys(f.params)),
    np.checkPassword('abc').findings.map((f) => Object.keys(f.params)),
  )
  assert.throws(() => np.fromRoc(110, 2, 30), (e) => sorted(e.params))
  const r = np.sweepMailboxFile('帳號,開通日期\na@x,110/02/30\n', '2021-12-07')
  for (const e of r.errors) assert.ok(sorted(e.params), e.code)
})

// Issue 20: checks are built in JS from packed numbers with messages cached per
// (code, params); the JSON door `call` is the plain JSON.parse of the core's
// JSON (whose keys it sorts), so both must give equal objects, and the keys
// keep the order of the core's structs (what JSON.stringify shows).
const CHECK_KEYS = 'verdict,profile,length,classes,classCount,requiredClasses,guessesLog10,findings'
const CLASS_KEYS = 'upper,lower,digit,special,otherLetter'
const FINDING_KEYS = 'code,severity,params,messageZh,messageEn'
function assertCheckOrder(r) {
  assert.equal(Object.keys(r).join(), CHECK_KEYS)
  assert.equal(Object.keys(r.classes).join(), CLASS_KEYS)
  for (const f of r.findings) {
    assert.equal(Object.keys(f).join(), FINDING_KEYS)
    assert.equal(Object.keys(f.params).join(), Object.keys(f.params).sort().join())
  }
}
test('checkPassword and checkPasswords equal the JSON door, keys in the core order', () => {
  const pws = ['', 'abc', 'a12345678!A', 'a12345678xb', 'Tq7#vLm2pX', 'P@ssw0rd2021', '19990101Ab!', 'qwerty123A!', 'ㄅㄆㄇㄈ1234Aa', '密碼Abc123!', 'x'.repeat(300), 'wang01Wang!', 'ntpc2021!A', '0912345678Aa!', 'abcdefgH1!']
  const opts = [undefined, {}, { account: 'wang01' }, { account: 'wang01', displayName: 'Wang Xiao-Ming', schoolName: '板橋國小', schoolCode: '014601', today: '2021-12-07' }, { display_name: 'Wang', profile: 'ad' }, { profile: 'default', today: '110/12/07' }, { account: null, displayName: undefined }]
  for (const o of opts) {
    const door = native.call('password.check_many', { passwords: pws, ...o })
    const many = np.checkPasswords(pws, o)
    assert.deepStrictEqual(many, door)
    many.forEach(assertCheckOrder)
    for (let i = 0; i < pws.length; i++) {
      for (const one of [np.checkPassword(pws[i], o), np.checkPassword(pws[i], o, new np.Policy())]) {
        assert.deepStrictEqual(one, door[i])
        assert.equal(JSON.stringify(one), JSON.stringify(many[i]))
      }
    }
  }
  // Each finding has its own params object (the messages are shared strings).
  const [a, b] = [np.checkPassword('abc'), np.checkPassword('abc')]
  a.findings[0].params.min = -1
  assert.notEqual(b.findings[0].params.min, -1)
})
