// The Health tab below its answer: the 22 indicators and the charts in
// groups (成员、活跃、内容、响应、风险 …), each collapsible; which groups are
// open is remembered in this window only (localStorage), never saved.
import type { ChartName } from '../api'

export type HealthGroup = 'checks' | 'members' | 'activity' | 'content' | 'response' | 'risk' | 'comparison' | 'removal' | 'input'

export interface GroupLayout {
  name: HealthGroup
  /** indicator keys of figureKinds shown as tiles */
  figures: string[]
  /** charts drawn in the group, each with its height; wide ones take a row */
  charts: { name: ChartName; height: string; wide: boolean }[]
}

/** Every indicator appears in exactly one group (a test checks it against figureKeys). */
export const healthGroups: GroupLayout[] = [
  { name: 'checks', figures: [], charts: [] },
  {
    name: 'members',
    figures: ['members_start', 'members_end', 'new_members', 'left_members', 'churn_rate', 'next_day_retention'],
    charts: [
      { name: 'growth', height: '300px', wide: false },
      { name: 'tiers', height: '300px', wide: false },
    ],
  },
  {
    name: 'activity',
    figures: ['messages', 'messages_per_day', 'active_members', 'active_rate', 'prime_time_ratio', 'checkins'],
    charts: [
      { name: 'trend', height: '320px', wide: true },
      { name: 'heatmap', height: '340px', wide: true },
    ],
  },
  { name: 'content', figures: ['link_posts', 'link_click_rate', 'mute_rate', 'theme_shares'], charts: [] },
  {
    name: 'response',
    figures: ['questions', 'answered', 'unanswered', 'response_median_minutes', 'response_p90_minutes'],
    charts: [{ name: 'response', height: '300px', wide: true }],
  },
  { name: 'risk', figures: ['violations'], charts: [] },
  { name: 'comparison', figures: [], charts: [] },
  { name: 'removal', figures: [], charts: [] },
  { name: 'input', figures: [], charts: [] },
]

const storageKey = 'qunzhu.health.open'

/**
 * The groups open when nothing was remembered: the checks, the activity
 * (its tiles, the trend and the hours), the content tiles and the hand-entry
 * form; the members, response, risk, comparison and removal groups start
 * closed, so the page is about a third of its former height.
 */
export const defaultOpen: HealthGroup[] = ['checks', 'activity', 'content', 'input']

/** openGroups reads the groups the operator left open. */
export function openGroups(store: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): HealthGroup[] {
  try {
    const raw = store?.getItem(storageKey)
    if (!raw) return [...defaultOpen]
    const names = new Set(healthGroups.map((g) => g.name as string))
    const list = JSON.parse(raw)
    return Array.isArray(list) ? list.filter((n): n is HealthGroup => typeof n === 'string' && names.has(n)) : [...defaultOpen]
  } catch {
    return [...defaultOpen]
  }
}

/** rememberOpen keeps the open groups for the next visit. */
export function rememberOpen(open: HealthGroup[], store: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    store?.setItem(storageKey, JSON.stringify(open))
  } catch {
    // a full or missing storage only forgets the choice
  }
}
