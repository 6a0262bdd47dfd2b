// Words for what the import screen shows: formats, fields, column keys and
// cell values from Go, in the UI language (glossary words), falling back to
// the value itself when it is new to this build.
import { formatDateTime, formatNumber, zoneLabel as formatZone, type Locale } from './format'

type Translate = (key: string) => string
type Exists = (key: string) => boolean

/** The member-list fields a column can be mapped to, in the order the editor lists them. */
export const memberFields = [
  '',
  'extra',
  'nickname',
  'group_nickname',
  'wechat_id',
  'remark',
  'phone',
  'real_name',
  'gender',
  'region',
  'joined_at',
  'join_scene',
  'inviter',
  'tags',
  'friends',
  'active_hours',
  'role',
] as const

/** The chat formats the wizard offers, 'auto' first. */
export const chatFormats = ['auto', 'memotrace', 'pywxdump', 'chatlog', 'wechat-text', 'wecom-archive', 'csv'] as const

function keyPart(value: string): string {
  return value.replace(/-/g, '_')
}

function label(t: Translate, te: Exists, key: string, fallback: string): string {
  return te(key) ? t(key) : fallback
}

export function formatLabel(t: Translate, te: Exists, format: string): string {
  if (!format) return t('common.none')
  return label(t, te, `imports.formats.${keyPart(format)}`, format)
}

export function fieldLabel(t: Translate, te: Exists, field: string): string {
  return label(t, te, `imports.fields.${field === '' ? 'ignore' : keyPart(field)}`, field)
}

export function columnLabel(t: Translate, te: Exists, column: string): string {
  return label(t, te, `imports.columns.${keyPart(column)}`, column)
}

export function kindLabel(t: Translate, te: Exists, kind: string): string {
  return label(t, te, `imports.kinds.${keyPart(kind)}`, kind)
}

/** cellText is a preview cell as the user reads it: times and codes in words. Always plain text. */
export function cellText(t: Translate, te: Exists, column: string, value: string, locale: Locale): string {
  if (value === '') return ''
  switch (column) {
    case 'sent_at':
    case 'joined_at':
      return formatDateTime(value, locale) || value
    case 'tier':
      return label(t, te, `imports.tiers.${keyPart(value)}`, value)
    case 'kind':
      return label(t, te, `imports.messageKinds.${keyPart(value)}`, value)
    case 'tags': {
      // Go writes a list as [a b]; an empty list means no tags.
      const inner = value.replace(/^\[(.*)\]$/s, '$1').trim()
      return inner ? inner.split(/\s+/).join(locale === 'en' ? ', ' : '、') : ''
    }
    default:
      return value
  }
}

/** bytes shows a file size: `1.2 MB`, `850 KB`, `120 B`. */
export function bytes(n: number, locale: Locale): string {
  if (!Number.isFinite(n) || n < 0) return ''
  if (n < 1024) return `${formatNumber(n, locale)} B`
  if (n < 1024 * 1024) return `${formatNumber(n / 1024, locale, 1)} KB`
  return `${formatNumber(n / 1024 / 1024, locale, 1)} MB`
}

/**
 * zoneLabel names a time zone in plain words with its offset (北京时间 UTC+8)
 * rather than its IANA id: format.ts's zoneLabel, the one every screen uses.
 */
export function zoneLabel(locale: Locale, zone: string): string {
  return formatZone(zone, locale)
}
