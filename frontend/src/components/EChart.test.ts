import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'

// happy-dom has no canvas: the test watches what the component asks of echarts.
const chart = { setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() }
vi.mock('echarts/core', () => ({ use: vi.fn(), init: vi.fn(() => chart) }))

import * as echarts from 'echarts/core'
import EChart from './EChart.vue'

let observed: (() => void) | null = null
class FakeResizeObserver {
  constructor(cb: () => void) {
    observed = cb
  }
  observe() {}
  disconnect() {
    observed = null
  }
}

beforeEach(() => {
  vi.clearAllMocks()
  vi.stubGlobal('ResizeObserver', FakeResizeObserver)
})
afterEach(() => vi.unstubAllGlobals())

const option = { title: { text: '近12周趋势' }, series: [{ type: 'bar', data: [{ value: 3 }] }] }

/** mountChart mounts a chart and waits for echarts, which it loads on first use. */
async function mountChart(props: { option: typeof option; label: string; height?: string }) {
  const w = mount(EChart, { props })
  await vi.dynamicImportSettled()
  await flushPromises()
  return w
}

describe('EChart', () => {
  it('hands Go’s option to echarts as it is, on a transparent background', async () => {
    const w = await mountChart({ option, label: '趋势' })
    expect(echarts.init).toHaveBeenCalledWith(w.element, undefined)
    expect(chart.setOption).toHaveBeenCalledWith({ ...option, backgroundColor: 'transparent' }, true)
    expect(w.attributes('role')).toBe('img')
    expect(w.attributes('aria-label')).toBe('趋势')
    expect(w.attributes('style')).toContain('height: 300px')
  })

  it('replaces the option when the week changes, without merging the old series in', async () => {
    const w = await mountChart({ option, label: '趋势', height: '44px' })
    const next = { series: [{ type: 'line', data: [] }] }
    await w.setProps({ option: next })
    expect(chart.setOption).toHaveBeenLastCalledWith({ ...next, backgroundColor: 'transparent' }, true)
    expect(w.attributes('style')).toContain('height: 44px')
  })

  it('follows its box’s size and lets the chart go when it leaves', async () => {
    const w = await mountChart({ option, label: '趋势' })
    expect(observed).not.toBeNull()
    observed!()
    expect(chart.resize).toHaveBeenCalledTimes(1)
    w.unmount()
    expect(chart.dispose).toHaveBeenCalled()
    expect(observed).toBeNull()
  })

  it('draws nothing when it leaves before echarts has loaded', async () => {
    const w = mount(EChart, { props: { option, label: '趋势' } })
    w.unmount()
    await vi.dynamicImportSettled()
    await flushPromises()
    expect(echarts.init).not.toHaveBeenCalled()
    expect(observed).toBeNull()
  })
})
