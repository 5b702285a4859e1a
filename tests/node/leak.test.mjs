// Issue 14 §1: the shared leak corpus (tests/vectors/leak/) through the Node
// API. Every in-scope form leaks nothing; the reader view is the one of
// tests/vectors/leak/README.md.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { np } from './shared.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const corpus = JSON.parse(readFileSync(join(here, '../vectors/leak/corpus.json'), 'utf8'))

const DROP = /[ \-\u00a0\u3000\u2010-\u2015\u2212\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/u

function fold(c) {
  if (c.codePointAt(0) < 0x80) return c.toUpperCase()
  const cp = c.codePointAt(0)
  if (cp >= 0x0660 && cp <= 0x0669) return String.fromCharCode(cp - 0x0660 + 0x30)
  const n = c.normalize('NFKC')
  return n.length === 1 && /[A-Za-z0-9]/.test(n) ? n.toUpperCase() : c
}

function view(text) {
  let s = text.replace(/&#([xX][0-9A-Fa-f]+|[0-9]+);/g, (_, d) =>
    String.fromCodePoint(/^[xX]/.test(d) ? parseInt(d.slice(1), 16) : parseInt(d, 10)),
  )
  const extra = []
  for (const run of s.match(/[A-Za-z0-9+/]{12,}/g) ?? []) {
    const bytes = Buffer.from(run, 'base64')
    try {
      extra.push(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
    } catch {}
  }
  s += extra.map((t) => ' ' + t).join('')
  s = s.replace(/<[^>]*>/g, '')
  let out = ''
  for (const c of s) if (!DROP.test(c)) out += fold(c)
  return out
}

test('no in-scope form of the leak corpus leaks through redactIds', () => {
  const leaks = {}
  const scope = {}
  for (const item of corpus.items) {
    scope[item.form] = item.in_scope
    assert.ok(view(item.text).includes(item.id), JSON.stringify(item))
    if (view(np.redactIds(item.text, item.options)).includes(item.id)) leaks[item.form] = (leaks[item.form] ?? 0) + 1
  }
  const inScope = Object.fromEntries(Object.entries(leaks).filter(([f]) => scope[f]))
  assert.deepEqual(inScope, {})
  assert.ok(Object.keys(scope).length >= 20)
})
