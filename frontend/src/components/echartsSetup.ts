// The part of echarts Qunzhu draws with, registered once. EChart loads this
// module on first use, so echarts (about 450 KB of script) is parsed only
// when a screen with a chart opens; the Overview draws none (its sparklines
// are SparkLine's SVG).
import * as echarts from 'echarts/core'
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts'
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
])

export const init = echarts.init
export type ECharts = echarts.ECharts
