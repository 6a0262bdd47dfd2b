import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('../../wailsjs/go/app/SystemService', () => ({
  Info: vi.fn(),
  SetLanguage: vi.fn(),
}))

import * as SystemService from '../../wailsjs/go/app/SystemService'
import { ApiError, system } from './index'

const bound = vi.mocked(SystemService)

const info = {
  productName: '群主工作台',
  version: '0.1.0',
  language: 'zh',
  dataDir: '/home/a/.local/share/qunzhu',
  dbPath: '/home/a/.local/share/qunzhu/qunzhu.db',
  keyPath: '/home/a/.local/share/qunzhu/qunzhu.key',
  platform: 'linux/amd64',
}

beforeEach(() => {
  vi.resetAllMocks()
})

describe('system api', () => {
  it('maps the system info', async () => {
    bound.Info.mockResolvedValue(info as never)
    expect(await system.info()).toEqual({ ...info, welcome: false, locked: false })
  })

  it('treats an unknown language as Chinese', async () => {
    bound.Info.mockResolvedValue({ ...info, language: 'fr' } as never)
    expect((await system.info()).language).toBe('zh')
  })

  it('stores the chosen language', async () => {
    bound.SetLanguage.mockResolvedValue({ ...info, language: 'en' } as never)
    const got = await system.setLanguage('en')
    expect(bound.SetLanguage).toHaveBeenCalledWith('en')
    expect(got.language).toBe('en')
  })

  it('rejects with an ApiError', async () => {
    bound.SetLanguage.mockRejectedValue({ code: 'invalid', message: 'unknown language' })
    await expect(system.setLanguage('en')).rejects.toMatchObject({ code: 'invalid', message: 'unknown language' })
    await expect(system.setLanguage('en')).rejects.toBeInstanceOf(ApiError)
  })
})
