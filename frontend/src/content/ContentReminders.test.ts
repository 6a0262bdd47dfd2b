import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { NNotificationProvider } from 'naive-ui'

vi.mock('../../wailsjs/go/app/ContentService', () => ({ Due: vi.fn(), Notify: vi.fn() }))

import * as ContentService from '../../wailsjs/go/app/ContentService'
import { applyLocale, i18n } from '../i18n'
import ContentReminders from './ContentReminders.vue'

const bound = vi.mocked(ContentService)
const Host = defineComponent({ render: () => h(NNotificationProvider, null, { default: () => h(ContentReminders) }) })
let mounted: { unmount(): void } | null = null

const item = (id: number, due: string) => ({
  id, groupId: 1, groupName: '读书会', type: 'interactive', format: 'live_session', title: '', displayTitle: '专题直播 · 互动话题', body: '',
  at: '2024-03-06T20:00:00+08:00', status: 'planned', results: {}, rate: null, generated: true, reasons: [], version: 1, due,
})

beforeEach(() => {
  vi.useFakeTimers()
  vi.resetAllMocks()
  applyLocale('zh-CN')
  bound.Notify.mockResolvedValue(true)
})

afterEach(() => {
  mounted?.unmount()
  mounted = null
  document.body.innerHTML = ''
  vi.useRealTimers()
})

async function start() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { render: () => null } }] })
  await router.push('/overview')
  mounted = mount(Host, { global: { plugins: [i18n, router] }, attachTo: document.body })
}

describe('reminders', () => {
  it('a due item raises an in-app notice and a desktop notification, once', async () => {
    bound.Due.mockResolvedValue([item(1, 'due')] as never)
    await start()
    await vi.advanceTimersByTimeAsync(3000)
    await flushPromises()
    expect(document.body.textContent).toContain('到点发布：专题直播 · 互动话题')
    expect(document.body.textContent).toContain('读书会 · 3月6日 周三 20:00')
    expect(bound.Notify).toHaveBeenCalledWith('到点发布：专题直播 · 互动话题', '读书会 · 3月6日 周三 20:00')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(bound.Notify).toHaveBeenCalledTimes(1)
    // Two hours on, not marked posted: reminded once more, as overdue.
    bound.Due.mockResolvedValue([item(1, 'overdue')] as never)
    await vi.advanceTimersByTimeAsync(60_000)
    await flushPromises()
    expect(bound.Notify).toHaveBeenLastCalledWith('逾期未发布：专题直播 · 互动话题', '读书会 · 3月6日 周三 20:00')
  })

  it('items found overdue are summed up in one notice, with no desktop notification each', async () => {
    bound.Due.mockResolvedValue([item(1, 'overdue'), item(2, 'overdue')] as never)
    await start()
    await vi.advanceTimersByTimeAsync(3000)
    await flushPromises()
    expect(document.body.textContent).toContain('有 2 条内容逾期未发布')
    expect(bound.Notify).not.toHaveBeenCalled()
  })
})
