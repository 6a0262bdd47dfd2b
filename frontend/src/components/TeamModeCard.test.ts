import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'

vi.mock('../api/team', () => ({
  status: vi.fn(),
  testConnection: vi.fn(),
  useDatabase: vi.fn(),
}))

import * as teamApi from '../api/team'
import { ApiError } from '../api'
import { applyLocale, i18n } from '../i18n'
import TeamModeCard from './TeamModeCard.vue'

const api = vi.mocked(teamApi)
let wrapper: VueWrapper | null = null

const $ = <T extends Element = HTMLElement>(selector: string) => document.body.querySelector<T>(selector)

async function open() {
  wrapper = mount(TeamModeCard, { global: { plugins: [i18n] }, attachTo: document.body })
  await flushPromises()
}

async function click(selector: string) {
  $(selector)!.click()
  await flushPromises()
}

async function type(selector: string, text: string) {
  const input = $<HTMLInputElement>(`${selector} input`)!
  input.value = text
  input.dispatchEvent(new Event('input', { bubbles: true }))
  await flushPromises()
}

const server = 'postgres://qunzhu:pw@192.168.1.10/qunzhu_team'

beforeEach(() => {
  vi.resetAllMocks()
  applyLocale('zh-CN')
  api.status.mockResolvedValue({ mode: 'local', database: '/home/a/.local/share/qunzhu/qunzhu.db', keyPath: '/home/a/.local/share/qunzhu/qunzhu.db.key', operator: 'owner', role: 'owner', logins: false })
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

describe('team mode card', () => {
  it('shows the database the app runs on and who the operator is', async () => {
    await open()
    const text = $('[data-testid="team-current"]')!.textContent
    expect(text).toContain('本地数据文件')
    expect(text).toContain('/home/a/.local/share/qunzhu/qunzhu.db')
    expect(text).toContain('负责人')
  })

  it('switches to a server only after a successful test of that very address', async () => {
    api.testConnection.mockResolvedValue({ ok: true, mode: 'server', database: 'postgres://qunzhu:xxxxx@192.168.1.10/qunzhu_team', keyPath: '/k' })
    api.useDatabase.mockResolvedValue({ ok: true, mode: 'server', database: 'postgres://qunzhu:xxxxx@192.168.1.10/qunzhu_team', keyPath: '/k' })
    await open()
    await click('[data-testid="team-choose-server"] input')
    await type('[data-testid="team-url"]', server)
    expect($<HTMLButtonElement>('[data-testid="team-use"]')!.disabled).toBe(true)
    expect(document.body.textContent).toContain('请先测试连接')
    await click('[data-testid="team-test"]')
    expect(api.testConnection).toHaveBeenCalledWith(server, '')
    expect($('[data-testid="team-test-ok"]')!.textContent).toContain('连接成功')
    expect($('[data-testid="team-test-ok"]')!.textContent).not.toContain(':pw@')
    // Editing the address voids the test.
    await type('[data-testid="team-url"]', server + 'x')
    expect($<HTMLButtonElement>('[data-testid="team-use"]')!.disabled).toBe(true)
    await type('[data-testid="team-url"]', server)
    await click('[data-testid="team-test"]')
    await click('[data-testid="team-use"]')
    expect(api.useDatabase).toHaveBeenCalledWith(server, '')
    expect($('[data-testid="team-switched"]')!.textContent).toContain('重新启动群主工作台后使用')
  })

  it('shows why a connection failed, in Go’s words', async () => {
    api.testConnection.mockRejectedValue(new ApiError('internal', '无法连接数据库服务器 postgres://qunzhu:xxxxx@192.168.1.10/qunzhu_team：connection refused'))
    await open()
    await click('[data-testid="team-choose-server"] input')
    await type('[data-testid="team-url"]', server)
    await click('[data-testid="team-test"]')
    expect($('[data-testid="team-error"]')!.textContent).toContain('连接失败')
    expect($('[data-testid="team-error"]')!.textContent).toContain('connection refused')
    expect($<HTMLButtonElement>('[data-testid="team-use"]')!.disabled).toBe(true)
  })

  it('offers the way back to the local file when running on a server', async () => {
    api.status.mockResolvedValue({ mode: 'server', database: 'postgres://qunzhu:xxxxx@h/db', keyPath: '/k', operator: '小李', role: 'viewer', logins: true })
    api.useDatabase.mockResolvedValue({ ok: true, mode: 'local', database: '/home/a/qunzhu.db', keyPath: '/home/a/qunzhu.db.key' })
    await open()
    expect($('[data-testid="team-current"]')!.textContent).toContain('只读')
    await click('[data-testid="team-choose-local"] input')
    await click('[data-testid="team-use-local"]')
    expect(api.useDatabase).toHaveBeenCalledWith('')
    expect($('[data-testid="team-switched"]')!.textContent).toContain('/home/a/qunzhu.db')
  })
})
