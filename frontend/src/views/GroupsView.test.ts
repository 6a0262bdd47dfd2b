import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { NMessageProvider } from 'naive-ui'

vi.mock('../api/groups', () => ({
  list: vi.fn(),
  get: vi.fn(),
  create: vi.fn(),
  update: vi.fn(),
  options: vi.fn(),
  remove: vi.fn(),
  removeDemo: vi.fn(),
}))
vi.mock('../api/system', () => ({ openDemo: vi.fn() }))

import * as groupsApi from '../api/groups'
import * as systemApi from '../api/system'
import { ApiError } from '../api'
import { applyLocale, i18n } from '../i18n'
import GroupsView from './GroupsView.vue'
import { groupOptions, makeGroup } from '../testing/fixtures'

const api = vi.mocked(groupsApi)

const options = groupOptions

const group = makeGroup({
  name: '考研英语 1 群',
  valueProposition: '每晚答疑',
  staffAliases: ['助教小王'],
  targetSize: 500,
  members: 1234,
  messages: 56789,
  lastMessageAt: '2024-05-06T20:30:00+08:00',
  createdAt: '2024-04-01T09:00:00+08:00',
  updatedAt: '2024-04-01T09:00:00+08:00',
})

const Host = defineComponent({ render: () => h(NMessageProvider, null, { default: () => h(GroupsView) }) })

async function show() {
  const w = mount(Host, { global: { plugins: [i18n] }, attachTo: document.body })
  await flushPromises()
  return w
}

const text = () => document.body.textContent ?? ''

beforeEach(() => {
  vi.resetAllMocks()
  applyLocale('zh-CN')
  api.options.mockResolvedValue(options)
})

afterEach(() => {
  document.body.innerHTML = ''
})

describe('groups screen', () => {
  it('teaches what to do when there are no groups, the demo one click away (no command to type)', async () => {
    api.list.mockResolvedValue([])
    const w = await show()
    const empty = w.find('[data-testid="empty-groups"]')
    expect(empty.exists()).toBe(true)
    expect(empty.text()).toContain('还没有社群')
    expect(empty.text()).not.toContain('qunzhu')
    expect(empty.find('code').exists()).toBe(false)
    expect(w.find('[data-testid="group-table"]').exists()).toBe(false)

    api.list.mockResolvedValue([makeGroup({ id: 9, name: '示例：读书会' })])
    vi.mocked(systemApi.openDemo).mockResolvedValue({} as Awaited<ReturnType<typeof systemApi.openDemo>>)
    await w.find('[data-testid="empty-groups-demo"]').trigger('click')
    await flushPromises()
    expect(systemApi.openDemo).toHaveBeenCalledTimes(1)
    expect(w.find('[data-testid="empty-groups"]').exists()).toBe(false)
    expect(text()).toContain('示例：读书会')
    w.unmount()
  })

  it('lists groups with Chinese labels, grouped numbers and the group’s own time', async () => {
    api.list.mockResolvedValue([group, { ...group, id: 2, name: '新群', type: 'resource', profile: 'industry', members: 3, messages: 0, lastMessageAt: '' }])
    const w = await show()
    const rows = w.findAll('[data-testid="group-row"]')
    expect(rows).toHaveLength(2)
    const first = rows[0].text()
    expect(first).toContain('考研英语 1 群')
    expect(first).toContain('客户服务型')
    expect(first).toContain('在线教育群')
    expect(first).toContain('1,234')
    expect(first).toContain('56,789')
    expect(first).toContain('2024年5月6日 20:30')
    expect(first).toContain('北京时间 UTC+8')
    expect(rows[1].text()).toContain('资源对接型')
    expect(rows[1].text()).toContain('未导入')
    expect(text()).toContain('共 2 个社群')
    w.unmount()
  })

  it('marks the demo groups and removes them in one click', async () => {
    const demo = { ...group, id: 5, name: '示例·读书群', demo: true }
    api.list.mockResolvedValueOnce([group, demo]).mockResolvedValueOnce([group])
    api.removeDemo.mockResolvedValue({ groups: ['示例·读书群'], members: 50, messages: 900, backup: 'qunzhu-20240306-120000.db' })
    const w = await show()
    const rows = w.findAll('[data-testid="group-row"]')
    expect(rows[0].find('[data-testid="group-demo-tag"]').exists()).toBe(false)
    expect(rows[1].find('[data-testid="group-demo-tag"]').text()).toBe('示例')
    expect(w.find('[data-testid="demo-notice"]').text()).toContain('标着“示例”的 1 个群')
    await w.find('[data-testid="demo-remove"]').trigger('click')
    await flushPromises()
    expect(api.removeDemo).toHaveBeenCalledTimes(1)
    expect(w.findAll('[data-testid="group-row"]')).toHaveLength(1)
    expect(w.find('[data-testid="demo-notice"]').exists()).toBe(false)
    w.unmount()
  })

  it('deletes a group from its settings after the name is typed, then lists the rest', async () => {
    api.list.mockResolvedValueOnce([group]).mockResolvedValueOnce([])
    api.remove.mockResolvedValue({ groups: [group.name], members: 1234, messages: 56789, backup: 'qunzhu-20240306-120000.db' })
    const w = await show()
    await w.find('[data-testid="group-row"]').trigger('click')
    await flushPromises()
    document.body.querySelector<HTMLElement>('[data-testid="group-delete"]')!.click()
    await flushPromises()
    const input = document.body.querySelector<HTMLInputElement>('[data-testid="group-delete-name"] input')!
    input.value = group.name
    input.dispatchEvent(new Event('input', { bubbles: true }))
    await flushPromises()
    document.body.querySelector<HTMLElement>('[data-testid="group-delete-confirm"]')!.click()
    await flushPromises()
    expect(api.remove).toHaveBeenCalledWith(group.id, group.name)
    expect(text()).toContain('已删除社群“考研英语 1 群”')
    expect(text()).toContain('删除前已自动备份')
    expect(w.find('[data-testid="empty-groups"]').exists()).toBe(true)
    w.unmount()
  })

  it('shows a hostile group name as text', async () => {
    api.list.mockResolvedValue([{ ...group, name: '<img src=x onerror="alert(1)">' }])
    const w = await show()
    const row = w.find('[data-testid="group-row"]')
    expect(row.find('img').exists()).toBe(false)
    expect(row.text()).toContain('<img src=x onerror="alert(1)">')
    w.unmount()
  })

  it('shows Go’s message when the list cannot be read', async () => {
    api.list.mockRejectedValue(new ApiError('internal', '数据文件正被其他程序占用，请稍后再试'))
    const w = await show()
    expect(w.find('[data-testid="groups-error"]').text()).toContain('数据文件正被其他程序占用，请稍后再试')
    expect(w.find('[data-testid="empty-groups"]').exists()).toBe(false)
    w.unmount()
  })

  it('opens the edit form with the group when its row is clicked', async () => {
    api.list.mockResolvedValue([group])
    const w = await show()
    await w.find('[data-testid="group-row"]').trigger('click')
    await flushPromises()
    const name = document.body.querySelector<HTMLInputElement>('[data-testid="group-name"] input')
    expect(name?.value).toBe('考研英语 1 群')
    expect(text()).toContain('编辑社群')
    w.unmount()
  })

  it('confirms after creating a group and opens the new group, where its first steps are', async () => {
    window.location.hash = '#/groups'
    api.list.mockResolvedValueOnce([])
    api.create.mockResolvedValue(group)
    const w = await show()
    await w.find('[data-testid="group-create"]').trigger('click')
    await flushPromises()
    const input = document.body.querySelector<HTMLInputElement>('[data-testid="group-name"] input')!
    input.value = group.name
    input.dispatchEvent(new Event('input', { bubbles: true }))
    await flushPromises()
    document.body.querySelector<HTMLElement>('[data-testid="group-save"]')!.click()
    await flushPromises()
    expect(api.create).toHaveBeenCalledTimes(1)
    expect(text()).toContain('已创建社群“考研英语 1 群”')
    expect(window.location.hash).toBe(`#/groups/${group.id}/health`)
    w.unmount()
  })
})
