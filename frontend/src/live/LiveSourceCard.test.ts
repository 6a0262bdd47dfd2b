import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { NSelect } from 'naive-ui'

vi.mock('../api/live', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/live')>()),
  source: vi.fn(),
  saveSource: vi.fn(),
  setEnabled: vi.fn(),
  removeSource: vi.fn(),
  checkAddress: vi.fn(),
  rooms: vi.fn(),
  syncNow: vi.fn(),
  chooseFolder: vi.fn(),
  onChanged: vi.fn(() => () => undefined),
}))

import * as liveApi from '../api/live'
import type { LiveSource } from '../api/live'
import { ApiError } from '../api'
import { applyLocale } from '../i18n'
import { options } from '../options'
import { mountView, unmountView } from '../testing/mountView'
import LiveSourceCard from './LiveSourceCard.vue'

const api = vi.mocked(liveApi)

const saved = (extra: Partial<LiveSource> = {}): LiveSource => ({
  groupId: 7, groupName: '读书会', kind: 'chatlog', url: 'http://127.0.0.1:5030', talker: '123@chatroom', folder: '', everySeconds: 60,
  enabled: true, allowRemote: false, notifyReminders: true, notifyIncidents: true, lastSyncAt: '', lastError: '', failures: 0, ...extra,
})

const el = (testid: string) => document.body.querySelector<HTMLElement>(`[data-testid="${testid}"]`)
async function click(testid: string) {
  el(testid)!.click()
  await flushPromises()
}
async function type(testid: string, text: string) {
  const input = el(testid)!.querySelector('input')!
  input.value = text
  input.dispatchEvent(new Event('input', { bubbles: true }))
  input.dispatchEvent(new Event('blur'))
  input.dispatchEvent(new Event('change', { bubbles: true }))
  await flushPromises()
}

beforeEach(() => {
  vi.resetAllMocks()
  applyLocale('zh-CN')
  api.onChanged.mockReturnValue(() => undefined)
  api.checkAddress.mockImplementation(async (url: string) => ({ url, loopback: url.includes('127.0.0.1') }))
  api.saveSource.mockImplementation(async (s: LiveSource) => ({ ...s }))
})
afterEach(() => unmountView())

describe('a group’s 实时同步', () => {
  it('sets up chatlog on this computer with a room picked from its list, and starts it', async () => {
    api.source.mockResolvedValue(null)
    api.rooms.mockResolvedValue([{ id: '123@chatroom', name: '测试群' }, { id: '456@chatroom', name: '' }])
    const w: VueWrapper = await mountView(LiveSourceCard, { groupId: 7 })
    expect(el('live-url')!.querySelector('input')!.value).toBe('http://127.0.0.1:5030')
    expect(el('live-every')!.querySelector('input')!.value).toBe(String(options().defaults.liveEverySeconds))

    await click('live-list-rooms')
    expect(api.rooms).toHaveBeenCalledWith('http://127.0.0.1:5030', false)
    expect(document.body.textContent).toContain('找到 2 个群聊')
    w.findComponent(NSelect).vm.$emit('update:value', '123@chatroom')
    await flushPromises()
    expect(el('live-talker')!.querySelector('input')!.value).toBe('123@chatroom')

    await click('live-save')
    expect(api.saveSource).toHaveBeenCalledWith(expect.objectContaining({
      groupId: 7, kind: 'chatlog', url: 'http://127.0.0.1:5030', talker: '123@chatroom', enabled: true, allowRemote: false,
      everySeconds: options().defaults.liveEverySeconds, notifyReminders: true, notifyIncidents: true,
    }))
    expect(el('live-toggle')?.textContent).toContain('暂停同步')
    expect(el('live-status')?.textContent).toContain('尚未同步')
  })

  it('sends an address off this computer only once the operator confirmed it', async () => {
    api.source.mockResolvedValue(null)
    await mountView(LiveSourceCard, { groupId: 7 })
    await type('live-url', 'http://192.168.1.20:5030')
    await type('live-talker', '123@chatroom')
    await click('live-save')
    expect(api.saveSource).not.toHaveBeenCalled()
    expect(el('live-remote')?.textContent).toContain('这个地址不在这台电脑上')

    el('live-allow-remote')!.click()
    await flushPromises()
    await click('live-save')
    expect(api.saveSource).toHaveBeenCalledWith(expect.objectContaining({ url: 'http://192.168.1.20:5030', allowRemote: true }))
  })

  it('refuses an interval out of Go’s range with the range, and shows Go’s refusal in words', async () => {
    api.source.mockResolvedValue(null)
    await mountView(LiveSourceCard, { groupId: 7 })
    await type('live-talker', '123@chatroom')
    await type('live-every', String(options().limits.liveEvery.max + 1))
    await click('live-save')
    expect(api.saveSource).not.toHaveBeenCalled()
    expect(document.body.textContent).toContain(`${options().limits.liveEvery.min}`)

    await type('live-every', String(options().limits.liveEvery.max))
    api.saveSource.mockRejectedValue(new ApiError('invalid', '请选择或填写要同步的群聊'))
    await click('live-save')
    expect(el('live-error')?.textContent).toContain('请选择或填写要同步的群聊')
  })

  it('pauses, syncs now and removes a saved source; its status line says when it last synced or what went wrong', async () => {
    api.source.mockResolvedValue(saved({ lastSyncAt: new Date().toISOString().slice(0, 11) + '20:31:00+08:00', lastError: '' }))
    await mountView(LiveSourceCard, { groupId: 7 })
    expect(el('live-status')?.textContent).toMatch(/最近同步：.*20:31/)

    api.setEnabled.mockResolvedValue(saved({ enabled: false }))
    await click('live-toggle')
    expect(api.setEnabled).toHaveBeenCalledWith(7, false)
    expect(el('live-status')?.textContent).toContain('已暂停')
    expect(el('live-toggle')?.textContent).toContain('开始同步')

    api.syncNow.mockRejectedValue(new ApiError('invalid', '连不上 chatlog 服务（127.0.0.1:5030）'))
    api.source.mockResolvedValue(saved({ lastError: '连不上 chatlog 服务（127.0.0.1:5030）' }))
    await click('live-sync')
    expect(el('live-error')?.textContent).toContain('连不上 chatlog 服务')
    expect(el('live-status')?.textContent).toContain('同步失败：连不上 chatlog 服务')

    api.removeSource.mockResolvedValue()
    await click('live-remove')
    const confirm = [...document.body.querySelectorAll<HTMLElement>('.n-popconfirm button')].find((b) => b.textContent?.includes('移除实时同步'))
    expect(document.body.textContent).toContain('已导入的聊天记录和待处理的提醒都会保留')
    confirm!.click()
    await flushPromises()
    expect(api.removeSource).toHaveBeenCalledWith(7)
    expect(el('live-toggle')).toBeNull()
  })

  it('watches a folder chosen in the system’s dialog', async () => {
    api.source.mockResolvedValue(null)
    api.chooseFolder.mockResolvedValue('D:\\会话存档')
    await mountView(LiveSourceCard, { groupId: 7 })
    el('live-kind-folder')!.querySelector('input')!.click()
    await flushPromises()
    await click('live-choose-folder')
    expect(el('live-folder')!.querySelector('input')!.value).toBe('D:\\会话存档')
    await click('live-save')
    expect(api.checkAddress).not.toHaveBeenCalled()
    expect(api.saveSource).toHaveBeenCalledWith(expect.objectContaining({ kind: 'folder', folder: 'D:\\会话存档', allowRemote: false }))
  })
})
