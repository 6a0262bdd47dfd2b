import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'

vi.mock('../api/groups', () => ({
  list: vi.fn(),
  remove: vi.fn(),
  removeDemo: vi.fn(),
}))

import * as groupsApi from '../api/groups'
import { ApiError } from '../api'
import { applyLocale, i18n } from '../i18n'
import GroupDangerZone from './GroupDangerZone.vue'
import { makeGroup } from '../testing/fixtures'

const api = vi.mocked(groupsApi)
const group = makeGroup({ id: 7, name: '考研英语 1 群', members: 1234, messages: 56789 })

let wrapper: VueWrapper | null = null

const $ = <T extends Element = HTMLElement>(selector: string) => document.body.querySelector<T>(selector)

async function type(text: string) {
  const input = $<HTMLInputElement>('[data-testid="group-delete-name"] input')!
  input.value = text
  input.dispatchEvent(new Event('input', { bubbles: true }))
  await flushPromises()
}

async function openDialog() {
  wrapper = mount(GroupDangerZone, { props: { group }, global: { plugins: [i18n] }, attachTo: document.body })
  $('[data-testid="group-delete"]')!.click()
  await flushPromises()
}

const confirmButton = () => $<HTMLButtonElement>('[data-testid="group-delete-confirm"]')!

beforeEach(() => {
  vi.resetAllMocks()
  applyLocale('zh-CN')
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

describe('group danger zone', () => {
  it('says what goes and that a backup is made first', async () => {
    await openDialog()
    expect($('[data-testid="group-danger"]')!.textContent).toContain('删除前会先自动备份整个工作区')
    const dialog = $('[data-testid="group-delete-dialog"]')!.textContent
    expect(dialog).toContain('删除社群“考研英语 1 群”？')
    expect(dialog).toContain('1,234 名成员、56,789 条消息')
    expect(dialog).toContain('请输入群名称“考研英语 1 群”确认删除')
  })

  it('on a team server, says the backup is the administrator’s', async () => {
    wrapper = mount(GroupDangerZone, { props: { group, backup: false }, global: { plugins: [i18n] }, attachTo: document.body })
    expect($('[data-testid="group-danger"]')!.textContent).toContain('团队数据库的备份由管理员负责')
    expect($('[data-testid="group-danger"]')!.textContent).not.toContain('删除前会先自动备份')
  })

  it('deletes only once the name is typed exactly', async () => {
    await openDialog()
    expect(confirmButton().disabled).toBe(true)
    await type('考研英语')
    expect(confirmButton().disabled).toBe(true)
    expect($('[data-testid="group-delete-mismatch"]')!.textContent).toBe('与群名称不一致')
    confirmButton().click()
    await flushPromises()
    expect(api.remove).not.toHaveBeenCalled()

    api.remove.mockResolvedValue({ groups: ['考研英语 1 群'], members: 1234, messages: 56789, backup: 'qunzhu-20240306-120000.db' })
    await type('考研英语 1 群 ')
    expect(confirmButton().disabled).toBe(false)
    confirmButton().click()
    await flushPromises()
    expect(api.remove).toHaveBeenCalledWith(7, '考研英语 1 群')
    expect(wrapper!.emitted('deleted')?.[0]?.[0]).toMatchObject({ groups: ['考研英语 1 群'] })
  })

  it("shows Go's words when the delete fails and keeps the dialog open", async () => {
    api.remove.mockRejectedValue(new ApiError('invalid', '输入的名称与社群名称“考研英语 1 群”不一致，没有删除'))
    await openDialog()
    await type('考研英语 1 群')
    confirmButton().click()
    await flushPromises()
    expect($('[data-testid="group-delete-error"]')!.textContent).toContain('没有删除')
    expect(wrapper!.emitted('deleted')).toBeUndefined()
  })
})
