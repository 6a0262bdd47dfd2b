// Team mode: which database the app runs on (a local file or a PostgreSQL
// server), who the operator is, and a connection test before switching.
import * as TeamService from '../../wailsjs/go/app/TeamService'
import type { app } from '../../wailsjs/go/models'
import { call } from './errors'

export type DatabaseMode = 'local' | 'server'
export type Role = 'owner' | 'operator' | 'viewer' | ''

export interface TeamStatus {
  mode: DatabaseMode
  /** the data file, or the server URL without its password */
  database: string
  keyPath: string
  operator: string
  role: Role
}

export interface ConnectionTest {
  ok: boolean
  mode: DatabaseMode
  database: string
  keyPath: string
}

function modeOf(v: string | undefined): DatabaseMode {
  return v === 'server' ? 'server' : 'local'
}

function roleOf(v: string | undefined): Role {
  return v === 'owner' || v === 'operator' || v === 'viewer' ? v : ''
}

function toTest(d: app.ConnectionTestDTO): ConnectionTest {
  return { ok: d.ok === true, mode: modeOf(d.mode), database: d.database ?? '', keyPath: d.keyPath ?? '' }
}

export async function status(): Promise<TeamStatus> {
  const d = await call(() => TeamService.Status())
  return { mode: modeOf(d.mode), database: d.database ?? '', keyPath: d.keyPath ?? '', operator: d.operator ?? '', role: roleOf(d.role) }
}

/** testConnection opens db (a file path or postgres://…) and closes it; it throws Go's reason when that fails. */
export async function testConnection(db: string, keyPath = ''): Promise<ConnectionTest> {
  return toTest(await call(() => TeamService.TestConnection(db, keyPath)))
}

/** useDatabase tests db again and makes it the database of the next start ('' = the local file). */
export async function useDatabase(db: string, keyPath = ''): Promise<ConnectionTest> {
  return toTest(await call(() => TeamService.UseDatabase(db, keyPath)))
}
