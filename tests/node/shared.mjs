// Shared by the Node tests: the addon, the vector files, and the subset rule.
import { createRequire } from 'node:module'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)
export const np = require(process.env.NTPC_POLICY_NODE ?? join(here, '../../bindings-node/index.js'))
// The addon itself: the test build's hooks (panicForTest) are there, not in the API.
export const native = require(join(dirname(require.resolve(process.env.NTPC_POLICY_NODE ?? join(here, '../../bindings-node/index.js'))), 'native.js'))

export function vectorCases() {
  const dir = join(here, '../vectors')
  const out = []
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const doc = JSON.parse(readFileSync(join(dir, file), 'utf8'))
    for (const c of doc.cases) out.push([`${file.replace('.json', '')}: ${c.name}`, c])
  }
  return out
}

/** An instant as the vectors write it: RFC 3339 in +08:00. */
export function taipeiIso(d) {
  const t = new Date(d.getTime() + 8 * 3600e3).toISOString()
  return t.replace(/\.000Z$/, '+08:00').replace(/(\.\d{3})Z$/, '$1+08:00')
}

/** The JS result in the vectors' JSON shape: snake_case keys, Dates as Taipei RFC 3339. */
export function toVectorShape(v) {
  if (v instanceof Date) return taipeiIso(v)
  if (Array.isArray(v)) return v.map(toVectorShape)
  if (v && typeof v === 'object') {
    const out = {}
    for (const [k, x] of Object.entries(v)) out[k.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())] = toVectorShape(x)
    return out
  }
  return v
}

/** null when `want` is a subset of `got` (the rule every runner shares); undefined counts as null. */
export function subsetMismatch(want, got, path = '$') {
  if (want === null) return got === null || got === undefined ? null : `${path}: want null, got ${JSON.stringify(got)}`
  if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length) return `${path}: want ${want.length} items, got ${JSON.stringify(got)}`
    for (let i = 0; i < want.length; i++) {
      const p = subsetMismatch(want[i], got[i], `${path}[${i}]`)
      if (p) return p
    }
    return null
  }
  if (typeof want === 'object') {
    if (!got || typeof got !== 'object') return `${path}: want object, got ${JSON.stringify(got)}`
    for (const [k, w] of Object.entries(want)) {
      if (!(k in got) && w !== null) return `${path}.${k}: missing (want ${JSON.stringify(w)})`
      const p = subsetMismatch(w, got[k], `${path}.${k}`)
      if (p) return p
    }
    return null
  }
  return want === got ? null : `${path}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`
}
