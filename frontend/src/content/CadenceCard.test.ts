import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { NMessageProvider } from 'naive-ui'

vi.mock('../api/content', async (orig) => ({ ...(await orig<typeof import('../api/content')>()), setCadence: vi.fn() }))

import * as contentApi from '../api/content'
import type { Cadence } from '../api'
import { applyLocale, i18n } from '../i18n'
import { typeInto } from '../testing/dom'
import CadenceCard from './CadenceCard.vue'

const api = vi.mocked(contentApi)

const cadence: Cadence = {
  morningBrief: true, morningBriefAt: '08:00', liveSession: true, liveWeekday: 3, liveSessionAt: '20:00',
  ugcCall: true, ugcNth: 1, ugcWeekday: 6, ugcCallAt: '20:30', sharesPerWeek: 2, shareAt: '20:30',
  dailyCap: 3, minGapMinutes: 120, quietStart: '23:00', quietEnd: '07:00', version: 1,
}

const Host = defineComponent({
  render: () => h(NMessageProvider, null, { default: () => h(CadenceCard, { groupId: 4, cadence }) }),
})

beforeEach(() => {
  vi.resetAllMocks()
  applyLocale('zh-CN')
})

afterEach(() => {
  document.body.innerHTML = ''
})

describe('cadence card', () => {
  it('refuses a number out of range with the range, and sends nothing', async () => {
    const w = mount(Host, { global: { plugins: [i18n] }, attachTo: document.body })
    await flushPromises()
    await typeInto('cadence-shares', '99')
    await typeInto('cadence-gap', '-10')
    expect(w.find('[data-testid="cadence-range-shares"]').text()).toBe('每周主题分享（次）：请填 0 到 14 之间的整数')
    expect(w.find('[data-testid="cadence-range-gap"]').text()).toBe('最小间隔（分钟）：请填 0 到 720 之间的整数')
    // The typed numbers stay as typed: nothing was clamped.
    expect(document.body.querySelector<HTMLInputElement>('[data-testid="cadence-shares"] input')!.value).toBe('99')
    await w.find('[data-testid="cadence-save"]').trigger('click')
    await flushPromises()
    expect(api.setCadence).not.toHaveBeenCalled()
    expect(document.body.textContent).toContain('有设置不在允许的范围内')

    await typeInto('cadence-shares', '14')
    await typeInto('cadence-gap', '0')
    expect(w.find('[data-testid="cadence-range-shares"]').isVisible()).toBe(false)
    api.setCadence.mockResolvedValue({ ...cadence, sharesPerWeek: 14, minGapMinutes: 0, version: 2 })
    await w.find('[data-testid="cadence-save"]').trigger('click')
    await flushPromises()
    expect(api.setCadence).toHaveBeenCalledWith(4, expect.objectContaining({ sharesPerWeek: 14, minGapMinutes: 0 }))
    w.unmount()
  })
})
