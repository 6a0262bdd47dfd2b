import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'

vi.mock('../api/groups', () => ({
  list: vi.fn(),
  get: vi.fn(),
  create: vi.fn(),
  update: vi.fn(),
  options: vi.fn(),
}))

import * as groupsApi from '../api/groups'
import { ApiError, type Group } from '../api'
import { applyLocale, i18n } from '../i18n'
import GroupForm from './GroupForm.vue'
import { groupOptions, makeGroup } from '../testing/fixtures'

const api = vi.mocked(groupsApi)

const options = groupOptions

const saved = makeGroup({ id: 7 })

let wrapper: VueWrapper | null = null

function open(group: Group | null = null) {
  wrapper = mount(GroupForm, {
    props: { show: true, group, options },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
  return wrapper
}

// The drawer is teleported to <body>, so look there.
const $ = <T extends Element = HTMLElement>(selector: string) => document.body.querySelector<T>(selector)

async function click(selector: string) {
  $(selector)!.click()
  await flushPromises()
}

async function type(selector: string, text: string) {
  const input = $<HTMLInputElement>(`${selector} input, ${selector} textarea`)!
  input.value = text
  input.dispatchEvent(new Event('input', { bubbles: true }))
  await flushPromises()
}

beforeEach(() => {
  vi.resetAllMocks()
  applyLocale('zh-CN')
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

describe('group form', () => {
  it('refuses an empty name without calling Go', async () => {
    open()
    await flushPromises()
    await click('[data-testid="group-save"]')
    expect($('[data-testid="group-form"]')!.textContent).toContain('群名称不能为空')
    expect(api.create).not.toHaveBeenCalled()
  })

  it('treats a name of spaces as empty', async () => {
    open()
    await type('[data-testid="group-name"]', '   ')
    await click('[data-testid="group-save"]')
    expect($('[data-testid="group-form"]')!.textContent).toContain('群名称不能为空')
    expect(api.create).not.toHaveBeenCalled()
  })

  it('shows the three types with their Chinese names and what they are for', () => {
    open()
    expect($('[data-testid="group-type-interest"]')!.textContent).toContain('兴趣社交型')
    expect($('[data-testid="group-type-interest"]')!.textContent).toContain('话题讨论、经验分享')
    expect($('[data-testid="group-type-service"]')!.textContent).toContain('客户服务型')
    expect($('[data-testid="group-type-resource"]')!.textContent).toContain('资源对接型')
  })

  it('creates a group with the defaults and the trimmed name', async () => {
    api.create.mockResolvedValue(saved)
    const w = open()
    await type('[data-testid="group-name"]', '  读书会 ')
    await click('[data-testid="group-type-service"] input')
    await click('[data-testid="group-save"]')
    expect(api.create).toHaveBeenCalledWith({
      name: '读书会',
      type: 'service',
      valueProposition: '',
      timeZone: 'Asia/Shanghai',
      staffAliases: [],
      // a service group is compared with online-education groups unless the user picks another profile
      profile: 'education',
      checkinWord: '打卡',
      targetSize: 0,
    })
    expect(w.emitted('saved')).toEqual([[saved, true]])
    expect(w.emitted('update:show')).toEqual([[false]])
  })

  it('refuses a target size out of range with the range, never clamped', async () => {
    api.create.mockResolvedValue(saved)
    open()
    await type('[data-testid="group-name"]', '读书会')
    const input = $<HTMLInputElement>('[data-testid="group-target"] input')!
    input.value = '99999999'
    input.dispatchEvent(new Event('input', { bubbles: true }))
    input.dispatchEvent(new Event('blur', { bubbles: true }))
    await flushPromises()
    expect($('[data-testid="group-target-item"]')!.textContent).toContain('请填 0 到 2,000 之间的整数')
    await click('[data-testid="group-save"]')
    expect(api.create).not.toHaveBeenCalled()
    expect($<HTMLInputElement>('[data-testid="group-target"] input')!.value).toBe('99999999')

    input.value = '2000'
    input.dispatchEvent(new Event('input', { bubbles: true }))
    input.dispatchEvent(new Event('blur', { bubbles: true }))
    await flushPromises()
    expect($('[data-testid="group-target-item"]')!.textContent).not.toContain('请填')
    await click('[data-testid="group-save"]')
    expect(api.create).toHaveBeenCalledWith(expect.objectContaining({ targetSize: 2000 }))
  })

  it('submits on Enter in the name field', async () => {
    api.create.mockResolvedValue(saved)
    open()
    await type('[data-testid="group-name"]', '读书会')
    $('[data-testid="group-name"] input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    await flushPromises()
    expect(api.create).toHaveBeenCalledTimes(1)
  })

  it('keeps the form open and shows the server message on a conflict', async () => {
    api.create.mockRejectedValue(new ApiError('conflict', '已有名为“读书会”的社群'))
    const w = open()
    await type('[data-testid="group-name"]', '读书会')
    await click('[data-testid="group-save"]')
    expect($('[data-testid="group-form-error"]')!.textContent).toContain('已有名为“读书会”的社群')
    expect(w.emitted('saved')).toBeUndefined()
    expect(w.emitted('update:show')).toBeUndefined()
  })

  it('edits an existing group through update', async () => {
    api.update.mockResolvedValue({ ...saved, name: '读书会 2 群' })
    const w = open({ ...saved, staffAliases: ['小助手'], targetSize: 200 })
    expect($<HTMLInputElement>('[data-testid="group-name"] input')!.value).toBe('读书会')
    await type('[data-testid="group-name"]', '读书会 2 群')
    await click('[data-testid="group-save"]')
    expect(api.create).not.toHaveBeenCalled()
    expect(api.update).toHaveBeenCalledWith(7, expect.objectContaining({
      name: '读书会 2 群',
      staffAliases: ['小助手'],
      targetSize: 200,
      profile: 'education',
    }))
    expect(w.emitted('saved')).toEqual([[{ ...saved, name: '读书会 2 群' }, false]])
  })

  it('speaks English when the UI does', async () => {
    applyLocale('en')
    open()
    await click('[data-testid="group-save"]')
    expect($('[data-testid="group-form"]')!.textContent).toContain('The group name cannot be empty')
    expect($('[data-testid="group-type-resource"]')!.textContent).toContain('Resource matching')
  })
})
