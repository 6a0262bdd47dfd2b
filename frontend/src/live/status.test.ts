import { beforeEach, describe, expect, it } from 'vitest'
import { applyLocale, i18n } from '../i18n'
import type { LiveSource } from '../api/live'
import { liveStatus } from './status'

const t = (key: string, args?: Record<string, unknown>) => i18n.global.t(key, args ?? {})
const src = (extra: Partial<LiveSource> = {}): LiveSource => ({
  groupId: 1, groupName: '读书会', kind: 'chatlog', url: 'http://127.0.0.1:5030', talker: '123@chatroom', folder: '', everySeconds: 60,
  enabled: true, allowRemote: false, notifyReminders: true, notifyIncidents: true, lastSyncAt: '2024-04-30T20:31:00+08:00', lastError: '', failures: 0,
  ...extra,
})
const now = Date.parse('2024-04-30T20:40:00+08:00')

beforeEach(() => applyLocale('zh-CN'))

describe('liveStatus', () => {
  it('says when the group was last brought up to date, in its own clock', () => {
    expect(liveStatus(src(), t, 'zh-CN', now)).toEqual({ tone: 'ok', text: '最近同步：20:31' })
  })
  it('gives the date of a sync that is not recent', () => {
    expect(liveStatus(src(), t, 'zh-CN', now + 3 * 86400_000).text).toBe('最近同步：2024年4月30日 20:31')
  })
  it('says what went wrong, that it is paused, or that it has not synced yet', () => {
    expect(liveStatus(src({ lastError: '连不上 chatlog 服务（127.0.0.1:5030）' }), t, 'zh-CN', now)).toEqual({ tone: 'failed', text: '同步失败：连不上 chatlog 服务（127.0.0.1:5030）' })
    expect(liveStatus(src({ enabled: false, lastError: '坏了' }), t, 'zh-CN', now).text).toBe('实时同步已暂停')
    expect(liveStatus(src({ lastSyncAt: '' }), t, 'zh-CN', now).tone).toBe('never')
    expect(liveStatus(null, t, 'zh-CN', now).tone).toBe('off')
  })
})
