import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'

vi.mock('../api/health', () => ({ weeks: vi.fn() }))

import * as healthApi from '../api/health'
import { i18n } from '../i18n'
import { resetWeek, useWeek } from '../health/week'
import { makeImportResult } from '../testing/fixtures'
import ImportResultCard from './ImportResultCard.vue'

const api = vi.mocked(healthApi)

function router() {
  const r = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/import', component: { template: '<div />' } },
      { path: '/groups/:id/health', component: { template: '<div />' } },
      { path: '/reports', component: { template: '<div />' } },
    ],
  })
  return r
}

beforeEach(() => {
  vi.resetAllMocks()
  resetWeek()
})

describe('ImportResultCard', () => {
  it("says a chat's dates and week and opens that week on the group's Health tab", async () => {
    api.weeks.mockResolvedValue([
      { week: '2026-W50', start: '2026-12-07T00:00:00+08:00', end: '2026-12-14T00:00:00+08:00', hasData: false, groups: [], current: true },
      { week: '2024-W10', start: '2024-03-04T00:00:00+08:00', end: '2024-03-11T00:00:00+08:00', hasData: true, groups: [3] },
    ])
    const r = router()
    await r.push('/import')
    const result = makeImportResult({ errors: [], firstAt: '2024-03-04T08:01:00+08:00', lastAt: '2024-03-10T22:15:00+08:00', weeks: ['2024-W10'] })
    const w = mount(ImportResultCard, { props: { result, groupId: 3 }, global: { plugins: [i18n, r] } })
    expect(w.get('[data-testid="import-span"]').text()).toContain('2024年3月4日–3月10日，第10周')
    await w.get('[data-testid="import-open-week"]').trigger('click')
    await flushPromises()
    expect(r.currentRoute.value.fullPath).toBe('/groups/3/health')
    expect(useWeek().week.value).toBe('2024-W10')
    expect(api.weeks).toHaveBeenCalled()
  })

  it('says a warning of a committed import beside its counts', () => {
    const warning = '导入已完成，但导入后的风险扫描没有完成：disk I/O error。打开风险页会重新扫描。'
    const w = mount(ImportResultCard, { props: { result: makeImportResult({ warnings: [warning] }), groupId: 3 }, global: { plugins: [i18n, router()] } })
    expect(w.get('[data-testid="import-warning"]').text()).toContain(warning)
    expect(w.find('[data-testid="import-count-imported"]').exists()).toBe(true)
  })

  it('says no dates and offers no week for a member list', () => {
    const w = mount(ImportResultCard, { props: { result: makeImportResult(), groupId: 3 }, global: { plugins: [i18n, router()] } })
    expect(w.find('[data-testid="import-span"]').exists()).toBe(false)
    expect(w.find('[data-testid="import-open-week"]').exists()).toBe(false)
  })

  it('offers the next step of the guided start: the chat after a member list', async () => {
    const w = mount(ImportResultCard, { props: { result: makeImportResult(), groupId: 3, kind: 'members' }, global: { plugins: [i18n, router()] } })
    const next = w.get('[data-testid="import-next-chat"]')
    expect(next.text()).toBe('下一步：导入聊天记录')
    await next.trigger('click')
    expect(w.emitted('nextChat')).toHaveLength(1)
    expect(w.find('[data-testid="import-open-report"]').exists()).toBe(false)
  })

  it("offers the week's report after a chat, on the file's latest week", async () => {
    api.weeks.mockResolvedValue([
      { week: '2024-W10', start: '2024-03-04T00:00:00+08:00', end: '2024-03-11T00:00:00+08:00', hasData: true, groups: [3] },
    ])
    const r = router()
    await r.push('/import')
    const result = makeImportResult({ errors: [], firstAt: '2024-03-04T08:01:00+08:00', lastAt: '2024-03-06T22:15:00+08:00', weeks: ['2024-W10'] })
    const w = mount(ImportResultCard, { props: { result, groupId: 3, kind: 'chat' }, global: { plugins: [i18n, r] } })
    expect(w.find('[data-testid="import-next-chat"]').exists()).toBe(false)
    await w.get('[data-testid="import-open-report"]').trigger('click')
    await flushPromises()
    expect(r.currentRoute.value.fullPath).toBe('/reports?group=3')
    expect(useWeek().week.value).toBe('2024-W10')
  })
})
