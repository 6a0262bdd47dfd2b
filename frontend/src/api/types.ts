// Plain shapes the views work with; the api layer maps the generated DTOs to them
// where it adds something (a union type, a parsed value), else uses them as they are.
import type { app } from '../../wailsjs/go/models'

/** A group's positioning model, e.g. 'interest' (兴趣社交型). Options() lists them. */
export type GroupType = string
/** A benchmark profile, e.g. 'education' (在线教育群). Options() lists them. */
export type Profile = string

// The group DTOs are the generated classes themselves (app/dto.go): Go
// sends every field (empty lists as []), so a hand-written copy added nothing.
/** A group with its counts; lastMessageAt is RFC 3339 in the group's offset, or ''. */
export type Group = app.GroupDTO
/** What deleting a group or removing the demo took away (backup '' on a team server). */
export type Deletion = app.DeletionDTO
/** The create/edit form; targetSize 0 when not set. */
export type GroupInput = app.GroupInputDTO
/** The group form's choices; backupBeforeDelete: deleting backs the workspace up first. */
export type GroupOptions = app.GroupOptionsDTO

/** 'zh' or 'en', as Go stores it. */
export type Language = 'zh' | 'en'

export interface SystemInfo {
  productName: string
  version: string
  language: Language
  dataDir: string
  dbPath: string
  keyPath: string
  platform: string
  /** First run: the workspace is new and the welcome screen is due. */
  welcome: boolean
  /** A passphrase protects the workspace and it is not unlocked yet: the lock screen is due. */
  locked: boolean
}

/** What an import brings in: a member list or a chat history. */
export type ImportKind = 'members' | 'chat'

/** A chat format name ('auto' lets Go detect it), e.g. 'memotrace'. */
export type ChatFormat = 'auto' | 'memotrace' | 'pywxdump' | 'chatlog' | 'wechat-text' | 'wecom-archive' | 'csv'

/** The member-list fields a column can map to ('' = ignored, 'extra' = kept as an extra field). */
export type MemberField = string

export interface ImportRequest {
  groupId: number
  kind: ImportKind
  /** absolute path of the file on this computer */
  path: string
  /** chat: 'auto' or a format name; members: ignored */
  format: string
  /** import the readable rows and list the others */
  partial: boolean
  /** members: the file is the complete roster (missing members are marked as left) */
  roster: boolean
  /** members: header as written → field; only the columns the user corrected */
  mapping: Record<string, MemberField>
  /** chat: the zone (IANA name) the file's wall-clock times are read in; '' or absent: the group's */
  tz?: string
  /** chat: import although the file's title names another group (the user confirmed) */
  anyGroup?: boolean
}

/** One row that could not be read, worded in the user's language. */
export type RowError = app.ImportRowErrorDTO

export interface ImportPreview {
  kind: ImportKind
  /** the file's name */
  file: string
  format: string
  encoding: string
  /** members: the columns as written in the file */
  header: string[]
  /** members: the field each column maps to, same length as header */
  fields: MemberField[]
  /** the keys of each row's cells, e.g. line, nickname, … or line, sent_at, sender, kind, content */
  columns: string[]
  rows: string[][]
  errors: RowError[]
  /** the file is of the other kind ('chat' previewed as members, 'members' as chat); '' when it is what was asked */
  looksLike: ImportKind | ''
  /** chat: the group the file's title names when it is not the group imported into; '' otherwise */
  fileGroup: string
  /** chat: the format writes local times only, read in timeZone (so the zone can be chosen) */
  wallClock: boolean
  /** chat: the zone the times were read in (IANA name) */
  timeZone: string
}

export interface ImportProgress {
  /** bytes read so far */
  done: number
  /** bytes in the file */
  total: number
  /** set once the job waits for another import to finish before it can begin */
  waiting?: boolean
}

export interface ImportFailure {
  code: string
  message: string
}

export interface ImportResult {
  batchId: number
  file: string
  format: string
  encoding: string
  rows: number
  imported: number
  updated: number
  skippedDuplicates: number
  errors: RowError[]
  /** every bad row; errors lists the first 100 (ingest.MaxListedErrors). Absent: errors.length */
  errorCount?: number
  cancelled: boolean
  /** null on success */
  error: ImportFailure | null
  /** set when the import was refused because the file's title names another group: that name */
  fileGroup?: string
  /** a chat file's earliest and latest message (RFC 3339, the group's zone); '' without messages */
  firstAt?: string
  lastAt?: string
  /** the ISO weeks holding the file's messages, in order ("2024-W10") */
  weeks?: string[]
  /** what failed after the import committed (the risk sweep), in the user's words: the import stands */
  warnings?: string[]
}

/** One past import of a group (the import history). */
export type ImportBatch = app.BatchDTO
