import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { NMessageProvider } from 'naive-ui'

vi.mock('../api/members', async (orig) => ({ ...(await orig<typeof import('../api/members')>()), saveScreening: vi.fn() }))

import * as membersApi from '../api/members'
import { applyLocale, i18n } from '../i18n'
import { $, typeInto } from '../testing/dom'
import ScreeningForm from './ScreeningForm.vue'

const api = vi.mocked(membersApi)

const Host = defineComponent({
  render: () =>
    h(NMessageProvider, null, {
      default: () => h(ScreeningForm, { groupId: 4, screening: { regions: ['杭州'], openHour: 9, closeHour: 22, minFriends: 500 } }),
    }),
})

beforeEach(() => {
  vi.resetAllMocks()
  applyLocale('zh-CN')
})

afterEach(() => {
  document.body.innerHTML = ''
})

describe('screening form', () => {
  it('refuses hours out of range with the range, and sends nothing', async () => {
    const w = mount(Host, { global: { plugins: [i18n] }, attachTo: document.body })
    await w.find('[data-testid="screening-open"]').trigger('click')
    await flushPromises()
    await typeInto('screening-open-hour', '25')
    await typeInto('screening-close-hour', '0')
    expect($('[data-testid="screening-open-item"]')!.textContent).toContain('请填 0 到 23 之间的整数')
    expect($('[data-testid="screening-close-item"]')!.textContent).toContain('请填 1 到 24 之间的整数')
    expect($<HTMLInputElement>('[data-testid="screening-open-hour"] input')!.value).toBe('25')
    $('[data-testid="screening-save"]')!.click()
    await flushPromises()
    expect(api.saveScreening).not.toHaveBeenCalled()

    await typeInto('screening-open-hour', '8')
    await typeInto('screening-close-hour', '24')
    api.saveScreening.mockResolvedValue()
    $('[data-testid="screening-save"]')!.click()
    await flushPromises()
    expect(api.saveScreening).toHaveBeenCalledWith(4, { regions: ['杭州'], openHour: 8, closeHour: 24, minFriends: 500 })
    w.unmount()
  })
})
