import * as MembersService from '../../wailsjs/go/app/MembersService'
import type { app } from '../../wailsjs/go/models'
import { call } from './errors'
import { options } from '../options'

export type Tier = 'admin' | 'core' | 'normal'
export const tiers: readonly Tier[] = ['admin', 'core', 'normal']

/** One line of the member ledger. Times are RFC 3339 in the group's zone, '' when unknown. */
export interface LedgerMember {
  id: number
  version: number
  name: string
  /** every name known: list names and names seen in chat */
  names: string[]
  /** wxid, 微信号 and sender ids seen */
  ids: string[]
  tier: Tier
  tierLocked: boolean
  tags: string[]
  present: boolean
  joinedAt: string
  leftAt: string
  /** '' = never spoke */
  lastMessageAt: string
  /** messages up to the week's end */
  messages: number
  messages28d: number
  checkinDays: number
  points: number
  strikes: number
  struckOut: boolean
  /** null = not measurable this week (the chat does not reach back 14 days) */
  inactive: boolean | null
  screen: Screen
}

/** One member's screening; a criterion is null when its input is unknown. */
export interface Screen {
  score: number
  region: string
  regionOk: boolean | null
  friends: number | null
  influence: boolean | null
  messages: number
  overlap: number | null
  active: boolean | null
  /** the overlap was judged on the active hours the list gives (no message) */
  listed: boolean
  activeHours: string
}

/** A candidate list screened against the group's criteria, best first (nothing stored). */
export interface Candidates {
  file: string
  encoding: string
  criteria: Screening
  candidates: { line: number; name: string; screen: Screen }[]
  errors: { line: number; reason: string }[]
}

export type Screening = app.ScreeningDTO

export type Pyramid = app.PyramidDTO

export interface Suggestion {
  memberId: number
  version: number
  name: string
  from: Tier
  to: Tier
  reason: string
  rank: number
  messages: number
}

export interface Ledger {
  group: { id: number; name: string }
  week: { week: string; start: string; end: string }
  inactiveMeasurable: boolean
  present: number
  actual: Pyramid
  target: Pyramid
  suggestions: Suggestion[]
  members: LedgerMember[]
  tags: string[]
  screening: Screening
  /** the group's rules behind the removal list */
  inactiveDays: number
  strikeLimit: number
}

/** share: a theme share the member presented, posted (content is its title) */
export type TimelineKind = 'joined' | 'left' | 'tier' | 'strike' | 'checkin' | 'share' | 'points'

export interface TimelineItem {
  at: string
  kind: TimelineKind
  from: string
  to: string
  source: string
  rule: string
  content: string
  live: boolean
  key: string
  dismissed: boolean
  points: number
}

export interface MemberDetail {
  member: LedgerMember
  nickname: string
  groupNickname: string
  remark: string
  wxid: string
  wechatId: string
  notes: string
  nameHistory: { name: string; first: string; last: string; messages: number }[]
  timeline: TimelineItem[]
  messages: { at: string; kind: string; content: string }[]
  weekly: { week: string; start: string; messages: number }[]
}

export interface MemberEdit {
  version: number
  tier: Tier
  tierLocked: boolean
  tags: string[]
  notes: string
}

const list = (v: string[] | null | undefined): string[] => (Array.isArray(v) ? v.map(String) : [])
const tierOf = (v: unknown): Tier => (v === 'admin' || v === 'core' ? v : 'normal')
const timelineKinds: readonly TimelineKind[] = ['joined', 'left', 'tier', 'strike', 'checkin', 'share', 'points']

const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null)
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

function toScreen(d: app.ScreenDTO | undefined): Screen {
  return {
    score: d?.score ?? 0,
    region: d?.region ?? '',
    regionOk: bool(d?.regionOk),
    friends: numOrNull(d?.friends),
    influence: bool(d?.influence),
    messages: d?.messages ?? 0,
    overlap: numOrNull(d?.overlap),
    active: bool(d?.active),
    listed: Boolean(d?.listed),
    activeHours: d?.activeHours ?? '',
  }
}

function toPyramid(p: app.PyramidDTO | undefined): Pyramid {
  return { admin: p?.admin ?? 0, core: p?.core ?? 0, normal: p?.normal ?? 0 }
}

export function toMember(d: app.LedgerMemberDTO): LedgerMember {
  return {
    id: d.id,
    version: d.version ?? 0,
    name: d.name ?? '',
    names: list(d.names),
    ids: list(d.ids),
    tier: tierOf(d.tier),
    tierLocked: Boolean(d.tierLocked),
    tags: list(d.tags),
    present: Boolean(d.present),
    joinedAt: d.joinedAt ?? '',
    leftAt: d.leftAt ?? '',
    lastMessageAt: d.lastMessageAt ?? '',
    messages: d.messages ?? 0,
    messages28d: d.messages28d ?? 0,
    checkinDays: d.checkinDays ?? 0,
    points: d.points ?? 0,
    strikes: d.strikes ?? 0,
    struckOut: Boolean(d.struckOut),
    // Go sends null when not measurable; the binding may drop it to undefined.
    inactive: typeof d.inactive === 'boolean' ? d.inactive : null,
    screen: toScreen(d.screen),
  }
}

export function toLedger(d: app.LedgerDTO): Ledger {
  return {
    group: { id: d.group?.id ?? 0, name: d.group?.name ?? '' },
    week: { week: d.week?.week ?? '', start: d.week?.start ?? '', end: d.week?.end ?? '' },
    inactiveMeasurable: Boolean(d.inactiveMeasurable),
    inactiveDays: d.inactiveDays || options().defaults.inactiveDays,
    strikeLimit: d.strikeLimit || options().defaults.strikeLimit,
    present: d.present ?? 0,
    actual: toPyramid(d.actual),
    target: toPyramid(d.target),
    suggestions: (d.suggestions ?? []).map((s) => ({
      memberId: s.memberId,
      version: s.version ?? 0,
      name: s.name ?? '',
      from: tierOf(s.from),
      to: tierOf(s.to),
      reason: s.reason ?? '',
      rank: s.rank ?? 0,
      messages: s.messages ?? 0,
    })),
    members: (d.members ?? []).map(toMember),
    tags: list(d.tags),
    screening: { regions: list(d.screening?.regions), openHour: d.screening?.openHour ?? options().defaults.openHour, closeHour: d.screening?.closeHour ?? options().defaults.closeHour, minFriends: d.screening?.minFriends ?? 0 },
  }
}

export function toDetail(d: app.MemberDetailDTO): MemberDetail {
  return {
    member: toMember(d.member),
    nickname: d.nickname ?? '',
    groupNickname: d.groupNickname ?? '',
    remark: d.remark ?? '',
    wxid: d.wxid ?? '',
    wechatId: d.wechatId ?? '',
    notes: d.notes ?? '',
    nameHistory: (d.nameHistory ?? []).map((n) => ({ name: n.name, first: n.first, last: n.last, messages: n.messages })),
    timeline: (d.timeline ?? [])
      .filter((e) => timelineKinds.includes(e.kind as TimelineKind))
      .map((e) => ({
        at: e.at ?? '',
        kind: e.kind as TimelineKind,
        from: e.from ?? '',
        to: e.to ?? '',
        source: e.source ?? '',
        rule: e.rule ?? '',
        content: e.content ?? '',
        live: Boolean(e.live),
        key: e.key ?? '',
        dismissed: Boolean(e.dismissed),
        points: e.points ?? 0,
      })),
    messages: (d.messages ?? []).map((m) => ({ at: m.at, kind: m.kind, content: m.content ?? '' })),
    weekly: (d.weekly ?? []).map((w) => ({ week: w.week, start: w.start, messages: w.messages ?? 0 })),
  }
}

/** ledger is a group's member ledger as of the end of week. */
export async function ledger(groupId: number, week: string): Promise<Ledger> {
  return toLedger(await call(() => MembersService.Ledger(groupId, week)))
}

/** member is one member's page as of the end of week. */
export async function member(groupId: number, memberId: number, week: string): Promise<MemberDetail> {
  return toDetail(await call(() => MembersService.Member(groupId, memberId, week)))
}

/** save stores the edit form; a stale form rejects with code 'conflict'. */
export async function save(groupId: number, memberId: number, week: string, edit: MemberEdit): Promise<MemberDetail> {
  const dto: app.MemberEditDTO = { ...edit, tags: [...edit.tags] }
  return toDetail(await call(() => MembersService.Save(groupId, memberId, week, dto)))
}

export async function acceptSuggestion(groupId: number, week: string, s: Suggestion): Promise<void> {
  await call(() => MembersService.AcceptSuggestion(groupId, s.memberId, week, s.to, s.version))
}

export async function dismissSuggestion(groupId: number, week: string, s: Suggestion): Promise<void> {
  await call(() => MembersService.DismissSuggestion(groupId, s.memberId, week, s.to))
}

export async function dismissStrike(groupId: number, key: string): Promise<void> {
  await call(() => MembersService.DismissStrike(groupId, key))
}

/** exportLedger asks where to save and writes the given members; '' when cancelled. */
export async function exportLedger(groupId: number, week: string, format: 'csv' | 'xlsx', memberIds: number[]): Promise<string> {
  return (await call(() => MembersService.Export(groupId, week, format, memberIds))) ?? ''
}

/** markRemoved records that the operator removed the member at `at` (from the date picker). */
export async function markRemoved(groupId: number, m: LedgerMember, at: Date): Promise<void> {
  await call(() => MembersService.MarkRemoved(groupId, m.id, m.version, at.getTime()))
}

/** undoRemoved takes back the member's latest removal mark (撤销 on the toast). */
export async function undoRemoved(groupId: number, memberId: number): Promise<void> {
  await call(() => MembersService.UndoRemoved(groupId, memberId))
}

/** addPoints grants (points > 0) or redeems (points < 0) points with a reason; returns the member page. */
export async function addPoints(groupId: number, memberId: number, week: string, points: number, reason: string): Promise<MemberDetail> {
  return toDetail(await call(() => MembersService.AddPoints(groupId, memberId, week, points, reason)))
}

/** saveScreening stores the group's target regions and operating hours. */
/** screenCandidates scores a candidate list (laid out like a member list) against the group's criteria. */
export async function screenCandidates(groupId: number, path: string): Promise<Candidates> {
  const d = await call(() => MembersService.ScreenCandidates(groupId, path))
  return {
    file: d?.file ?? '',
    encoding: d?.encoding ?? '',
    criteria: { regions: list(d?.criteria?.regions), openHour: d?.criteria?.openHour ?? options().defaults.openHour, closeHour: d?.criteria?.closeHour ?? options().defaults.closeHour, minFriends: d?.criteria?.minFriends ?? 0 },
    candidates: (d?.candidates ?? []).map((c) => ({ line: c.line ?? 0, name: c.name ?? '', screen: toScreen(c.screen) })),
    errors: (d?.errors ?? []).map((e) => ({ line: e.line ?? 0, reason: e.reason ?? '' })),
  }
}

export async function saveScreening(groupId: number, sc: Screening): Promise<void> {
  await call(() => MembersService.SaveScreening(groupId, { ...sc, regions: [...sc.regions] }))
}

/** One record of a person in a merge. Times are RFC 3339 in the group's zone, '' = never spoke. */
export type MergeRecord = app.MergeMemberDTO

/** A person the ledger seems to hold several times: keep `into`, fold `from` into it. */
export type MergeCandidate = Omit<app.MergeCandidateDTO, 'convertValues'>

/** What a merge did; `label` is how the import history lists it ("陈晓雨 ×8 → 陈晓雨"). */
export type MergeResult = app.MergeResultDTO

function toRecord(d: app.MergeMemberDTO | undefined): MergeRecord {
  return {
    id: d?.id ?? 0,
    version: d?.version ?? 0,
    name: d?.name ?? '',
    names: list(d?.names),
    firstMessageAt: d?.firstMessageAt ?? '',
    lastMessageAt: d?.lastMessageAt ?? '',
    messages: d?.messages ?? 0,
  }
}

/** mergeCandidates lists the members who share a name and never spoke at the same time. */
export async function mergeCandidates(groupId: number): Promise<MergeCandidate[]> {
  const d = await call(() => MembersService.MergeCandidates(groupId))
  return (d ?? []).map((c) => ({ name: c.name ?? '', into: toRecord(c.into), from: (c.from ?? []).map(toRecord) }))
}

/**
 * merge folds the members fromIds into `into` (its version as the operator
 * saw it: a change since rejects with code 'conflict'). Undone from the
 * import history.
 */
export async function merge(groupId: number, into: { id: number; version: number }, fromIds: number[]): Promise<MergeResult> {
  const req: app.MergeRequestDTO = { groupId, intoId: into.id, intoVersion: into.version, fromIds: [...fromIds] }
  const d = await call(() => MembersService.Merge(req))
  return {
    batchId: d?.batchId ?? 0,
    label: d?.label ?? '',
    intoId: d?.intoId ?? into.id,
    name: d?.name ?? '',
    merged: d?.merged ?? 0,
    duplicates: d?.duplicates ?? 0,
  }
}
