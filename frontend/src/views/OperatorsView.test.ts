import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { mountView, unmountView } from '../testing/mountView'
import { $, typeInto } from '../testing/dom'

vi.mock('../../wailsjs/go/app/TeamService', () => ({
  Status: vi.fn(),
  Operators: vi.fn(),
  AddOperator: vi.fn(),
}))

import * as TeamService from '../../wailsjs/go/app/TeamService'
import { applyLocale } from '../i18n'
import OperatorsView from './OperatorsView.vue'

const bound = vi.mocked(TeamService)

const local = { mode: 'local', database: '/home/li/qunzhu.db', keyPath: '/home/li/qunzhu.db.key', operator: 'owner', role: 'owner', logins: false }
const server = { mode: 'server', database: 'postgres://wang:xxxxx@db/team', keyPath: '/k', operator: '老王', role: 'owner', logins: true }

const show = () => mountView(OperatorsView)

beforeEach(() => {
  vi.resetAllMocks()
  applyLocale('zh-CN')
  bound.Status.mockResolvedValue(local as never)
  bound.Operators.mockResolvedValue([] as never)
})

afterEach(unmountView)

describe('运营与角色', () => {
  it('teaches the empty list and adds the first owner, in Chinese role words only', async () => {
    const w = await show()
    expect(w.find('[data-testid="operators-empty"]').text()).toContain('添加的第一位必须是负责人')
    expect(w.find('[data-testid="operators-you"]').text()).toBe('你是负责人（尚未设置操作人名称）')
    // No login fields on a local workspace.
    expect(w.find('[data-testid="op-login"]').exists()).toBe(false)

    bound.AddOperator.mockResolvedValue({ operator: { name: '老王', role: 'owner', login: '', createdAt: '2024-05-06T12:00:00+08:00' }, password: '' } as never)
    bound.Operators.mockResolvedValue([{ name: '老王', role: 'owner', login: '', createdAt: '2024-05-06T12:00:00+08:00' }] as never)
    await typeInto('op-name', ' 老王 ')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(bound.AddOperator).toHaveBeenCalledWith({ name: '老王', role: 'owner', login: '', password: '' })
    const rows = w.findAll('[data-testid="operators-row"]')
    expect(rows).toHaveLength(1)
    expect(rows[0].text()).toContain('负责人')
    expect(rows[0].text()).toContain('2024年5月6日')
    // The implicit owner's name is 'owner'; the roles themselves are only in Chinese.
    for (const text of [rows[0].text(), w.find('[data-testid="op-role"]').text()]) expect(text).not.toMatch(/owner|operator|viewer/i)
    expect($('[data-testid="op-password-dialog"]')).toBeNull()
  })

  it('shows Go’s reason when an add is refused', async () => {
    const w = await show()
    bound.AddOperator.mockRejectedValue({ code: 'invalid', message: '第一个添加的运营必须是负责人' })
    await typeInto('op-name', '小李')
    await w.find('[data-testid="op-role-viewer"] input').setValue(true)
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(bound.AddOperator).toHaveBeenCalledWith({ name: '小李', role: 'viewer', login: '', password: '' })
    expect(w.find('[data-testid="op-error"]').text()).toContain('第一个添加的运营必须是负责人')
  })

  it('on a team database lists logins and shows a generated password once, as text', async () => {
    bound.Status.mockResolvedValue(server as never)
    bound.Operators.mockResolvedValue([{ name: '老王', role: 'owner', login: 'wang', createdAt: '2024-05-06T12:00:00+08:00' }] as never)
    const w = await show()
    expect(w.find('[data-testid="operators-table"]').text()).toContain('登录账号')
    expect(w.find('[data-testid="operators-row"]').text()).toContain('wang')

    const added = { operator: { name: '<em>小李</em>', role: 'operator', login: 'xiaoli', createdAt: '2024-05-07T09:00:00+08:00' }, password: 'Qz-9f!x<b>k2' }
    bound.AddOperator.mockResolvedValue(added as never)
    await typeInto('op-name', '<em>小李</em>')
    await typeInto('op-login', 'xiaoli')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(bound.AddOperator).toHaveBeenCalledWith({ name: '<em>小李</em>', role: 'operator', login: 'xiaoli', password: '' })
    expect($('[data-testid="op-password-value"]')!.textContent).toBe('Qz-9f!x<b>k2')
    expect($('[data-testid="op-password-dialog"]')!.textContent).toContain('只显示这一次')
    expect($('[data-testid="op-password-dialog"] b')).toBeNull()
    expect($('[data-testid="op-password-dialog"] em')).toBeNull()

    $('[data-testid="op-password-done"]')!.click()
    await flushPromises()
    expect(document.body.textContent).not.toContain('Qz-9f!x<b>k2')
  })

  it('warns when the name changes are recorded under is not on the list, and links to where it is set', async () => {
    bound.Status.mockResolvedValue({ ...local, operator: 'owner', role: '' } as never)
    bound.Operators.mockResolvedValue([{ name: '老王', role: 'owner', login: '', createdAt: '2024-05-06T12:00:00+08:00' }] as never)
    const w = await show()
    const warn = w.find('[data-testid="operators-not-listed"]')
    expect(warn.text()).toContain('现在不能修改数据')
    expect(warn.find('a').attributes('href')).toContain('/settings/audit')
    // Most people added after the first owner are 运营.
    expect(($('[data-testid="op-role-operator"] input') as HTMLInputElement).checked).toBe(true)
  })

  it('speaks English', async () => {
    applyLocale('en')
    const w = await show()
    expect(w.find('.page-title').text()).toBe('Operators and roles')
    expect(w.find('[data-testid="op-role-viewer"]').text()).toContain('Viewer')
  })
})
