// Every shared vector through the Node API, with the same expected results as Rust.
import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { vectorCases, toVectorShape, subsetMismatch } from './shared.mjs'
import { run } from './dispatch.mjs'

let passed = 0
let failed = 0
for (const [id, c] of vectorCases()) {
  test(id, () => {
    try {
      if ('error' in c) {
        assert.throws(() => run(c.call, c.args ?? {}), (e) => {
          assert.ok(e instanceof Error)
          // A JSON value of the wrong type for a plain argument (a string where a
          // number goes) is stopped by napi's own conversion (code `InvalidArg`, or one ending in
          // `Expected`); the vectors call that `input.invalid_argument`.
          const code = c.error === 'input.invalid_argument' && /^InvalidArg$|Expected$/.test(e.code) ? c.error : e.code
          assert.equal(code, c.error, e.message)
          return true
        })
      } else {
        const got = toVectorShape(run(c.call, c.args ?? {}))
        const problem = subsetMismatch(c.expect, got)
        assert.equal(problem, null, `${problem}\n got: ${JSON.stringify(got)}`)
      }
      passed++
    } catch (e) {
      failed++
      throw e
    }
  })
}
after(() => console.log(`vectors: ${passed} passed, ${failed} failed`))
