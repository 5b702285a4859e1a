// The Node vector runner's dispatch: a vector's `call` is a function id of the
// core's table (schema/api.json); the runner calls the package's function of
// that name in its JS call shape — required arguments in order, one optional
// argument positional or two or more in an `options` object, the policy last —
// and wraps a bare result as the table says. Only the Policy constructors
// (`policy.*`) are special. A call the table does not know fails.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { np } from './shared.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const api = JSON.parse(readFileSync(join(here, '../../schema/api.json'), 'utf8'))
export const FUNCTIONS = new Map(api.functions.map((f) => [f.id, f]))

// Record arguments: the vectors write snake_case keys, JS objects use camelCase.
const camel = (v) =>
  Array.isArray(v)
    ? v.map(camel)
    : v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase()), camel(x)]))
      : v

/** Runs one vector call; throws what the function throws. */
export function run(call, args) {
  if (call === 'policy.load') return JSON.parse(np.Policy.fromJson(args.json).toJson())
  if (call === 'policy.edition') return JSON.parse(np.Policy.edition(args.name).toJson())
  const f = FUNCTIONS.get(call)
  if (!f) throw new Error(`not a function of the table: ${call}`)
  const fn = np[f.js_name]
  if (typeof fn !== 'function') throw new Error(`ntpc-policy has no ${f.js_name} (${call})`)
  const a = { ...args }
  if ('data_hex' in a) {
    a.data = Buffer.from(a.data_hex.replace(/\s+/g, ''), 'hex')
    delete a.data_hex
  } else if (typeof a.data === 'string') {
    a.data = Buffer.from(a.data, 'utf8')
  }
  const value = (p) => (p.name === 'data' ? a.data : camel(a[p.name]))
  const required = f.params.filter((p) => !p.optional)
  const optional = f.params.filter((p) => p.optional)
  const positional = required.map(value)
  if (optional.length >= 2) {
    positional.push(Object.fromEntries(optional.filter((p) => a[p.name] != null).map((p) => [p.js_name, value(p)])))
  } else {
    positional.push(...optional.map((p) => a[p.name] ?? undefined).map((v, i) => (v === undefined ? v : value(optional[i]))))
  }
  if (f.uses_policy) positional.push(a.policy == null ? undefined : np.Policy.fromJson(JSON.stringify(a.policy)))
  const out = fn(...positional)
  const shaped = out instanceof Uint8Array ? Array.from(out) : out
  return f.wrap ? { [f.wrap]: shaped } : shaped
}
