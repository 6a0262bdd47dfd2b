import * as SystemService from '../../wailsjs/go/app/SystemService'
import type { app } from '../../wailsjs/go/models'
import { call } from './errors'
import type { Language, SystemInfo } from './types'

function toInfo(d: app.SystemInfoDTO): SystemInfo {
  return {
    productName: d.productName ?? '',
    version: d.version ?? '',
    language: d.language === 'en' ? 'en' : 'zh',
    dataDir: d.dataDir ?? '',
    dbPath: d.dbPath ?? '',
    keyPath: d.keyPath ?? '',
    platform: d.platform ?? '',
  }
}

export async function info(): Promise<SystemInfo> {
  return toInfo(await call(() => SystemService.Info()))
}

/** setLanguage stores the language in the workspace; Go's messages switch too. */
export async function setLanguage(lang: Language): Promise<SystemInfo> {
  return toInfo(await call(() => SystemService.SetLanguage(lang)))
}
