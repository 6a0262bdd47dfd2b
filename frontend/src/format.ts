// Dates, times and numbers the way each UI language writes them:
// zh-CN `5月6日 周一`, `2024年5月6日 20:30`, `20:30`, `12,345`.
//
// Times from Go are RFC 3339 strings already in the group's own zone
// (e.g. `2024-05-06T20:30:00+08:00`). We show the wall clock the string carries,
// never the browser's zone: a group in Shanghai chats at 20:30 wherever the
// operator's laptop happens to be.

import en from './i18n/en'
import zhCN from './i18n/zh-CN'

export type Locale = 'zh-CN' | 'en'

export interface WallClock {
  year: number
  month: number // 1–12
  day: number
  hour: number
  minute: number
  second: number
  weekday: number // 0 = Sunday
}

const pattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|z|[+-]\d{2}:?\d{2})?)?$/

/** wallClock reads `YYYY-MM-DD` or an RFC 3339 time as written, or null when it cannot. */
export function wallClock(value: string): WallClock | null {
  const m = pattern.exec(value.trim())
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)]
  const utc = new Date(Date.UTC(year, month - 1, day))
  // reject 2024-02-30 and friends instead of rolling them over
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return null
  if (hour > 23 || minute > 59 || second > 60) return null
  return { year, month, day, hour, minute, second, weekday: utc.getUTCDay() }
}

type DateValue = string | WallClock

function read(value: DateValue): WallClock | null {
  return typeof value === 'string' ? wallClock(value) : value
}

const zhWeekdays = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
const enWeekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const enMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

const pad2 = (n: number) => String(n).padStart(2, '0')

/** `20:30` in both languages; '' for an unreadable value. */
export function formatTime(value: DateValue, _locale: Locale = 'zh-CN'): string {
  const w = read(value)
  return w ? `${pad2(w.hour)}:${pad2(w.minute)}` : ''
}

/** `5月6日 周一` / `Mon, May 6`. */
export function formatDay(value: DateValue, locale: Locale = 'zh-CN'): string {
  const w = read(value)
  if (!w) return ''
  if (locale === 'en') return `${enWeekdays[w.weekday]}, ${enMonths[w.month - 1]} ${w.day}`
  return `${w.month}月${w.day}日 ${zhWeekdays[w.weekday]}`
}

/** `2024年5月6日` / `May 6, 2024`. */
export function formatDate(value: DateValue, locale: Locale = 'zh-CN'): string {
  const w = read(value)
  if (!w) return ''
  if (locale === 'en') return `${enMonths[w.month - 1]} ${w.day}, ${w.year}`
  return `${w.year}年${w.month}月${w.day}日`
}

/** `2024年5月6日 20:30` / `May 6, 2024 20:30`. */
export function formatDateTime(value: DateValue, locale: Locale = 'zh-CN'): string {
  const w = read(value)
  if (!w) return ''
  return `${formatDate(w, locale)} ${formatTime(w, locale)}`
}

const numberFormats: Partial<Record<Locale, Intl.NumberFormat>> = {}

/** `12,345` (grouped); fractions keep up to `digits` places. */
export function formatNumber(n: number, locale: Locale = 'zh-CN', digits = 0): string {
  if (!Number.isFinite(n)) return ''
  if (digits !== 0) {
    return new Intl.NumberFormat(locale, { maximumFractionDigits: digits, useGrouping: true }).format(n)
  }
  const f = (numberFormats[locale] ??= new Intl.NumberFormat(locale, { maximumFractionDigits: 0, useGrouping: true }))
  return f.format(n)
}

/**
 * A duration in minutes with its units (504.7 → `8 小时 25 分` / `8 h 25 min`):
 * under an hour to a tenth of a minute (`12.5 分钟`), then to the minute, a
 * day or more as `1 天 3 小时`. Every screen that shows a duration uses
 * this, never a bare count of minutes.
 */
export function formatDuration(minutes: number, locale: Locale = 'zh-CN'): string {
  if (!Number.isFinite(minutes)) return ''
  const en = locale === 'en'
  const m = Math.max(0, minutes)
  if (m < 60) {
    // under an hour the tenth of a minute still tells (a median of 12.5)
    const n = Math.round(m * 10) / 10
    return `${Number.isInteger(n) ? n : n.toFixed(1)}${en ? ' min' : ' 分钟'}`
  }
  const total = Math.round(m)
  const [d, h, mm] = [Math.floor(total / 1440), Math.floor((total % 1440) / 60), total % 60]
  if (d > 0) return en ? `${d} d${h ? ` ${h} h` : ''}` : `${d} 天${h ? ` ${h} 小时` : ''}`
  return en ? `${h} h${mm ? ` ${mm} min` : ''}` : `${h} 小时${mm ? ` ${mm} 分` : ''}`
}

// Time zones the operator meets, named as people say them (the names are the
// i18n catalogue's imports.zones). The CLI and Go keep the IANA id; the window
// never shows one (Asia/Shanghai → 北京时间 UTC+8).
function zoneName(zone: string, locale: Locale): string {
  const names = (locale === 'en' ? en : zhCN).imports.zones as Record<string, string>
  return names[zone.replace(/[/+-]/g, '_')] ?? ''
}

/** zoneOffset is the zone's UTC offset as `UTC+8` / `UTC-4:30` at `at` (default: now), or '' for an unknown zone. */
export function zoneOffset(zone: string, at: Date = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(at)
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? ''
    const m = /^GMT(?:([+-])(\d{1,2})(?::(\d{2}))?)?$/.exec(name)
    if (!m) return ''
    if (!m[1]) return 'UTC+0'
    return `UTC${m[1]}${Number(m[2])}${m[3] && m[3] !== '00' ? `:${m[3]}` : ''}`
  } catch {
    return ''
  }
}

/**
 * zoneLabel names a time zone in words with its offset: `北京时间 UTC+8`,
 * `Beijing time UTC+8`; a zone without a name here is shown by its offset
 * only (`UTC-5`), and an unreadable id as given.
 */
export function zoneLabel(zone: string, locale: Locale = 'zh-CN', at: Date = new Date()): string {
  if (!zone) return ''
  const offset = zoneOffset(zone, at)
  const name = zoneName(zone, locale)
  if (zone === 'UTC') return name ? `${name} UTC` : 'UTC'
  if (name) return offset ? `${name} ${offset}` : name
  return offset || zone
}
