import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'

vi.mock('../api/live', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/live')>()),
  pending: vi.fn(),
  sources: vi.fn(),
  dismiss: vi.fn(),
  onChanged: vi.fn(),
}))

import * as liveApi from '../api/live'
import type { LiveSource, Pending } from '../api/live'
import { applyLocale } from '../i18n'
import { mountView, unmountView } from '../testing/mountView'
import PendingList from './PendingList.vue'

const api = vi.mocked(liveApi)

const item = (extra: Partial<Pending>): Pending => ({
  id: 1, groupId: 7, groupName: '读书会', kind: 'unanswered', level: 0, name: '陈晓雨', text: '请问作业在哪里交？', at: '2024-04-30T20:15:00+08:00',
  waitingMinutes: 16, heldUntil: '', incidentId: 0, set: '', incidentType: '', dueAt: '', ...extra,
})
const source = { groupId: 7 } as LiveSource
let changed: ((id: number, imported: number) => void) | null = null

beforeEach(() => {
  vi.resetAllMocks()
  applyLocale('zh-CN')
  api.onChanged.mockImplementation((cb) => {
    changed = cb
    return () => (changed = null)
  })
  api.sources.mockResolvedValue([source])
})
afterEach(() => unmountView())

const items = () => [...document.body.querySelectorAll<HTMLElement>('[data-testid="pending-item"]')]

describe('the Overview’s 待处理 list', () => {
  it('shows each alert with its group, kind, asker, text and wait; quiet-hours ones say when they remind', async () => {
    api.pending.mockResolvedValue([
      item({ id: 1, name: '<img src=x onerror=alert(1)>', text: '<b>请问</b>作业在哪里交？' }),
      item({ id: 2, name: '林知秋', text: '明天几点开始？', heldUntil: '2024-05-01T07:00:00+08:00' }),
      item({ id: 3, kind: 'incident', level: 3, name: '推广小助手', text: '加我微信 转账到这个账户', incidentId: 12, incidentType: 'fraud', waitingMinutes: 75 }),
      item({ id: 4, kind: 'risk', level: 2, name: '推广小助手', text: '有需要的私聊', set: 'lure' }),
    ])
    await mountView(PendingList)
    const list = items()
    expect(list).toHaveLength(4)
    expect(document.body.textContent).toContain('待处理（4）')
    expect(list[0].textContent).toContain('提问未回复')
    expect(list[0].textContent).toContain('读书会')
    expect(list[0].textContent).toContain('<img src=x onerror=alert(1)>')
    expect(list[0].textContent).toContain('<b>请问</b>作业在哪里交？')
    expect(list[0].querySelector('img, b')).toBeNull()
    expect(list[0].textContent).toContain('已等待 16 分钟')
    expect(list[1].textContent).toContain('安静时段，07:00 后提醒')
    expect(list[1].textContent).not.toContain('已等待')
    expect(list[2].textContent).toContain('风险事件 · 诈骗')
    expect(list[2].textContent).toContain('已等待 1 小时 15 分')
    expect(list[2].querySelector('[data-testid="pending-incident"]')).not.toBeNull()
    expect(list[3].textContent).toContain('需要留意 · 私聊与扫码引流')
    expect(list[3].querySelector('[data-testid="pending-incident"]')).toBeNull()
  })

  it('dismisses an alert, and reads again after a poll', async () => {
    api.pending.mockResolvedValue([item({ id: 1 }), item({ id: 2, name: '林知秋' })])
    api.dismiss.mockResolvedValue()
    await mountView(PendingList)
    items()[0].querySelector<HTMLElement>('[data-testid="pending-dismiss"]')!.click()
    await flushPromises()
    expect(api.dismiss).toHaveBeenCalledWith(1)
    expect(items()).toHaveLength(1)

    api.pending.mockResolvedValue([item({ id: 2, name: '林知秋' }), item({ id: 5, name: '新来的' })])
    changed!(7, 0)
    await flushPromises()
    expect(items().map((li) => li.querySelector('[data-testid="pending-name"]')!.textContent)).toEqual(['林知秋', '新来的'])
  })

  it('is a calm line while a group is synced and nothing waits, and absent without live sync', async () => {
    api.pending.mockResolvedValue([])
    await mountView(PendingList)
    expect(document.body.querySelector('[data-testid="pending-empty"]')?.textContent).toContain('暂无待处理')
    unmountView()

    api.sources.mockResolvedValue([])
    await mountView(PendingList)
    expect(document.body.querySelector('[data-testid="pending-list"]')).toBeNull()
  })
})
