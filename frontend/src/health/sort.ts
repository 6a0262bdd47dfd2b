// The orders the Overview can list groups in.
import type { GroupWeek } from '../api'
import type { Locale } from '../format'

export const overviewSorts = ['name', 'score_asc', 'score_desc', 'alerts'] as const
export type OverviewSort = (typeof overviewSorts)[number]

/**
 * sortWeeks returns the groups' weeks in the chosen order (a new array).
 * Groups without a health score (nothing measurable) go last in both score
 * orders; ties keep the name order, by the language's collation (pinyin in
 * Chinese).
 */
/** alertCount is what the card lists: failed checks, the silence and open level-2/3 incidents (these count most). */
function alertCount(w: GroupWeek): number {
  return w.alerts.length + (w.silent ? 1 : 0) + (w.urgent ? 10 : 0)
}

export function sortWeeks(list: GroupWeek[], by: OverviewSort, locale: Locale = 'zh-CN'): GroupWeek[] {
  const byName = (a: GroupWeek, b: GroupWeek) => a.group.name.localeCompare(b.group.name, locale)
  const score = (w: GroupWeek) => (typeof w.figures.health_score === 'number' ? w.figures.health_score : null)
  const byScore = (dir: 1 | -1) => (a: GroupWeek, b: GroupWeek) => {
    const x = score(a)
    const y = score(b)
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1
    return (x - y) * dir || byName(a, b)
  }
  const compare: Record<OverviewSort, (a: GroupWeek, b: GroupWeek) => number> = {
    name: byName,
    score_asc: byScore(1),
    score_desc: byScore(-1),
    alerts: (a, b) => alertCount(b) - alertCount(a) || byName(a, b),
  }
  return [...list].sort(compare[by])
}
