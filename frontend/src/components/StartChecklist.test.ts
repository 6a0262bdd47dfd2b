import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'

vi.mock('../api/start', () => ({ checklist: vi.fn(), mark: vi.fn(), dismiss: vi.fn() }))
vi.mock('../api/health', () => ({ weeks: vi.fn() }))

import * as startApi from '../api/start'
import * as healthApi from '../api/health'
import type { Checklist } from '../api'
import { applyLocale } from '../i18n'
import { resetWeek, useWeek } from '../health/week'
import { mountView, unmountView } from '../testing/mountView'
import StartChecklist from './StartChecklist.vue'

const api = vi.mocked(startApi)
const health = vi.mocked(healthApi)

function list(done: [boolean, boolean, boolean, boolean], dismissed = false): Checklist {
  const steps = (['members', 'chat', 'health', 'report'] as const).map((step, i) => ({ step, done: done[i] }))
  return { groupId: 3, steps, complete: done.every(Boolean), dismissed }
}

const $ = (s: string) => document.body.querySelector<HTMLElement>(s)
const $$ = (s: string) => [...document.body.querySelectorAll<HTMLElement>(s)]

beforeEach(() => {
  vi.resetAllMocks()
  resetWeek()
  applyLocale('zh-CN')
})
afterEach(unmountView)

describe('StartChecklist', { timeout: 30000 }, () => {
  it('shows the four steps in order, ticks the ones done and points at the next', async () => {
    api.checklist.mockResolvedValue(list([true, false, false, false]))
    await mountView(StartChecklist, { groupId: 3 })
    const steps = $$('[data-testid="start-step"]')
    expect(steps.map((s) => s.dataset.step)).toEqual(['members', 'chat', 'health', 'report'])
    expect(steps.map((s) => s.dataset.done)).toEqual(['true', 'false', 'false', 'false'])
    expect(steps.map((s) => s.querySelector('.step-title')!.textContent)).toEqual(['导入成员名单', '导入聊天记录', '看本周健康', '生成周报'])
    expect($('[data-testid="start-progress"]')!.textContent).toBe('已完成 1/4')
    expect(steps[1].classList.contains('next')).toBe(true)
    expect($('[data-testid="start-go-chat"]')!.textContent).toContain('导入聊天记录')
    expect($('[data-testid="start-guide"]')!.textContent).toContain('如何导出聊天记录')
    expect(api.mark).not.toHaveBeenCalled()
  })

  it('marks the health step once the page shows a week with messages', async () => {
    api.checklist.mockResolvedValue(list([true, true, false, false]))
    api.mark.mockResolvedValue(list([true, true, true, false]))
    await mountView(StartChecklist, { groupId: 3, seenWeek: true })
    expect(api.mark).toHaveBeenCalledWith(3, 'health')
    expect($$('[data-testid="start-step"]').map((s) => s.dataset.done)).toEqual(['true', 'true', 'true', 'false'])
  })

  it('opens the report on the group’s latest week with messages', async () => {
    api.checklist.mockResolvedValue(list([true, true, true, false]))
    health.weeks.mockResolvedValue([
      { week: '2026-W50', start: '2026-12-07T00:00:00+08:00', end: '2026-12-14T00:00:00+08:00', hasData: false, groups: [], current: true },
      { week: '2024-W10', start: '2024-03-04T00:00:00+08:00', end: '2024-03-11T00:00:00+08:00', hasData: true, groups: [3] },
    ])
    await mountView(StartChecklist, { groupId: 3 })
    $('[data-testid="start-go-report"]')!.click()
    await flushPromises()
    expect(useWeek().week.value).toBe('2024-W10')
  })

  it('is gone once every step is done, and when closed', async () => {
    api.checklist.mockResolvedValue(list([true, true, true, true]))
    await mountView(StartChecklist, { groupId: 3 })
    expect($('[data-testid="start-checklist"]')).toBeNull()
    unmountView()

    api.checklist.mockResolvedValue(list([false, false, false, false]))
    api.dismiss.mockResolvedValue(list([false, false, false, false], true))
    await mountView(StartChecklist, { groupId: 3 })
    expect($('[data-testid="start-checklist"]')).not.toBeNull()
    $('[data-testid="start-dismiss"]')!.click()
    await flushPromises()
    expect(api.dismiss).toHaveBeenCalledWith(3, true)
    expect($('[data-testid="start-checklist"]')).toBeNull()
  })

  it('stays out of the way when it cannot be read', async () => {
    api.checklist.mockRejectedValue(new Error('no backend'))
    await mountView(StartChecklist, { groupId: 3 })
    expect($('[data-testid="start-checklist"]')).toBeNull()
  })
})
