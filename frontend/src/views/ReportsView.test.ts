import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { NMessageProvider, NSelect } from 'naive-ui'

vi.mock('../api/groups', () => ({ list: vi.fn(), get: vi.fn(), create: vi.fn(), update: vi.fn(), options: vi.fn() }))
vi.mock('../api/reports', () => ({ html: vi.fn(), save: vi.fn(), openInBrowser: vi.fn() }))
vi.mock('../api/health', () => ({
  weeks: vi.fn(),
  group: vi.fn(),
  overview: vi.fn(),
  saveInput: vi.fn(),
  dashboard: vi.fn(),
  sparklines: vi.fn(),
}))

import * as groupsApi from '../api/groups'
import * as reportsApi from '../api/reports'
import * as healthApi from '../api/health'
import { ApiError } from '../api'
import { applyLocale, i18n } from '../i18n'
import { resetWeek } from '../health/week'
import ReportsView from './ReportsView.vue'
import { makeGroup } from '../testing/fixtures'

const groups = vi.mocked(groupsApi)
const reports = vi.mocked(reportsApi)
const health = vi.mocked(healthApi)

const Host = defineComponent({ render: () => h(NMessageProvider, null, { default: () => h(ReportsView) }) })

async function show() {
  const w = mount(Host, { global: { plugins: [i18n] }, attachTo: document.body })
  await flushPromises()
  await flushPromises()
  return w
}

const report = '<!DOCTYPE html><html><body><h2>&lt;script&gt;读书会</h2></body></html>'

beforeEach(() => {
  vi.resetAllMocks()
  resetWeek()
  applyLocale('zh-CN')
  health.weeks.mockResolvedValue([{ week: '2024-W18', start: '2024-04-29T00:00:00+08:00', end: '2024-05-06T00:00:00+08:00' }])
  groups.list.mockResolvedValue([makeGroup({ id: 3, name: '读书会' })])
  reports.html.mockResolvedValue(report)
})

afterEach(() => {
  document.body.innerHTML = ''
})

describe('reports screen', () => {
  it('previews the week for all groups in a sandboxed frame, never as app HTML', async () => {
    const w = await show()
    expect(reports.html).toHaveBeenCalledWith('2024-W18', 0, false)
    const frame = w.find('[data-testid="report-preview"]')
    expect(frame.element.tagName).toBe('IFRAME')
    expect(frame.attributes('sandbox')).toBe('allow-scripts allow-modals')
    expect(frame.attributes('srcdoc')).toBe(report)
    // The report's markup stays inside the frame.
    expect(document.querySelectorAll('h2')).toHaveLength(0)
    expect(document.body.textContent).toContain('周报')
    expect(document.body.textContent).toContain('另存为 HTML')
    w.unmount()
  })

  it('says the all-groups report leaves out the demo, and marks the demo groups', async () => {
    groups.list.mockResolvedValue([makeGroup({ id: 3, name: '读书会' }), makeGroup({ id: 4, name: '示例·福利群', demo: true })])
    const w = await show()
    expect(w.find('[data-testid="report-group"]').text()).toContain('全部社群（不含示例群）')
    const select = w.findAllComponents(NSelect).find((c) => c.attributes('data-testid') === 'report-group')!
    const labels = (select.props('options') as { label: string }[]).map((o) => o.label)
    expect(labels).toEqual(['全部社群（不含示例群）', '读书会', '示例·福利群（示例）'])
    w.unmount()
  })

  it('saves the chosen week and tells where', async () => {
    reports.save.mockResolvedValue('/home/u/周报.html')
    const w = await show()
    await w.find('[data-testid="report-save"]').trigger('click')
    await flushPromises()
    expect(reports.save).toHaveBeenCalledWith('2024-W18', 0, false)
    expect(document.body.textContent).toContain('已保存到 /home/u/周报.html')
    w.unmount()
  })

  it('says nothing when the save dialog is cancelled, and opens the browser on request', async () => {
    reports.save.mockResolvedValue(null)
    reports.openInBrowser.mockResolvedValue('/tmp/r.html')
    const w = await show()
    await w.find('[data-testid="report-save"]').trigger('click')
    await flushPromises()
    expect(document.body.textContent).not.toContain('已保存到')
    await w.find('[data-testid="report-open"]').trigger('click')
    await flushPromises()
    expect(reports.openInBrowser).toHaveBeenCalledWith('2024-W18', 0, false)
    expect(document.body.textContent).toContain('已在浏览器中打开：/tmp/r.html')
    w.unmount()
  })

  it('adds the appendix on request, to the preview and the saved file', async () => {
    reports.save.mockResolvedValue('/home/u/周报.html')
    const w = await show()
    expect(document.body.textContent).toContain('附录')
    await w.find('[data-testid="report-appendix"]').trigger('click')
    await flushPromises()
    expect(reports.html).toHaveBeenLastCalledWith('2024-W18', 0, true)
    await w.find('[data-testid="report-save"]').trigger('click')
    await flushPromises()
    expect(reports.save).toHaveBeenCalledWith('2024-W18', 0, true)
    w.unmount()
  })

  it('says in words, with the file, when no browser opens', async () => {
    const words = '无法打开浏览器。周报已保存在 /tmp/qunzhu-report-1/qunzhu-report-2024-W18.html，请用浏览器打开这个文件后打印。'
    reports.openInBrowser.mockRejectedValue(new ApiError('internal', words))
    const w = await show()
    await w.find('[data-testid="report-open"]').trigger('click')
    await flushPromises()
    const alert = w.find('[data-testid="report-open-failed"]')
    expect(alert.exists()).toBe(true)
    expect(alert.text()).toContain('没能打开浏览器')
    expect(alert.text()).toContain('/tmp/qunzhu-report-1/qunzhu-report-2024-W18.html')
    w.unmount()
  })

  it('asks the frame to print itself', async () => {
    const w = await show()
    const frame = w.find('[data-testid="report-preview"]').element as HTMLIFrameElement
    const post = vi.fn()
    Object.defineProperty(frame, 'contentWindow', { value: { postMessage: post } })
    await w.find('[data-testid="report-print"]').trigger('click')
    expect(post).toHaveBeenCalledWith('qunzhu:print', '*')
    w.unmount()
  })

  it('shows Go’s words when the report cannot be made, in English too', async () => {
    applyLocale('en')
    reports.html.mockRejectedValue(new ApiError('invalid', 'Unknown week'))
    const w = await show()
    const err = w.find('[data-testid="report-error"]')
    expect(err.text()).toContain('Cannot make the weekly report')
    expect(err.text()).toContain('Unknown week')
    expect(w.find('[data-testid="report-preview"]').exists()).toBe(false)
    w.unmount()
  })
})
