import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { NMessageProvider } from 'naive-ui'

vi.mock('../api/safety', async (orig) => ({ ...(await orig<typeof import('../api/safety')>()), setBackupKeep: vi.fn() }))

import * as safetyApi from '../api/safety'
import type { Security } from '../api'
import { applyLocale, i18n } from '../i18n'
import { $, typeInto } from '../testing/dom'
import BackupsCard from './BackupsCard.vue'

const api = vi.mocked(safetyApi)

const security: Security = { protected: false, minLength: 8, backupsDir: '/home/u/qunzhu/backups', keep: 7, backups: [], autoError: '' }

const Host = defineComponent({
  render: () => h(NMessageProvider, null, { default: () => h(BackupsCard, { security }) }),
})

beforeEach(() => {
  vi.resetAllMocks()
  applyLocale('zh-CN')
})

afterEach(() => {
  document.body.innerHTML = ''
})

describe('backups card', () => {
  it('refuses a number of backups out of range with the range, and saves nothing', async () => {
    const w = mount(Host, { global: { plugins: [i18n] }, attachTo: document.body })
    await flushPromises()
    await typeInto('backups-keep', '500')
    expect($('[data-testid="backups-keep-error"]')!.textContent).toBe('请填 1 到 100 之间的整数')
    expect($<HTMLInputElement>('[data-testid="backups-keep"] input')!.value).toBe('500')
    expect(api.setBackupKeep).not.toHaveBeenCalled()

    api.setBackupKeep.mockResolvedValue({ ...security, keep: 30 })
    await typeInto('backups-keep', '30')
    expect($('[data-testid="backups-keep-error"]')).toBeNull()
    expect(api.setBackupKeep).toHaveBeenCalledWith(30)
    w.unmount()
  })
})
