// Shared test data for component and api tests: one definition of what the
// Go side returns, so a change to a DTO is made in one place.
import type { Group, GroupOptions, ImportBatch, ImportResult } from '../api'

export const groupOptions: GroupOptions = {
  types: ['interest', 'service', 'resource'],
  profiles: ['education', 'ecommerce', 'industry'],
  timeZones: ['Asia/Shanghai', 'UTC'],
  defaultTimeZone: 'Asia/Shanghai',
  defaultCheckinWord: '打卡',
  backupBeforeDelete: true,
}

/** makeGroup returns a service group as Go would send it, with overrides. */
export function makeGroup(overrides: Partial<Group> = {}): Group {
  return {
    id: 1,
    name: '读书会',
    type: 'service',
    valueProposition: '',
    timeZone: 'Asia/Shanghai',
    staffAliases: [],
    profile: 'education',
    checkinWord: '打卡',
    targetSize: 0,
    members: 0,
    messages: 0,
    lastMessageAt: '',
    createdAt: '2024-05-06T20:30:00+08:00',
    updatedAt: '2024-05-06T20:30:00+08:00',
    demo: false,
    ...overrides,
  }
}

/** A member-list preview as Go's ImportService.Preview sends it (the GBK sample). */
export const memberPreviewDTO = {
  kind: 'members',
  file: 'member_list_excel_gbk.csv',
  format: 'csv',
  encoding: 'GB18030',
  header: ['序号', '昵称', '群昵称', '微信号', '入群时间', '标签'],
  fields: ['', 'nickname', 'group_nickname', 'wechat_id', 'joined_at', 'tags'],
  columns: ['line', 'nickname', 'group_nickname', 'wechat_id', 'remark', 'tier', 'joined_at', 'tags'],
  rows: [
    ['2', '林知秋', '林老师', 'lzq_reading', '', 'admin', '2024-01-08T20:00:00+08:00', '[群主]'],
    ['3', '<b>陈晓雨</b>', '晓雨-杭州', 'chenxy_1995', '晓雨-杭州', 'normal', '2024-01-09T12:30:00+08:00', '[活跃 老学员]'],
  ],
  errors: [{ line: 7, reason: '这一行没有昵称、群昵称、微信号或备注' }],
  looksLike: '',
  fileGroup: '',
  wallClock: false,
  timeZone: '',
}

/** makeImportResult returns a finished member import as the done event carries it. */
export function makeImportResult(overrides: Partial<ImportResult> = {}): ImportResult {
  return {
    batchId: 12,
    file: 'member_list_excel_gbk.csv',
    format: 'csv',
    encoding: 'GB18030',
    rows: 10,
    imported: 9,
    updated: 0,
    skippedDuplicates: 0,
    errors: [{ line: 7, reason: '这一行没有昵称、群昵称、微信号或备注' }],
    cancelled: false,
    error: null,
    ...overrides,
  }
}

/** makeBatch returns one line of the import history. */
export function makeBatch(overrides: Partial<ImportBatch> = {}): ImportBatch {
  return {
    id: 12,
    kind: 'members',
    format: 'csv',
    file: 'member_list_excel_gbk.csv',
    encoding: 'GB18030',
    rows: 10,
    imported: 9,
    updated: 0,
    skippedDuplicates: 0,
    createdAt: '2024-05-06T20:30:00+08:00',
    undoable: true,
    ...overrides,
  }
}
