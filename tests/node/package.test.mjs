// The npm package as `npm pack` makes it: it ships every module index.js loads
// (gen/<family>.js, generated: one per family of the core's table).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const pkg = join(dirname(fileURLToPath(import.meta.url)), '../../bindings-node')

test('npm pack ships index.js, its types, the addon loader and every module of gen/', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: pkg, encoding: 'utf8' })
  const shipped = new Set(JSON.parse(out)[0].files.map((f) => f.path))
  const gen = readdirSync(join(pkg, 'gen')).map((name) => `gen/${name}`)
  assert.ok(gen.length > 1)
  const missing = ['index.js', 'index.d.ts', 'native.js', ...gen].filter((f) => !shipped.has(f))
  assert.deepEqual(missing, [])
})
