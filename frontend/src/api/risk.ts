import * as RiskService from '../../wailsjs/go/app/RiskService'
import type { app } from '../../wailsjs/go/models'
import { call } from './errors'

export type RiskCategory = 'public_opinion' | 'fraud' | 'data_leak' | 'compliance'
export type IncidentStatus = 'open' | 'in_progress' | 'closed'
export type HitDecision = '' | 'dismissed' | 'opened'

export interface Hit {
  key: string
  set: string
  category: RiskCategory
  level: number
  sender: string
  at: string
  match: string
  content: string
  /** a burst's distinct members */
  members: number
  decision: HitDecision
  incidentId: number
  /** the message hit: revealMessage shows its masked numbers */
  messageId: number
  /** older than two weeks before the chat's newest message: listed, never opened by a scan */
  past: boolean
}

export interface Incident {
  id: number
  groupId: number
  type: RiskCategory
  level: number
  status: IncidentStatus
  /** the event: its first evidence message (opened by hand: the opening) */
  occurredAt: string
  openedAt: string
  /** occurredAt + the type's response window */
  dueAt: string
  /** how long past due it was when found, in minutes (0: found in time) */
  lateMinutes: number
  /** '' while open */
  closedAt: string
  overdue: boolean
  summary: string
  checklist: string[]
  checked: string[]
  notes: string
  evidence: number[]
  version: number
}

export type Evidence = app.EvidenceDTO

export interface RiskView {
  group: { id: number; name: string }
  week: { week: string; start: string; end: string }
  from: string
  now: string
  hits: Hit[]
  incidents: Incident[]
  opened: number
}

export interface Playbook {
  key: string
  category: RiskCategory
  title: string
  body: string
  version: number
}

export type PlaybookVars = app.PlaybookVarsDTO

export interface Playbooks {
  lang: string
  items: Playbook[]
  vars: PlaybookVars
}

export const categories: readonly RiskCategory[] = ['public_opinion', 'fraud', 'data_leak', 'compliance']
const statuses: readonly IncidentStatus[] = ['open', 'in_progress', 'closed']
const category = (v: unknown): RiskCategory => (categories.includes(v as RiskCategory) ? (v as RiskCategory) : 'compliance')
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : [])
const numbers = (v: unknown): number[] => (Array.isArray(v) ? v.map(Number) : [])

export function toIncident(d: app.IncidentDTO): Incident {
  return {
    id: d.id,
    groupId: d.groupId,
    type: category(d.type),
    level: d.level,
    status: statuses.includes(d.status as IncidentStatus) ? (d.status as IncidentStatus) : 'open',
    occurredAt: d.occurredAt || d.openedAt || '',
    openedAt: d.openedAt ?? '',
    dueAt: d.dueAt ?? '',
    lateMinutes: d.lateMinutes ?? 0,
    closedAt: d.closedAt ?? '',
    overdue: Boolean(d.overdue),
    summary: d.summary ?? '',
    checklist: strings(d.checklist),
    checked: strings(d.checked),
    notes: d.notes ?? '',
    evidence: numbers(d.evidence),
    version: d.version,
  }
}

export function toView(d: app.RiskViewDTO): RiskView {
  return {
    group: { id: d.group?.id ?? 0, name: d.group?.name ?? '' },
    week: { week: d.week?.week ?? '', start: d.week?.start ?? '', end: d.week?.end ?? '' },
    from: d.from ?? '',
    now: d.now ?? '',
    opened: d.opened ?? 0,
    hits: (d.hits ?? []).map((h) => ({
      key: h.key,
      set: h.set,
      category: category(h.category),
      level: h.level,
      sender: h.sender ?? '',
      at: h.at ?? '',
      match: h.match ?? '',
      content: h.content ?? '',
      members: h.members ?? 0,
      decision: (['', 'dismissed', 'opened'] as const).includes(h.decision as HitDecision) ? (h.decision as HitDecision) : '',
      incidentId: h.incidentId ?? 0,
      messageId: h.messageId ?? 0,
      past: Boolean(h.past),
    })),
    incidents: (d.incidents ?? []).map(toIncident),
  }
}

/** view scans the group's chat up to the end of week (and the week before) and returns hits and incidents. */
export async function view(groupId: number, week: string): Promise<RiskView> {
  return toView(await call(() => RiskService.View(groupId, week)))
}

/** openFromHit opens an incident from a hit (once). */
export async function openFromHit(groupId: number, week: string, key: string): Promise<Incident> {
  return toIncident(await call(() => RiskService.OpenFromHit(groupId, week, key)))
}

/** dismissHit takes a hit off the review list. */
export async function dismissHit(groupId: number, key: string): Promise<void> {
  await call(() => RiskService.DismissHit(groupId, key))
}

/** openIncident opens an incident by hand. */
export async function openIncident(groupId: number, type: RiskCategory, level: number, note: string): Promise<Incident> {
  return toIncident(await call(() => RiskService.OpenIncident(groupId, type, level, note)))
}

/** incident returns one incident with its evidence messages. */
export async function incident(id: number): Promise<{ incident: Incident; evidence: Evidence[] }> {
  const d = await call(() => RiskService.Incident(id))
  return {
    incident: toIncident(d.incident),
    evidence: (d.evidence ?? []).map((e) => ({ id: e.id, at: e.at ?? '', name: e.name ?? '', kind: e.kind ?? '', content: e.content ?? '' })),
  }
}

/** updateIncident saves status, ticks and notes made on the incident's version. */
export async function updateIncident(i: Pick<Incident, 'id' | 'version' | 'status' | 'checked' | 'notes'>): Promise<Incident> {
  const dto: app.IncidentEditDTO = { id: i.id, version: i.version, status: i.status, checked: [...i.checked], notes: i.notes }
  return toIncident(await call(() => RiskService.UpdateIncident(dto)))
}

function toPlaybooks(d: app.PlaybooksDTO): Playbooks {
  return {
    lang: d.lang ?? 'zh',
    items: (d.items ?? []).map((p) => ({ key: p.key, category: category(p.category), title: p.title ?? '', body: p.body ?? '', version: p.version ?? 0 })),
    vars: { group: d.vars?.group ?? '', date: d.vars?.date ?? '', event: d.vars?.event ?? '', backup: d.vars?.backup ?? '' },
  }
}

/** playbooks returns the library in the UI language with the group's placeholder values; the event is left to write. */
export async function playbooks(groupId: number): Promise<Playbooks> {
  return toPlaybooks(await call(() => RiskService.Playbooks(groupId)))
}

/** incidentPlaybooks returns the templates that fit an incident, the event filled from it (its type and day). */
export async function incidentPlaybooks(incidentId: number): Promise<Playbooks> {
  return toPlaybooks(await call(() => RiskService.IncidentPlaybooks(incidentId)))
}

/** savePlaybook saves an edited template (made on its version). */
export async function savePlaybook(p: Playbook): Promise<Playbook> {
  const d = await call(() => RiskService.SavePlaybook({ ...p }))
  return { key: d.key, category: category(d.category), title: d.title ?? '', body: d.body ?? '', version: d.version ?? 0 }
}

/** overdueCounts is, per group id, the incidents open past their timer. */
export async function overdueCounts(): Promise<Record<number, number>> {
  const d = await call(() => RiskService.OverdueCounts())
  const out: Record<number, number> = {}
  for (const [k, v] of Object.entries(d ?? {})) out[Number(k)] = Number(v)
  return out
}

export interface RiskSet {
  key: string
  category: RiskCategory
  level: number
  words: string[]
  threshold: number
  enabled: boolean
  version: number
  scope: 'default' | 'workspace' | 'group'
}

function toSet(d: app.RiskSetDTO): RiskSet {
  const scope = (['default', 'workspace', 'group'] as const).find((s) => s === d.scope) ?? 'default'
  return { key: d.key, category: category(d.category), level: d.level, words: strings(d.words), threshold: d.threshold ?? 0, enabled: Boolean(d.enabled), version: d.version ?? 0, scope }
}

/** sets returns the group's pattern sets in force (defaults, workspace edits, group edits). */
export async function sets(groupId: number): Promise<RiskSet[]> {
  return (await call(() => RiskService.Sets(groupId))).map(toSet)
}

/** saveSet saves the group's own edit of one pattern set; a stale edit is refused. */
export async function saveSet(groupId: number, s: RiskSet): Promise<RiskSet> {
  // The version sent is the group's own row's: an edit starting from the default or the workspace's set is a first edit here.
  const version = s.scope === 'group' ? s.version : 0
  return toSet(await call(() => RiskService.SaveSet(groupId, { ...s, words: [...s.words], version })))
}

/** revealMessage reads a message's text with its masked numbers in clear (audited). */
export async function revealMessage(groupId: number, messageId: number): Promise<string> {
  return (await call(() => RiskService.RevealMessage(groupId, messageId))) ?? ''
}
