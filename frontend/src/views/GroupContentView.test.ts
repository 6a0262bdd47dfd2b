import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { mountView, unmountView } from '../testing/mountView'
import { NPopconfirm, NSelect } from 'naive-ui'

vi.mock('../../wailsjs/go/app/ContentService', () => ({
  Week: vi.fn(), Generate: vi.fn(), Move: vi.fn(), Save: vi.fn(), Mark: vi.fn(), SetCadence: vi.fn(),
  ExportICS: vi.fn(), SaveToLibrary: vi.fn(), DeleteLibraryEntry: vi.fn(), Library: vi.fn(), Calendar: vi.fn(), Due: vi.fn(), Notify: vi.fn(),
  Delete: vi.fn(), Presenters: vi.fn(), RestoreLibraryEntry: vi.fn(),
}))
vi.mock('../../wailsjs/go/app/GroupService', () => ({ List: vi.fn() }))
vi.mock('../../wailsjs/go/app/HealthService', () => ({ Weeks: vi.fn(), Group: vi.fn(), Overview: vi.fn(), SaveInput: vi.fn() }))
vi.mock('../components/EChart.vue', () => ({ default: { name: 'EChart', props: ['option', 'label', 'height'], render: () => null } }))

import * as ContentService from '../../wailsjs/go/app/ContentService'
import * as HealthService from '../../wailsjs/go/app/HealthService'
import * as GroupService from '../../wailsjs/go/app/GroupService'
import { applyLocale } from '../i18n'
import { resetWeek } from '../health/week'
import GroupContentView from './GroupContentView.vue'

const bound = vi.mocked(ContentService)

const item = (id: number, at: string, extra: Record<string, unknown> = {}) => ({
  id, groupId: 7, groupName: '读书会', type: 'interactive', format: 'share', title: '', displayTitle: '主题分享 · 互动话题', body: '',
  at, status: 'planned', results: {}, rate: null, generated: true, reasons: ['每周主题分享第 1/2 次'], version: 1, due: '',
  presenterName: '', ...extra,
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

const show = () => mountView(GroupContentView, { groupId: 7 })

beforeEach(() => {
  vi.resetAllMocks()
  resetWeek()
  applyLocale('zh-CN')
  vi.mocked(HealthService).Weeks.mockResolvedValue([{ week: '2024-W10', start: '2024-03-04T00:00:00+08:00', end: '2024-03-11T00:00:00+08:00' }] as never)
})

afterEach(unmountView)

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

  describe('the item drawer', () => {
    const select = (w: ReturnType<typeof mount>, testid: string) => w.findAllComponents(NSelect).find((c) => c.attributes('data-testid') === testid)
    // The drawer is teleported to the body, outside the wrapper's DOM.
    const inDrawer = (selector: string) => document.body.querySelector<HTMLElement>(`[data-testid="content-drawer"] ${selector}`)
    const submit = async () => {
      inDrawer('form')!.dispatchEvent(new Event('submit', { cancelable: true }))
      await flushPromises()
    }

    // The toasts these tests raise close on a timer: run it before the
    // page goes, not after the test environment is torn down.
    afterEach(() => {
      vi.runOnlyPendingTimers()
      vi.useRealTimers()
    })

    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
      bound.Presenters.mockResolvedValue([
        { id: 31, name: '赵敏', names: ['赵敏', '敏敏'], present: true },
        { id: 32, name: '老王', names: ['老王', 'wxid_wang'], present: false },
      ] as never)
      vi.mocked(GroupService).List.mockResolvedValue([
        { id: 7, name: '读书会' },
        { id: 9, name: '二群' },
      ] as never)
    })

    it('a theme share offers the group members as presenter, searchable by any name, and saves the one picked', async () => {
      const saved = item(1, '2024-03-05T20:30:00+08:00', { version: 4, presenterId: 31, presenterName: '赵敏' })
      bound.Week.mockResolvedValueOnce(weekDTO([item(1, '2024-03-05T20:30:00+08:00', { version: 3 })]) as never).mockResolvedValue(weekDTO([saved]) as never)
      bound.Save.mockResolvedValue(saved as never)
      const w = await show()
      await w.find('[data-testid="content-card"]').trigger('click')
      await flushPromises()
      expect(bound.Presenters).toHaveBeenCalledWith(7)
      const picker = select(w, 'drawer-presenter')!
      expect(picker.exists()).toBe(true)
      const options = picker.props('options') as { value: number; label: string }[]
      expect(options.map((o) => o.label)).toEqual(['赵敏', '老王（已退群）'])
      const filter = picker.props('filter') as (p: string, o: unknown) => boolean
      expect(options.filter((o) => filter('wxid_wang', o)).map((o) => o.value)).toEqual([32])
      expect(options.filter((o) => filter('敏敏', o)).map((o) => o.value)).toEqual([31])

      picker.vm.$emit('update:value', 31)
      await submit()
      expect(bound.Save).toHaveBeenCalledWith(7, expect.objectContaining({ id: 1, version: 3, format: 'share', presenterId: 31, alsoGroups: [] }))
      // The card and the drawer show the presenter.
      expect(w.find('[data-testid="card-presenter"]').text()).toBe('主讲：赵敏')
      expect(inDrawer('[data-testid="drawer-presenter-tag"]')?.textContent).toContain('主讲：赵敏')
    })

    it('another format has no presenter picker and saves none', async () => {
      bound.Week.mockResolvedValue(weekDTO([item(1, '2024-03-05T20:30:00+08:00', { format: 'post', title: '周末活动' })]) as never)
      bound.Save.mockResolvedValue(item(1, '2024-03-05T20:30:00+08:00', { format: 'post', version: 2 }) as never)
      const w = await show()
      await w.find('[data-testid="content-card"]').trigger('click')
      await flushPromises()
      expect(select(w, 'drawer-presenter')).toBeUndefined()
      expect(bound.Presenters).not.toHaveBeenCalled()
      await submit()
      expect(bound.Save).toHaveBeenCalledWith(7, expect.objectContaining({ format: 'post', presenterId: null }))
    })

    it('deletes an item after confirming, at the version read, warning that its share points go, and the week reloads', async () => {
      const posted = item(1, '2024-03-05T20:30:00+08:00', { version: 5, status: 'posted', presenterId: 31, presenterName: '赵敏' })
      bound.Week.mockResolvedValueOnce(weekDTO([posted]) as never).mockResolvedValue(weekDTO([]) as never)
      bound.Delete.mockResolvedValue(undefined as never)
      const w = await show()
      await w.find('[data-testid="content-card"]').trigger('click')
      await flushPromises()
      inDrawer('[data-testid="drawer-delete"]')!.click()
      await flushPromises()
      expect(document.body.querySelector('[data-testid="drawer-delete-confirm"]')?.textContent).toContain('赵敏 因主讲这条分享获得的积分也会一并取消')
      expect(bound.Delete).not.toHaveBeenCalled()
      w.findComponent(NPopconfirm).vm.$emit('positive-click')
      await flushPromises()
      expect(bound.Delete).toHaveBeenCalledWith(7, 1, 5)
      expect(bound.Week).toHaveBeenCalledTimes(2)
      expect(w.findAll('[data-testid="content-card"]')).toHaveLength(0)
    })

    it('plans a deleted item again from 撤销 on the toast, with its status and results', async () => {
      const posted = item(1, '2024-03-05T20:30:00+08:00', { version: 5, status: 'posted', presenterId: 31, presenterName: '赵敏' })
      bound.Week.mockResolvedValueOnce(weekDTO([posted]) as never).mockResolvedValue(weekDTO([]) as never)
      bound.Delete.mockResolvedValue(undefined as never)
      bound.Save.mockResolvedValue(item(8, '2024-03-05T20:30:00+08:00', { version: 1 }) as never)
      bound.Mark.mockResolvedValue(item(8, '2024-03-05T20:30:00+08:00', { version: 2, status: 'posted' }) as never)
      const w = await show()
      await w.find('[data-testid="content-card"]').trigger('click')
      await flushPromises()
      inDrawer('[data-testid="drawer-delete"]')!.click()
      await flushPromises()
      w.findComponent(NPopconfirm).vm.$emit('positive-click')
      await flushPromises()
      ;(document.body.querySelector('[data-testid="toast-undo"]') as HTMLButtonElement).click()
      await flushPromises()
      expect(bound.Save).toHaveBeenCalledWith(7, expect.objectContaining({ id: 0, at: '2024-03-05T20:30', presenterId: 31, alsoGroups: [] }))
      expect(bound.Mark).toHaveBeenCalledWith(7, 8, 1, 'posted', expect.anything())
      expect(document.body.textContent).toContain('已恢复')
    })

    it('puts a deleted library entry back from 撤销 on the toast', async () => {
      const entry = { id: 4, type: 'tutorial', format: 'post', title: '三月书单', displayTitle: '三月书单', body: '共读《活着》' }
      bound.Week.mockResolvedValueOnce({ ...weekDTO([]), library: [entry] } as never).mockResolvedValue(weekDTO([]) as never)
      bound.DeleteLibraryEntry.mockResolvedValue(undefined as never)
      bound.RestoreLibraryEntry.mockResolvedValue({ ...entry, id: 9 } as never)
      const w = await show()
      // The week has no item: the one popconfirm is the template's delete.
      w.findComponent(NPopconfirm).vm.$emit('positive-click')
      await flushPromises()
      expect(bound.DeleteLibraryEntry).toHaveBeenCalledWith(4)
      ;(document.body.querySelector('[data-testid="toast-undo"]') as HTMLButtonElement).click()
      await flushPromises()
      expect(bound.RestoreLibraryEntry).toHaveBeenCalledWith(expect.objectContaining({ id: 0, type: 'tutorial', format: 'post', title: '三月书单', body: '共读《活着》' }))
      expect(document.body.textContent).toContain('已把“三月书单”放回素材库')
    })

    it('refuses a negative result with its range, and marks nothing', async () => {
      const posted = item(1, '2024-03-05T20:30:00+08:00', { version: 5, status: 'posted' })
      bound.Week.mockResolvedValue(weekDTO([posted]) as never)
      const w = await show()
      await w.find('[data-testid="content-card"]').trigger('click')
      await flushPromises()
      const input = inDrawer('[data-testid="result-reach"] input') as HTMLInputElement
      input.value = '-5'
      input.dispatchEvent(new Event('input', { bubbles: true }))
      input.dispatchEvent(new Event('blur', { bubbles: true }))
      await flushPromises()
      expect(inDrawer('[data-testid="result-reach-error"]')!.textContent).toBe('请填不小于 0 的整数')
      inDrawer('[data-testid="save-results"]')!.click()
      await flushPromises()
      expect(bound.Mark).not.toHaveBeenCalled()
    })

    it('a stale delete says to reload', async () => {
      bound.Week.mockResolvedValue(weekDTO([item(1, '2024-03-05T20:30:00+08:00')]) as never)
      bound.Delete.mockRejectedValue({ code: 'conflict', message: '内容 1 已在别处被修改' })
      const w = await show()
      await w.find('[data-testid="content-card"]').trigger('click')
      await flushPromises()
      w.findComponent(NPopconfirm).vm.$emit('positive-click')
      await flushPromises()
      expect(w.find('[data-testid="content-stale"]').exists()).toBe(true)
    })

    it('opened from the advice 补充主题分享, a share slot of the week is ready to fill in', async () => {
      bound.Week.mockResolvedValue(weekDTO([]) as never)
      bound.Save.mockResolvedValue(item(5, '2024-03-04T20:00:00+08:00', { format: 'share' }) as never)
      const w = await mountView(GroupContentView, { groupId: 7, newShare: true })
      await flushPromises()
      expect(select(w, 'drawer-format')?.props('value')).toBe('share')
      await submit()
      expect(bound.Save).toHaveBeenCalledWith(7, expect.objectContaining({ id: 0, format: 'share' }))
    })

    it('a new item can be planned for other groups too, in one save', async () => {
      bound.Week.mockResolvedValue(weekDTO([]) as never)
      bound.Save.mockResolvedValue(item(5, '2024-03-06T20:00:00+08:00', { format: 'post' }) as never)
      const w = await show()
      await w.find('[data-testid="new-item"]').trigger('click')
      await flushPromises()
      const groups = select(w, 'drawer-also-groups')!
      expect((groups.props('options') as { label: string }[]).map((o) => o.label)).toEqual(['二群'])
      groups.vm.$emit('update:value', [9])
      await flushPromises()
      await submit()
      expect(bound.Save).toHaveBeenCalledWith(7, expect.objectContaining({ id: 0, alsoGroups: [9] }))
      expect(document.body.textContent).toContain('已保存到 2 个群')
    })
  })
})
