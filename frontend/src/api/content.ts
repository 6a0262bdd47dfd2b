// The content calendar: a group's week (plan, cadence, charts), the Calendar
// across groups, the reminders, the library and the .ics export.
import * as ContentService from '../../wailsjs/go/app/ContentService'
import { app } from '../../wailsjs/go/models'
import { call } from './errors'
import type { ChartOption } from './health'

export type ContentType = 'tutorial' | 'news' | 'interactive' | 'benefit'
export type ContentFormat = 'morning_brief' | 'live_session' | 'ugc_call' | 'share' | 'post'
export type ContentStatus = 'planned' | 'posted' | 'skipped'
export type DueState = '' | 'due' | 'overdue'

export const contentTypes: readonly ContentType[] = ['tutorial', 'news', 'interactive', 'benefit']
export const contentFormats: readonly ContentFormat[] = ['morning_brief', 'live_session', 'ugc_call', 'share', 'post']

export interface Results {
  reach: number | null
  opens: number | null
  clicks: number | null
  conversions: number | null
  participants: number | null
}

export const resultFields: readonly (keyof Results)[] = ['reach', 'opens', 'clicks', 'conversions', 'participants']

export interface ContentItem {
  id: number
  groupId: number
  groupName: string
  type: ContentType
  format: ContentFormat
  /** the operator's own title; '' for a generated item */
  title: string
  displayTitle: string
  body: string
  /** RFC 3339 in the group's zone */
  at: string
  status: ContentStatus
  results: Results
  rate: { name: string; value: number | null; reference: number } | null
  generated: boolean
  reasons: string[]
  version: number
  due: DueState
  /** the member presenting a theme share; null when none is named (always for other formats) */
  presenterId: number | null
  presenterName: string
}

export interface ContentInput {
  id: number
  version: number
  type: ContentType
  format: ContentFormat
  title: string
  body: string
  /** "2024-03-04T20:30", the group's wall clock */
  at: string
  /** a theme share's presenter, a member of the group; null for none */
  presenterId: number | null
  /** creation only: plan the same item for these groups too (one transaction) */
  alsoGroups: number[]
}

/** A member the presenter picker offers. */
export type Presenter = app.PresenterDTO

export type Cadence = app.CadenceDTO

export type PlannedDone = app.PlannedDoneDTO

export interface FormatRate {
  format: ContentFormat
  name: string
  value: number | null
  reference: number
  items: number
}

export interface LibraryEntry {
  id: number
  type: ContentType
  format: ContentFormat
  title: string
  displayTitle: string
  body: string
}

export interface ContentWeek {
  group: { id: number; name: string; timeZone: string }
  week: { week: string; start: string; end: string }
  items: ContentItem[]
  hasPlan: boolean
  generated: boolean
  unplaced: string[]
  cadence: Cadence
  charts: { mix?: ChartOption; formats?: ChartOption }
  byType: PlannedDone[]
  byFormat: PlannedDone[]
  rates: FormatRate[]
  now: string
  mix: Record<string, number>
  target: Record<string, number>
  library: LibraryEntry[]
}

export type CalendarGroup = app.CalendarGroupDTO

export interface CalendarData {
  from: string
  days: number
  groups: CalendarGroup[]
  items: ContentItem[]
  now: string
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

export function toItem(d: app.ContentItemDTO): ContentItem {
  const r = d.results ?? ({} as app.ResultsDTO)
  return {
    id: d.id,
    groupId: d.groupId,
    groupName: d.groupName ?? '',
    type: d.type as ContentType,
    format: d.format as ContentFormat,
    title: d.title ?? '',
    displayTitle: d.displayTitle ?? '',
    body: d.body ?? '',
    at: d.at,
    status: d.status as ContentStatus,
    results: {
      reach: num(r.reach),
      opens: num(r.opens),
      clicks: num(r.clicks),
      conversions: num(r.conversions),
      participants: num(r.participants),
    },
    rate: d.rate ? { name: d.rate.name, value: num(d.rate.value), reference: d.rate.reference } : null,
    generated: Boolean(d.generated),
    reasons: d.reasons ?? [],
    version: d.version,
    due: (d.due ?? '') as DueState,
    presenterId: typeof d.presenterId === 'number' ? d.presenterId : null,
    presenterName: d.presenterName ?? '',
  }
}

const toEntry = (e: app.LibraryEntryDTO): LibraryEntry => ({
  id: e.id,
  type: e.type as ContentType,
  format: e.format as ContentFormat,
  title: e.title ?? '',
  displayTitle: e.displayTitle ?? '',
  body: e.body ?? '',
})

export function toWeek(d: app.ContentWeekDTO): ContentWeek {
  const charts = (d.charts ?? {}) as Record<string, ChartOption>
  return {
    group: { id: d.group?.id ?? 0, name: d.group?.name ?? '', timeZone: d.group?.timeZone ?? '' },
    week: { week: d.week?.week ?? '', start: d.week?.start ?? '', end: d.week?.end ?? '' },
    items: (d.items ?? []).map(toItem),
    hasPlan: Boolean(d.hasPlan),
    generated: Boolean(d.generated),
    unplaced: d.unplaced ?? [],
    cadence: { ...(d.cadence as Cadence) },
    charts: { mix: charts.mix, formats: charts.formats },
    byType: d.byType ?? [],
    byFormat: d.byFormat ?? [],
    rates: (d.rates ?? []).map((r) => ({ ...r, format: r.format as ContentFormat, value: num(r.value) })),
    now: d.now ?? '',
    mix: d.mix ?? {},
    target: d.target ?? {},
    library: (d.library ?? []).map(toEntry),
  }
}

export const week = async (groupId: number, w: string) => toWeek(await call(() => ContentService.Week(groupId, w)))
export const generate = async (groupId: number, w: string) => toWeek(await call(() => ContentService.Generate(groupId, w)))
export const save = async (groupId: number, input: ContentInput) =>
  toItem(await call(() => ContentService.Save(groupId, app.ContentInputDTO.createFrom({ ...input, alsoGroups: [...input.alsoGroups] }))))
/** remove deletes an item if it is still at version (else a conflict: reload). */
export const remove = (groupId: number, id: number, version: number) => call(() => ContentService.Delete(groupId, id, version))
export const presenters = async (groupId: number): Promise<Presenter[]> =>
  ((await call(() => ContentService.Presenters(groupId))) ?? []).map((p) => ({ id: p.id, name: p.name ?? '', names: p.names ?? [], present: Boolean(p.present) }))
export const move = async (groupId: number, id: number, version: number, at: string) =>
  toItem(await call(() => ContentService.Move(groupId, id, version, at)))
export const mark = async (groupId: number, id: number, version: number, status: ContentStatus, results: Partial<Results> = {}) =>
  toItem(await call(() => ContentService.Mark(groupId, id, version, status, app.ResultsDTO.createFrom(results))))
export const setCadence = async (groupId: number, c: Cadence): Promise<Cadence> =>
  ({ ...(await call(() => ContentService.SetCadence(groupId, app.CadenceDTO.createFrom(c)))) }) as Cadence
export async function calendar(from: string, days: number): Promise<CalendarData> {
  const d = await call(() => ContentService.Calendar(from, days))
  return { from: d.from, days: d.days, groups: d.groups ?? [], items: (d.items ?? []).map(toItem), now: d.now ?? '' }
}
export const due = async () => ((await call(() => ContentService.Due())) ?? []).map(toItem)
export const notify = (title: string, body: string) => call(() => ContentService.Notify(title, body))
export const exportICS = (groupId: number, w: string) => call(() => ContentService.ExportICS(groupId, w))
export const library = async () => ((await call(() => ContentService.Library())) ?? []).map(toEntry)
export const saveToLibrary = async (groupId: number, id: number) => toEntry(await call(() => ContentService.SaveToLibrary(groupId, id)))
export const deleteLibraryEntry = (id: number) => call(() => ContentService.DeleteLibraryEntry(id))
/** restoreLibraryEntry puts a deleted entry back (撤销), as a new entry. */
export const restoreLibraryEntry = async (e: LibraryEntry) =>
  toEntry(await call(() => ContentService.RestoreLibraryEntry({ id: 0, type: e.type, format: e.format, title: e.title, displayTitle: e.displayTitle, body: e.body })))
