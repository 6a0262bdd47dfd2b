// The lock screen, the passphrase and automatic backups (app/safety.go).
import * as SafetyService from '../../wailsjs/go/app/SafetyService'
import type { app } from '../../wailsjs/go/models'
import { call } from './errors'
import { onAppEvent, toInfo } from './system'
import type { SystemInfo } from './types'

/** One automatic backup in the backups folder. */
export type BackupFile = app.BackupDTO

/** The Settings screen's safety card: passphrase state and automatic backups. */
export type Security = Omit<app.SecurityDTO, 'convertValues'>

// Go sends every field; only a nil list arrives as null.
function toSecurity(d: app.SecurityDTO): Security {
  return { ...d, backups: d.backups ?? [] }
}

/** unlock opens the protected workspace; a wrong passphrase rejects with Go's message. */
export async function unlock(passphrase: string): Promise<SystemInfo> {
  return toInfo(await call(() => SafetyService.Unlock(passphrase)))
}

export async function security(): Promise<Security> {
  return toSecurity(await call(() => SafetyService.Security()))
}

/** The event the app sends after an automatic backup, made or failed (app/safety.go). */
const backupsEvent = 'backups:changed'

/**
 * onBackupsChanged calls back after each automatic backup (the one made a
 * few seconds after start, then daily) and returns a function that stops
 * listening. Without the Wails runtime (a unit test) it does nothing.
 */
export function onBackupsChanged(callback: () => void): () => void {
  return onAppEvent(backupsEvent, () => callback())
}

/** setPassphrase sets (current ''), changes, or removes (next '') the passphrase. */
export async function setPassphrase(current: string, next: string): Promise<Security> {
  return toSecurity(await call(() => SafetyService.SetPassphrase(current, next)))
}

export async function backupNow(): Promise<Security> {
  return toSecurity(await call(() => SafetyService.BackupNow()))
}

export async function setBackupKeep(n: number): Promise<Security> {
  return toSecurity(await call(() => SafetyService.SetBackupKeep(n)))
}

/** restoreBackup replaces the workspace with the named backup; reload the UI afterwards. */
export async function restoreBackup(name: string): Promise<void> {
  await call(() => SafetyService.RestoreBackup(name))
}
