// make dist-node: what `napi pre-publish` does to the JS package in the release
// workflow (where every target's addon exists): optionalDependencies on the
// platform package of each napi target (bindings-node/npm/<target>/), at the
// package's version. Usage: node mk/npm-optional-deps.mjs STAGED/package.json NPM_DIR
import fs from 'node:fs'
import path from 'node:path'

const [file, npmDir] = process.argv.slice(2)
const pkg = JSON.parse(fs.readFileSync(file, 'utf8'))
const names = fs
  .readdirSync(npmDir)
  .sort()
  .map((d) => JSON.parse(fs.readFileSync(path.join(npmDir, d, 'package.json'), 'utf8')).name)
if (names.length !== pkg.napi.targets.length) {
  throw new Error(`${npmDir} has ${names.length} packages, napi.targets ${pkg.napi.targets.length}`)
}
pkg.optionalDependencies = Object.fromEntries(names.map((n) => [n, pkg.version]))
fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n')
