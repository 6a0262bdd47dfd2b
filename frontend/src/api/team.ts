// Team mode: which database the app runs on (a local file or a PostgreSQL
// server), who the operator is, and a connection test before switching.
import * as TeamService from '../../wailsjs/go/app/TeamService'
import type { app } from '../../wailsjs/go/models'
import { call } from './errors'
import { onAppEvent } from './system'

export type DatabaseMode = 'local' | 'server'
export type Role = 'owner' | 'operator' | 'viewer' | ''

export interface TeamStatus {
  mode: DatabaseMode
  /** the data file, or the server URL without its password */
  database: string
  keyPath: string
  operator: string
  role: Role
  /** a server workspace: adding an operator creates their login */
  logins: boolean
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
  return { mode: modeOf(d.mode), database: d.database ?? '', keyPath: d.keyPath ?? '', operator: d.operator ?? '', role: roleOf(d.role), logins: d.logins === true }
}

/** testConnection opens db (a file path or postgres://…) and closes it; it throws Go's reason when that fails. */
export async function testConnection(db: string, keyPath = ''): Promise<ConnectionTest> {
  return toTest(await call(() => TeamService.TestConnection(db, keyPath)))
}

/** useDatabase tests db again and makes it the database of the next start ('' = the local file). */
export async function useDatabase(db: string, keyPath = ''): Promise<ConnectionTest> {
  return toTest(await call(() => TeamService.UseDatabase(db, keyPath)))
}

// ---- Operators and roles (运营与角色) and moving a workspace (迁移工作区) ----

/** A role an operator can have; the screen names them 负责人 / 运营 / 只读. */
export type OperatorRole = Exclude<Role, ''>
export const operatorRoles: OperatorRole[] = ['owner', 'operator', 'viewer']

/** One person on the workspace's list of operators. */
export interface TeamOperator {
  name: string
  role: Role
  /** their server login; '' on a local workspace */
  login: string
  /** RFC 3339, local time */
  createdAt: string
}

export interface OperatorInput {
  name: string
  role: OperatorRole
  /** server only: '' derives one from the name */
  login: string
  /** server only: '' has one generated and returned once */
  password: string
}

export interface NewOperator {
  operator: TeamOperator
  /** the generated password, shown once; '' when none was generated */
  password: string
}

function toOperator(d: app.TeamOperatorDTO | undefined): TeamOperator {
  return { name: d?.name ?? '', role: roleOf(d?.role), login: d?.login ?? '', createdAt: d?.createdAt ?? '' }
}

export async function operators(): Promise<TeamOperator[]> {
  return ((await call(() => TeamService.Operators())) ?? []).map(toOperator)
}

/** addOperator lists an operator; on a server it also creates their login. */
export async function addOperator(input: OperatorInput): Promise<NewOperator> {
  const d = await call(() => TeamService.AddOperator(input as app.TeamOperatorInputDTO))
  return { operator: toOperator(d.operator), password: d.password ?? '' }
}

export interface MoveTable {
  table: string
  rows: number
}

export interface MoveResult {
  /** both ends without their passwords */
  from: string
  to: string
  toMode: DatabaseMode
  tables: MoveTable[]
  rows: number
}

/** The phases a move reports while it runs (teamsvc.MoveStep). */
export type MoveStep = 'checking' | 'copying' | 'done'

const moveEvent = 'move:progress'

/** onMoveProgress calls back with each phase of a running move; returns the unsubscribe. */
export function onMoveProgress(callback: (step: MoveStep) => void): () => void {
  return onAppEvent(moveEvent, (step: unknown) => {
    if (step === 'checking' || step === 'copying' || step === 'done') callback(step)
  })
}

/** moveWorkspace copies the workspace at from into the empty one at to (a file path or postgres://…). */
export async function moveWorkspace(from: string, to: string): Promise<MoveResult> {
  const d = await call(() => TeamService.MoveWorkspace(from, to))
  return {
    from: d.from ?? '',
    to: d.to ?? '',
    toMode: modeOf(d.toMode),
    tables: (d.tables ?? []).map((c) => ({ table: c.table ?? '', rows: c.rows ?? 0 })),
    rows: d.rows ?? 0,
  }
}

/** cancelMove stops a running move; its target is left empty. */
export async function cancelMove(): Promise<void> {
  await call(() => TeamService.CancelMove())
}

/** chooseMoveFile asks where a workspace moved to a file goes; '' when cancelled. */
export async function chooseMoveFile(): Promise<string> {
  return (await call(() => TeamService.ChooseMoveFile())) ?? ''
}
