import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { mountView, unmountView } from '../testing/mountView'

vi.mock('../../wailsjs/go/app/ContentService', () => ({ Calendar: vi.fn(), Due: vi.fn(), Mark: vi.fn(), Generate: vi.fn() }))

import * as ContentService from '../../wailsjs/go/app/ContentService'
import { isoWeekOf } from '../content/grid'
import { applyLocale } from '../i18n'
import CalendarView from './CalendarView.vue'

const bound = vi.mocked(ContentService)

const pad = (n: number) => String(n).padStart(2, '0')
const d = new Date()
const today = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`

const item = (id: number, groupId: number, groupName: string, extra: Record<string, unknown> = {}) => ({
  id, groupId, groupName, type: 'tutorial', format: 'morning_brief', title: '', displayTitle: '早报 · 干货教程', body: '今日要闻',
  at: `${today}T08:00:00+08:00`, status: 'planned', results: {}, rate: null, generated: true, reasons: [], version: 3, due: 'due', ...extra,
})

const show = () => mountView(CalendarView)

beforeEach(() => {
  vi.resetAllMocks()
  applyLocale('zh-CN')
  const groups = [{ id: 1, name: '读书会', index: 0 }, { id: 2, name: '跨境电商交流会', index: 1 }]
  const items = [item(10, 1, '读书会'), item(11, 2, '跨境电商交流会', { at: `${today}T20:30:00+08:00`, due: '', displayTitle: '主题分享 · 互动话题', format: 'share' })]
  bound.Calendar.mockImplementation(async (from: string, days: number) => ({ from, days, groups, items, now: '' }) as never)
  bound.Due.mockResolvedValue([items[0]] as never)
})

afterEach(unmountView)

describe('calendar screen', () => {
  it('shows every group in its colour on today, and today’s due list', async () => {
    const w = await show()
    const cell = w.find(`[data-testid="calendar-day"][data-day="${today}"]`)
    const items = cell.findAll('[data-testid="calendar-item"]')
    expect(items.map((i) => i.attributes('data-group'))).toEqual(['1', '2'])
    expect(items[0].attributes('style')).not.toBe(items[1].attributes('style'))
    expect(w.find('[data-testid="calendar-groups"]').text()).toContain('跨境电商交流会')
    expect(w.findAll('[data-testid="today-item"]')).toHaveLength(2)
  })

  it('copies the title and text, and marks an item posted with the version read', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    bound.Mark.mockResolvedValue(item(10, 1, '读书会', { status: 'posted', version: 4, due: '' }) as never)
    const w = await show()
    await w.find('[data-testid="today-copy"]').trigger('click')
    await flushPromises()
    expect(writeText).toHaveBeenCalledWith('早报 · 干货教程\n\n今日要闻')
    await w.find('[data-testid="today-posted"]').trigger('click')
    await flushPromises()
    expect(bound.Mark).toHaveBeenCalledWith(1, 10, 3, 'posted', expect.anything())
  })

  it('names a theme share’s presenter on the week, in its tooltip and on today’s list, as text', async () => {
    const groups = [{ id: 2, name: '跨境电商交流会', index: 0 }]
    const share = item(11, 2, '跨境电商交流会', { displayTitle: '主题分享 · 互动话题', format: 'share', presenterId: 7, presenterName: '<b>李雷</b>' })
    bound.Calendar.mockImplementation(async (from: string, days: number) => ({ from, days, groups, items: [share, item(12, 2, '跨境电商交流会')], now: '' }) as never)
    const w = await show()
    const [withPresenter, without] = w.findAll('[data-testid="calendar-item"]')
    expect(withPresenter!.find('[data-testid="calendar-presenter"]').text()).toBe('主讲：<b>李雷</b>')
    expect(withPresenter!.attributes('title')).toBe('跨境电商交流会 · 08:00 主题分享 · 互动话题 主讲：<b>李雷</b>')
    expect(without!.find('[data-testid="calendar-presenter"]').exists()).toBe(false)
    expect(w.findAll('[data-testid="today-presenter"]').map((p) => p.text())).toEqual(['主讲：<b>李雷</b>'])
    expect(w.find('b').exists()).toBe(false) // the name is text, never markup
  })

  it('switches to a month of whole weeks', async () => {
    const w = await show()
    await w.find('[data-testid="cal-month"] input').setValue(true)
    await flushPromises()
    const days = w.findAll('[data-testid="calendar-day"]')
    expect(days.length % 7).toBe(0)
    expect(days.length).toBeGreaterThanOrEqual(28)
    const [from, n] = bound.Calendar.mock.calls.at(-2) ?? []
    expect(n).toBe(days.length)
    expect(from).toBe(days[0].attributes('data-day'))
  })

  it('an empty week says what to do and plans every group for it with one button', async () => {
    const groups = [{ id: 1, name: '读书会', index: 0 }, { id: 2, name: '跨境电商交流会', index: 1 }]
    let planned = false
    bound.Calendar.mockImplementation(async (from: string, days: number) => ({ from, days, groups, items: planned ? [item(10, 1, '读书会')] : [], now: '' }) as never)
    bound.Due.mockResolvedValue([] as never)
    bound.Generate.mockImplementation(async (groupId: number) => {
      planned = true
      return { group: { id: groupId, name: '' }, week: {}, items: [{ ...item(10, groupId, ''), generated: true }], generated: true, now: '' } as never
    })
    const w = await show()
    expect(w.find('[data-testid="calendar-empty"]').text()).toContain('这一周还没有内容计划')
    const button = w.find('[data-testid="calendar-generate"]')
    expect(button.text()).toBe('生成本周计划')
    await button.trigger('click')
    await flushPromises()
    expect(bound.Generate.mock.calls).toEqual([[1, isoWeekOf(today)], [2, isoWeekOf(today)]])
    expect(w.find('[data-testid="calendar-empty"]').exists()).toBe(false)

    // a past week: no plan there, a way back to this week instead
    planned = false
    await w.find('[data-testid="cal-prev"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="calendar-generate"]').exists()).toBe(false)
    await w.find('[data-testid="calendar-this-week"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="calendar-generate"]').exists()).toBe(true)
  })
})
