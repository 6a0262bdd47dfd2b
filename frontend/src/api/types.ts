// Plain shapes the views work with; the api layer maps the generated DTOs to them.

/** A group's positioning model, e.g. 'interest' (兴趣社交型). Options() lists them. */
export type GroupType = string
/** A benchmark profile, e.g. 'education' (在线教育群). Options() lists them. */
export type Profile = string

export interface Group {
  id: number
  name: string
  type: GroupType
  valueProposition: string
  timeZone: string
  staffAliases: string[]
  profile: Profile
  checkinWord: string
  targetSize: number
  /** members present now */
  members: number
  /** countable messages ever imported */
  messages: number
  /** RFC 3339 in the group's own offset, or '' when no chat was imported */
  lastMessageAt: string
  createdAt: string
  updatedAt: string
}

export interface GroupInput {
  name: string
  type: GroupType
  valueProposition: string
  timeZone: string
  staffAliases: string[]
  profile: Profile
  checkinWord: string
  /** 0 when not set */
  targetSize: number
}

export interface GroupOptions {
  types: GroupType[]
  profiles: Profile[]
  timeZones: string[]
  defaultTimeZone: string
  defaultCheckinWord: string
  maxNameLength: number
}

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
}
