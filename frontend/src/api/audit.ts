import * as AuditService from '../../wailsjs/go/app/AuditService'
import type { app } from '../../wailsjs/go/models'
import { call } from './errors'

/** Narrows the log; 0 / '' fields do not filter. from/to are instants in ms, to exclusive. */
export type AuditFilter = app.AuditFilterDTO

/** One recorded change. before/after are JSON objects of the changed fields as text, '' when absent. */
export type AuditEntry = app.AuditEntryDTO

/** A page of the audit log: more when older entries were left off; operators are every name in the log. */
export type AuditPage = Omit<app.AuditPageDTO, 'convertValues'>

/**
 * Who changes are recorded as; source 'process' (QUNZHU_OPERATOR), 'setting', 'default',
 * or 'server' (team mode: the operator of the database login, which the window cannot change).
 */
export type Operator = app.OperatorDTO

export const emptyFilter = (): AuditFilter => ({ groupId: 0, action: '', operator: '', from: 0, to: 0 })

const toDTO = (f: AuditFilter): app.AuditFilterDTO => ({ ...f })

export async function entries(f: AuditFilter): Promise<AuditPage> {
  const d = await call(() => AuditService.Entries(toDTO(f)))
  return { entries: d?.entries ?? [], more: d?.more ?? false, operators: d?.operators ?? [] }
}

export async function operator(): Promise<Operator> {
  return call(() => AuditService.Operator())
}

export async function setOperatorName(name: string): Promise<Operator> {
  return call(() => AuditService.SetOperatorName(name))
}

/** exportLog asks where to save and writes every entry matching f; '' when cancelled. */
export async function exportLog(f: AuditFilter, format: 'csv' | 'xlsx'): Promise<string> {
  return (await call(() => AuditService.Export(toDTO(f), format))) ?? ''
}
