import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { NTooltip } from 'naive-ui'
import { applyLocale, i18n } from '../i18n'
import FigureValue from './FigureValue.vue'

beforeEach(() => applyLocale('zh-CN'))

const show = (props: Record<string, unknown>) =>
  mount(FigureValue, { props: { figureKey: 'mute_rate', label: '免打扰率', ...props } as never, global: { plugins: [i18n] } })

describe('FigureValue', () => {
  it('says 未测量 for a missing figure, never 0', () => {
    const f = show({ text: null, source: 'none' }).find('[data-testid="health-figure"]')
    expect(f.text()).toContain('未测量')
    expect(f.text()).not.toMatch(/\d/)
    expect(f.attributes('data-source')).toBe('none')
  })

  it('marks a figure entered by hand', () => {
    const f = show({ text: '40.0%', source: 'hand' }).find('[data-testid="health-figure"]')
    expect(f.text()).toContain('40.0%')
    expect(f.find('[data-testid="source-hand"]').text()).toBe('手动录入')
  })

  it('shows no mark for a measured figure', () => {
    const f = show({ figureKey: 'messages', label: '消息数', text: '812', source: 'measured' })
    expect(f.find('[data-testid="source-hand"]').exists()).toBe(false)
    expect(f.find('[data-key="messages"]').exists()).toBe(true)
  })

  it('explains the figure while the pointer is on it, making its tooltip on the first hover', async () => {
    const w = mount(FigureValue, {
      props: { figureKey: 'mute_rate', label: '免打扰率', text: '40.0%', source: 'hand' },
      global: { plugins: [i18n] },
      attachTo: document.body,
    })
    const tip = () => document.querySelector('[data-testid="figure-tip"]')
    const settle = async () => {
      await flushPromises()
      await new Promise((r) => setTimeout(r, 300))
    }
    expect(tip()).toBeNull()
    await w.find('[data-testid="health-figure"]').trigger('mouseenter')
    await settle()
    expect(tip()?.textContent).toContain('把群设为“消息免打扰”的成员比例')
    expect(tip()?.textContent).toContain('来源：手动录入')
    expect(w.findComponent(NTooltip).props('show')).toBe(true)
    await w.find('[data-testid="health-figure"]').trigger('mouseleave')
    await flushPromises()
    expect(w.findComponent(NTooltip).props('show')).toBe(false)
    w.unmount()
  })
})
