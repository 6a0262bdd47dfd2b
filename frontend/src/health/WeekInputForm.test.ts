import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { NMessageProvider } from 'naive-ui'

vi.mock('../api/health', async (orig) => ({
  ...(await orig<typeof import('../api/health')>()),
  saveInput: vi.fn(),
  pickLinksFile: vi.fn(),
  importLinks: vi.fn(),
}))

import * as healthApi from '../api/health'
import { toGroupWeek } from '../api/health'
import { applyLocale, i18n } from '../i18n'
import { $, typeInto } from '../testing/dom'
import { makeGroupWeekDTO } from '../testing/healthFixtures'
import WeekInputForm from './WeekInputForm.vue'

const api = vi.mocked(healthApi)
const week = toGroupWeek(makeGroupWeekDTO() as never)

function mountForm(onSaved = vi.fn()) {
  const Host = defineComponent({
    render: () =>
      h(NMessageProvider, { duration: 0 }, {
        default: () =>
          h(WeekInputForm, {
            groupId: 2,
            week: '2024-W18',
            input: { muteRate: 0.25, linkClicks: null, linkReach: null, paying: 3 },
            onSaved,
          }),
      }),
  })
  return mount(Host, { global: { plugins: [i18n] }, attachTo: document.body })
}

beforeEach(() => {
  vi.resetAllMocks()
  applyLocale('zh-CN')
})

afterEach(() => {
  document.body.innerHTML = ''
})

describe('week input form', () => {
  it('shows what was entered and sends 付费人数 with the other figures', async () => {
    const onSaved = vi.fn()
    const w = mountForm(onSaved)
    await flushPromises()
    expect($<HTMLInputElement>('[data-testid="input-mute-rate"] input')!.value).toBe('25.0')
    expect($<HTMLInputElement>('[data-testid="input-paying"] input')!.value).toBe('3')
    expect(document.body.textContent).toContain('付费人数')

    await typeInto('input-paying', '12')
    api.saveInput.mockResolvedValue(week)
    $('[data-testid="health-input-save"]')!.click()
    await flushPromises()
    expect(api.saveInput).toHaveBeenCalledWith(2, '2024-W18', { muteRate: 0.25, linkClicks: null, linkReach: null, paying: 12 })
    expect(onSaved).toHaveBeenCalledWith(week)
    w.unmount()
  })

  it('refuses a negative paying count with its range, and sends nothing', async () => {
    const w = mountForm()
    await flushPromises()
    await typeInto('input-paying', '-4')
    expect($('[data-testid="input-paying-item"]')!.textContent).toContain('请填不小于 0 的整数')
    $('[data-testid="health-input-save"]')!.click()
    await flushPromises()
    expect(api.saveInput).not.toHaveBeenCalled()
    w.unmount()
  })

  it('imports a tracked-link CSV and shows the clicks and reach taken', async () => {
    const onSaved = vi.fn()
    const w = mountForm(onSaved)
    api.pickLinksFile.mockResolvedValue('/home/op/链接.csv')
    api.importLinks.mockResolvedValue({ file: '/home/op/链接.csv', clicks: 40, reach: 300, rows: [], refused: 0, error: '', week })
    $('[data-testid="links-pick"]')!.click()
    await flushPromises()
    expect(api.importLinks).toHaveBeenCalledWith(2, '2024-W18', '/home/op/链接.csv', false)
    expect($('[data-testid="links-taken"]')!.textContent).toContain('已从 链接.csv 读取：点击 40，触达 300')
    expect(onSaved).toHaveBeenCalledWith(week)
    w.unmount()
  })

  it('names the line and reason of each refused row, and how many more', async () => {
    const onSaved = vi.fn()
    const w = mountForm(onSaved)
    api.pickLinksFile.mockResolvedValue('C:\\exports\\links.csv')
    api.importLinks.mockResolvedValue({
      file: 'C:\\exports\\links.csv',
      clicks: null,
      reach: null,
      rows: [
        { line: 2, reason: '点击数不是数字：abc' },
        { line: 5, reason: '触达人数为空' },
      ],
      refused: 7,
      error: 'links.csv 有 7 行无法读取，未导入',
      week: null,
    })
    $('[data-testid="links-partial"]')!.click()
    await flushPromises()
    $('[data-testid="links-pick"]')!.click()
    await flushPromises()
    expect(api.importLinks).toHaveBeenCalledWith(2, '2024-W18', 'C:\\exports\\links.csv', true)
    expect($('[data-testid="links-refused"]')!.textContent).toContain('links.csv 未导入')
    const rows = $('[data-testid="links-rows"]')!.textContent!
    expect(rows).toContain('第 2 行：点击数不是数字：abc')
    expect(rows).toContain('第 5 行：触达人数为空')
    expect($('[data-testid="links-more"]')!.textContent).toContain('另有 5 行有问题')
    expect(onSaved).not.toHaveBeenCalled()
    w.unmount()
  })

  it('does nothing when the file dialog is cancelled', async () => {
    const w = mountForm()
    api.pickLinksFile.mockResolvedValue('')
    $('[data-testid="links-pick"]')!.click()
    await flushPromises()
    expect(api.importLinks).not.toHaveBeenCalled()
    expect($('[data-testid="links-taken"]')).toBeNull()
    w.unmount()
  })
})
