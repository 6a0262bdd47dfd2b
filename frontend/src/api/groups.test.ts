import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('../../wailsjs/go/app/GroupService', () => ({
  List: vi.fn(),
  Get: vi.fn(),
  Create: vi.fn(),
  Update: vi.fn(),
  Options: vi.fn(),
  Delete: vi.fn(),
  RemoveDemo: vi.fn(),
}))

import { groupOptions } from '../testing/fixtures'
import * as GroupService from '../../wailsjs/go/app/GroupService'
import { ApiError, groups, type GroupInput } from './index'

const bound = vi.mocked(GroupService)

const dto = {
  id: 3,
  name: '读书会',
  type: 'interest',
  valueProposition: '每周共读一本书',
  timeZone: 'Asia/Shanghai',
  staffAliases: ['小助手'],
  profile: 'ecommerce',
  checkinWord: '打卡',
  targetSize: 200,
  members: 187,
  messages: 12345,
  lastMessageAt: '2024-05-06T20:30:00+08:00',
  createdAt: '2024-04-01T09:00:00+08:00',
  updatedAt: '2024-04-02T09:00:00+08:00',
  demo: false,
}

const input: GroupInput = {
  name: '读书会',
  type: 'interest',
  valueProposition: '每周共读一本书',
  timeZone: 'Asia/Shanghai',
  staffAliases: ['小助手', '阿May'],
  profile: 'ecommerce',
  checkinWord: '打卡',
  targetSize: 200,
}

beforeEach(() => {
  vi.resetAllMocks()
})

describe('groups api', () => {
  it('maps the listed DTOs to groups', async () => {
    bound.List.mockResolvedValue([dto as never])
    const rows = await groups.list()
    expect(rows).toEqual([dto])
    expect(rows[0].members).toBe(187)
  })

  it('gives an empty list when Go sends null', async () => {
    bound.List.mockResolvedValue(null as never)
    expect(await groups.list()).toEqual([])
  })

  it('reads one group as Go sends it (the generated DTO, no copy)', async () => {
    bound.Get.mockResolvedValue({ ...dto } as never)
    expect(await groups.get(3)).toEqual(dto)
    expect(bound.Get).toHaveBeenCalledWith(3)
  })

  it('passes the create input through unchanged', async () => {
    bound.Create.mockResolvedValue(dto as never)
    const created = await groups.create(input)
    expect(bound.Create).toHaveBeenCalledTimes(1)
    expect(bound.Create.mock.calls[0][0]).toEqual(input)
    expect(created.id).toBe(3)
  })

  it('sends only the input fields on update', async () => {
    bound.Update.mockResolvedValue(dto as never)
    await groups.update(3, { ...input, members: 5 } as GroupInput)
    expect(bound.Update).toHaveBeenCalledWith(3, input)
  })

  it('turns a conflict rejection into an ApiError with the server message', async () => {
    bound.Create.mockRejectedValue({ code: 'conflict', message: '已有名为“读书会”的社群' })
    const err = await groups.create(input).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toBeInstanceOf(Error)
    expect((err as ApiError).code).toBe('conflict')
    expect((err as ApiError).message).toBe('已有名为“读书会”的社群')
  })

  it('reads a rejection that arrives as a JSON string', async () => {
    bound.Update.mockRejectedValue(JSON.stringify({ code: 'not_found', message: '找不到编号为 9 的社群' }))
    const err = (await groups.update(9, input).catch((e: unknown) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.code).toBe('not_found')
    expect(err.message).toBe('找不到编号为 9 的社群')
  })

  it('keeps a plain-string rejection as the message', async () => {
    bound.List.mockRejectedValue('数据文件正被其他程序占用，请稍后再试')
    const err = (await groups.list().catch((e: unknown) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.code).toBe('internal')
    expect(err.message).toBe('数据文件正被其他程序占用，请稍后再试')
  })

  it('maps the form options', async () => {
    bound.Options.mockResolvedValue({ ...groupOptions } as never)
    const o = await groups.options()
    expect(o.types).toEqual(['interest', 'service', 'resource'])
    expect(o.defaultCheckinWord).toBe('打卡')
  })

  it('deletes with the typed name and removes the demo', async () => {
    bound.Delete.mockResolvedValue({ groups: ['读书会'], members: 187, messages: 12345, backup: 'qunzhu-20240506-123000.db' } as never)
    expect(await groups.remove(3, '读书会')).toEqual({ groups: ['读书会'], members: 187, messages: 12345, backup: 'qunzhu-20240506-123000.db' })
    expect(bound.Delete).toHaveBeenCalledWith(3, '读书会')
    bound.RemoveDemo.mockResolvedValue({ groups: [], members: 0, messages: 0, backup: '' } as never)
    expect(await groups.removeDemo()).toEqual({ groups: [], members: 0, messages: 0, backup: '' })
  })
})
