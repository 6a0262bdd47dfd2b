import type { GlobalThemeOverrides } from 'naive-ui'

// One accent: WeChat green. The light theme uses a deeper shade so green text
// and white-on-green buttons stay readable (≈4:1 on white instead of 2.4:1).
const accent = {
  light: { base: '#079150', hover: '#07a05a', pressed: '#067d45', suppl: '#07a05a' },
  dark: { base: '#07c160', hover: '#2bcf7b', pressed: '#06ad56', suppl: '#2bcf7b' },
}

// System UI fonts first, then the common Chinese fonts of each platform.
export const fontFamily =
  'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", sans-serif'

export const fontFamilyMono =
  'ui-monospace, "SFMono-Regular", "Cascadia Mono", Consolas, "Liberation Mono", "Noto Sans Mono CJK SC", monospace'

export function themeOverrides(dark: boolean): GlobalThemeOverrides {
  const a = dark ? accent.dark : accent.light
  return {
    common: {
      primaryColor: a.base,
      primaryColorHover: a.hover,
      primaryColorPressed: a.pressed,
      primaryColorSuppl: a.suppl,
      fontFamily,
      fontFamilyMono,
    },
  }
}

/** The series colours every chart shares (accent first), for later echarts screens. */
export const chartPalette = ['#07a05a', '#3b7dd8', '#e0a100', '#d9534f', '#8a63d2', '#2aa7b8', '#7f8c8d']
