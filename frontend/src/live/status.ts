// The status line of a group's live sync: when it last brought the group up
// to date, what went wrong, or that it is paused.
import type { LiveSource } from '../api/live'
import { formatDateTime, formatTime, type Locale } from '../format'

type Translate = (key: string, args?: Record<string, unknown>) => string

export type StatusTone = 'off' | 'ok' | 'paused' | 'failed' | 'never'

export interface Status {
  tone: StatusTone
  text: string
}

// A sync older than this shows its day too: "20:31" alone would read as today.
const sameDayMs = 20 * 3600 * 1000 // not a Go rule: the window's own

/** syncTime writes the last sync as 20:31, or with its date when it is not recent. */
export function syncTime(at: string, locale: Locale, now = Date.now()): string {
  const ms = Date.parse(at)
  if (Number.isFinite(ms) && now - ms > sameDayMs) return formatDateTime(at, locale)
  return formatTime(at, locale)
}

/** liveStatus says in words how a group's live sync stands (null: it has none). */
export function liveStatus(src: LiveSource | null, t: Translate, locale: Locale, now = Date.now()): Status {
  if (!src) return { tone: 'off', text: t('live.status.off') }
  if (!src.enabled) return { tone: 'paused', text: t('live.status.paused') }
  if (src.lastError) return { tone: 'failed', text: t('live.status.failed', { error: src.lastError }) }
  if (!src.lastSyncAt) return { tone: 'never', text: t('live.status.never') }
  return { tone: 'ok', text: t('live.status.last', { time: syncTime(src.lastSyncAt, locale, now) }) }
}
