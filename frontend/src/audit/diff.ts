// An audit entry's before/after snapshots as a field-by-field diff, and the
// screen's times and date ranges. Everything returned is plain text for
// {{ }} interpolation: nothing from the log is ever rendered as HTML.
import type { AuditEntry } from '../api'
import { formatDate, formatDateTime, type Locale } from '../format'
import { i18n } from '../i18n'

type T = (key: string, args?: Record<string, unknown>) => string
type TE = (key: string) => boolean

/** How the store writes a personal field that changed: the log keeps only the fact. */
export const SEALED = '***'

export interface DiffValue {
  text: string
  /** no value on this side (a creation's before, a removal's after, null) */
  none: boolean
  /** a personal field: changed, content kept private */
  sealed: boolean
}

export interface DiffRow {
  field: string
  label: string
  before: DiffValue
  after: DiffValue
  /** 'context' rows (same on both sides, e.g. the member's name) identify the record */
  kind: 'added' | 'removed' | 'changed' | 'context'
}

function parse(s: string): Record<string, unknown> | null {
  if (!s.trim()) return null
  try {
    const v: unknown = JSON.parse(s)
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>
    return { value: v }
  } catch {
    return { value: s }
  }
}

const first = new Set(['name', 'key', 'week', 'kind', 'file'])

/** fieldOrder: identifying fields first, then alphabetical (as the CLI and the export). */
export function fieldOrder(a: string, b: string): number {
  const ra = first.has(a) ? 0 : 1
  const rb = first.has(b) ? 0 : 1
  if (ra !== rb) return ra - rb
  return a < b ? -1 : a > b ? 1 : 0
}

// Values that are codes in the log, looked up in words: the field, then the
// catalogue keys that may name its value ({v} is the value).
const valueKeys: Record<string, string[]> = {
  tier: ['members.tiers.{v}'],
  to: ['members.tiers.{v}'],
  type: ['types.{v}.label', 'risk.category.{v}', 'content.type.{v}'],
  profile: ['profiles.{v}'],
  role: ['operators.roles.{v}'],
  status: ['audit.value.status.{v}', 'risk.status.{v}'],
  category: ['risk.category.{v}'],
  format: ['content.format.{v}', 'imports.formats.{v}'],
  lang: ['audit.value.lang.{v}'],
  key: ['audit.value.key.{v}'],
}

/** Fields whose values are the program's own codes (hashes, internal ids): never shown as such. */
const internal = new Set(['hit_key', 'dedupe_key', 'content_enc', 'remark_enc', 'summary_enc', 'sender_name_enc'])

function plain(text: string): DiffValue {
  return { text, none: false, sealed: false }
}

/** valueText renders one JSON value of field as words: no JSON, no codes. */
export function valueText(field: string, v: unknown, t: T, te: TE): DiffValue {
  if (v === null || v === undefined) return { text: t('audit.none'), none: true, sealed: false }
  if (v === SEALED) return { text: t('audit.sealed'), none: false, sealed: true }
  if (typeof v === 'boolean') return plain(t(v ? 'audit.yes' : 'audit.no'))
  if (Array.isArray(v)) {
    if (v.length === 0) return plain(t('audit.emptyList'))
    return plain(v.map((x) => valueText(field, x, t, te).text).join('、'))
  }
  if (typeof v === 'string') {
    if (internal.has(field)) {
      // a risk hit's key starts with its category (fraud:h:c0914…): say that, not the hash
      const category = v.split(':')[0]
      if (te(`risk.category.${category}`)) return plain(t('audit.hitOf', { category: t(`risk.category.${category}`) }))
      return plain(t('audit.internal'))
    }
    const loc = i18n.global.locale.value as Locale
    // times and weeks in words: 2024年3月5日 20:30, 2024年第10周
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) && formatDateTime(v, loc)) return plain(formatDateTime(v, loc))
    if (/^\d{4}-\d{2}-\d{2}$/.test(v) && formatDate(v, loc)) return plain(formatDate(v, loc))
    const week = /^(\d{4})-W(\d{1,2})$/.exec(v)
    if (week) return plain(loc === 'en' ? `${week[1]} week ${Number(week[2])}` : `${week[1]}年第${Number(week[2])}周`)
    if (/^[A-Za-z][\w.:-]*$/.test(v)) {
      // a code: settings keys carry a group after ':' (group_start:12); dots would nest the lookup
      const code = (field === 'key' ? v.split(':')[0] : v).replace(/[.:-]/g, '_')
      for (const pattern of [...(valueKeys[field] ?? []), `audit.value.${field}.{v}`]) {
        const key = pattern.replace('{v}', code)
        if (te(key)) return plain(t(key))
      }
    }
    const parsed = nested(v)
    if (parsed) return valueText(field, parsed, t, te)
    return plain(v)
  }
  if (typeof v === 'number') return plain(String(v))
  if (typeof v === 'object') {
    // a nested record (a welcome template, a window size): its fields in words
    const parts = Object.entries(v as Record<string, unknown>)
      .sort(([a], [b]) => fieldOrder(a, b))
      .map(([k, x]) => `${fieldLabel(k, t, te)}：${valueText(k, x, t, te).text}`)
    return plain(parts.length ? parts.join('；') : t('audit.emptyList'))
  }
  return plain(String(v))
}

/** nested reads a string that holds a JSON object or array (a setting's value), or null. */
function nested(s: string): object | null {
  const x = s.trim()
  if (!(x.startsWith('{') && x.endsWith('}')) && !(x.startsWith('[') && x.endsWith(']'))) return null
  try {
    const v: unknown = JSON.parse(x)
    return v && typeof v === 'object' ? v : null
  } catch {
    return null
  }
}

/**
 * fieldLabel names a field in the UI language. A field whose meaning depends
 * on what the entry is about (a group's name is not a member) is named by
 * audit.fieldOf.<entity> first; a field this build has no words for is
 * "其他信息", never its code.
 */
export function fieldLabel(field: string, t: T, te: TE, entity = ''): string {
  for (const key of [entity ? `audit.fieldOf.${entity}.${field}` : '', `audit.field.${field}`]) {
    if (key && te(key)) return t(key)
  }
  return t('audit.otherField')
}

/** diff lists an entry's fields with before and after. */
export function diff(e: Pick<AuditEntry, 'before' | 'after'> & Partial<Pick<AuditEntry, 'entity'>>, t: T, te: TE): DiffRow[] {
  const b = parse(e.before)
  const a = parse(e.after)
  const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].sort(fieldOrder)
  return fields.map((field) => {
    const bv = b ? b[field] : undefined
    const av = a ? a[field] : undefined
    const before = valueText(field, bv, t, te)
    const after = valueText(field, av, t, te)
    let kind: DiffRow['kind'] = 'changed'
    if (!b) kind = 'added'
    else if (!a) kind = 'removed'
    else if (JSON.stringify(bv) === JSON.stringify(av) && !before.sealed) kind = 'context'
    return { field, label: fieldLabel(field, t, te, e.entity), before, after, kind }
  })
}

/** actionLabel is an action in words (audit.action.member.update …), else its code. */
export function actionLabel(action: string, t: T, te: TE): string {
  const key = `audit.action.${action}`
  return te(key) ? t(key) : t('audit.otherAction')
}

/** entityLabel names the record: 成员 #12. */
export function entityLabel(e: Pick<AuditEntry, 'entity' | 'entityId'>, t: T, te: TE): string {
  const key = `audit.entity.${e.entity}`
  const name = te(key) ? t(key) : t('audit.otherEntity')
  return e.entityId ? `${name} #${e.entityId}` : name
}

/** The name the log records when nobody set one (Go's default operator). */
export const DEFAULT_OPERATOR = 'owner'

/** who names an operator: the unnamed default is 负责人, never the code word. */
export function who(name: string, t: T): string {
  return name === DEFAULT_OPERATOR ? t('audit.ownerName') : name
}

const enMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad2 = (n: number) => String(n).padStart(2, '0')

/**
 * when writes an instant on this computer's clock: `5月6日 20:30`
 * (`May 6 20:30`), with the year when it is not this year's.
 */
export function when(ms: number, locale: Locale, now: Date = new Date()): string {
  const d = new Date(ms)
  const time = `${pad2(d.getHours())}:${pad2(d.getMinutes())}`
  const otherYear = d.getFullYear() !== now.getFullYear()
  if (locale === 'en') return `${enMonths[d.getMonth()]} ${d.getDate()}${otherYear ? ` ${d.getFullYear()}` : ''} ${time}`
  return `${otherYear ? `${d.getFullYear()}年` : ''}${d.getMonth() + 1}月${d.getDate()}日 ${time}`
}

/** dayRange turns two local calendar days (ms at any time of those days) into [from, to) ms; 0 = open. */
export function dayRange(range: [number, number] | null): { from: number; to: number } {
  if (!range) return { from: 0, to: 0 }
  const start = new Date(range[0])
  const end = new Date(range[1])
  const from = new Date(start.getFullYear(), start.getMonth(), start.getDate()).getTime()
  const to = new Date(end.getFullYear(), end.getMonth(), end.getDate() + 1).getTime()
  return { from, to }
}

/** The action kinds the filter offers: prefixes of the actions. */
export const actionKinds = ['group', 'member', 'tier', 'violation', 'points', 'import', 'content', 'cadence', 'rules', 'input', 'settings', 'welcome', 'keyword_reply', 'highlight', 'incident', 'playbook', 'risk', 'operator', 'passphrase', 'automation'] as const
