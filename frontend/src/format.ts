// Dates, times and numbers the way each UI language writes them:
// zh-CN `5月6日 周一`, `2024年5月6日 20:30`, `20:30`, `12,345`.
//
// Times from Go are RFC 3339 strings already in the group's own zone
// (e.g. `2024-05-06T20:30:00+08:00`). We show the wall clock the string carries,
// never the browser's zone: a group in Shanghai chats at 20:30 wherever the
// operator's laptop happens to be.

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
