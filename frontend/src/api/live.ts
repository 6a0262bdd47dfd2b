// The live watch (docs/cli.md "Live"): a group's live source, the room
// picker, 立即同步 and the Overview's 待处理 list (app/live.go).
import * as LiveService from '../../wailsjs/go/app/LiveService'
import type { app } from '../../wailsjs/go/models'
import { call } from './errors'
import { onAppEvent } from './system'

export type LiveKind = 'chatlog' | 'folder'
export type AlertKind = 'unanswered' | 'risk' | 'incident'

export interface LiveSource {
  groupId: number
  groupName: string
  kind: LiveKind
  url: string
  talker: string
  folder: string
  everySeconds: number
  enabled: boolean
  allowRemote: boolean
  notifyReminders: boolean
  notifyIncidents: boolean
  /** RFC 3339 in the group's zone; '' before the first poll that went through */
  lastSyncAt: string
  /** the last poll's failure in words; '' after a success */
  lastError: string
  failures: number
}

export interface Room {
  id: string
  name: string
}

export interface Address {
  url: string
  /** on this computer; any other address needs the operator's confirmation (allowRemote) */
  loopback: boolean
}

export interface Pending {
  id: number
  groupId: number
  groupName: string
  kind: AlertKind
  level: number
  name: string
  text: string
  at: string
  waitingMinutes: number
  /** held for the group's quiet hours, raised then; '' once raised */
  heldUntil: string
  incidentId: number
  /** a hint's risk set (lure, phone, …); '' for the other kinds */
  set: string
  incidentType: string
  dueAt: string
}

export interface PollSummary {
  imported: number
  reminders: number
  hints: number
  incidents: number
  held: number
  answered: number
  files: number
  warnings: string[]
}

/** Where chatlog listens when it is started with its defaults (its HTTP service on this computer). */
export const defaultChatlogAddress = 'http://127.0.0.1:5030'

const str = (v: unknown) => (typeof v === 'string' ? v : '')
const int = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0)

export function toSource(d: app.LiveSourceDTO): LiveSource {
  return {
    groupId: int(d.groupId),
    groupName: str(d.groupName),
    kind: d.kind === 'folder' ? 'folder' : 'chatlog',
    url: str(d.url),
    talker: str(d.talker),
    folder: str(d.folder),
    everySeconds: int(d.everySeconds),
    enabled: d.enabled === true,
    allowRemote: d.allowRemote === true,
    notifyReminders: d.notifyReminders === true,
    notifyIncidents: d.notifyIncidents === true,
    lastSyncAt: str(d.lastSyncAt),
    lastError: str(d.lastError),
    failures: int(d.failures),
  }
}

const alertKinds: readonly AlertKind[] = ['unanswered', 'risk', 'incident']

export function toPending(d: app.PendingDTO): Pending {
  return {
    id: int(d.id),
    groupId: int(d.groupId),
    groupName: str(d.groupName),
    kind: alertKinds.includes(d.kind as AlertKind) ? (d.kind as AlertKind) : 'risk',
    level: int(d.level),
    name: str(d.name),
    text: str(d.text),
    at: str(d.at),
    waitingMinutes: int(d.waitingMinutes),
    heldUntil: str(d.heldUntil),
    incidentId: int(d.incidentId),
    set: str(d.set),
    incidentType: str(d.incidentType),
    dueAt: str(d.dueAt),
  }
}

/** sources lists every group's live source. */
export async function sources(): Promise<LiveSource[]> {
  return ((await call(() => LiveService.Sources())) ?? []).map(toSource)
}

/** source is group groupId's live source, null when it has none. */
export async function source(groupId: number): Promise<LiveSource | null> {
  return (await sources()).find((s) => s.groupId === groupId) ?? null
}

/** saveSource checks and saves a group's live source (Go refuses what is wrong, in words). */
export async function saveSource(s: LiveSource): Promise<LiveSource> {
  const dto = { ...s } as unknown as app.LiveSourceDTO
  return toSource(await call(() => LiveService.SaveSource(dto)))
}

/** setEnabled starts (syncing at once) or pauses a group's live source. */
export async function setEnabled(groupId: number, on: boolean): Promise<LiveSource> {
  return toSource(await call(() => LiveService.SetEnabled(groupId, on)))
}

/** removeSource removes a group's live source; what it imported stays. */
export async function removeSource(groupId: number): Promise<void> {
  await call(() => LiveService.RemoveSource(groupId))
}

/** checkAddress reads a chatlog address as Go will, and says whether it is this computer. */
export async function checkAddress(url: string): Promise<Address> {
  const a = await call(() => LiveService.CheckAddress(url))
  return { url: str(a?.url), loopback: a?.loopback === true }
}

/** rooms lists the group chats the chatlog service knows (the room picker). */
export async function rooms(url: string, allowRemote: boolean): Promise<Room[]> {
  return ((await call(() => LiveService.Rooms(url, allowRemote))) ?? []).map((r) => ({ id: str(r.id), name: str(r.name) }))
}

/** syncNow polls a group's source now and says what it brought. */
export async function syncNow(groupId: number): Promise<PollSummary> {
  const p = await call(() => LiveService.SyncNow(groupId))
  return {
    imported: int(p?.imported),
    reminders: int(p?.reminders),
    hints: int(p?.hints),
    incidents: int(p?.incidents),
    held: int(p?.held),
    answered: int(p?.answered),
    files: int(p?.files),
    warnings: Array.isArray(p?.warnings) ? p.warnings.map(String) : [],
  }
}

/** pending lists the open alerts of a group (0: every group), the longest waiting first. */
export async function pending(groupId = 0): Promise<Pending[]> {
  return ((await call(() => LiveService.Pending(groupId))) ?? []).map(toPending)
}

/** dismiss takes an alert off the 待处理 list. */
export async function dismiss(alertId: number): Promise<void> {
  await call(() => LiveService.Dismiss(alertId))
}

/** chooseFolder asks for the folder a folder watch reads; '' when cancelled. */
export async function chooseFolder(): Promise<string> {
  return str(await call(() => LiveService.ChooseFolder()))
}

const changedEvent = 'live:changed'

/**
 * onChanged calls back with the group id (0: any group) after each poll (in
 * the background or 立即同步), with the poll's count of new messages, and
 * after each change of a source or an alert (imported 0); it returns a
 * function that stops listening.
 */
export function onChanged(callback: (groupId: number, imported: number) => void): () => void {
  return onAppEvent(changedEvent, (id: unknown, imported: unknown) =>
    callback(typeof id === 'number' ? id : 0, typeof imported === 'number' ? imported : 0),
  )
}
