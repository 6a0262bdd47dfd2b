import * as ImportService from '../../wailsjs/go/app/ImportService'
import type { app } from '../../wailsjs/go/models'
import { EventsOn, OnFileDrop, OnFileDropOff } from '../../wailsjs/runtime/runtime'
import { call } from './errors'
import type {
  ImportBatch,
  ImportKind,
  ImportPreview,
  ImportProgress,
  ImportRequest,
  ImportResult,
  RowError,
} from './types'

/** Event names of an import job; the job id follows the colon (app/imports.go). */
export const progressEvent = 'import:progress:'
export const doneEvent = 'import:done:'

function toRowErrors(rows: readonly { line?: number; reason?: string }[] | null | undefined): RowError[] {
  return (rows ?? []).map((r) => ({ line: r.line ?? 0, reason: r.reason ?? '' }))
}

function toPreview(d: app.ImportPreviewDTO): ImportPreview {
  return {
    kind: d.kind === 'chat' ? 'chat' : 'members',
    file: d.file ?? '',
    format: d.format ?? '',
    encoding: d.encoding ?? '',
    header: [...(d.header ?? [])],
    fields: [...(d.fields ?? [])],
    columns: [...(d.columns ?? [])],
    rows: (d.rows ?? []).map((r) => [...(r ?? [])]),
    errors: toRowErrors(d.errors),
    looksLike: d.looksLike === 'chat' || d.looksLike === 'members' ? d.looksLike : '',
    fileGroup: d.fileGroup ?? '',
    wallClock: d.wallClock ?? false,
    timeZone: d.timeZone ?? '',
  }
}

/** The done event's payload, as Go's ImportResultDTO marshals it (events have no generated model). */
interface ResultPayload {
  batchId?: number
  file?: string
  format?: string
  encoding?: string
  rows?: number
  imported?: number
  updated?: number
  skippedDuplicates?: number
  errors?: { line?: number; reason?: string }[] | null
  errorCount?: number
  cancelled?: boolean
  error?: { code?: unknown; message?: unknown } | null
  fileGroup?: string
  firstAt?: string
  lastAt?: string
  weeks?: string[] | null
  warnings?: string[] | null
}

/** toResult reads the done event's payload (a plain object from JSON). */
export function toResult(d: ResultPayload | null | undefined): ImportResult {
  const e = d?.error
  return {
    batchId: d?.batchId ?? 0,
    file: d?.file ?? '',
    format: d?.format ?? '',
    encoding: d?.encoding ?? '',
    rows: d?.rows ?? 0,
    imported: d?.imported ?? 0,
    updated: d?.updated ?? 0,
    skippedDuplicates: d?.skippedDuplicates ?? 0,
    errors: toRowErrors(d?.errors),
    errorCount: d?.errorCount ?? d?.errors?.length ?? 0,
    cancelled: d?.cancelled ?? false,
    error: e ? { code: typeof e.code === 'string' ? e.code : 'internal', message: typeof e.message === 'string' ? e.message : '' } : null,
    fileGroup: typeof d?.fileGroup === 'string' ? d.fileGroup : '',
    firstAt: typeof d?.firstAt === 'string' ? d.firstAt : '',
    lastAt: typeof d?.lastAt === 'string' ? d.lastAt : '',
    weeks: Array.isArray(d?.weeks) ? d.weeks.filter((w): w is string => typeof w === 'string') : [],
    warnings: Array.isArray(d?.warnings) ? d.warnings.filter((w): w is string => typeof w === 'string') : [],
  }
}

function toBatch(d: app.BatchDTO): ImportBatch {
  return {
    id: d.id,
    kind: d.kind ?? '',
    format: d.format ?? '',
    file: d.file ?? '',
    encoding: d.encoding ?? '',
    rows: d.rows ?? 0,
    imported: d.imported ?? 0,
    updated: d.updated ?? 0,
    skippedDuplicates: d.skippedDuplicates ?? 0,
    createdAt: d.createdAt ?? '',
    undoable: d.undoable ?? false,
  }
}

// A plain copy: the wizard hands in reactive objects, Go wants exactly these fields.
function toRequest(r: ImportRequest): app.ImportRequestDTO {
  return {
    jobId: '',
    groupId: r.groupId,
    kind: r.kind,
    path: r.path.trim(),
    format: r.kind === 'chat' ? r.format || 'auto' : '',
    partial: r.partial,
    roster: r.kind === 'members' && r.roster,
    mapping: r.kind === 'members' ? { ...r.mapping } : {},
    tz: r.kind === 'chat' ? (r.tz ?? '') : '',
    anyGroup: r.kind === 'chat' && (r.anyGroup ?? false),
  }
}

/** chooseFile opens the native open dialog; '' when the user cancelled. */
export async function chooseFile(kind: ImportKind): Promise<string> {
  return (await call(() => ImportService.ChooseFile(kind))) ?? ''
}

/** preview reads a file's format, encoding, column mapping and first rows without importing. */
export async function preview(req: ImportRequest): Promise<ImportPreview> {
  return toPreview(await call(() => ImportService.Preview(toRequest(req))))
}

/** A running import. */
export interface ImportJob {
  id: string
  /** resolves with the summary once Go reports the job done (also when cancelled or failed) */
  done: Promise<ImportResult>
  /** asks Go to stop; the job still reports done, with cancelled set */
  cancel(): Promise<void>
}

let jobSeq = 0

/** newJobId names a job before it starts, so its events can be listened to first. */
function newJobId(): string {
  jobSeq += 1
  return `ui-${Date.now().toString(36)}-${jobSeq}`
}

/**
 * start runs an import in the background. Progress arrives through onProgress
 * (at most every 100 ms); the job's done promise resolves with the summary and
 * both event listeners are removed then. The job id is chosen here and the
 * listeners are registered before Go is asked to start, so not even an
 * import that fails at once can report done unheard.
 */
export async function start(req: ImportRequest, onProgress?: (p: ImportProgress) => void): Promise<ImportJob> {
  const id = newJobId()
  const offs: (() => void)[] = []
  const unsubscribe = () => {
    for (const off of offs.splice(0)) off()
  }
  const done = new Promise<ImportResult>((resolve) => {
    offs.push(
      EventsOn(progressEvent + id, (p: Partial<ImportProgress> | undefined) => {
        // A waiting notice carries no byte counts: the last ones stand.
        onProgress?.(p?.waiting ? { done: p.done ?? 0, total: p.total ?? 0, waiting: true } : { done: p?.done ?? 0, total: p?.total ?? 0 })
      }),
    )
    offs.push(
      EventsOn(doneEvent + id, (r: ResultPayload | undefined) => {
        unsubscribe()
        resolve(toResult(r))
      }),
    )
  })
  try {
    await call(() => ImportService.Start({ ...toRequest(req), jobId: id }))
  } catch (e) {
    unsubscribe()
    throw e
  }
  return {
    id,
    done,
    cancel: () => call(() => ImportService.Cancel(id)),
  }
}

/** history lists a group's imports, newest first. */
export async function history(groupId: number): Promise<ImportBatch[]> {
  const rows = await call(() => ImportService.History(groupId))
  return (rows ?? []).map(toBatch)
}

/** undo removes the group's latest import. */
export async function undo(batchId: number): Promise<void> {
  await call(() => ImportService.Undo(batchId))
}

/** saveErrors asks where to save the bad rows and writes them as CSV; '' when cancelled. */
export async function saveErrors(file: string, rows: RowError[]): Promise<string> {
  const plain = rows.map((r) => ({ line: r.line, reason: r.reason }))
  return (await call(() => ImportService.SaveErrors(file, plain))) ?? ''
}

function runtimeBound(): boolean {
  const rt = (window as { runtime?: { OnFileDrop?: unknown } }).runtime
  return typeof window !== 'undefined' && typeof rt?.OnFileDrop === 'function'
}

/**
 * onFileDrop calls back with the paths of files dropped on the window and
 * returns a function that stops listening. Outside the desktop window (a
 * browser, tests) there is no file drop and it does nothing.
 */
export function onFileDrop(callback: (paths: string[]) => void): () => void {
  if (!runtimeBound()) return () => {}
  try {
    OnFileDrop((_x: number, _y: number, paths: string[]) => callback([...(paths ?? [])]), false)
  } catch {
    return () => {}
  }
  return () => {
    try {
      OnFileDropOff()
    } catch {
      // the window is closing
    }
  }
}
