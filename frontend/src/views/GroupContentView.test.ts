import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { NMessageProvider } from 'naive-ui'

vi.mock('../../wailsjs/go/app/ContentService', () => ({
  Week: vi.fn(), Generate: vi.fn(), Move: vi.fn(), Save: vi.fn(), Mark: vi.fn(), SetCadence: vi.fn(),
  ExportICS: vi.fn(), SaveToLibrary: vi.fn(), DeleteLibraryEntry: vi.fn(), Library: vi.fn(), Calendar: vi.fn(), Due: vi.fn(), Notify: vi.fn(),
}))
vi.mock('../../wailsjs/go/app/HealthService', () => ({ Weeks: vi.fn(), Group: vi.fn(), Overview: vi.fn(), SaveInput: vi.fn() }))
vi.mock('../components/EChart.vue', () => ({ default: { name: 'EChart', props: ['option', 'label', 'height'], render: () => null } }))

import * as ContentService from '../../wailsjs/go/app/ContentService'
import * as HealthService from '../../wailsjs/go/app/HealthService'
import { applyLocale, i18n } from '../i18n'
import { resetWeek } from '../health/week'
import GroupContentView from './GroupContentView.vue'

const bound = vi.mocked(ContentService)
const Host = defineComponent({ render: () => h(NMessageProvider, null, { default: () => h(GroupContentView, { groupId: 7 }) }) })
let mounted: { unmount(): void } | null = null

const item = (id: number, at: string, extra: Record<string, unknown> = {}) => ({
  id, groupId: 7, groupName: '读书会', type: 'interactive', format: 'share', title: '', displayTitle: '主题分享 · 互动话题', body: '',
  at, status: 'planned', results: {}, rate: null, generated: true, reasons: ['每周主题分享第 1/2 次'], version: 1, due: '', ...extra,
})

const weekDTO = (items: unknown[]) => ({
  group: { id: 7, name: '读书会', timeZone: 'Asia/Shanghai' },
  week: { week: '2024-W10', start: '2024-03-04T00:00:00+08:00', end: '2024-03-11T00:00:00+08:00' },
  items, hasPlan: items.length > 0, generated: false, unplaced: [],
  cadence: { morningBrief: true, morningBriefAt: '08:00', liveSession: true, liveWeekday: 3, liveSessionAt: '20:00', ugcCall: true, ugcNth: 1,
    ugcWeekday: 6, ugcCallAt: '20:30', sharesPerWeek: 2, shareAt: '20:30', dailyCap: 3, minGapMinutes: 120, quietStart: '23:00', quietEnd: '07:00', version: 0 },
  charts: { mix: { series: [] }, formats: { series: [] } }, byType: [], byFormat: [{ key: 'share', planned: 1, posted: 0, skipped: 0 }],
  rates: [], now: '2024-03-06T20:40:00+08:00', mix: {}, target: {}, library: [],
})

async function show() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { render: () => null } }] })
  const w = mount(Host, { global: { plugins: [i18n, router] }, attachTo: document.body })
  mounted = w
  await flushPromises()
  await flushPromises()
  return w
}

beforeEach(() => {
  vi.resetAllMocks()
  resetWeek()
  applyLocale('zh-CN')
  vi.mocked(HealthService).Weeks.mockResolvedValue([{ week: '2024-W10', start: '2024-03-04T00:00:00+08:00', end: '2024-03-11T00:00:00+08:00' }] as never)
})

afterEach(() => {
  mounted?.unmount()
  mounted = null
  document.body.innerHTML = ''
})

describe('content tab', () => {
  it('places a card on its day and time, flags it, and shows a hostile title as text', async () => {
    bound.Week.mockResolvedValue(weekDTO([item(1, '2024-03-05T20:30:00+08:00', { title: '<img src=x onerror=alert(1)>', displayTitle: '<img src=x onerror=alert(1)>', due: 'overdue' })]) as never)
    const w = await show()
    const card = w.find('[data-testid="content-card"]')
    expect(card.element.closest('[data-testid="week-day"]')?.getAttribute('data-day')).toBe('2024-03-05')
    expect(card.text()).toContain('20:30')
    expect(card.text()).toContain('逾期未发布')
    expect(card.text()).toContain('<img src=x onerror=alert(1)>')
    expect(document.body.querySelector('[data-testid="week-grid"] img')).toBeNull()
    expect(card.attributes('title')).toContain('每周主题分享')
    expect(w.findAll('[data-testid="prime-band"]')).toHaveLength(7)
  })

  it('moves a card by keyboard: Shift+ArrowRight is the next day at the same time, with the version read', async () => {
    bound.Week.mockResolvedValue(weekDTO([item(1, '2024-03-05T20:30:00+08:00')]) as never)
    bound.Move.mockResolvedValue(item(1, '2024-03-06T20:30:00+08:00', { version: 2 }) as never)
    const w = await show()
    await w.find('[data-testid="content-card"]').trigger('keydown', { key: 'ArrowRight', shiftKey: true })
    await flushPromises()
    expect(bound.Move).toHaveBeenCalledWith(7, 1, 1, '2024-03-06T20:30')
    expect(w.find('[data-testid="content-card"]').element.closest('[data-testid="week-day"]')?.getAttribute('data-day')).toBe('2024-03-06')
  })

  it('a stale move says to reload', async () => {
    bound.Week.mockResolvedValue(weekDTO([item(1, '2024-03-05T20:30:00+08:00')]) as never)
    bound.Move.mockRejectedValue({ code: 'conflict', message: '内容 1 已在别处被修改' })
    const w = await show()
    await w.find('[data-testid="content-card"]').trigger('keydown', { key: 'ArrowDown', shiftKey: true })
    await flushPromises()
    expect(bound.Move).toHaveBeenCalledWith(7, 1, 1, '2024-03-05T21:00')
    expect(w.find('[data-testid="content-stale"]').exists()).toBe(true)
  })

  it('generates the plan when the week is empty', async () => {
    bound.Week.mockResolvedValue(weekDTO([]) as never)
    bound.Generate.mockResolvedValue({ ...weekDTO([item(1, '2024-03-05T20:30:00+08:00')]), generated: true } as never)
    const w = await show()
    expect(w.find('[data-testid="content-empty"]').exists()).toBe(true)
    await w.find('[data-testid="generate-plan"]').trigger('click')
    await flushPromises()
    expect(bound.Generate).toHaveBeenCalledWith(7, '2024-W10')
    expect(w.findAll('[data-testid="content-card"]')).toHaveLength(1)
  })
})
