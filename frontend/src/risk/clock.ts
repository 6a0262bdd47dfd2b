// An incident's clock runs from its event, not from when Qunzhu found it:
// a lure imported three days after it was posted was due three days ago.
// These helpers say so in the operator's words.
import { type Locale, formatTime, wallClock } from '../format'

const enMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * eventTime is `5月2日 18:12` / `May 2 18:12`, with the year when it is not
 * the year of ref (the opening), so a 2024 lure found today is not read as
 * this spring's. '' for an unreadable value.
 */
export function eventTime(value: string, ref: string, locale: Locale): string {
  const w = wallClock(value)
  if (!w) return ''
  const r = wallClock(ref)
  const withYear = r !== null && r.year !== w.year
  const hm = formatTime(w)
  if (locale === 'en') return withYear ? `${enMonths[w.month - 1]} ${w.day}, ${w.year} ${hm}` : `${enMonths[w.month - 1]} ${w.day} ${hm}`
  return withYear ? `${w.year}年${w.month}月${w.day}日 ${hm}` : `${w.month}月${w.day}日 ${hm}`
}

/** lateSpan is how late in its largest whole unit: days, hours or minutes (at least 1). */
export function lateSpan(minutes: number): { key: 'days' | 'hours' | 'minutes'; n: number } {
  if (minutes >= 1440) return { key: 'days', n: Math.floor(minutes / 1440) }
  if (minutes >= 60) return { key: 'hours', n: Math.floor(minutes / 60) }
  return { key: 'minutes', n: Math.max(1, Math.floor(minutes)) }
}
