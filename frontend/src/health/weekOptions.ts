// The week picker's menu: weeks grouped by year, newest first, the weeks
// with data marked (a group's own weeks on its screens), the current week
// named; the weeks ahead only where plans are made.
import type { Week } from '../api'
import type { Locale } from '../format'
import { weekLabel } from './format'
import { hasDataFor } from './week'

// Type aliases, not interfaces: Naive UI's options have an index signature.
export type WeekOption = {
  value: string
  label: string
  hasData: boolean
}

export type YearGroup = {
  type: 'group'
  key: string
  label: string
  children: WeekOption[]
}

type Translate = (key: string, args?: Record<string, unknown>) => string

export interface WeekOptionsInput {
  weeks: Week[]
  /** the group whose weeks are marked; null: any group's */
  groupId: number | null
  /** offer the weeks after the current one (planning) */
  ahead: boolean
  /** the week shown: offered even when it is one ahead */
  selected: string
  locale: Locale
  t: Translate
}

/** weekOptions groups the picker's weeks by ISO year, in the order Go gives them (newest first). */
export function weekOptions(input: WeekOptionsInput): YearGroup[] {
  const out: YearGroup[] = []
  for (const w of input.weeks) {
    if (w.ahead && !input.ahead && w.week !== input.selected) continue
    const year = w.week.slice(0, 4)
    let g = out[out.length - 1]
    if (!g || g.key !== year) {
      g = { type: 'group', key: year, label: input.t('week.year', { year }), children: [] }
      out.push(g)
    }
    const hasData = hasDataFor(w, input.groupId)
    const marks = [w.current ? input.t('week.current') : '', hasData ? input.t('week.hasData') : ''].filter(Boolean)
    g.children.push({ value: w.week, label: [weekLabel(w, input.locale), ...marks].join(' · '), hasData })
  }
  return out
}
