import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('../../wailsjs/go/app/ReportService', () => ({
  HTML: vi.fn(),
  Save: vi.fn(),
  OpenInBrowser: vi.fn(),
}))

import * as ReportService from '../../wailsjs/go/app/ReportService'
import { ApiError, reports } from './index'

const bound = vi.mocked(ReportService)

beforeEach(() => {
  vi.resetAllMocks()
})

describe('reports api', () => {
  it('renders a week for all groups (0) or one', async () => {
    bound.HTML.mockResolvedValue('<!DOCTYPE html><h2>读书会</h2>')
    expect(await reports.html('2024-W18', 0)).toContain('读书会')
    expect(bound.HTML).toHaveBeenCalledWith('2024-W18', 0, false)
    await reports.html('2024-W18', 3, true)
    expect(bound.HTML).toHaveBeenLastCalledWith('2024-W18', 3, true)
  })

  it('reports a cancelled save as null and a saved one by its path', async () => {
    bound.Save.mockResolvedValueOnce('')
    expect(await reports.save('2024-W18', 0)).toBeNull()
    bound.Save.mockResolvedValueOnce('/home/u/周报.html')
    expect(await reports.save('2024-W18', 0)).toBe('/home/u/周报.html')
  })

  it('turns Go errors into ApiError in the user words', async () => {
    bound.HTML.mockRejectedValue({ code: 'invalid', message: '无法识别的周“2024-W77”' })
    await expect(reports.html('2024-W77', 0)).rejects.toEqual(new ApiError('invalid', '无法识别的周“2024-W77”'))
  })

  it('opens the browser and hands back the file', async () => {
    bound.OpenInBrowser.mockResolvedValue('/tmp/qunzhu-report-1/qunzhu-report-2024-W18.html')
    expect(await reports.openInBrowser('2024-W18', 0)).toMatch(/2024-W18\.html$/)
  })
})
