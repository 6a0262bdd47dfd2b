import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { NMessageProvider } from 'naive-ui'

vi.mock('../api/risk', async (orig) => ({ ...(await orig<typeof import('../api/risk')>()), sets: vi.fn(), saveSet: vi.fn() }))

import * as riskApi from '../api/risk'
import type { RiskSet } from '../api'
import { applyLocale, i18n } from '../i18n'
import { $, typeInto } from '../testing/dom'
import RiskSetsCard from './RiskSetsCard.vue'

const api = vi.mocked(riskApi)

const burst: RiskSet = { key: 'burst', category: 'opinion' as RiskSet['category'], level: 2, words: [], threshold: 5, enabled: true, version: 1, scope: 'default' }

const Host = defineComponent({
  render: () => h(NMessageProvider, null, { default: () => h(RiskSetsCard, { groupId: 4 }) }),
})

beforeEach(() => {
  vi.resetAllMocks()
  applyLocale('zh-CN')
})

afterEach(() => {
  document.body.innerHTML = ''
})

describe('risk sets card', () => {
  it("refuses a burst count out of range with the range, and sends nothing", async () => {
    api.sets.mockResolvedValue([burst])
    const w = mount(Host, { global: { plugins: [i18n] }, attachTo: document.body })
    await flushPromises()
    ;($('[data-key="burst"] .n-collapse-item__header-main') ?? $('[data-key="burst"]'))!.click()
    await flushPromises()
    await typeInto('risk-threshold', '1000')
    expect($('[data-testid="risk-threshold-error"]')!.textContent).toBe('请填 2 到 500 之间的整数')
    expect($<HTMLInputElement>('[data-testid="risk-threshold"] input')!.value).toBe('1000')
    $('[data-testid="risk-set-save-burst"]')!.click()
    await flushPromises()
    expect(api.saveSet).not.toHaveBeenCalled()

    await typeInto('risk-threshold', '500')
    expect($('[data-testid="risk-threshold-error"]')).toBeNull()
    api.saveSet.mockResolvedValue({ ...burst, threshold: 500 })
    $('[data-testid="risk-set-save-burst"]')!.click()
    await flushPromises()
    expect(api.saveSet).toHaveBeenCalledWith(4, expect.objectContaining({ threshold: 500 }))
    w.unmount()
  })
})
