import * as HealthService from '../../wailsjs/go/app/HealthService'
import type { app } from '../../wailsjs/go/models'
import { call } from './errors'
import { options } from '../options'

/** One ISO week of the week picker. */
export interface Week {
  week: string // "2024-W10"
  start: string // RFC 3339, Monday 00:00 local
  end: string // RFC 3339, next Monday 00:00 local (exclusive)
  hasData?: boolean // the week picker's list only: some group has a message in it
  groups?: number[] // the week picker's list only: the groups with a message in it
  current?: boolean // the week picker's list only: the week of now
  ahead?: boolean // the week picker's list only: after the current week (planning)
}

export type FigureSource = 'measured' | 'hand' | 'none'

export interface HealthCheck {
  name: string
  applicable: boolean
  passed: boolean | null
  value: number | null
  threshold: string
  advice: string
}

export interface HealthAlert {
  check: string
  value: number | null
  threshold: string
  advice: string
}

export interface WeekInput {
  muteRate: number | null
  linkClicks: number | null
  linkReach: number | null
  /** members who paid in the week (付费人数): commercial_rate = paying / members_end */
  paying: number | null
}

/** The week's figures, keyed as in docs/metrics.md and the CLI's JSON. */
export interface Figures {
  [key: string]: unknown
  hourly: number[][]
  checks: HealthCheck[]
  inactive_members: string[] | null
  violations: Record<string, number>
  health_score: number | null
}

export interface GroupWeek {
  group: { id: number; name: string; type: string; members: number; messages: number; demo?: boolean }
  week: Week
  figures: Figures
  sources: Record<string, FigureSource>
  alerts: HealthAlert[]
  input: WeekInput
  /** no countable message this week: no score, the screens say 群已沉寂 */
  silent: boolean
  /** how many checks the score rests on, of checksTotal: "基于 2/5 项" */
  checksApplicable: number
  checksTotal: number
  /** the group's open level-2/3 incidents, shown whatever the score */
  urgent: UrgentIncidents | null
}

/** A group's open incidents of level 2 or 3: how many, and the highest level with its type. */
export type UrgentIncidents = app.UrgentDTO

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

function toWeek(d: app.WeekDTO | undefined): Week {
  return { week: d?.week ?? '', start: d?.start ?? '', end: d?.end ?? '' }
}

function toSource(v: unknown): FigureSource {
  return v === 'hand' || v === 'none' ? v : 'measured'
}

function toHourly(v: unknown): number[][] {
  const rows = Array.isArray(v) ? v : []
  return Array.from({ length: 7 }, (_, d) =>
    Array.from({ length: 24 }, (_, h) => num(Array.isArray(rows[d]) ? rows[d][h] : 0) ?? 0),
  )
}

function toChecks(v: unknown): HealthCheck[] {
  return (Array.isArray(v) ? v : []).map((c: Record<string, unknown>) => ({
    name: String(c?.name ?? ''),
    applicable: Boolean(c?.applicable),
    passed: typeof c?.passed === 'boolean' ? c.passed : null,
    value: num(c?.value),
    threshold: String(c?.threshold ?? ''),
    advice: String(c?.advice ?? ''),
  }))
}

function toFigures(f: Record<string, unknown> | null | undefined): Figures {
  const src = f ?? {}
  const violations: Record<string, number> = {}
  const v = src.violations
  if (v && typeof v === 'object') for (const [k, n] of Object.entries(v)) violations[k] = num(n) ?? 0
  const inactive = src.inactive_members
  return {
    ...src,
    hourly: toHourly(src.hourly),
    checks: toChecks(src.checks),
    inactive_members: Array.isArray(inactive) ? inactive.map(String) : null,
    violations,
    health_score: num(src.health_score),
  }
}

export function toGroupWeek(d: app.GroupWeekDTO): GroupWeek {
  const sources: Record<string, FigureSource> = {}
  for (const [k, s] of Object.entries(d.sources ?? {})) sources[k] = toSource(s)
  return {
    group: {
      id: d.group?.id ?? 0,
      name: d.group?.name ?? '',
      type: d.group?.type ?? '',
      members: d.group?.members ?? 0,
      messages: d.group?.messages ?? 0,
      demo: Boolean(d.group?.demo),
    },
    week: toWeek(d.week),
    figures: toFigures(d.figures),
    sources,
    alerts: (d.alerts ?? []).map((a) => ({
      check: a.check ?? '',
      value: num(a.value),
      threshold: a.threshold ?? '',
      advice: a.advice ?? '',
    })),
    input: {
      muteRate: num(d.input?.muteRate),
      linkClicks: num(d.input?.linkClicks),
      linkReach: num(d.input?.linkReach),
      paying: num(d.input?.paying),
    },
    silent: Boolean(d.silent),
    checksApplicable: d.checksApplicable ?? 0,
    checksTotal: d.checksTotal || options().thresholds.checksTotal,
    urgent: d.urgent && d.urgent.count > 0 ? { count: d.urgent.count, level: d.urgent.level ?? 0, type: d.urgent.type ?? '' } : null,
  }
}

/**
 * weeks lists the weeks the picker offers, newest first: the 4 weeks ahead
 * (planning), the current ISO week and the 25 before it, and every older
 * week that holds data, each naming the groups with a message in it.
 */
export async function weeks(): Promise<Week[]> {
  return ((await call(() => HealthService.Weeks())) ?? []).map((d) => ({
    ...toWeek(d),
    hasData: d?.hasData ?? false,
    groups: d?.groups ?? [],
    current: d?.current ?? false,
    ahead: d?.ahead ?? false,
  }))
}

/** group gives one group's week. */
export async function group(groupId: number, week: string): Promise<GroupWeek> {
  return toGroupWeek(await call(() => HealthService.Group(groupId, week)))
}

/** overview gives every group's week. */
export async function overview(week: string): Promise<GroupWeek[]> {
  return ((await call(() => HealthService.Overview(week))) ?? []).map(toGroupWeek)
}

/** saveInput stores the hand-entered figures (mute rate as 0–1) and returns the recomputed week. */
export async function saveInput(groupId: number, week: string, input: WeekInput): Promise<GroupWeek> {
  const dto: app.WeekInputDTO = {
    muteRate: input.muteRate ?? undefined,
    linkClicks: input.linkClicks ?? undefined,
    linkReach: input.linkReach ?? undefined,
    paying: input.paying ?? undefined,
  }
  return toGroupWeek(await call(() => HealthService.SaveInput(groupId, week, dto)))
}

/** A tracked-link CSV taken into a week, or refused with its rows' reasons. */
export interface LinksResult {
  file: string
  /** the clicks and reach taken (null when the file was refused) */
  clicks: number | null
  reach: number | null
  /** the refused rows listed, each naming its line and reason */
  rows: { line: number; reason: string }[]
  /** how many rows were refused in all */
  refused: number
  /** why the file was refused; '' when taken */
  error: string
  /** the week recomputed when the file was taken */
  week: GroupWeek | null
}

/** pickLinksFile asks for the tracked-link CSV; '' when cancelled. */
export async function pickLinksFile(): Promise<string> {
  return (await call(() => HealthService.PickLinksFile())) ?? ''
}

/** importLinks reads a tracked-link CSV into a group's week (the CLI's `input --links`). */
export async function importLinks(groupId: number, week: string, file: string, partial: boolean): Promise<LinksResult> {
  const d = await call(() => HealthService.ImportLinks(groupId, week, file, partial))
  return {
    file: d?.file ?? file,
    clicks: num(d?.clicks),
    reach: num(d?.reach),
    rows: (d?.rows ?? []).map((r) => ({ line: r.line ?? 0, reason: r.reason ?? '' })),
    refused: d?.refused ?? 0,
    error: d?.error ?? '',
    week: d?.week ? toGroupWeek(d.week) : null,
  }
}

/** An echarts option built in Go (backend/report), handed to setOption as it is. */
export type ChartOption = Record<string, unknown>

/** The charts of a group's Health tab, in the order shown. */
export const chartNames = ['trend', 'heatmap', 'response', 'growth', 'tiers'] as const
export type ChartName = (typeof chartNames)[number]

/** One figure beside its profile's reference (from the seed) and the other groups' mean. */
export interface ComparisonRow {
  key: string
  value: number | null
  hasRef: boolean
  refMin: number | null
  refMax: number | null
  refSource: string
  refCondition: string
  others: number | null
  othersCount: number
}

export interface Comparison {
  profile: string
  otherGroups: number
  rows: ComparisonRow[]
}

/** A question of the week no staff message answered within 24 hours. */
export type UnansweredQuestion = app.UnansweredDTO

export interface Dashboard {
  week: GroupWeek
  charts: Partial<Record<ChartName, ChartOption>>
  comparison: Comparison
  unanswered: UnansweredQuestion[]
  /** the silence, in days, the group's rules call inactive */
  inactiveDays: number
  /** the week's things to do, at most three, most pressing first (healthsvc.Todos) */
  todos: Todo[]
}

/** One of the week's things to do: an open incident, a failed check or the removal list. */
export interface Todo {
  kind: 'incident' | 'check' | 'removal'
  /** the failed check's key (check) */
  check: string
  incidentId: number
  /** the incident's risk category key (incident) */
  incidentType: string
  level: number
  /** RFC 3339, '' unless an incident */
  dueAt: string
  overdue: boolean
  /** members on the removal list (removal) */
  count: number
}

const isOption = (v: unknown): v is ChartOption => !!v && typeof v === 'object' && !Array.isArray(v)

export function toDashboard(d: app.DashboardDTO | null | undefined): Dashboard {
  const charts: Partial<Record<ChartName, ChartOption>> = {}
  for (const name of chartNames) {
    const o = d?.charts?.[name]
    if (isOption(o)) charts[name] = o
  }
  const c = d?.comparison
  return {
    week: toGroupWeek((d?.week ?? {}) as app.GroupWeekDTO),
    charts,
    comparison: {
      profile: c?.profile ?? '',
      otherGroups: c?.otherGroups ?? 0,
      rows: (c?.rows ?? []).map((r) => ({
        key: r.key ?? '',
        value: num(r.value),
        hasRef: Boolean(r.hasRef),
        refMin: num(r.refMin),
        refMax: num(r.refMax),
        refSource: r.refSource ?? '',
        refCondition: r.refCondition ?? '',
        others: num(r.others),
        othersCount: r.othersCount ?? 0,
      })),
    },
    unanswered: (d?.unanswered ?? []).map((q) => ({
      name: q.name ?? '',
      at: q.at ?? '',
      text: q.text ?? '',
      waitSeconds: q.waitSeconds ?? 0,
      late: Boolean(q.late),
    })),
    inactiveDays: d?.inactiveDays || options().defaults.inactiveDays,
    todos: (d?.todos ?? []).map((x) => ({
      kind: x.kind as Todo['kind'],
      check: x.check ?? '',
      incidentId: x.incidentId ?? 0,
      incidentType: x.incidentType ?? '',
      level: x.level ?? 0,
      dueAt: x.dueAt ?? '',
      overdue: Boolean(x.overdue),
      count: x.count ?? 0,
    })),
  }
}

/** dashboard gives a group's week with its charts and industry comparison. */
export async function dashboard(groupId: number, week: string): Promise<Dashboard> {
  return toDashboard(await call(() => HealthService.Dashboard(groupId, week)))
}

/** A group's countable messages per week, oldest week first: the Overview's trend. */
export interface Sparkline {
  weeks: Week[]
  messages: number[]
}

/** sparklines gives every group's 12-week message trend, by group id. */
export async function sparklines(week: string): Promise<Record<number, Sparkline>> {
  const out: Record<number, Sparkline> = {}
  for (const d of (await call(() => HealthService.Sparklines(week))) ?? []) {
    const weeks = (d?.weeks ?? []).map(toWeek)
    const messages = (d?.messages ?? []).map((n) => (Number.isFinite(n) ? n : 0))
    if (d && weeks.length > 0 && weeks.length === messages.length) out[d.groupId] = { weeks, messages }
  }
  return out
}
