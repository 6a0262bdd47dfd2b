import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { mountView, unmountView } from '../testing/mountView'
import { $, typeInto } from '../testing/dom'

vi.mock('../../wailsjs/go/app/TeamService', () => ({
  Status: vi.fn(),
  MoveWorkspace: vi.fn(),
  CancelMove: vi.fn(),
  ChooseMoveFile: vi.fn(),
  UseDatabase: vi.fn(),
}))

import * as TeamService from '../../wailsjs/go/app/TeamService'
import { applyLocale } from '../i18n'
import MoveWorkspaceView from './MoveWorkspaceView.vue'

const bound = vi.mocked(TeamService)

const local = { mode: 'local', database: '/home/li/qunzhu.db', keyPath: '/home/li/qunzhu.db.key', operator: 'owner', role: 'owner', logins: false }
const dsn = 'postgres://wang:s3cret@db.lan:5432/team'
const moved = {
  from: '/home/li/qunzhu.db',
  to: 'postgres://wang:xxxxx@db.lan:5432/team',
  toMode: 'server',
  tables: [
    { table: 'chat_groups', rows: 3 },
    { table: 'messages', rows: 12840 },
    { table: 'some_new_table', rows: 0 },
  ],
  rows: 12843,
}

const show = () => mountView(MoveWorkspaceView)

beforeEach(() => {
  vi.resetAllMocks()
  applyLocale('zh-CN')
  bound.Status.mockResolvedValue(local as never)
})

afterEach(unmountView)

describe('迁移工作区', () => {
  it('moves the open file to a server, lists the checked counts in words and says what comes next', async () => {
    const w = await show()
    expect(w.find('[data-testid="move-from-path"]').text()).toBe('/home/li/qunzhu.db')
    expect(w.find('[data-testid="move-start"]').attributes('disabled')).toBeDefined()
    await typeInto('move-url', ` ${dsn} `)

    let finish: (v: unknown) => void = () => {}
    bound.MoveWorkspace.mockReturnValue(new Promise((r) => (finish = r)) as never)
    await w.find('[data-testid="move-start"]').trigger('click')
    await flushPromises()
    expect(bound.MoveWorkspace).toHaveBeenCalledWith('/home/li/qunzhu.db', dsn)
    expect(w.find('[data-testid="move-progress"]').text()).toContain('正在检查两端')
    await w.find('[data-testid="move-cancel"]').trigger('click')
    expect(bound.CancelMove).toHaveBeenCalled()

    finish(moved)
    await flushPromises()
    expect(w.find('[data-testid="move-progress"]').exists()).toBe(false)
    const result = w.find('[data-testid="move-result"]')
    expect(result.text()).toContain('迁移完成：3 张表，共 12,843 行')
    const rows = w.findAll('[data-testid="move-count-row"]').map((r) => r.text())
    expect(rows).toEqual(['社群3', '消息12,840', 'some_new_table0'])
    expect(w.find('[data-testid="move-next"]').text()).toContain('重新打开群主工作台')
    // The password is never on the page, only the address without it.
    expect(document.body.textContent).not.toContain('s3cret')

    bound.UseDatabase.mockResolvedValue({ ok: true, mode: 'server', database: moved.to, keyPath: '/k' } as never)
    await w.find('[data-testid="move-use"]').trigger('click')
    await flushPromises()
    expect(bound.UseDatabase).toHaveBeenCalledWith(dsn, '')
    expect(w.find('[data-testid="move-switched"]').text()).toContain('重新启动群主工作台后使用：postgres://wang:xxxxx@db.lan:5432/team')
  })

  it('moves into a chosen file, and a refusal says the target is untouched', async () => {
    const w = await show()
    await w.find('[data-testid="move-to-file"] input').setValue(true)
    await flushPromises()
    bound.ChooseMoveFile.mockResolvedValue('/home/li/新工作区.db' as never)
    await w.find('[data-testid="move-choose"]').trigger('click')
    await flushPromises()
    expect(($('[data-testid="move-file"] input') as HTMLInputElement).value).toBe('/home/li/新工作区.db')

    bound.MoveWorkspace.mockRejectedValue({ code: 'conflict', message: '目标 /home/li/新工作区.db 已有数据（表 chat_groups 有 2 行）：只能迁移到空的工作区' })
    await w.find('[data-testid="move-start"]').trigger('click')
    await flushPromises()
    expect(bound.MoveWorkspace).toHaveBeenCalledWith('/home/li/qunzhu.db', '/home/li/新工作区.db')
    const err = w.find('[data-testid="move-error"]').text()
    expect(err).toContain('只能迁移到空的工作区')
    expect(err).toContain('目标没有任何改动')
    expect(w.find('[data-testid="move-result"]').exists()).toBe(false)
  })

  it('asks for the source address when the open workspace is on a server', async () => {
    bound.Status.mockResolvedValue({ ...local, mode: 'server', database: 'postgres://wang:xxxxx@db/team', logins: true } as never)
    const w = await show()
    expect(w.find('[data-testid="move-from-path"]').exists()).toBe(false)
    expect(w.text()).toContain('请填写它的服务器地址')
    await typeInto('move-from-input', dsn)
    await w.find('[data-testid="move-to-file"] input').setValue(true)
    await flushPromises()
    await typeInto('move-file', '/tmp/back.db')
    bound.MoveWorkspace.mockResolvedValue({ ...moved, toMode: 'local' } as never)
    await w.find('[data-testid="move-start"]').trigger('click')
    await flushPromises()
    expect(bound.MoveWorkspace).toHaveBeenCalledWith(dsn, '/tmp/back.db')
  })

  it('speaks English', async () => {
    applyLocale('en')
    const w = await show()
    expect(w.find('.page-title').text()).toBe('Move workspace')
    expect(w.text()).toContain('Every table’s rows are counted')
  })
})
