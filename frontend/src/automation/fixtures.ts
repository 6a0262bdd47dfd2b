// What Go's AutomationService sends, for the component tests.
export function makeTemplatesDTO() {
  return {
    group: { id: 7, name: '读书会' },
    welcome: {
      text: '欢迎 {成员} 加入「{群名}」！群规：{群规链接}',
      rulesLink: '',
      version: 1,
      preview: { text: '欢迎 新成员 加入「读书会」！群规：{群规链接}', unknown: [], missing: ['rules_link'] },
    },
    replies: [
      { id: 1, keywords: ['营业时间', '几点开门'], reply: '@{成员} 我们 9:00–21:00 营业', version: 1 },
      { id: 2, keywords: ['退款'], reply: '@{成员} 订单页申请售后', version: 1 },
    ],
    placeholders: [
      { key: 'member', zh: '成员' },
      { key: 'group', zh: '群名' },
      { key: 'rules_link', zh: '群规链接' },
      { key: 'date', zh: '日期' },
    ],
    minScore: 2,
  }
}

export function makeHighlightsDTO(library = false) {
  const item = {
    id: 31,
    messageId: 101,
    source: 'suggested',
    name: '<i>晓雨</i>',
    at: '2024-03-04T10:02:18+08:00',
    kind: 'text',
    content: '请问<script>alert(1)</script>周六在哪里？',
  }
  return {
    group: { id: 7, name: '读书会' },
    week: { week: '2024-W10', start: '2024-03-04T00:00:00+08:00', end: '2024-03-11T00:00:00+08:00' },
    library: library ? [item] : [],
    suggestions: [
      {
        messageId: 101,
        name: item.name,
        at: item.at,
        kind: 'text',
        content: item.content,
        replies: 2,
        repliers: 2,
        highlightId: library ? 31 : 0,
      },
    ],
    digest: library ? '【读书会】本周精华 · 2024-W10\n\n3月4日 周一\n10:02 <i>晓雨</i>：请问<script>alert(1)</script>周六在哪里？\n' : '',
  }
}

export function makeChatDTO() {
  return {
    total: 2,
    messages: [
      { id: 101, name: '<i>晓雨</i>', at: '2024-03-04T10:02:18+08:00', kind: 'text', content: '请问<script>alert(1)</script>周六在哪里？', highlightId: 0 },
      { id: 102, name: '王大力', at: '2024-03-04T12:31:09+08:00', kind: 'image', content: '<msg><img/></msg>', highlightId: 0 },
    ],
  }
}
