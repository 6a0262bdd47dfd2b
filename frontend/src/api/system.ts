import * as SystemService from '../../wailsjs/go/app/SystemService'
import type { app } from '../../wailsjs/go/models'
import { EventsOn } from '../../wailsjs/runtime/runtime'
import { call } from './errors'
import type { Language, SystemInfo } from './types'

export function toInfo(d: app.SystemInfoDTO): SystemInfo {
  return {
    productName: d.productName ?? '',
    version: d.version ?? '',
    language: d.language === 'en' ? 'en' : 'zh',
    dataDir: d.dataDir ?? '',
    dbPath: d.dbPath ?? '',
    keyPath: d.keyPath ?? '',
    platform: d.platform ?? '',
    welcome: d.welcome === true,
    locked: d.locked === true,
  }
}

export async function info(): Promise<SystemInfo> {
  return toInfo(await call(() => SystemService.Info()))
}

/** setLanguage stores the language in the workspace; Go's messages switch too. */
export async function setLanguage(lang: Language): Promise<SystemInfo> {
  return toInfo(await call(() => SystemService.SetLanguage(lang)))
}

/** openDemo answers the welcome screen with the demo workspace (three groups, twelve weeks of chat). */
export async function openDemo(): Promise<SystemInfo> {
  return toInfo(await call(() => SystemService.OpenDemo()))
}

/** startEmpty answers the welcome screen with an empty workspace. */
export async function startEmpty(): Promise<SystemInfo> {
  return toInfo(await call(() => SystemService.StartEmpty()))
}

/** A screen the window can open on (app/system.go's firstScreens). */
export type FirstScreen = 'overview' | 'welcome' | 'lock'

/** firstScreen tells Go that the window's first screen is painted; it notes the start-up time once. */
export async function firstScreen(screen: FirstScreen): Promise<void> {
  await call(() => SystemService.FirstScreen(screen))
}

/** backup asks where to save a backup and writes it; '' when the dialog was cancelled. */
export async function backup(): Promise<string> {
  return (await call(() => SystemService.Backup())) ?? ''
}

/** openDataFolder shows the data folder in the system's file manager. */
export async function openDataFolder(): Promise<void> {
  await call(() => SystemService.OpenDataFolder())
}

/** A choice in the native menu bar that the window carries out (app/menu.go). */
export type MenuChoice = 'import' | 'backup' | 'about'

const menuEvent = 'menu'

/**
 * onAppEvent calls back with each event the Go side emits under name and
 * returns a function that stops listening. Without the Wails runtime (a
 * unit test, a page opened outside the app) it does nothing.
 */
export function onAppEvent(name: string, callback: (...data: unknown[]) => void): () => void {
  const rt = (window as { runtime?: { EventsOnMultiple?: unknown } }).runtime
  if (typeof rt?.EventsOnMultiple !== 'function') return () => {}
  return EventsOn(name, callback)
}

/**
 * onMenu calls back with each native menu choice and returns a function that
 * stops listening. Outside the desktop window (a browser) there is no menu.
 */
export function onMenu(callback: (choice: MenuChoice) => void): () => void {
  return onAppEvent(menuEvent, (choice: unknown) => {
    if (choice === 'import' || choice === 'backup' || choice === 'about') callback(choice)
  })
}

const writeWaitingEvent = 'write:waiting'

/**
 * onWriteWaiting calls back each time a change has to wait for another
 * import to finish before it is written (app.EventWriteWaiting), and
 * returns a function that stops listening.
 */
export function onWriteWaiting(callback: () => void): () => void {
  return onAppEvent(writeWaitingEvent, () => callback())
}
