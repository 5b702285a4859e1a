// Type-checked with `tsc --noEmit --strict` against the generated index.d.ts.
import { Policy, checkPassword, classifyId, passwordExpiry, parseDate, scanIds, type IdInfo, type PasswordCheck } from 'ntpc-policy'

const info: IdInfo = classifyId('A123456789')
const kind: 'national_id' | 'resident_old' | 'resident_new' | 'none' = info.kind
const masked: string | null | undefined = info.masked

const r: PasswordCheck = checkPassword('Aa123456', { account: 'wang01', profile: 'ad' }, new Policy())
const codes: string[] = r.findings.map((f) => f.code)
const zh: string = r.findings[0]?.messageZh ?? ''

const due: string = passwordExpiry(new Date(), '110/08/01', { alerts: [new Date()] }).due
const when: Date = parseDate('110年12月7日').datetime
const offsets: number[] = scanIds('A123456789').map((m) => m.utf16Start)

try {
  parseDate('110/02/30')
} catch (e) {
  const code: unknown = (e as { code?: string }).code
  console.log(code)
}
console.log(kind, masked, codes, zh, due, when, offsets, Policy.editions())
