// The Node vector runner's dispatch table: vector `call` → the public API.
// A call missing here is a failure, never a skip, so the package stays complete.
import { np } from './shared.mjs'

const policy = (a) => (a.policy == null ? undefined : np.Policy.fromJson(JSON.stringify(a.policy)))
// Record arguments: the vectors write snake_case keys, JS objects use camelCase.
const camel = (v) =>
  Array.isArray(v)
    ? v.map(camel)
    : v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase()), camel(x)]))
      : v
// File bytes: `data` (text, UTF-8) or `data_hex` (any bytes).
const data = (a) => ('data_hex' in a ? Buffer.from(a.data_hex.replace(/\s+/g, ''), 'hex') : Buffer.from(String(a.data), 'utf8'))
const pwOptions = (a) => ({ account: a.account ?? undefined, displayName: a.display_name ?? undefined, profile: a.profile ?? undefined })

export const CALLS = {
  'policy.load': (a) => JSON.parse(np.Policy.fromJson(a.json).toJson()),
  'policy.edition': (a) => JSON.parse(np.Policy.edition(a.name).toJson()),
  // calendar
  'calendar.parse': (a) => np.parseDate(a.text),
  'calendar.parse_datetime': (a) => ({ datetime: np.parseDateTime(a.text) }),
  'calendar.format': (a) => ({ text: np.formatDate(a.date, a.style) }),
  'calendar.format_datetime': (a) => ({ text: np.formatDateTime(a.datetime, a.style) }),
  'calendar.to_roc': (a) => np.toRoc(a.date),
  'calendar.from_roc': (a) => ({ date: np.fromRoc(a.year, a.month, a.day) }),
  'calendar.school_term': (a) => np.schoolTerm(a.date, policy(a)),
  'calendar.fiscal_year': (a) => ({ rocYear: np.fiscalYear(a.date) }),
  // identity
  'identity.classify': (a) => np.classifyId(a.value),
  'identity.classify_packed': (a) => ({ codes: Array.from(np.classifyIdsPacked(a.values)) }),
  'identity.normalize': (a) => ({ value: np.normalizeId(a.value) }),
  'identity.mask': (a) => ({ masked: np.maskId(a.value, policy(a)) }),
  'identity.check_account': (a) => np.checkAccount(a.name, policy(a)),
  'identity.scan': (a) => ({ matches: np.scanIds(a.text, policy(a)) }),
  'identity.redact': (a) => ({ text: np.redactIds(a.text, policy(a)) }),
  'identity.check_ubn': (a) => np.checkUbn(a.value),
  // network
  'network.ems_allocation': (a) => np.emsAllocation(a.school_no, policy(a)),
  'network.check_ems_address': (a) => np.checkEmsAddress(a.address, a.school_no, policy(a)),
  // training
  'training.security_training': (a) => np.securityTraining(a.hours, policy(a)),
  'training.smart_learning_progress': (a) => np.smartLearningProgress(a.teacher_quota, a.certified, policy(a)),
  // password
  'password.check': (a) => np.checkPassword(a.password, pwOptions(a), policy(a)),
  'password.check_many': (a) => np.checkPasswords(a.passwords, pwOptions(a), policy(a)),
  'password.is_common': (a) => ({ common: np.isCommonPassword(a.password) }),
  'password.expiry': (a) =>
    np.passwordExpiry(a.last_changed, a.now, { reset: a.reset ?? undefined, alerts: a.alerts ?? undefined }, policy(a)),
  // mailbox
  'mailbox.status': (a) => np.mailboxStatus(camel(a.mailbox), a.today, policy(a)),
  'mailbox.sweep': (a) => np.sweepMailboxes(camel(a.mailboxes), a.today, policy(a)),
  'mailbox.import': (a) => np.importMailboxes(data(a), a.options, policy(a)),
  'mailbox.quota': (a) => np.mailboxQuota(a.used_bytes, policy(a)),
  'mailbox.message_size': (a) => np.checkMessageSize(a.bytes, policy(a)),
  // account
  'account.check': (a) => np.accountAccess(camel(a.record), a.today, policy(a)),
  'account.import': (a) => np.importAccounts(data(a), a.options, policy(a)),
  'account.check_many': (a) => np.accountAccessMany(camel(a.records), a.today, policy(a)),
  // parent
  'parent.check': (a) => np.checkFamily(camel(a.family)),
  'parent.check_many': (a) => np.checkFamilies(camel(a.families)),
  'parent.normalize_mobile': (a) => np.normalizeMobile(a.text),
  // permission
  'permission.table': () => ({ rows: np.permissionTable() }),
  'permission.lookup': (a) => np.permissionLookup(a.name),
  'permission.who_can': (a) => np.whoCan(a.module, a.right, camel(a.overrides ?? undefined)),
  'permission.can': (a) => np.can(camel(a.person), a.app_or_module, a.right, camel(a.overrides ?? undefined)),
  'permission.contact_book_right': (a) => np.contactBookRight(a.title),
  'permission.attendance_view': (a) => np.attendanceView(camel(a.person), camel(a.overrides ?? undefined)),
  'permission.absent_counts': (a) => np.absentCounts(camel(a.records)),
  // import
  'import.decode': (a) => np.decodeText(data(a)),
  'import.csv_escape_cell': (a) => ({ cell: np.csvEscapeCell(a.value) }),
  'import.parse_count': (a) => ({ count: np.parseCount(a.text) }),
  // incident
  'incident.evaluate': (a) => np.evaluateIncident(camel(a.incident), a.now, policy(a)),
  'incident.stats': (a) => np.incidentStats(camel(a.incidents), a.now, policy(a)),
  'incident.import': (a) => np.importIncidents(data(a), a.options, policy(a)),
  'incident.parse_ip': (a) => np.parseIncidentIp(a.raw),
  'incident.parse_level': (a) => ({ level: np.parseIncidentLevel(a.text) }),
  // drill
  'drill.evaluate': (a) => np.evaluateDrill(camel(a.report), a.now, policy(a)),
  'drill.rank': (a) => np.rankDrills(camel(a.reports), a.now, policy(a)),
  'drill.import': (a) => np.importDrills(data(a), a.options, policy(a)),
  // audit
  'audit.pick': (a) => np.pickAuditSchools(camel(a.schools), camel(a.scans), a.capacity, policy(a)),
  'audit.cvss_band': (a) => ({ band: np.cvssBand(a.score, a.version) }),
  'audit.parse_cvss_version': (a) => ({ version: np.parseCvssVersion(a.text) }),
  'audit.parse_scan_round': (a) => ({ scan: np.parseScanRound(a.text) }),
  'audit.import_schools': (a) => np.importAuditSchools(data(a), a.options, policy(a)),
  'audit.import_scans': (a) => np.importAuditScans(data(a), a.options, policy(a)),
}
