// The member ledger as Go's MembersService sends it (app/members.go), for tests.

export function makeMemberDTO(over: Record<string, unknown> = {}) {
  return {
    id: 1,
    version: 3,
    name: '陈晓雨',
    names: ['陈晓雨', '晓雨-杭州'],
    ids: ['wxid_cxy001demo', 'chenxy_1995'],
    tier: 'normal',
    tierLocked: false,
    tags: ['活跃', '老学员'],
    present: true,
    joinedAt: '2024-01-09T12:30:00+08:00',
    leftAt: '',
    lastMessageAt: '2024-03-06T08:30:27+08:00',
    messages: 8,
    messages28d: 8,
    checkinDays: 3,
    points: 15,
    strikes: 0,
    struckOut: false,
    inactive: false,
    ...over,
  }
}

export function makeLedgerDTO(over: Record<string, unknown> = {}) {
  return {
    group: { id: 7, name: '读书打卡交流群' },
    week: { week: '2024-W10', start: '2024-03-04T00:00:00+08:00', end: '2024-03-11T00:00:00+08:00' },
    inactiveMeasurable: true,
    present: 3,
    actual: { admin: 1, core: 0, normal: 2 },
    target: { admin: 1, core: 1, normal: 1 },
    suggestions: [
      { memberId: 1, version: 3, name: '陈晓雨', from: 'normal', to: 'core', reason: '近 28 天消息 8 条，排名第 1', rank: 1, messages: 8 },
    ],
    members: [
      makeMemberDTO(),
      makeMemberDTO({ id: 2, version: 1, name: '林知秋', names: ['林知秋'], ids: ['wxid_lzq'], tier: 'admin', tags: [], messages28d: 7, points: 0, checkinDays: 0 }),
      makeMemberDTO({
        id: 3,
        version: 1,
        name: '<img src=x onerror=alert(1)>推广',
        names: ['<img src=x onerror=alert(1)>推广'],
        ids: ['wxid_spam'],
        tags: [],
        present: false,
        leftAt: '2024-03-05T10:00:00+08:00',
        lastMessageAt: '2024-03-04T15:47:21+08:00',
        messages28d: 1,
        strikes: 3,
        struckOut: true,
        inactive: true,
      }),
    ],
    tags: ['活跃', '老学员'],
    ...over,
  }
}

export function makeDetailDTO(over: Record<string, unknown> = {}) {
  return {
    member: makeMemberDTO(),
    nickname: '陈晓雨',
    groupNickname: '晓雨-杭州',
    remark: '',
    wxid: 'wxid_cxy001demo',
    wechatId: 'chenxy_1995',
    notes: '老学员，爱分享',
    nameHistory: [{ name: '晓雨-杭州', first: '2024-03-04T07:00:00+08:00', last: '2024-03-06T08:30:27+08:00', messages: 8 }],
    timeline: [
      { at: '2024-03-06T08:30:27+08:00', kind: 'checkin', points: 5 },
      { at: '2024-03-05T20:30:00+08:00', kind: 'share', points: 20, content: '读书方法<i>分享</i>' },
      { at: '2024-03-05T09:00:00+08:00', kind: 'strike', rule: 'ads', content: '=HYPERLINK("x") 兼职日结', live: true, key: 'ads:1:1', dismissed: false },
      { at: '2024-01-09T12:30:00+08:00', kind: 'joined' },
    ],
    messages: [
      { at: '2024-03-06T08:30:27+08:00', kind: 'text', content: '<b>打卡</b> 第3天' },
      { at: '2024-03-05T08:30:27+08:00', kind: 'image', content: '<msg/>' },
    ],
    weekly: Array.from({ length: 12 }, (_, i) => ({ week: `2024-W${String(i - 1).padStart(2, '0')}`, start: '2024-01-01T00:00:00+08:00', messages: i })),
    ...over,
  }
}

export function makeQueueDTO(over: Record<string, unknown> = {}) {
  return {
    group: { id: 7, name: '读书打卡交流群' },
    week: { week: '2024-W10', start: '2024-03-04T00:00:00+08:00', end: '2024-03-11T00:00:00+08:00' },
    rules: {
      adWords: ['加我微信', '兼职'],
      whitelist: ['qq.com'],
      floodCount: 5,
      floodSeconds: 60,
      attackWords: ['去死'],
      strikeDays: 30,
      strikeLimit: 3,
      inactiveDays: 14,
      shareQuota: 2,
    },
    violations: [
      {
        key: 'ads:3:1709538441',
        rule: 'ads',
        memberId: 3,
        name: '推广小助手',
        at: '2024-03-04T15:47:21+08:00',
        content: '兼职日结，加V',
        context: [
          { at: '2024-03-04T15:40:00+08:00', name: '陈晓雨', kind: 'text', content: '今天读完了', self: false },
          { at: '2024-03-04T15:47:21+08:00', name: '推广小助手', kind: 'text', content: '<script>x</script>兼职日结，加V', self: true },
          { at: '2024-03-04T15:50:00+08:00', name: '林知秋', kind: 'image', content: '<msg/>', self: false },
        ],
        decision: '',
        strikes: 1,
        struckOut: false,
        present: true,
      },
    ],
    ...over,
  }
}
