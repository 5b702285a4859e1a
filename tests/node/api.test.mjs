// The Node API beyond the vectors: errors, panics, types in and out, batches.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { np } from './shared.mjs'

test('errors are Error objects with the core code', () => {
  assert.throws(() => np.parseDate('110/02/30'), (e) => e instanceof Error && e.code === 'calendar.invalid_date')
  assert.throws(() => np.Policy.fromJson('{"password":{"min_lenght":1}}'), (e) => e.code === 'policy.invalid_file' && /min_lenght/.test(e.message))
  assert.throws(() => np.formatDate('2021-12-07', 'fancy'), (e) => e.code === 'calendar.unknown_style')
  assert.throws(() => np.checkPassword('x', { profile: 'windows' }), (e) => e.code === 'input.invalid_argument')
})

test('a panic becomes an Error with code internal and Node keeps running', () => {
  for (let i = 0; i < 3; i++) {
    assert.throws(() => np.__panicForTest(), (e) => e instanceof Error && e.code === 'internal')
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
  const at = np.parseDateTime('2021/02/08 17:50')
  assert.ok(at instanceof Date)
  assert.equal(at.toISOString(), '2021-02-08T09:50:00.000Z')
  const a = np.passwordExpiry(new Date('2021-08-01T00:00:00+08:00'), new Date('2021-10-25T09:00:00+08:00'))
  const b = np.passwordExpiry('110/08/01', '2021-10-25T09:00')
  assert.deepEqual(a, b)
  assert.equal(a.state, 'expiring_soon')
  assert.equal(np.schoolTerm(new Date('2022-02-01T00:30:00+08:00')).semester, 2)
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

test('policy objects', () => {
  const p = new np.Policy()
  assert.equal(p.name, 'ntpc-110')
  assert.deepEqual(np.Policy.editions(), ['ntpc-109', 'ntpc-110'])
  assert.equal(JSON.parse(np.Policy.edition('ntpc-109').toJson()).drill.report_limit_hours, 4)
  const strict = np.Policy.fromJson('{"password": {"min_length": 12}}')
  assert.equal(np.checkPassword('Tq7#vLm2pX', {}, strict).verdict, 'fail')
  assert.ok(np.codeTable().some((r) => r.code === 'password.too_short' && r.messageZh && r.messageEn))
})
