import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { NMessageProvider } from 'naive-ui'

vi.mock('../api/groups', () => ({
  list: vi.fn(),
  remove: vi.fn(),
  removeDemo: vi.fn(),
}))

import * as groupsApi from '../api/groups'
import { ApiError } from '../api'
import { applyLocale, i18n } from '../i18n'
import DemoNotice from './DemoNotice.vue'

const api = vi.mocked(groupsApi)
const onRemoved = vi.fn()

const Host = defineComponent({
  render: () => h(NMessageProvider, null, { default: () => h(DemoNotice, { count: 3, onRemoved }) }),
})

const text = () => document.body.textContent ?? ''

beforeEach(() => {
  vi.resetAllMocks()
  applyLocale('zh-CN')
})

afterEach(() => {
  document.body.innerHTML = ''
})

describe('demo notice', () => {
  it('says what the demo groups are and removes them in one click', async () => {
    api.removeDemo.mockResolvedValue({ groups: ['a', 'b', 'c'], members: 300, messages: 9000, backup: 'qunzhu-20240306-120000.db' })
    const w = mount(Host, { global: { plugins: [i18n] }, attachTo: document.body })
    await flushPromises()
    expect(text()).toContain('标着“示例”的 3 个群是演示用的')
    expect(text()).toContain('不算进“我的其他群平均”')
    await w.find('[data-testid="demo-remove"]').trigger('click')
    await flushPromises()
    expect(api.removeDemo).toHaveBeenCalledTimes(1)
    expect(onRemoved).toHaveBeenCalledTimes(1)
    expect(text()).toContain('已移除示例数据（3 个示例群）')
    expect(text()).toContain('删除前已自动备份')
    w.unmount()
  })

  it('says so when the removal fails', async () => {
    api.removeDemo.mockRejectedValue(new ApiError('internal', '磁盘已满'))
    const w = mount(Host, { global: { plugins: [i18n] }, attachTo: document.body })
    await flushPromises()
    await w.find('[data-testid="demo-remove"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="demo-remove-error"]').text()).toContain('没有移除：磁盘已满')
    expect(onRemoved).not.toHaveBeenCalled()
    w.unmount()
  })
})
