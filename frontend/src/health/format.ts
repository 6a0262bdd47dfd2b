// How the week picker and the health figures are written.
import type { FigureSource, Figures, Week } from '../api'
import { formatDuration, formatNumber, wallClock, type Locale } from '../format'
import { options } from '../options'

const enMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** `2024年第18周 (4/29–5/5)` / `2024 W18 (Apr 29–May 5)`; the end shown is the last day (end is exclusive). */
export function weekLabel(w: Week, locale: Locale = 'zh-CN'): string {
  const m = /^(\d{4})-W(\d{1,2})$/.exec(w.week)
  if (!m) return w.week
  const year = m[1]
  const n = Number(m[2])
  const s = wallClock(w.start)
  const e0 = wallClock(w.end)
  let range = ''
  if (s && e0) {
    const last = new Date(Date.UTC(e0.year, e0.month - 1, e0.day - 1))
    const e = { month: last.getUTCMonth() + 1, day: last.getUTCDate() }
    range =
      locale === 'en'
        ? ` (${enMonths[s.month - 1]} ${s.day}–${e.month === s.month ? '' : enMonths[e.month - 1] + ' '}${e.day})`
        : ` (${s.month}/${s.day}–${e.month}/${e.day})`
  }
  return locale === 'en' ? `${year} W${n}${range}` : `${year}年第${n}周${range}`
}

/** How a figure is written. */
export type FigureKind = 'count' | 'ratio' | 'minutes' | 'decimal'

/** The indicators of the Health grid, in docs/metrics.md order, with their kind. */
export const figureKinds: Record<string, FigureKind> = {
  messages: 'count',
  messages_per_day: 'decimal',
  active_members: 'count',
  members_start: 'count',
  members_end: 'count',
  active_rate: 'ratio',
  new_members: 'count',
  left_members: 'count',
  churn_rate: 'ratio',
  next_day_retention: 'ratio',
  questions: 'count',
  answered: 'count',
  unanswered: 'count',
  response_median_minutes: 'minutes',
  response_p90_minutes: 'minutes',
  link_posts: 'count',
  link_click_rate: 'ratio',
  mute_rate: 'ratio',
  checkins: 'count',
  theme_shares: 'count',
  prime_time_ratio: 'ratio',
  violations: 'count',
}

export const figureKeys = Object.keys(figureKinds)

/** A number already formatted, or null when the figure is not measured. */
export function formatFigure(value: unknown, kind: FigureKind, locale: Locale = 'zh-CN'): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null
  switch (kind) {
    case 'ratio':
      return `${(Math.round(value * 1000) / 10).toFixed(1)}%`
    case 'minutes':
      return formatMinutes(value, locale)
    case 'decimal':
      return formatNumber(value, locale, 1)
    default:
      return formatNumber(value, locale)
  }
}

/** figureValue reads a figure from the week (violations are summed over the rules). */
export function figureValue(figures: Figures, key: string): number | null {
  if (key === 'violations') return Object.values(figures.violations).reduce((a, b) => a + b, 0)
  const v = figures[key]
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

/** A figure's source: Go lists the nullable ones; the rest are measured. */
export function sourceOf(sources: Record<string, FigureSource>, key: string, value: number | null): FigureSource {
  const s = sources[key]
  if (s) return s
  return value === null ? 'none' : 'measured'
}

/** Checks' thresholds, written for people: `< 0.35` on a ratio → `< 35%`, `< 15` on minutes → `< 15 分钟`. */
export function thresholdLabel(name: string, threshold: string, locale: Locale = 'zh-CN'): string {
  const m = /^\s*(<=|>=|<|>|=)\s*([\d.]+)\s*$/.exec(threshold)
  if (!m) return threshold
  const op = { '<=': '≤', '>=': '≥', '<': '<', '>': '>', '=': '=' }[m[1]] ?? m[1]
  const n = Number(m[2])
  const kind = figureKinds[name]
  const v = kind === 'ratio' ? `${Math.round(n * 1000) / 10}%` : kind === 'minutes' ? formatMinutes(n, locale) : String(n)
  return `${op} ${v}`
}

/** healthLevel colours a health score by Go's bands (metrics.ScoreGood, ScoreFair): good, fair, poor below; none when null. */
export function healthLevel(score: number | null): 'good' | 'fair' | 'poor' | 'none' {
  if (score === null) return 'none'
  const t = options().thresholds
  if (score >= t.scoreGood) return 'good'
  if (score >= t.scoreFair) return 'fair'
  return 'poor'
}

/** How long a question waited: `1 天 3 小时`, `2 小时 5 分钟`, `45 分钟` / `1 d 3 h`, `2 h 5 min`, `45 min` (two largest units, rounded down; under a minute counts as 1 minute). */
export function formatWait(seconds: number, locale: Locale = 'zh-CN'): string {
  const units = locale === 'en' ? [' d', ' h', ' min'] : [' 天', ' 小时', ' 分钟']
  const total = Math.max(1, Math.floor(Math.max(0, seconds) / 60))
  const parts = [Math.floor(total / 1440), Math.floor((total % 1440) / 60), total % 60]
  const first = parts.findIndex((p) => p > 0)
  return parts
    .slice(first, first + 2)
    .map((p, i) => (p > 0 ? `${p}${units[first + i]}` : ''))
    .filter(Boolean)
    .join(' ')
}

/** A duration in minutes with its units: the app's one formatter (format.ts). */
export const formatMinutes = formatDuration
