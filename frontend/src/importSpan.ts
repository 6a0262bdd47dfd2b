// What a chat import's result says of its file: the dates it covered and
// its weeks, "2024年3月4日–3月10日，第10周", so the operator knows which
// week to open.
import { wallClock, formatDate, type Locale } from './format'

const enMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

type Translate = (key: string, args?: Record<string, unknown>) => string

/** dateRange writes two dates as one range, the year once when they share it. */
export function dateRange(first: string, last: string, locale: Locale = 'zh-CN'): string {
  const a = wallClock(first)
  const b = wallClock(last)
  if (!a || !b) return ''
  const sameDay = a.year === b.year && a.month === b.month && a.day === b.day
  if (sameDay) return formatDate(a, locale)
  if (a.year !== b.year) return `${formatDate(a, locale)}${locale === 'en' ? ' – ' : '–'}${formatDate(b, locale)}`
  if (locale === 'en') {
    const to = a.month === b.month ? `${b.day}` : ` ${enMonths[b.month - 1]} ${b.day}`
    return `${enMonths[a.month - 1]} ${a.day}${a.month === b.month ? '–' : ' –'}${to}, ${a.year}`
  }
  return `${a.year}年${a.month}月${a.day}日–${b.month}月${b.day}日`
}

/** spanText is the file's dates with its week ("第10周") or its number of weeks; '' without messages. */
export function spanText(firstAt: string, lastAt: string, weeks: string[], t: Translate, locale: Locale = 'zh-CN'): string {
  const range = dateRange(firstAt, lastAt, locale)
  if (!range) return ''
  if (weeks.length === 1) return t('imports.result.spanWeek', { range, n: Number(weeks[0].slice(6)) })
  return t('imports.result.spanWeeks', { range, n: weeks.length })
}
