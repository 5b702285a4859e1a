// The Node vector runner's dispatch table: vector `call` → the public API.
// A call missing here is a failure, never a skip, so the package stays complete.
import { np } from './shared.mjs'

const policy = (a) => (a.policy == null ? undefined : np.Policy.fromJson(JSON.stringify(a.policy)))
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
}
