// Type-checked with `tsc --noEmit --strict` against the generated index.d.ts.
import {
  Policy, can, checkFamily, checkPassword, classifyId, classifyIds, classifyIdsPacked, isValidId, mailboxStatus,
  passwordExpiry, passwordVerdict, parseDate, scanIds,
  type Decision, type FamilyCheck, type IdInfo, type MailboxState, type MailboxStatus, type PasswordCheck, type Rule,
} from 'ntpc-policy'

const info: IdInfo = classifyId('A123456789')
const kind: 'national_id' | 'resident_old' | 'resident_new' | 'none' = info.kind
const masked: string | null | undefined = info.masked
const many: IdInfo[] = classifyIds(['A123456789'])
const valid: boolean = isValidId('A123456789')
const packed: Uint8Array = classifyIdsPacked(['A123456789'])
const verdict: 'pass' | 'warn' | 'fail' = passwordVerdict('Aa123456', { profile: 'ad' }, new Policy())

const r: PasswordCheck = checkPassword('Aa123456', { account: 'wang01', profile: 'ad' }, new Policy())
const codes: string[] = r.findings.map((f) => f.code)
const zh: string = r.findings[0]?.messageZh ?? ''

const due: string = passwordExpiry(new Date(), '110/08/01', { alerts: [new Date()] }).due
const when: string = parseDate('110年12月7日').datetime
const offsets: number[] = scanIds('A123456789').map((m) => m.utf16Start)

try {
  parseDate('110/02/30')
} catch (e) {
  const code: unknown = (e as { code?: string }).code
  console.log(code)
}
// Record rules: plain objects in (camelCase), typed shapes out.
const box: MailboxStatus = mailboxStatus({ account: 'lin@ntpc.edu.tw', activatedOn: '109/09/01' }, new Date())
const state: MailboxState = box.state
const daysLeft: number = state === 'disabled' ? 0 : box.daysLeft
const family: FamilyCheck = checkFamily({ mother: { name: '李美麗', mobile: '0933-111-222' } })
const mobiles: string[] = family.registrants.map((r) => r.mobile)
const decision: Decision = can({ title: '幹事', roles: ['幹事'] }, '上課yo', 'manage', [{ module: '上課yo', right: 'manage', remove: ['幹事'] }])
const rule: Rule = decision.rule

console.log(kind, masked, many, valid, packed, verdict, codes, zh, due, when, offsets, Policy.editions(), daysLeft, mobiles, rule)
